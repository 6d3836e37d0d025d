import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastCheck from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/domain/date';
import {
  buildIndex,
  dateExtent,
  type FacetCounts,
  facetCounts,
  filterAndCount,
  filterIncidents,
  type IncidentFilter,
  type IncidentIndex,
  NO_FILTER,
  selectIncidents,
  TYPE_KEYS,
  type TypeKey,
} from '../../src/domain/filter';
import type { Incident } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';

/** A local calendar day number from `YYYY-MM-DD`; throws on a typo so a test never filters on null. */
function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** NO_FILTER with some fields changed; dates given as `YYYY-MM-DD`. */
function only(
  changes: Partial<Omit<IncidentFilter, 'from' | 'to'>> & { from?: string; to?: string } = {},
): IncidentFilter {
  const { from, to, ...rest } = changes;
  return {
    ...NO_FILTER,
    ...rest,
    from: from === undefined ? null : day(from),
    to: to === undefined ? null : day(to),
  };
}

type ActorSpec = readonly [name: string, role: string, attribution: string];

interface FeatureSpec {
  readonly id: string;
  readonly date: string;
  readonly precision?: string;
  /** ACLED event type; left out of the feature when absent. */
  readonly type?: string;
  readonly actors?: readonly ActorSpec[];
}

/** A FeatureCollection of minimal valid incidents (one source each, so parsing reports nothing). */
function fc(...features: FeatureSpec[]) {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: { type: 'Point', coordinates: [44.2775, 33.5294] },
      properties: {
        title: `Incident ${f.id}`,
        date: f.date,
        ...(f.precision === undefined ? {} : { datePrecision: f.precision }),
        ...(f.type === undefined ? {} : { eventType: f.type }),
        actors: (f.actors ?? []).map(([name, role, attribution]) => ({ name, role, attribution })),
        sources: [{ name: 'Test source', kind: 'other' }],
      },
    })),
  };
}

interface Loaded {
  readonly incidents: Incident[];
  readonly index: IncidentIndex;
}

function load(json: unknown, strict = false): Loaded {
  const { incidents, issues } = parseIncidents(json, { strict });
  expect(issues).toEqual([]);
  return { incidents, index: buildIndex(incidents) };
}

/** The ids `filter` selects, in the order filterIncidents returns them. */
function ids({ incidents, index }: Loaded, filter: IncidentFilter): string[] {
  return [...filterIncidents(index, filter)].map((i) => incidents[i]?.id ?? `missing index ${i}`);
}

/** Non-zero actor counts by name. */
function actorCounts({ index }: Loaded, counts: FacetCounts): Record<string, number> {
  const out: Record<string, number> = {};
  counts.actors.forEach((n, id) => {
    if (n > 0) out[index.actorNames[id] as string] = n;
  });
  return out;
}

/** Non-zero type counts by type key. */
function typeCounts(counts: FacetCounts): Partial<Record<TypeKey, number>> {
  const out: Partial<Record<TypeKey, number>> = {};
  counts.types.forEach((n, code) => {
    if (n > 0) out[TYPE_KEYS[code] as TypeKey] = n;
  });
  return out;
}

const dataset = load(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8')),
  true,
);

const TAJI = 'taji-rocket-attack-2020-03-11';
const BOUKAMAL = 'boukamal-airstrikes-2020-03-11';
const AIRPORT = 'baghdad-airport-strike-2020-01-03';
const EMBASSY = 'us-embassy-baghdad-protests-2019-12-31';
const US_STRIKES = 'us-strikes-kataib-hezbollah-2019-12-29';
const K1 = 'k1-rocket-attack-2019-12-27';
/** The bundled dataset, newest first. */
const ALL = [TAJI, BOUKAMAL, AIRPORT, EMBASSY, US_STRIKES, K1];

