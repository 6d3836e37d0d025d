/**
 * The bundled dataset (geodata/incidents.geojson) as the fact check left it: the article cited first by
 * every incident, Wikipedia cited directly rather than through mirrors, the relations the article states,
 * and the corrections of ../shared/sources/incident-facts.md ("Corrections") — disputed attribution of the
 * coalition at Boukamal, and conflicting counts recorded as reports `{ value | low+high, source, reported,
 * url?, note? }` (docs/data-format.md).
 *
 * These tests read the raw JSON, so they hold whatever the parser does. The strict parse and the JSON
 * Schema check of the same file need the parser and schema that accept count reports.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/domain/safe-url';

interface RawSource {
  name: string;
  url?: string;
  kind: string;
  published?: string;
}
interface RawReport {
  value?: number;
  low?: number;
  high?: number;
  source: string;
  reported?: string;
  url?: string;
  note?: string;
}
type RawCount = number | null | RawReport[];
interface RawFeature {
  id: string;
  geometry: { type: string; coordinates: number[] };
  properties: {
    title: string;
    summary: string;
    date: string;
    datePrecision: string;
    actors: { name: string; role: string; attribution: string }[];
    fatalities: RawCount;
    injured: RawCount;
    place: { name: string; admin1?: string; country: string };
    sources: RawSource[];
    related: { id: string; relation: string }[];
  };
}

const root = resolve(import.meta.dirname, '..', '..');
const bundled = JSON.parse(readFileSync(resolve(root, 'geodata/incidents.geojson'), 'utf8')) as {
  features: RawFeature[];
};
const ARTICLE =
  'https://www.shropshirestar.com/news/world-news/2020/03/11/three-killed-in-rocket-attack-on-iraq-base/';

const TAJI = 'taji-rocket-attack-2020-03-11';
const K1 = 'k1-rocket-attack-2019-12-27';
const DEC29 = 'us-strikes-kataib-hezbollah-2019-12-29';
const EMBASSY = 'us-embassy-baghdad-protests-2019-12-31';
const AIRPORT = 'baghdad-airport-strike-2020-01-03';
const BOUKAMAL = 'boukamal-airstrikes-2020-03-11';

const AFP_TN = 'https://www.thenews.com.pk/print/628204-east-syria-strike-kills-26-iraqi-fighters';
const NBC_AOL =
  'https://www.aol.com/article/news/2019/12/31/us-embassy-compound-in-baghdad-stormed-by-protesters-after-iraq-airstrikes/23890218/';
const DOD_TAJI =
  'https://www.defense.gov/News/News-Stories/Article/Article/2110498/iranian-backed-group-kills-3-coalition-force-members-in-iraq/';

const props = (id: string) => {
  const found = bundled.features.find((f) => f.id === id);
  if (!found) throw new Error(`No incident ${id} in geodata/incidents.geojson`);
  return found.properties;
};
const urls = (id: string) => props(id).sources.map((s) => s.url);
/** The reports of a count written as an array; fails the test when the count is a plain number or null. */
const reports = (count: RawCount): RawReport[] => {
  expect(Array.isArray(count), `expected an array of reports, got ${JSON.stringify(count)}`).toBe(true);
  return count as RawReport[];
};
const ISO_DAY = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

