import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETAIL_ZOOM, parsePlaces } from '../../src/map/basemap-places';

const places = (file: string) =>
  parsePlaces(readFileSync(resolve(import.meta.dirname, '..', '..', 'geodata', 'places', file), 'utf8'));
const major = places('middle-east-places-major.tsv');
const detail = places('middle-east-places-detail.tsv');
const named = (text: string) => [...major, ...detail].find((p) => p.text === text);

describe('parsePlaces', () => {
  it('reads a place per line after the comments and the header', () => {
    const tsv = [
      '# comment',
      'name\tlon\tlat\tpopulation\tminZoom\tcapital',
      'Baghdad\t44.401\t33.341\t7216000\t5\t1',
      'Kirkuk\t44.392\t35.468\t601433\t6\t0',
      '',
    ].join('\n');
    expect(parsePlaces(tsv)).toEqual([
      { text: 'Baghdad', lon: 44.401, lat: 33.341, kind: 'capital', minZoom: 5, rank: 7216000 },
      { text: 'Kirkuk', lon: 44.392, lat: 35.468, kind: 'town', minZoom: 6, rank: 601433 },
    ]);
  });

  it('throws on a wrong header or a malformed line, naming it', () => {
    expect(() => parsePlaces('name\tlat\tlon\n')).toThrow(/header/);
    expect(() =>
      parsePlaces('name\tlon\tlat\tpopulation\tminZoom\tcapital\nMosul\tx\t36\t1\t5\t0\n'),
    ).toThrow(/line 2 .*Mosul/);
  });
});

describe('the region files', () => {
  it('split at the detail zoom: the first file has every place shown before it, the second the rest', () => {
    expect(major.length).toBeGreaterThan(100);
    expect(detail.length).toBeGreaterThan(major.length);
    expect(major.every((p) => (p.minZoom ?? 0) < DETAIL_ZOOM)).toBe(true);
    expect(detail.every((p) => (p.minZoom ?? 0) >= DETAIL_ZOOM)).toBe(true);
  });

  it('stay inside the region and small enough for a first load', () => {
    for (const p of [...major, ...detail]) {
      expect(p.lon, p.text).toBeGreaterThanOrEqual(33);
      expect(p.lon, p.text).toBeLessThanOrEqual(50);
      expect(p.lat, p.text).toBeGreaterThanOrEqual(28);
      expect(p.lat, p.text).toBeLessThanOrEqual(39.5);
    }
    const bytes = (file: string) =>
      readFileSync(resolve(import.meta.dirname, '..', '..', 'geodata', 'places', file)).length;
    expect(bytes('middle-east-places-major.tsv')).toBeLessThan(12_000);
    expect(bytes('middle-east-water.geojson')).toBeLessThan(16_000);
  });

  it('name the cities a reader orients by early, and the towns of the incidents when zoomed in', () => {
    expect(named('Baghdad')).toMatchObject({ kind: 'capital', minZoom: 5 });
    expect(named('Damascus')).toMatchObject({ kind: 'capital', minZoom: 5 });
    expect(named('Mosul')?.minZoom).toBe(5);
    expect(named('Kirkuk')?.minZoom).toBe(6);
    expect(named('Erbil')?.minZoom).toBe(6);
    expect(named('Deir ez-Zor')?.minZoom).toBe(6);
    expect(named('Tikrīt')?.minZoom).toBe(6); // a governorate seat
    expect(named('Ālbū Kamāl')?.minZoom).toBe(8);
    expect(named('Al Qā’im')?.minZoom).toBe(9); // a district seat GeoNames gives no population
  });

  it('name the Tigris and the Euphrates in the water file', () => {
    const water = JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, '..', '..', 'geodata', 'places', 'middle-east-water.geojson'),
        'utf8',
      ),
    ) as GeoJSON.FeatureCollection<GeoJSON.Geometry, { kind?: string; label?: string }>;
    const labels = water.features.flatMap((f) => (f.properties.label ? [f.properties.label] : []));
    expect(labels.sort()).toEqual(['Euphrates', 'Euphrates', 'Tigris']);
    expect(water.features.filter((f) => f.properties.kind === 'river').length).toBeGreaterThan(5);
    expect(water.features.filter((f) => f.properties.kind === 'lake').length).toBeGreaterThan(3);
  });
});