describe('filterIncidents by date', () => {
  const one = load(fc({ id: 'a', date: '2020-03-11' }));

  it('keeps an incident whose day equals either end of the range (both ends inclusive)', () => {
    expect(ids(one, only({ from: '2020-03-11', to: '2020-03-11' }))).toEqual(['a']);
    expect(ids(one, only({ from: '2020-03-11', to: '2020-03-20' }))).toEqual(['a']);
    expect(ids(one, only({ from: '2020-03-01', to: '2020-03-11' }))).toEqual(['a']);
  });

  it('drops an incident one day outside the range on either side', () => {
    expect(ids(one, only({ from: '2020-03-01', to: '2020-03-10' }))).toEqual([]);
    expect(ids(one, only({ from: '2020-03-12', to: '2020-03-20' }))).toEqual([]);
  });

  it('treats a missing bound as open', () => {
    expect(ids(one, only({ from: '2020-03-11' }))).toEqual(['a']);
    expect(ids(one, only({ from: '2020-03-12' }))).toEqual([]);
    expect(ids(one, only({ to: '2020-03-11' }))).toEqual(['a']);
    expect(ids(one, only({ to: '2020-03-10' }))).toEqual([]);
    expect(ids(one, NO_FILTER)).toEqual(['a']);
  });

  it('shows the two-day embassy protests for either of their days alone', () => {
    expect(ids(dataset, only({ from: '2019-12-31', to: '2019-12-31' }))).toEqual([EMBASSY]);
    expect(ids(dataset, only({ from: '2020-01-01', to: '2020-01-01' }))).toEqual([EMBASSY]);
  });

  it('keeps an interval incident when the range covers only part of it', () => {
    expect(ids(dataset, only({ from: '2020-01-01', to: '2020-01-02' }))).toEqual([EMBASSY]);
    expect(ids(dataset, only({ from: '2019-12-30', to: '2019-12-31' }))).toEqual([EMBASSY]);
    expect(ids(dataset, only({ to: '2019-12-31' }))).toEqual([EMBASSY, US_STRIKES, K1]);
    expect(ids(dataset, only({ from: '2020-01-01' }))).toEqual([TAJI, BOUKAMAL, AIRPORT, EMBASSY]);
  });

  it('widens a week-precision date to its ISO week, Monday to Sunday, across a new year', () => {
    // 2020-01-01 was a Wednesday: its ISO week runs Monday 2019-12-30 to Sunday 2020-01-05.
    const week = load(fc({ id: 'w', date: '2020-01-01', precision: 'week' }));
    expect(ids(week, only({ from: '2019-12-30', to: '2019-12-30' }))).toEqual(['w']);
    expect(ids(week, only({ from: '2020-01-05', to: '2020-01-05' }))).toEqual(['w']);
    expect(ids(week, only({ to: '2019-12-29' }))).toEqual([]);
    expect(ids(week, only({ from: '2020-01-06' }))).toEqual([]);
  });

  it('widens a month-precision date to its calendar month', () => {
    const month = load(
      fc(
        { id: 'feb', date: '2020-02', precision: 'month' },
        { id: 'mid', date: '2020-02-17', precision: 'month' },
      ),
    );
    // Newest first by the date as written: 17 February sorts before "February".
    expect(ids(month, only({ from: '2020-02-01', to: '2020-02-01' }))).toEqual(['mid', 'feb']);
    expect(ids(month, only({ from: '2020-02-29', to: '2020-02-29' }))).toEqual(['mid', 'feb']);
    expect(ids(month, only({ to: '2020-01-31' }))).toEqual([]);
    expect(ids(month, only({ from: '2020-03-01' }))).toEqual([]);
  });

  it('finds exactly Camp Taji and Boukamal in March 2020', () => {
    expect(ids(dataset, only({ from: '2020-03-01', to: '2020-03-31' }))).toEqual([TAJI, BOUKAMAL]);
  });

  it('finds only the airport strike on 3 January 2020, the local date', () => {
    expect(ids(dataset, only({ from: '2020-01-03', to: '2020-01-03' }))).toEqual([AIRPORT]);
  });

  it('finds nothing on 2 January 2020', () => {
    expect(ids(dataset, only({ from: '2020-01-02', to: '2020-01-02' }))).toEqual([]);
  });
});

