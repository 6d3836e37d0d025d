// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { countFrom } from '../../src/domain/counts';
import type { Incident, IncidentId, Source } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';
import { buildPopupContent, type PopupLinks } from '../../src/map/popup-content';

const { incidents, issues } = parseIncidents(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8')),
  { strict: true },
);

function incident(id: string): Incident {
  const found = incidents.find((i) => i.id === id);
  if (!found) throw new Error(`no incident ${id} in the bundled dataset`);
  return found;
}

const taji = incident('taji-rocket-attack-2020-03-11');

/** Links that know the bundled titles, with `open` as a spy. */
function links(titleOf: (id: IncidentId) => string | null = (id) => incident(id).title): PopupLinks {
  return { titleOf, hrefOf: (id) => `?id=${encodeURIComponent(id)}`, open: vi.fn() };
}

/** Each `<dt>` text mapped to the text of its `<dd>`. */
function facts(popup: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of popup.querySelectorAll('dl.facts > dt')) {
    out[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
  }
  return out;
}

function sourceItems(popup: HTMLElement): HTMLElement[] {
  return [...popup.querySelectorAll<HTMLElement>('ol.sources > li')];
}

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(1)</script>';

function source(url: string | null, name = 'A source'): Source {
  return { name, url, kind: 'media', published: null };
}

describe('buildPopupContent for the Camp Taji attack', () => {
  it('loads the bundled dataset without issues', () => {
    expect(issues).toEqual([]);
  });

  it('shows the title as the heading that labels the popup', () => {
    const popup = buildPopupContent(taji, links());
    const heading = popup.querySelector('h2');
    expect(heading?.textContent).toBe('Rocket attack on Camp Taji');
    expect(popup.getAttribute('aria-labelledby')).toBe(heading?.id);
  });

  it('shows the local time with its UTC offset, and the machine-readable date', () => {
    const popup = buildPopupContent(taji, links());
    const time = popup.querySelector('time');
    expect(time?.textContent).toBe('11 Mar 2020, 19:35 (UTC+3)');
    expect(time?.getAttribute('datetime')).toBe('2020-03-11T19:35+03:00');
  });

  it('lists each actor with role and attribution', () => {
    const popup = buildPopupContent(taji, links());
    expect([...popup.querySelectorAll('ul.actors > li')].map((li) => li.textContent)).toEqual([
      'Kataib Hezbollah \u2014 perpetrator, suspected',
      'League of Revolutionaries \u2014 perpetrator, claimed',
      'US-led coalition \u2014 target, confirmed',
    ]);
  });

  it('shows the place, the type and the counts', () => {
    const shown = facts(buildPopupContent(taji, links()));
    expect(shown.Where).toBe('Camp Taji, Baghdad, Iraq \u00b7 exact site');
    expect(shown.What).toBe('Explosions/Remote violence \u2014 Shelling/artillery/missile attack');
    expect(shown.Killed).toBe('3');
    // Conflicting reports, side by side (corrected facts): a dozen on the day, 14 the next.
    expect(shown.Injured).toMatch(
      /^12 injured — US officials and the coalition.*, 11 Mar 2020.*14 injured — US Department of Defense.*, 12 Mar 2020/,
    );
  });

  it('says "not reported" for a null count and keeps zero as 0', () => {
    const shown = facts(
      buildPopupContent({ ...taji, fatalities: countFrom(0), injured: countFrom(null) }, links()),
    );
    expect(shown.Killed).toBe('0');
    expect(shown.Injured).toBe('not reported');
  });

  it('links every source in a new tab without an opener or referrer', () => {
    const popup = buildPopupContent(taji, links());
    const anchors = sourceItems(popup).map((li) => li.querySelector('a'));
    expect(anchors).toHaveLength(taji.sources.length);
    anchors.forEach((a, i) => {
      expect(a?.getAttribute('href')).toBe(taji.sources[i]?.url);
      expect(a?.textContent).toBe(taji.sources[i]?.name);
      expect(a?.getAttribute('target')).toBe('_blank');
      expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
    });
    expect(sourceItems(popup)[0]?.textContent).toContain('(news media, 2020-03-11)');
  });

  it('links related incidents by their shareable href and opens them in place on click', () => {
    const l = links();
    const popup = buildPopupContent(taji, l);
    const related = [...popup.querySelectorAll<HTMLAnchorElement>('a.related-link')];
    expect(related.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Rocket attack on K-1 Air Base, Kirkuk', '?id=k1-rocket-attack-2019-12-27'],
      [
        'Air strikes on pro-Iran militia positions in the Boukamal (Abu Kamal) area',
        '?id=boukamal-airstrikes-2020-03-11',
      ],
    ]);
    expect(popup.querySelector('ul.related')?.textContent).toContain('Not related to (per sources): ');

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    related[1]?.dispatchEvent(click);
    expect(l.open).toHaveBeenCalledExactlyOnceWith('boukamal-airstrikes-2020-03-11');
    expect(click.defaultPrevented).toBe(true);
  });

  it('leaves out a related incident that is not loaded', () => {
    const popup = buildPopupContent(
      taji,
      links((id) => (id === 'k1-rocket-attack-2019-12-27' ? null : incident(id).title)),
    );
    expect([...popup.querySelectorAll('a.related-link')].map((a) => a.getAttribute('href'))).toEqual([
      '?id=boukamal-airstrikes-2020-03-11',
    ]);
  });

  it('drops the related section when none of the related incidents is loaded', () => {
    const popup = buildPopupContent(
      taji,
      links(() => null),
    );
    expect(popup.querySelector('ul.related')).toBeNull();
    expect(popup.textContent).not.toContain('Related incidents');
  });
});

