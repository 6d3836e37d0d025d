// @vitest-environment happy-dom
/**
 * Popups with hostile sizes and URLs (issue 6.6): a 5 MB summary blocked the page for 1.8 s when its popup
 * opened, and `https://user:pw@host/` became a link carrying the credentials.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';
import { buildPopupContent, SUMMARY_PREVIEW_CHARS, summaryStart } from '../../src/map/popup-content';

function incidentWith(properties: Record<string, unknown>): Incident {
  const { incidents } = parseIncidents({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'x',
        geometry: { type: 'Point', coordinates: [44, 33] },
        properties: { title: 'Hostile sizes', date: '2020-01-01', ...properties },
      },
    ],
  });
  const incident = incidents[0];
  if (!incident) throw new Error('the test incident did not parse');
  return incident;
}

const links = { titleOf: () => null, hrefOf: (id: string) => `?id=${id}`, open: vi.fn() };

describe('a 5 MB summary', () => {
  const summary = 'word '.repeat(1_000_000); // 5,000,000 characters
  const popup = buildPopupContent(incidentWith({ summary }), links);
  const paragraph = popup.querySelector('p.summary');

  it('shows only its start, with a Show all button', () => {
    expect(paragraph?.textContent?.length).toBeLessThanOrEqual(SUMMARY_PREVIEW_CHARS + 1);
    expect(paragraph?.textContent?.endsWith('\u2026')).toBe(true);
    const button = popup.querySelector('button.summary-more');
    expect(button?.textContent).toMatch(/^Show all \([\d,]+ more characters\)$/);
  });

  it('shows the whole summary when asked', () => {
    const button = popup.querySelector<HTMLButtonElement>('button.summary-more');
    expect(button).not.toBeNull();
    button?.click();
    expect(paragraph?.textContent).toBe(summary);
    expect(popup.querySelector('button.summary-more')).toBeNull();
  });

  it('shows a summary of ordinary length whole, without a button', () => {
    const short = buildPopupContent(incidentWith({ summary: 'A short summary.' }), links);
    expect(short.querySelector('p.summary')?.textContent).toBe('A short summary.');
    expect(short.querySelector('button.summary-more')).toBeNull();
  });
});

describe('summaryStart', () => {
  it('ends at a space near the limit', () => {
    expect(summaryStart('abcdefghijklmnopq rstuvwxyz', 20)).toBe('abcdefghijklmnopq');
    expect(summaryStart('abcdefgh ijklmnopqrstuvwxyz', 20)).toBe('abcdefgh ijklmnopqrs'); // no space near
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'a'.repeat(9)}\u{1F600}bbbb`; // the emoji takes units 9 and 10
    expect(summaryStart(text, 10)).toBe('a'.repeat(9));
  });
});

describe('a source URL with a user name and password', () => {
  const popup = buildPopupContent(
    incidentWith({
      sources: [{ name: 'Leaky', url: 'https://user:pw@host.example/report', kind: 'media' }],
    }),
    links,
  );

  it('links without the credentials and says they were left out', () => {
    const anchors = [...popup.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(anchors).toContain('https://host.example/report');
    expect(anchors.some((href) => href?.includes('pw@'))).toBe(false);
    expect(popup.textContent).not.toContain('user:pw');
    expect(popup.querySelector('.source-url-note')?.textContent).toBe(
      ' (link without the user name and password in the data)',
    );
  });
});