describe('filterIncidents by actor', () => {
  it('keeps every incident naming the actor, in any role', () => {
    const found = ids(dataset, only({ actors: ['Kataib Hezbollah'] }));
    expect(found).toEqual([TAJI, EMBASSY, US_STRIKES, K1]);
    expect(found).not.toContain(BOUKAMAL);
  });

  it('needs the chosen name and role on the same actor entry', () => {
    // Kataib Hezbollah is the target, not the perpetrator, of the US strikes.
    expect(ids(dataset, only({ actors: ['Kataib Hezbollah'], role: 'perpetrator' }))).toEqual([
      TAJI,
      EMBASSY,
      K1,
    ]);
    expect(ids(dataset, only({ actors: ['Kataib Hezbollah'], role: 'target' }))).toEqual([US_STRIKES]);
    // The coalition is the target at Taji and K-1 and the suspected perpetrator at Boukamal.
    expect(ids(dataset, only({ actors: ['US-led coalition'], role: 'perpetrator' }))).toEqual([BOUKAMAL]);
  });

  it('with attribution "confirmed" keeps confirmed and claimed entries only', () => {
    const five = load(
      fc(
        { id: 'confirmed', date: '2020-01-05', actors: [['X', 'perpetrator', 'confirmed']] },
        { id: 'claimed', date: '2020-01-04', actors: [['X', 'perpetrator', 'claimed']] },
        { id: 'suspected', date: '2020-01-03', actors: [['X', 'perpetrator', 'suspected']] },
        { id: 'disputed', date: '2020-01-02', actors: [['X', 'perpetrator', 'disputed']] },
        { id: 'unknown', date: '2020-01-01', actors: [['X', 'perpetrator', 'unknown']] },
      ),
    );
    expect(ids(five, only({ attribution: 'confirmed' }))).toEqual(['confirmed', 'claimed']);
    expect(ids(five, only({ actors: ['X'], attribution: 'confirmed' }))).toEqual(['confirmed', 'claimed']);
  });

  it('applies role and attribution to any actor when no actor is chosen', () => {
    // Perpetrators that are confirmed or claimed: the League's claim at Taji, the US military twice, and
    // Kataib Hezbollah at the embassy (a US official said the crowd was mostly KH, and al-Muhandis led the march).
    expect(ids(dataset, only({ role: 'perpetrator', attribution: 'confirmed' }))).toEqual([
      TAJI,
      AIRPORT,
      EMBASSY,
      US_STRIKES,
    ]);
    expect(ids(dataset, only({ role: 'target', attribution: 'confirmed' }))).toEqual([
      TAJI,
      AIRPORT,
      EMBASSY,
      US_STRIKES,
      K1,
    ]);
    expect(ids(dataset, only({ attribution: 'confirmed' }))).not.toContain(BOUKAMAL);
  });

  it('keeps incidents with no actors unless a role, attribution or name is asked for', () => {
    const nobody = load(fc({ id: 'nobody', date: '2020-01-01' }));
    expect(ids(nobody, NO_FILTER)).toEqual(['nobody']);
    expect(ids(nobody, only({ role: 'perpetrator' }))).toEqual([]);
    expect(ids(nobody, only({ attribution: 'confirmed' }))).toEqual([]);
  });

  it('matches a "party" entry only when the role is any', () => {
    const party = load(fc({ id: 'p', date: '2020-01-01', actors: [['PMF', 'party', 'confirmed']] }));
    expect(ids(party, only({ actors: ['PMF'] }))).toEqual(['p']);
    expect(ids(party, only({ actors: ['PMF'], role: 'perpetrator' }))).toEqual([]);
    expect(ids(party, only({ actors: ['PMF'], role: 'target' }))).toEqual([]);
  });

  it('treats several chosen actors as either one', () => {
    expect(ids(dataset, only({ actors: ['Islamic State', 'Qassem Soleimani'] }))).toEqual([AIRPORT, K1]);
  });

  it('lists an incident once even when the chosen actor appears in it twice', () => {
    const twice = load(
      fc({
        id: 'both-sides',
        date: '2020-01-01',
        actors: [
          ['Militia', 'perpetrator', 'confirmed'],
          ['Militia', 'target', 'confirmed'],
        ],
      }),
    );
    expect(ids(twice, only({ actors: ['Militia'] }))).toEqual(['both-sides']);
  });

  it('matches nothing for an actor name the dataset does not contain (not everything)', () => {
    expect(ids(dataset, only({ actors: ['Nobody at all'] }))).toEqual([]);
    expect(ids(dataset, only({ actors: ['kataib hezbollah'] }))).toEqual([]);
    expect(ids(dataset, only({ actors: ['Nobody at all', 'Islamic State'] }))).toEqual([K1]);
  });
});

