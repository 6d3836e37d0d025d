/** The per-incident columns and the id table: every id found at its position, none invented. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIncidents, toFeature } from '../../scripts/generate/incidents';
import { buildIdTable, columnBounds, findId, idAt } from '../../src/domain/columns';
import { deriveDataset } from '../../src/domain/dataset';
import { parseIncidents } from '../../src/domain/parse';

describe('buildIdTable', () => {
  it('finds every id at its position, and nothing else (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1 }), { maxLength: 300 }),
        fc.string(),
        (ids, other) => {
          const table = buildIdTable(ids);
          ids.forEach((id, i) => {
            expect(idAt(table, i)).toBe(id);
            expect(findId(table, id)).toBe(i);
          });
          if (!ids.includes(other)) expect(findId(table, other)).toBeUndefined();
          expect(table.slots.length).toBeGreaterThanOrEqual(2 * ids.length);
        },
      ),
    );
  });

  it('holds ids of any script, and refuses a position it does not have', () => {
    const ids = ['k1-2019-12-27', 'الكاظمية', '巴格达-1', 'emoji-🚀', ''];
    const table = buildIdTable(ids);
    for (const [i, id] of ids.entries()) expect(findId(table, id)).toBe(i);
    expect(() => idAt(table, ids.length)).toThrow(`No incident at position ${ids.length}`);
  });
});

describe('deriveDataset columns', () => {
  const incidents = parseIncidents({
    type: 'FeatureCollection',
    features: [...generateIncidents({ count: 2_000, seed: 11 })].map(toFeature),
  }).incidents;
  const { columns } = deriveDataset(incidents);

  it('keep each incident’s numbers at its position', () => {
    expect(columns.count).toBe(incidents.length);
    incidents.forEach((incident, i) => {
      expect(columns.lon[i]).toBe(incident.lon);
      expect(columns.lat[i]).toBe(incident.lat);
      expect(idAt(columns.ids, i)).toBe(incident.id);
    });
  });

  it('bound every incident', () => {
    const box = columnBounds(columns);
    expect(box).not.toBeNull();
    const [west, south, east, north] = box as [number, number, number, number];
    expect(west).toBe(Math.min(...incidents.map((i) => i.lon)));
    expect(north).toBe(Math.max(...incidents.map((i) => i.lat)));
    expect(south).toBeLessThanOrEqual(north);
    expect(west).toBeLessThanOrEqual(east);
    expect(columnBounds({ ...columns, count: 0 })).toBeNull();
  });
});
