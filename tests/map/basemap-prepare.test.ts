import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { type CountriesTopology, prepareCountries, preparedBuffers } from '../../src/map/basemap-prepare';

const topology = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '..', '..', 'node_modules', 'world-atlas', 'countries-50m.json'),
    'utf8',
  ),
) as CountriesTopology;
const prepared = prepareCountries(topology);
const shapes = (s: { start: Uint32Array }) => s.start.length - 1;

describe('prepareCountries (what the basemap worker hands the page)', () => {
  it('gives land as rings, coasts and borders as lines, each with vertices', () => {
    expect(prepared.land.closed).toBe(true);
    expect(prepared.coast.closed).toBe(false);
    expect(prepared.border.closed).toBe(false);
    for (const s of [prepared.land, prepared.coast, prepared.border]) {
      expect(shapes(s)).toBeGreaterThan(100);
      expect(s.x.length).toBe(s.start[shapes(s)]);
    }
  });

  it('names every named country once, at a point inside its bounds: Iraq and Syria where they are', () => {
    const named = feature(topology, topology.objects.countries).features.filter((f) => f.properties?.name);
    expect(prepared.names).toHaveLength(named.length);
    const at = (text: string) => prepared.names.find((n) => n.text === text);
    expect(at('Iraq')).toMatchObject({ lon: expect.closeTo(43.5, 0), lat: expect.closeTo(33, 0) });
    const syria = at('Syria');
    expect(syria?.lon).toBeGreaterThan(35.7);
    expect(syria?.lon).toBeLessThan(42.4);
    expect(syria?.lat).toBeGreaterThan(32.3);
    expect(syria?.lat).toBeLessThan(37.4);
  });

  it('hands over every typed array by transfer, each buffer once', () => {
    const own = prepareCountries(topology); // transferring detaches the arrays
    const buffers = preparedBuffers(own);
    expect(buffers).toHaveLength(24);
    expect(new Set(buffers).size).toBe(24);
    const landVertices = own.land.x.length;
    expect(structuredClone(own, { transfer: buffers }).land.x.length).toBe(landVertices);
    expect(own.land.x.length).toBe(0); // moved, not copied
  });

  it('says what is missing from a file that is not a countries file', () => {
    const notCountries = { type: 'Topology', objects: {}, arcs: [] } as unknown as CountriesTopology;
    expect(() => prepareCountries(notCountries)).toThrow('the file has no "countries" and "land" objects');
  });
});
