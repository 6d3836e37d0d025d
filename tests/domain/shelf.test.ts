/**
 * The shelf of loaded datasets: combining them (first to use an id keeps it; the rest are reported, never
 * merged), naming what is shown, and a dataset built with an index made elsewhere (the loading worker).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataset, deriveDataset } from '../../src/domain/dataset';
import type { Incident } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';
import { combineParts, type ShelfPart, shelfName } from '../../src/domain/shelf';

const bundled = parseIncidents(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8')),
).incidents;

function part(name: string, incidents: readonly Incident[]): ShelfPart {
  return { key: name, name, format: 'GeoJSON', incidents, total: incidents.length, skipped: 0 };
}

describe('combineParts', () => {
  it('keeps a single dataset as it is', () => {
    const only = part('a.geojson', bundled);
    const combined = combineParts([only]);
    expect(combined.incidents).toBe(bundled);
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

describe('createDataset', () => {
  it('uses what was derived elsewhere (the worker) when it fits, and refuses it for other incidents', () => {
    const derived = deriveDataset(bundled);
    const dataset = createDataset(bundled, 'x', { kind: 'bundled' }, derived);
    expect(dataset.index).toBe(derived.index);
    expect(dataset.graph).toBe(derived.graph);
    expect(dataset.places).toBe(derived.places);
    expect(dataset.positionOf.get(bundled[2]?.id as string)).toBe(2);
    // Derived on the spot it is the same as derived elsewhere.
    const here = createDataset(bundled, 'x', { kind: 'bundled' });
    expect(here.index.newestFirst).toEqual(derived.index.newestFirst);
    expect(here.graph.linkTo).toEqual(derived.graph.linkTo);
    expect(here.places.codeOf).toEqual(derived.places.codeOf);
    expect(() => createDataset(bundled.slice(1), 'x', { kind: 'bundled' }, derived)).toThrow(
      'Index of 6 incidents given for 5',
    );
  });
});
