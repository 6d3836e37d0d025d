import { describe, expect, it } from 'vitest';
import { safeHttpUrl, safeLink } from '../../src/domain/safe-url';

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

describe('credentials in a URL (issue 6.6)', () => {
  it.each([
    ['https://user:pw@host.example/report', 'https://host.example/report'],
    ['https://user@host.example/', 'https://host.example/'],
    ['http://:secret@host.example/a?b=1#c', 'http://host.example/a?b=1#c'],
  ])('links %j without them, and says they were removed', (text, href) => {
    expect(safeLink(text)).toEqual({ href, removedCredentials: true });
    expect(safeHttpUrl(text)).toBe(href);
  });

  it('leaves a URL without credentials as it is', () => {
    expect(safeLink('https://example.org/a')).toEqual({
      href: 'https://example.org/a',
      removedCredentials: false,
    });
  });

  it('keeps a non-http URL with credentials as text', () => {
    expect(safeLink('ftp://user:pw@host.example/')).toBeNull();
  });
});