describe('the bundled dataset', () => {
  it('has the six incidents of the article, each citing the article first', () => {
    expect(bundled.features.map((f) => f.id)).toEqual([TAJI, K1, DEC29, EMBASSY, AIRPORT, BOUKAMAL]);
    for (const f of bundled.features) expect(f.properties.sources[0]?.url, f.id).toBe(ARTICLE);
  });

  it('links every source over http(s), and cites Wikipedia directly instead of through mirrors', () => {
    const mirrors = /wikimili|qwertyu|xcv\.wiki|richxsearch|movatter|piglix|wikide\.org|upnewsinfo/;
    for (const f of bundled.features) {
      for (const source of f.properties.sources) {
        expect(source.url, `${f.id}: ${source.name}`).toBeDefined();
        expect(safeHttpUrl(source.url ?? ''), `${f.id}: ${source.url}`).not.toBeNull();
        expect(source.url, f.id).not.toMatch(mirrors);
        if (/wikipedia/i.test(source.name))
          expect(source.url, f.id).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\//);
      }
    }
  });

  it('writes every count as a whole number, null, or reports that each have a figure, a source and a date', () => {
    for (const f of bundled.features) {
      for (const field of ['fatalities', 'injured'] as const) {
        const count = f.properties[field];
        if (!Array.isArray(count)) {
          expect(count === null || isCount(count), `${f.id}.${field}`).toBe(true);
          continue;
        }
        expect(count.length, `${f.id}.${field}`).toBeGreaterThan(0);
        for (const r of count) {
          const where = `${f.id}.${field}: ${JSON.stringify(r)}`;
          expect(isCount(r.value) || (isCount(r.low) && isCount(r.high)), where).toBe(true);
          if (r.low !== undefined && r.high !== undefined) expect(r.low, where).toBeLessThanOrEqual(r.high);
          expect(r.source.trim(), where).not.toBe('');
          expect(r.reported, where).toMatch(ISO_DAY);
          // A report's link is one of the incident's sources, so the source list stays complete.
          if (r.url !== undefined) expect(urls(f.id), where).toContain(r.url);
        }
        // Listed in the order they were reported, so "latest" can break a same-day tie by list order.
        const dates = count.map((r) => r.reported ?? '');
        expect(dates, `${f.id}.${field}`).toEqual([...dates].sort());
      }
    }
  });

  it('never says a summary uses one figure where the data keeps several reports', () => {
    for (const f of bundled.features) expect(f.properties.summary, f.id).not.toMatch(/figure used here/);
  });

  it('dates each incident as the sources say', () => {
    expect(props(TAJI).date).toBe('2020-03-11T19:35+03:00');
    expect(props(K1).date).toBe('2019-12-27T19:20+03:00');
    expect(props(DEC29).date).toBe('2019-12-29');
    expect(props(EMBASSY).date).toBe('2019-12-31/2020-01-01');
    expect(props(AIRPORT).date).toBe('2020-01-03');
    // "Late on Wednesday" (the article, Syrian state media) against "early hours of Thursday" (Press TV).
    expect([props(BOUKAMAL).date, props(BOUKAMAL).datePrecision]).toEqual(['2020-03-11/2020-03-12', 'day']);
  });

  it('states the relations the article states, each with its inverse', () => {
    const has = (id: string, relation: string, other: string) =>
      expect(props(id).related).toContainEqual({ id: other, relation });
    has(K1, 'prompted', DEC29);
    has(DEC29, 'promptedBy', K1);
    has(DEC29, 'ledTo', EMBASSY);
    has(EMBASSY, 'resultedFrom', DEC29);
    has(EMBASSY, 'followedBy', AIRPORT);
    has(AIRPORT, 'follows', EMBASSY);
    has(BOUKAMAL, 'notRelatedTo', TAJI);
    has(TAJI, 'notRelatedTo', BOUKAMAL);
    has(TAJI, 'context', K1);
    has(K1, 'context', TAJI);
  });
});

