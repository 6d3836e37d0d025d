/**
 * `npm run convert`: reads GeoJSON or CSV with the app's streaming importer, prints problems as validate
 * does, writes an Arrow file the app's reader opens, and exits like validate (0, 1 skipped, 2 unreadable).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/convert';
import { writeDataset } from '../../scripts/generate/write';
import { deriveDataset } from '../../src/domain/dataset';
import { importBytes } from '../../src/domain/import/import-text';
import { STREAM_LIMITS } from '../../src/domain/import/stream-import';
import { readArrowStore } from '../../src/io/arrow-read';
import { BlobRecords } from '../../src/io/record-blob';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'convert-'));
const feature = (id: string, lon: number, lat: number) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { title: `Incident ${id}`, date: '2020-01-01', sources: [{ name: 's' }] },
});
const mixed = join(dir, 'mixed.geojson');
writeFileSync(
  mixed,
  JSON.stringify({
    type: 'FeatureCollection',
    name: 'Mixed',
    features: [feature('ok', 44, 33), feature('ok2', 44.1, 33.1), feature('bad-coords', 200, 95)],
  }),
);

async function convert(...args: string[]) {
  const lines: string[] = [];
  const status = await main(args, (line) => lines.push(line));
  return { status, output: lines.join('\n') };
}

async function readBack(path: string) {
  const result = await readArrowStore(new Blob([readFileSync(path)]));
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('npm run convert', () => {
  it('writes every incident of a valid file and exits 0', async () => {
    const out = join(dir, 'bundled.arrow');
    const r = await convert(join(root, 'geodata', 'incidents.geojson'), '--out', out);
    expect(r.status).toBe(0);
    expect(r.output).toMatch(/1 file checked: 6 of 6 records loaded, 0 skipped/);
    expect(r.output).toMatch(/Wrote 6 incidents to .*bundled\.arrow \([\d.]+ MB, Arrow IPC\)/);
    const back = await readBack(out);
    expect(back.store.derived.index.count).toBe(6);
    expect(back.skipped).toBe(0);
  });

  it('prints the problems as validate does, writes what loaded, and exits 1', async () => {
    const out = join(dir, 'mixed.arrow');
    const r = await convert(mixed, '--out', out);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/^error: .*mixed\.geojson: feature 3 \(id bad-coords\)/m);
    expect(r.output).toMatch(/2 of 3 records loaded, 1 skipped/);
    const back = await readBack(out);
    expect(back).toMatchObject({ name: 'Mixed', total: 3, skipped: 1 });
    expect(back.store.derived.index.count).toBe(2);
  });

  it('reads an ACLED CSV', async () => {
    const out = join(dir, 'acled.arrow');
    const r = await convert(join(root, 'tests', 'e2e', 'fixtures', 'import', 'acled-iraq.csv'), '--out', out);
    expect(r.status).toBe(1); // the fixture has bad rows
    expect((await readBack(out)).store.derived.index.count).toBeGreaterThan(0);
  });

  it('converts a CSV read row by row into the store, records and keys that reading it whole gives', async () => {
    const path = join(dir, 'acled-large.csv');
    await writeDataset(path, { count: 800, seed: 6, format: 'csv' });
    expect(readFileSync(path).length).toBeGreaterThan(STREAM_LIMITS.csvStreamFrom);
    const out = join(dir, 'acled-large.arrow');
    const r = await convert(path, '--out', out);
    expect(r.status).toBe(0);
    expect(r.output).toMatch(/800 of 800 records loaded, 0 skipped/);
    const back = await readBack(out);
    const whole = importBytes(new Uint8Array(readFileSync(path)), 'acled-large.csv');
    expect(back.store.derived).toEqual(deriveDataset(whole.incidents));
    const records = new BlobRecords(back.store.records, { ids: back.store.derived.columns.ids });
    expect(await records.read([0, 399, 799])).toEqual([0, 399, 799].map((i) => whole.incidents[i]));
  });

  it('exits 2 and writes nothing when the input cannot be read', async () => {
    const out = join(dir, 'none.arrow');
    const r = await convert(join(dir, 'missing.geojson'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.output).toContain('cannot be read: no such file');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 with the usage when --out or the input is missing', async () => {
    expect((await convert(mixed)).status).toBe(2);
    expect((await convert('--out', 'x.arrow')).output).toContain('usage: npm run convert');
    expect((await convert(mixed, '--bogus')).status).toBe(2);
  });

  it('runs as a command', () => {
    const out = join(dir, 'cli.arrow');
    const r = spawnSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'scripts', 'convert.ts'), mixed, '--out', out],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Wrote 2 incidents');
    expect(r.stderr).toBe('');
  }, 30_000);
});
