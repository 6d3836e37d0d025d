/**
 * The shelf of loaded datasets: combining them (first to use an id keeps it; the rest are reported, never
 * merged), naming what is shown, and a dataset built with an index made elsewhere (the loading worker).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataset, datasetFrom, deriveDataset } from '../../src/domain/dataset';
import type { Incident } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';
import { memoryRecords } from '../../src/domain/records';
import { type CombineInput, combineParts, shelfName } from '../../src/domain/shelf';

const bundled = parseIncidents(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8')),
).incidents;

function part(name: string, incidents: readonly Incident[]): CombineInput {
  return { name, incidents };
}

describe('combineParts', () => {
  it('keeps a single dataset as it is', () => {
    const only = part('a.geojson', bundled);
    const combined = combineParts([only]);
    expect(combined.incidents).toEqual(bundled);
    expect(combined.shown).toEqual([bundled.length]);
    expect(combined.collisions).toEqual([]);
  });

  it('joins datasets in shelf order and reports each id already shown, keeping the first', () => {
    const [first, second, third] = bundled as [Incident, Incident, Incident];
    const renamed = { ...third, id: 'another-id' as Incident['id'] };
    const combined = combineParts([
      part('a.geojson', [first, second]),
      part('b.csv', [second, renamed, first]),
    ]);
    expect(combined.incidents.map((i) => i.id)).toEqual([first.id, second.id, 'another-id']);
    expect(combined.collisions).toEqual([
      { id: second.id, keptIn: 'a.geojson', droppedFrom: 'b.csv' },
      { id: first.id, keptIn: 'a.geojson', droppedFrom: 'b.csv' },
    ]);
    expect(combined.shown).toEqual([2, 1]);
  });
});

describe('shelfName', () => {
  it("is one dataset's own name, or says how many are shown", () => {
    expect(shelfName([part('a.geojson', [])])).toBe('a.geojson');
    expect(shelfName([part('a.geojson', []), part('b.csv', [])])).toBe('2 datasets: a.geojson + b.csv');
  });
});

describe('datasetFrom', () => {
  it('uses what was derived elsewhere (the worker), answers ids by position and back, and refuses a mismatch', () => {
    const derived = deriveDataset(bundled);
    const dataset = datasetFrom(derived, memoryRecords(bundled), 'x', { kind: 'bundled' });
    expect(dataset.index).toBe(derived.index);
    expect(dataset.graph).toBe(derived.graph);
    expect(dataset.count).toBe(bundled.length);
    bundled.forEach((incident, i) => {
      expect(dataset.idOf(i)).toBe(incident.id);
      expect(dataset.indexOf(incident.id)).toBe(i);
    });
    expect(dataset.indexOf('no-such-id')).toBeUndefined();
    // Derived on the spot it is the same as derived elsewhere.
    const here = createDataset(bundled, 'x', { kind: 'bundled' });
    expect(here.index.newestFirst).toEqual(derived.index.newestFirst);
    expect(here.graph.linkTo).toEqual(derived.graph.linkTo);
    expect(here.places.codeOf).toEqual(derived.places.codeOf);
    const other = deriveDataset(bundled.slice(1));
    expect(() =>
      datasetFrom({ ...derived, columns: other.columns }, memoryRecords(bundled), 'x', { kind: 'bundled' }),
    ).toThrow('Columns of 5 incidents given with an index of 6');
  });
});