describe('buildPopupContent with hostile data', () => {
  const hostile: Incident = {
    ...taji,
    id: `"><img src=x onerror=alert(1)>` as IncidentId,
    title: HOSTILE,
    summary: HOSTILE,
    subEventType: HOSTILE,
    actors: [{ name: HOSTILE, role: 'perpetrator', attribution: 'suspected' }],
    place: { name: HOSTILE, admin1: HOSTILE, country: HOSTILE },
    sources: [source('https://example.org/report', HOSTILE), source(null, HOSTILE)],
  };
  const popup = buildPopupContent(
    hostile,
    links(() => HOSTILE),
  );

  it('creates no element from markup in any text field', () => {
    expect(popup.querySelector('img, script')).toBeNull();
  });

  it('shows the markup as literal text in every field', () => {
    expect(popup.querySelector('h2')?.textContent).toBe(HOSTILE);
    expect(popup.querySelector('p.summary')?.textContent).toBe(HOSTILE);
    expect(popup.querySelector('ul.actors > li')?.textContent).toBe(
      `${HOSTILE} \u2014 perpetrator, suspected`,
    );
    expect(facts(popup).Where).toContain(`${HOSTILE}, ${HOSTILE}, ${HOSTILE}`);
    expect(facts(popup).What).toContain(HOSTILE);
    expect(sourceItems(popup).map((li) => li.firstElementChild?.textContent)).toEqual([HOSTILE, HOSTILE]);
    expect(popup.querySelector('a.related-link')?.textContent).toBe(HOSTILE);
  });

  it('keeps a hostile id inside attribute values', () => {
    expect(popup.getAttribute('data-incident-id')).toBe(hostile.id);
    expect(popup.querySelector('h2')?.id).toBe(`popup-title-${encodeURIComponent(hostile.id)}`);
    expect(popup.textContent).toContain(`id ${hostile.id}`);
  });
});

describe('buildPopupContent source links', () => {
  it.each([
    ' JaVaScRiPt:alert(1)',
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//example.org/protocol-relative',
    'example.org/no-scheme',
  ])('shows %j as text, not as a link', (url) => {
    const popup = buildPopupContent({ ...taji, sources: [source(url)] }, links());
    const [item] = sourceItems(popup);
    expect(item?.querySelector('a')).toBeNull();
    expect(item?.textContent).toContain('A source');
    expect(item?.textContent).toContain(url);
  });

  it.each([
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['HTTP://EXAMPLE.ORG/Report', 'http://example.org/Report'],
  ])('links %j as %j', (url, href) => {
    const popup = buildPopupContent({ ...taji, sources: [source(url)] }, links());
    const a = sourceItems(popup)[0]?.querySelector('a');
    expect(a?.getAttribute('href')).toBe(href);
    expect(a?.textContent).toBe('A source');
  });

  it('shows a source without a URL by name only', () => {
    const popup = buildPopupContent({ ...taji, sources: [source(null)] }, links());
    const [item] = sourceItems(popup);
    expect(item?.querySelector('a')).toBeNull();
    expect(item?.textContent).toBe('A source (news media)');
  });

  it('warns when no source is given', () => {
    const popup = buildPopupContent({ ...taji, sources: [] }, links());
    expect(popup.querySelector('p.warning')?.textContent).toBe('No source given.');
    expect(popup.querySelector('ol.sources')).toBeNull();
  });
});