describe('filterIncidents by event type', () => {
  const typed = load(
    fc(
      { id: 'riot', date: '2020-01-04', type: 'Riots' },
      { id: 'untyped', date: '2020-01-03' },
      { id: 'battle', date: '2020-01-02', type: 'Battles' },
      { id: 'protest', date: '2020-01-01', type: 'Protests' },
    ),
  );

  it('keeps incidents of a chosen type', () => {
    expect(ids(typed, only({ types: ['Riots'] }))).toEqual(['riot']);
    expect(ids(dataset, only({ types: ['Riots'] }))).toEqual([EMBASSY]);
  });

  it('keeps incidents with no event type under "none"', () => {
    expect(ids(typed, only({ types: ['none'] }))).toEqual(['untyped']);
    expect(ids(dataset, only({ types: ['none'] }))).toEqual([]);
  });

  it('treats several chosen types as either one', () => {
    expect(ids(typed, only({ types: ['Battles', 'none', 'Protests'] }))).toEqual([
      'untyped',
      'battle',
      'protest',
    ]);
  });

  it('matches nothing for a type with no incidents', () => {
    expect(ids(typed, only({ types: ['Strategic developments'] }))).toEqual([]);
  });
});

describe('filterIncidents results', () => {
  it('requires every active filter to pass', () => {
    const filter = only({ from: '2019-12-01', to: '2020-01-31', actors: ['Kataib Hezbollah'] });
    expect(ids(dataset, filter)).toEqual([EMBASSY, US_STRIKES, K1]);
    expect(ids(dataset, { ...filter, types: ['Explosions/Remote violence'] })).toEqual([US_STRIKES, K1]);
    expect(ids(dataset, { ...filter, types: ['Explosions/Remote violence'], role: 'perpetrator' })).toEqual([
      K1,
    ]);
  });

  it('returns an empty array when nothing matches', () => {
    const none = filterIncidents(dataset.index, only({ from: '2021-01-01' }));
    expect(none).toBeInstanceOf(Uint32Array);
    expect(none).toHaveLength(0);
  });

  it('returns positions in the caller’s incident array', () => {
    const positions = [...filterIncidents(dataset.index, NO_FILTER)];
    expect(positions.map((i) => dataset.incidents[i]?.id)).toEqual(ALL);
    expect([...positions].sort()).toEqual(dataset.incidents.map((_, i) => i));
  });

  it('lists results newest first by start instant', () => {
    const keys = [...filterIncidents(dataset.index, NO_FILTER)].map(
      (i) => dataset.incidents[i]?.date.sortKey as number,
    );
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    // Taji (19:35 +03:00) comes before Boukamal, dated only by day, on the same 11 March.
    expect(ids(dataset, NO_FILTER)).toEqual(ALL);
  });

  it('keeps file order between incidents that start at the same moment', () => {
    const same = load(
      fc(
        { id: 'first', date: '2020-01-01' },
        { id: 'second', date: '2020-01-01' },
        { id: 'third', date: '2020-01-01' },
      ),
    );
    expect(ids(same, NO_FILTER)).toEqual(['first', 'second', 'third']);
  });
});

