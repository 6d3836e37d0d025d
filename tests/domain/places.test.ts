import fastCheck from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident, IncidentId } from '../../src/domain/incident';
import { buildPlaceTable, NO_PLACE, placeNames } from '../../src/domain/places';

/** An incident at [lon, lat] naming `place` (or no place); other fields are irrelevant to labels. */
function at(lon: number, lat: number, place: { name: string; admin1?: string; country: string } | null) {
  return {
    id: `p-${lon}-${lat}` as IncidentId,
    lon,
    lat,
    place: place === null ? null : { admin1: null, ...place },
  } as unknown as Incident;
}

const BAGHDAD = { name: 'Baghdad', country: 'Iraq' };
const TAJI = { name: 'Taji', country: 'Iraq' };
const incidents = [
  at(44.3, 33.3, BAGHDAD),
  at(44.2, 33.5, TAJI),
  at(44.4, 33.2, BAGHDAD),
  at(40, 34, null),
  at(44.1, 33.6, TAJI),
  at(44.5, 33.4, BAGHDAD),
  at(36, 34, { name: 'Taji', country: 'Syria' }), // same name, another country
];

describe('buildPlaceTable', () => {
  it('gives each distinct place one code, in file order, and every incident its code', () => {
    const table = buildPlaceTable(incidents);
    expect(table.names).toEqual(['Baghdad', 'Taji', 'Taji']);
    expect([...table.codeOf]).toEqual([0, 1, 0, NO_PLACE, 1, 0, 2]);
  });

  it('places a label at the first incident of each place', () => {
    const table = buildPlaceTable(incidents);
    expect([...table.points]).toEqual([44.3, 33.3, 44.2, 33.5, 36, 34]);
  });
});

describe('placeNames', () => {
  const table = buildPlaceTable(incidents);

  it('counts only the incidents given, most named first, skipping incidents with no place', () => {
    expect(placeNames(table, [0, 1, 2, 3, 4, 5])).toEqual([
      { text: 'Baghdad', lon: 44.3, lat: 33.3, count: 3 },
      { text: 'Taji', lon: 44.2, lat: 33.5, count: 2 },
    ]);
    expect(placeNames(table, [1, 6])).toEqual([
      { text: 'Taji', lon: 44.2, lat: 33.5, count: 1 },
      { text: 'Taji', lon: 36, lat: 34, count: 1 },
    ]);
    expect(placeNames(table, [3])).toEqual([]);
  });

  it('returns at most `limit` places', () => {
    expect(placeNames(table, [0, 1, 2, 4, 6], 1)).toEqual([
      { text: 'Baghdad', lon: 44.3, lat: 33.3, count: 2 },
    ]);
    expect(placeNames(table, [0, 1], 0)).toEqual([]);
  });

  it('refuses an index outside the table, naming it', () => {
    expect(() => placeNames(table, [7])).toThrow('No incident at index 7 (have 7)');
  });

  it('equals counting place names by hand and sorting, for random data and limits', () => {
    fastCheck.assert(
      fastCheck.property(
        fastCheck.array(fastCheck.option(fastCheck.integer({ min: 0, max: 30 }), { nil: null }), {
          minLength: 1,
          maxLength: 200,
        }),
        fastCheck.integer({ min: 0, max: 12 }),
        fastCheck.integer({ min: 0, max: 1_000 }),
        (places, limit, seed) => {
          const data = places.map((p, i) =>
            at(i, -i, p === null ? null : { name: `Town ${p}`, country: 'Iraq' }),
          );
          const shown = data.map((_, i) => i).filter((i) => (i * 7919 + seed) % 3 !== 0);
          const counts = new Map<string, { count: number; first: number }>();
          data.forEach((incident, i) => {
            const name = incident.place?.name;
            if (name === undefined) return;
            const entry = counts.get(name) ?? { count: 0, first: i };
            if (shown.includes(i)) entry.count++;
            counts.set(name, entry);
          });
          const expected = [...counts.entries()]
            .filter(([, e]) => e.count > 0)
            .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
            .slice(0, limit)
            .map(([name, e]) => ({ text: name, count: e.count, lon: e.first, lat: -e.first }));
          const got = placeNames(buildPlaceTable(data), shown, limit);
          expect(got.map((p) => ({ text: p.text, count: p.count, lon: p.lon, lat: p.lat + 0 }))).toEqual(
            expected.map((p) => ({ ...p, lat: p.lat + 0 })),
          );
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  });
});