describe('the corrections of the fact check', () => {
  it('Boukamal: the coalition is a disputed perpetrator, its denial cited and told', () => {
    const p = props(BOUKAMAL);
    expect(p.actors).toContainEqual({
      name: 'US-led coalition',
      role: 'perpetrator',
      attribution: 'disputed',
    });
    expect(p.actors).toContainEqual({
      name: 'Unidentified military forces',
      role: 'perpetrator',
      attribution: 'unknown',
    });
    expect(urls(BOUKAMAL)).toContain(AFP_TN);
    expect(p.summary).toContain('did not conduct any strikes in Syria or Iraq last night');
    expect(p.summary).toMatch(/disputed/);
  });

  it('Boukamal: the death toll is three reports — state media none, SOHR 18, then SOHR 26', () => {
    const r = reports(props(BOUKAMAL).fatalities);
    expect(r.map(({ value, source, reported }) => ({ value, source, reported }))).toEqual([
      { value: 0, source: 'Syrian state media (SANA), via Reuters', reported: '2020-03-11' },
      { value: 18, source: 'Syrian Observatory for Human Rights (SOHR)', reported: '2020-03-12' },
      { value: 26, source: 'SOHR, via AFP', reported: '2020-03-12' },
    ]);
    expect(r[0]?.note).toBe('material damage only');
    expect(r[0]?.url).toMatch(/devdiscourse\.com/);
    expect(r[1]?.url).toMatch(/agenzianova\.com/);
    expect(r[2]?.url).toBe(AFP_TN);
  });

  it('Boukamal: better copies replace the weak outlets, which stay only where they add a fact', () => {
    const u = urls(BOUKAMAL);
    expect(u).not.toContainEqual(expect.stringMatching(/bigleaguepolitics/));
    expect(u).toContainEqual(expect.stringMatching(/udayavani\.com/));
    expect(u).toContainEqual(expect.stringMatching(/devdiscourse\.com/));
    // Sajed.ir stays as the only source for the "early Thursday" timing.
    const sajed = props(BOUKAMAL).sources.find((s) => s.url?.includes('sajed.ir'));
    expect(sajed?.name).toMatch(/Thursday/);
  });

  it('the airport strike: the death toll is the PMF count of 7, then 10 from Iran', () => {
    const r = reports(props(AIRPORT).fatalities);
    expect(r.map(({ value, reported }) => ({ value, reported }))).toEqual([
      { value: 7, reported: '2020-01-03' },
      { value: 10, reported: '2020-01-03' },
    ]);
    expect(r[0]?.source).toMatch(/Popular Mobilization Forces/);
    expect(r[0]?.note).toMatch(/two "guests"/);
    expect(r[1]?.source).toMatch(/Iran's ambassador to Iraq.*Iranian state media/);
    expect(r[1]?.note).toMatch(/five Iranians including Soleimani and five Iraqis including al-Muhandis/);
    expect(props(AIRPORT).injured).toBeNull();
  });

  it('Camp Taji: 3 killed; the wounded are 12 (the article, 11 Mar) and 14 (the Pentagon, 12 Mar)', () => {
    const p = props(TAJI);
    expect(p.fatalities).toBe(3);
    const r = reports(p.injured);
    expect(r.map(({ value, reported, url }) => ({ value, reported, url }))).toEqual([
      { value: 12, reported: '2020-03-11', url: ARTICLE },
      { value: 14, reported: '2020-03-12', url: DOD_TAJI },
    ]);
    expect(r[0]?.note).toMatch(/5 seriously wounded and evacuated, 7 still being evaluated/);
    expect(r[1]?.note).toMatch(/5 of them critically/);
    expect(p.actors).toContainEqual({
      name: 'Kataib Hezbollah',
      role: 'perpetrator',
      attribution: 'suspected',
    });
  });

  it('Camp Taji: the League of Revolutionaries claim cites reports of the claim, not a Wikipedia revision', () => {
    const p = props(TAJI);
    expect(p.actors).toContainEqual({
      name: 'League of Revolutionaries',
      role: 'perpetrator',
      attribution: 'claimed',
    });
    expect(urls(TAJI)).not.toContain('https://en.wikipedia.org/wiki/2020_Camp_Taji_attack');
    const claim = p.sources.filter((s) => /League of Revolutionaries|Revolutionary League/.test(s.name));
    expect(claim.map((s) => s.url)).toEqual([
      expect.stringMatching(/agenzianova\.com\/.*2020-03-16/),
      expect.stringMatching(/middleeasteye\.net/),
    ]);
    expect(p.summary).toMatch(/claimed the attack in a video on 15 March/);
    expect(p.summary).not.toMatch(/Wikipedia revision/);
  });

  it('the embassy: the PMF claim of at least 62 hurt is one unverified report, and the groups are confirmed', () => {
    const p = props(EMBASSY);
    expect(p.fatalities).toBe(0);
    expect(reports(p.injured)).toEqual([
      {
        value: 62,
        source: 'Popular Mobilization Forces, via NBC News',
        reported: '2019-12-31',
        url: NBC_AOL,
        note: 'at least 62 demonstrators hurt by live fire and tear gas; NBC News could not verify the figure',
      },
    ]);
    expect(p.summary).not.toMatch(/no count of lighter injuries/);
    expect(p.summary).toMatch(/at least 62/);
    expect(p.actors).toContainEqual({
      name: 'Kataib Hezbollah',
      role: 'perpetrator',
      attribution: 'confirmed',
    });
    expect(p.actors).toContainEqual({
      name: 'Popular Mobilization Forces',
      role: 'party',
      attribution: 'confirmed',
    });
    // The reason given matches the attribution: no longer "rest on later media reports … suspected".
    expect(p.summary).not.toMatch(/recorded as suspected/);
    expect(p.summary).toMatch(/recorded as confirmed/);
  });

  it('the 29 December strikes: the place and the summary say Iraq and Syria', () => {
    const p = props(DEC29);
    expect(p.place).toEqual({
      name: "Al-Qa'im district, and two sites in Syria",
      admin1: 'Anbar',
      country: 'Iraq',
    });
    expect(p.summary).toMatch(/three in Iraq and two in Syria/);
    expect([p.fatalities, p.injured]).toEqual([25, 55]);
  });

  it('K-1: 1 killed, Kataib Hezbollah disputed, the New York Times read through a newspaper that carries it', () => {
    const p = props(K1);
    expect([p.fatalities, p.injured]).toEqual([1, 6]);
    expect(p.actors).toContainEqual({
      name: 'Kataib Hezbollah',
      role: 'perpetrator',
      attribution: 'disputed',
    });
    expect(urls(K1)).toContainEqual(
      expect.stringMatching(/^https:\/\/www\.bostonglobe\.com\/.*iraqis-question/),
    );
  });
});
