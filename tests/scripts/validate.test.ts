import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../../scripts/generate/write';
import { STREAM_LIMITS } from '../../src/domain/import/stream-import';

const root = join(import.meta.dirname, '..', '..');
const bad = join(root, 'tests', 'fixtures', 'bad', 'import');
const dir = mkdtempSync(join(tmpdir(), 'validate-'));
const mixed = join(dir, 'mixed.geojson');
writeFileSync(
  mixed,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'ok',
        geometry: { type: 'Point', coordinates: [44, 33] },
        properties: { title: 't', date: '2020-01-01', sources: [{ name: 's' }] },
      },
      {
        type: 'Feature',
        id: 'ok2',
        geometry: { type: 'Point', coordinates: [44, 33] },
        properties: { title: 't', date: '2020-01-01', sources: [{ name: 's' }] },
      },
      {
        type: 'Feature',
        id: 'bad-coords',
        geometry: { type: 'Point', coordinates: [200, 95] },
        properties: { title: 't', date: '2020-01-01' },
      },
    ],
  }),
);

/** Runs `npm run validate`'s script as a user would; returns exit status and output. */
function validate(...args: string[]) {
  const r = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'validate.ts'), ...args],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run validate', () => {
  it('exits 0 and prints a summary when every record is valid', () => {
    const r = validate(join(root, 'geodata', 'incidents.geojson'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 file checked: (\d+) of \1 records loaded, 0 skipped/);
  }, 30_000);

  it('prints one line per problem and exits 1 when a record was skipped', () => {
    const r = validate('mixed.geojson', join(bad, 'sheet.csv'));
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      'error: mixed.geojson: feature 3 (id bad-coords): geometry.coordinates: [200, 95] out of range: longitude -180..180, latitude -90..90',
    );
    expect(lines.some((l) => l.endsWith('sheet.csv: line 5: lon: missing'))).toBe(true);
    expect(lines.at(-1)).toBe('2 files checked: 5 of 7 records loaded, 2 skipped, 5 warnings');
  }, 30_000);

  it('reads a CSV of 64 kB or more row by row, as the app does, naming the line of a bad row', async () => {
    const path = join(dir, 'acled-stream.csv');
    await writeDataset(path, { count: 800, seed: 7, format: 'csv' });
    // A row whose latitude is not a number, after the 800 generated ones (the header is line 1).
    appendFileSync(
      path,
      `${readFileSync(path, 'utf8')
        .split('\r\n')[1]
        ?.replace(/,(-?[\d.]+),(-?[\d.]+),(\d),/, ',north,$2,$3,')}\r\n`,
    );
    expect(readFileSync(path).length).toBeGreaterThan(STREAM_LIMITS.csvStreamFrom);
    const r = validate('acled-stream.csv');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('acled-stream.csv: line 802');
    expect(r.stdout).toContain('"north" is not a number');
    expect(r.stdout.trim().split('\n').at(-1)).toBe(
      '1 file checked: 800 of 801 records loaded, 1 skipped, 0 warnings',
    );
  }, 30_000);

  it('exits 2 without a stack trace when a file cannot be read', () => {
    const r = validate('mixed.geojson', join(bad, 'workbook.xlsx'), 'missing.csv');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('workbook.xlsx: is an Excel workbook (XLSX)');
    expect(r.stdout).toContain('error: missing.csv: cannot be read: no such file');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('holds a file to the bundled standard with --strict', () => {
    expect(validate('--strict', join(root, 'geodata', 'incidents.geojson')).status).toBe(0);
    const r = validate('--strict', 'mixed.geojson');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('mixed.geojson: feature 1 (id ok): properties.summary: is missing');
  }, 30_000);

  it('prints the issues as JSON with --json', () => {
    const r = validate('--json', 'mixed.geojson');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe(1);
    expect(out.files[0]).toMatchObject({
      file: 'mixed.geojson',
      format: 'geojson',
      total: 3,
      loaded: 2,
      skipped: 1,
    });
    expect(out.files[0].issues[0]).toMatchObject({
      severity: 'error',
      location: { kind: 'feature', index: 2, id: 'bad-coords' },
      field: 'geometry.coordinates',
    });
  }, 30_000);
});
