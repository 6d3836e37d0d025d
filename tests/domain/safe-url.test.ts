import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/domain/safe-url';

describe('safeHttpUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(safeHttpUrl('https://www.shropshirestar.com/news/')).toBe('https://www.shropshirestar.com/news/');
    expect(safeHttpUrl('HTTP://Example.com')).toBe('http://example.com/');
  });

  it.each([
    ' JaVaScRiPt:alert(1)',
    'javascript:alert(document.cookie)',
    '\tjavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    'not a url',
    '',
  ])('keeps %j as text', (text) => {
    expect(safeHttpUrl(text)).toBeNull();
  });

  it('is null for a missing URL', () => {
    expect(safeHttpUrl(null)).toBeNull();
  });
});