describe('facetCounts', () => {
  it('counts actors ignoring the actor filter but honouring the type filter', () => {
    const counts = facetCounts(dataset.index, only({ actors: ['Kataib Hezbollah'], types: ['Riots'] }));
    expect(actorCounts(dataset, counts)).toEqual({
      'Kataib Hezbollah': 1,
      'Popular Mobilization Forces': 1,
      'United States Embassy in Baghdad': 1,
    });
  });

  it('counts types ignoring the type filter but honouring the actor filter', () => {
    const counts = facetCounts(dataset.index, only({ actors: ['Kataib Hezbollah'], types: ['Riots'] }));
    expect(typeCounts(counts)).toEqual({ 'Explosions/Remote violence': 3, Riots: 1 });
  });

  it('honours the date range in the actor and type counts', () => {
    const counts = facetCounts(
      dataset.index,
      only({ from: '2020-03-01', to: '2020-03-31', actors: ['Kataib Hezbollah'] }),
    );
    expect(typeCounts(counts)).toEqual({ 'Explosions/Remote violence': 1 });
    expect(actorCounts(dataset, counts)).toEqual({
      'Kataib Hezbollah': 1,
      'League of Revolutionaries': 1,
      'US-led coalition': 2,
      'Unidentified military forces': 1,
      "Kata'ib al-Imam Ali": 1,
      'Popular Mobilization Forces': 1,
    });
  });

  it('honours role and attribution in the actor counts', () => {
    const counts = facetCounts(dataset.index, only({ role: 'perpetrator', attribution: 'confirmed' }));
    expect(actorCounts(dataset, counts)).toEqual({
      'Kataib Hezbollah': 1,
      'League of Revolutionaries': 1,
      'United States military': 2,
    });
  });

  it('lists under `undated` the incidents passing every filter but the date, newest first', () => {
    const filter = only({ from: '2020-03-01', to: '2020-03-31', actors: ['Kataib Hezbollah'] });
    const { undated } = facetCounts(dataset.index, filter);
    expect([...undated].map((i) => dataset.incidents[i]?.id)).toEqual([TAJI, EMBASSY, US_STRIKES, K1]);
    const typed = facetCounts(dataset.index, { ...filter, types: ['Riots'] }).undated;
    expect([...typed].map((i) => dataset.incidents[i]?.id)).toEqual([EMBASSY]);
  });

  it('counts an actor once per incident even when it is listed twice', () => {
    const twice = load(
      fc(
        {
          id: 'both-sides',
          date: '2020-01-02',
          actors: [
            ['Militia', 'perpetrator', 'confirmed'],
            ['Militia', 'target', 'claimed'],
          ],
        },
        { id: 'other', date: '2020-01-01', actors: [['Militia', 'target', 'suspected']] },
      ),
    );
    expect(actorCounts(twice, facetCounts(twice.index, NO_FILTER))).toEqual({ Militia: 2 });
    expect(actorCounts(twice, facetCounts(twice.index, only({ attribution: 'confirmed' })))).toEqual({
      Militia: 1,
    });
  });

  it('with no filter counts every incident once per type and once per actor named', () => {
    const counts = facetCounts(dataset.index, NO_FILTER);
    expect(typeCounts(counts)).toEqual({ 'Explosions/Remote violence': 5, Riots: 1 });
    expect(counts.types.reduce((a, b) => a + b, 0)).toBe(dataset.incidents.length);
    expect(actorCounts(dataset, counts)).toEqual({
      'Abu Mahdi al-Muhandis': 1,
      'Islamic State': 1,
      "Kata'ib al-Imam Ali": 1,
      'Kataib Hezbollah': 4,
      'League of Revolutionaries': 1,
      'Popular Mobilization Forces': 2,
      'Qassem Soleimani': 1,
      'Unidentified military forces': 1,
      'United States Embassy in Baghdad': 1,
      'United States military': 2,
      'US-led coalition': 3,
    });
    expect([...counts.undated].map((i) => dataset.incidents[i]?.id)).toEqual(ALL);
  });

  it('counts the untyped incidents under `none`', () => {
    const typed = load(
      fc({ id: 'untyped', date: '2020-01-02' }, { id: 'riot', date: '2020-01-01', type: 'Riots' }),
    );
    expect(typeCounts(facetCounts(typed.index, only({ types: ['Riots'] })))).toEqual({ none: 1, Riots: 1 });
  });
});

describe('dateExtent', () => {
  it('spans the first to the last local day of the dataset', () => {
    // Boukamal's strikes run into the night of 11–12 March (2020-03-11/2020-03-12).
    expect(dateExtent(dataset.index)).toEqual({ from: day('2019-12-27'), to: day('2020-03-12') });
  });

  it('includes the widening of week and month precision', () => {
    const widened = load(
      fc(
        { id: 'w', date: '2020-01-01', precision: 'week' },
        { id: 'm', date: '2020-02-10', precision: 'month' },
      ),
    );
    expect(dateExtent(widened.index)).toEqual({ from: day('2019-12-30'), to: day('2020-02-29') });
  });

  it('is null for no incidents', () => {
    expect(dateExtent(buildIndex([]))).toBeNull();
  });
});

describe('filterAndCount against a naive reference, under random data and filters', () => {
  const NAMES = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];
  const ROLES = ['perpetrator', 'target', 'party'] as const;
  const ATTRIBUTIONS = ['confirmed', 'claimed', 'suspected', 'disputed', 'unknown'] as const;
  const TYPES = TYPE_KEYS.filter((t) => t !== 'none');
  const start = day('2020-01-01');
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

  const feature = fastCheck.record({
    offset: fastCheck.integer({ min: 0, max: 40 }),
    length: fastCheck.integer({ min: 0, max: 3 }), // days; 0 = a single day
    precision: fastCheck.constantFrom('day', 'week', 'month'),
    type: fastCheck.option(fastCheck.constantFrom(...TYPES), { nil: undefined }),
    actors: fastCheck.array(
      fastCheck.tuple(
        fastCheck.constantFrom(...NAMES),
        fastCheck.constantFrom(...ROLES),
        fastCheck.constantFrom(...ATTRIBUTIONS),
      ),
      { maxLength: 3 },
    ),
  });
  const filter = fastCheck.record({
    from: fastCheck.option(fastCheck.integer({ min: -5, max: 45 }), { nil: null }),
    to: fastCheck.option(fastCheck.integer({ min: -5, max: 45 }), { nil: null }),
    actors: fastCheck.subarray([...NAMES, 'Nobody']),
    role: fastCheck.constantFrom('any', 'perpetrator', 'target'),
    attribution: fastCheck.constantFrom('any', 'confirmed'),
    types: fastCheck.subarray(TYPE_KEYS as TypeKey[]),
  });

  /** The rules of filter.ts, written the obvious way over the incident objects. */
  function reference(incidents: readonly Incident[], f: IncidentFilter) {
    const from = f.from ?? Number.NEGATIVE_INFINITY;
    const to = f.to ?? Number.POSITIVE_INFINITY;
    const entryOk = (a: Incident['actors'][number], ignoreNames: boolean) =>
      (f.role === 'any' || a.role === f.role) &&
      (f.attribution === 'any' || a.attribution === 'confirmed' || a.attribution === 'claimed') &&
      (ignoreNames || f.actors.length === 0 || f.actors.includes(a.name));
    const actorActive = f.actors.length > 0 || f.role !== 'any' || f.attribution !== 'any';
    const dateOk = (i: Incident) => i.date.lastDay >= from && i.date.firstDay <= to;
    const typeOk = (i: Incident) => f.types.length === 0 || f.types.includes(i.eventType ?? 'none');
    const actorOk = (i: Incident) => !actorActive || i.actors.some((a) => entryOk(a, false));
    const newestFirst = (keep: (i: Incident) => boolean) =>
      incidents
        .map((incident, position) => ({ incident, position }))
        .filter(({ incident }) => keep(incident))
        .sort((a, b) => b.incident.date.sortKey - a.incident.date.sortKey || a.position - b.position)
        .map(({ position }) => position);
    const types: Partial<Record<TypeKey, number>> = {};
    const actors: Record<string, number> = {};
    for (const incident of incidents) {
      if (dateOk(incident) && actorOk(incident)) {
        const key = incident.eventType ?? 'none';
        types[key] = (types[key] ?? 0) + 1;
      }
      if (dateOk(incident) && typeOk(incident)) {
        for (const name of new Set(incident.actors.filter((a) => entryOk(a, true)).map((a) => a.name)))
          actors[name] = (actors[name] ?? 0) + 1;
      }
    }
    return {
      shown: newestFirst((i) => dateOk(i) && typeOk(i) && actorOk(i)),
      undated: newestFirst((i) => typeOk(i) && actorOk(i)),
      types,
      actors,
    };
  }

  it('gives the same shown incidents, type and actor counts and undated incidents (each facet ignoring its own filter)', () => {
    fastCheck.assert(
      fastCheck.property(fastCheck.array(feature, { minLength: 1, maxLength: 25 }), filter, (specs, raw) => {
        const loaded = load(
          fc(
            ...specs.map((s, k) => ({
              id: `random-${k}`,
              date:
                s.length === 0
                  ? iso(start + s.offset)
                  : `${iso(start + s.offset)}/${iso(start + s.offset + s.length)}`,
              precision: s.length === 0 ? s.precision : 'day',
              type: s.type,
              actors: s.actors,
            })),
          ),
        );
        const f: IncidentFilter = {
          ...raw,
          from: raw.from === null ? null : start + raw.from,
          to: raw.to === null ? null : start + raw.to,
          types: raw.types,
        } as IncidentFilter;
        const expected = reference(loaded.incidents, f);
        const { shown, counts } = filterAndCount(loaded.index, f);
        expect([...shown]).toEqual(expected.shown);
        expect([...filterIncidents(loaded.index, f)]).toEqual(expected.shown);
        expect([...counts.undated]).toEqual(expected.undated);
        expect(typeCounts(counts)).toEqual(expected.types);
        expect(actorCounts(loaded, counts)).toEqual(expected.actors);
        expect(facetCounts(loaded.index, f)).toEqual(counts);
        // The same incidents in storage order, each once; a date-only caller may skip the undated list.
        const { ascending, newestFirst } = selectIncidents(loaded.index, f);
        expect([...newestFirst]).toEqual(expected.shown);
        expect([...ascending]).toEqual([...expected.shown].sort((a, b) => a - b));
        const kept = facetCounts(loaded.index, f, { undated: false });
        expect(kept.undated).toHaveLength(0);
        expect({ ...kept, undated: counts.undated }).toEqual(counts);
      }),
      { numRuns: 300, seed: 20_261_130 },
    );
  });
});
