/**
 * A CSV file read as its bytes arrive, straight into the columnar store (csv-store.ts), against reading
 * the whole text into incidents and deriving the store from them: the same problems in the same order,
 * the same counts and the same arrays, for every CSV fixture, generated ACLED exports, and bytes cut
 * anywhere (inside a quoted field, between `\r` and `\n`, inside a multi-byte character).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, csvField, toAcledRow } from '../../../scripts/generate/format';
import { generateIncidents } from '../../../scripts/generate/incidents';
import { deriveDataset } from '../../../src/domain/dataset';
import { CsvStoreImport } from '../../../src/domain/import/csv/csv-store';
import { importBytes } from '../../../src/domain/import/import-text';
import type { DerivedImport, ImportResult } from '../../../src/domain/import/result';
import { STREAM_LIMITS, StreamingImport } from '../../../src/domain/import/stream-import';
import { PointTrail } from '../../../src/domain/point-trail';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const HEADER = ACLED_COLUMNS.join(',');
/** One ACLED row; `summary` replaces the generated one (to put a line break in a quoted field). */
const rowOf = (cells: string[]) => cells.map(csvField).join(',');
const SUMMARY = ACLED_COLUMNS.indexOf('notes');
const encoder = new TextEncoder();

/** `bytes` pushed in pieces that end at `cuts` (ascending offsets), through a streaming CSV import. */
function streamed(bytes: Uint8Array, name: string, cuts: readonly number[]): DerivedImport | ImportResult {
  const importer = new CsvStoreImport(name);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    importer.push(bytes.subarray(from, cut));
    from = cut;
  }
  return importer.end();
}

const everyN = (length: number, n: number) =>
  Array.from({ length: Math.floor(length / n) }, (_, k) => (k + 1) * n);

/** Asserts that `bytes` give, streamed in `cuts`, what reading them whole and deriving gives. */
function expectSame(bytes: Uint8Array, name: string, cuts: readonly number[]): void {
  const whole = importBytes(bytes, name);
  const result = streamed(bytes, name, cuts);
  if (!('derived' in result)) {
    // No store: the same reason (the mapping dialog's sample holds the first rows only).
    const { needsMapping, total, skipped, ...rest } = result;
    const { needsMapping: wholeNeeds, total: wholeTotal, skipped: wholeSkipped, ...wholeRest } = whole;
    expect(rest).toEqual(wholeRest);
    expect(needsMapping?.headers).toEqual(wholeNeeds?.headers);
    expect(needsMapping?.sample).toEqual(wholeNeeds?.sample);
    return;
  }
  const { derived, featureOf: _, ...rest } = result;
  const { incidents, featureOf: __, ...wholeRest } = whole;
  expect(rest).toEqual(wholeRest);
  expect(derived).toEqual(deriveDataset(incidents));
}

const csvIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.(csv|tsv)$/.test(f))
    .map((f) => [f, join(dir, f)] as const);

describe('a CSV file read as it arrives', () => {
  const files = [...csvIn(join(fixtures, 'good')), ...csvIn(join(fixtures, 'bad', 'import'))];

  it.each(files)('gives what reading %s whole gives, in pieces of any size', (name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    expectSame(bytes, name, []);
    expectSame(bytes, name, everyN(bytes.length, 1));
    expectSame(bytes, name, everyN(bytes.length, 7));
    expectSame(bytes, name, everyN(bytes.length, 997));
  });

  it('gives what reading whole gives for a generated ACLED export, cut anywhere', () => {
    const rows = [...generateIncidents({ count: 600, seed: 9 })].map(toAcledRow);
    // Notes over two lines (a quoted field) and with "quotes", a blank line, Windows line endings in part,
    // an id stated twice, a row without an id, and text beyond ASCII.
    (rows[40] as string[])[SUMMARY] = 'First line, with a comma\nsecond line "quoted" — ثانية';
    (rows[41] as string[])[0] = '';
    const lines = [HEADER, ...rows.map(rowOf)];
    lines.splice(80, 0, '');
    const text = `${lines.slice(0, 300).join('\r\n')}\r\n${lines.slice(300).join('\n')}\n${lines[5]}\n`;
    const bytes = encoder.encode(text);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        (cuts) => {
          expectSame(
            bytes,
            'acled.csv',
            [...cuts].sort((a, b) => a - b),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('says a file is not UTF-8 at the same offset as reading it whole', () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'bad', 'import', 'latin1.csv')));
    const result = streamed(bytes, 'latin1.csv', everyN(bytes.length, 3));
    expect('derived' in result).toBe(false);
    expect(result.issues).toEqual(importBytes(bytes, 'latin1.csv').issues);
  });

  it('keeps the position of each incident added, for the preview, and hears each incident in order', () => {
    const generated = [...generateIncidents({ count: 50, seed: 4 })];
    const lines = [HEADER, ...generated.map((g) => rowOf(toAcledRow(g)))];
    const trail = new PointTrail();
    const heard: string[] = [];
    const importer = new CsvStoreImport('a.csv', {
      trail,
      onIncident: (incident) => heard.push(incident.id),
    });
    importer.push(encoder.encode(`${lines.join('\n')}\n`));
    const result = importer.end();
    if (!('derived' in result)) throw new Error(result.issues[0]?.message);
    expect(trail.size).toBe(result.derived.index.count);
    expect(heard).toEqual(generated.map((g) => g.id));
  });
});

describe('a streamed import of text that is not JSON', () => {
  /** `bytes` through a StreamingImport that derives a store, in pieces of `size` bytes. */
  function throughStream(bytes: Uint8Array, name: string, size = 4096) {
    const importer = new StreamingImport(name, {}, { reading: 'store', declaredSize: bytes.length });
    let stoppedAt: number | null = null;
    for (let at = 0; at < bytes.length && stoppedAt === null; at += size) {
      importer.push(bytes.subarray(at, at + size));
      if (importer.stopped) stoppedAt = at + size;
    }
    return { result: importer.endDerived(), stoppedAt };
  }

  const acled = (count: number) => {
    const rows = [...generateIncidents({ count, seed: 2 })].map((g) => rowOf(toAcledRow(g)));
    return encoder.encode(`${[HEADER, ...rows].join('\n')}\n`);
  };

  it('reads a CSV of 64 kB or more as it arrives, into the store reading it whole gives', () => {
    const bytes = acled(400);
    expect(bytes.length).toBeGreaterThan(STREAM_LIMITS.csvStreamFrom);
    const { result } = throughStream(bytes, 'big.csv');
    if (!('derived' in result)) throw new Error('not read as it arrived');
    const whole = importBytes(bytes, 'big.csv');
    expect(result.derived).toEqual(deriveDataset(whole.incidents));
    expect(result.issues).toEqual(whole.issues);
    expect(result.format).toBe('acled');
  });

  it('reads a shorter CSV whole, as before', () => {
    const bytes = acled(20);
    expect(bytes.length).toBeLessThan(STREAM_LIMITS.csvStreamFrom);
    const { result } = throughStream(bytes, 'small.csv');
    expect('derived' in result).toBe(false);
    expect(result).toEqual(importBytes(bytes, 'small.csv'));
  });

  it('reads a long web page whole, to say what it is', () => {
    const bytes = encoder.encode(
      `<!doctype html><html><body>${'<p>Sign in</p>'.repeat(10_000)}</body></html>`,
    );
    const { result } = throughStream(bytes, 'export.csv');
    expect(result.issues[0]?.message).toMatch(/is an HTML web page/);
  });

  it('stops reading a CSV whose columns must be chosen once it has the sample for the dialog', () => {
    const lines = ['place,when,what,x,y'];
    for (let k = 0; k < 5_000; k++) lines.push(`Town ${k},2020-01-0${(k % 9) + 1},Event ${k},44.3,33.3`);
    const bytes = encoder.encode(`${lines.join('\n')}\n`);
    const { result, stoppedAt } = throughStream(bytes, 'sheet.csv');
    expect(stoppedAt).not.toBeNull();
    expect(stoppedAt as number).toBeLessThan(bytes.length);
    expect('derived' in result).toBe(false);
    expect(result.needsMapping?.headers).toEqual(['place', 'when', 'what', 'x', 'y']);
    expect(result.needsMapping?.sample).toHaveLength(5);
    expect(result.needsMapping?.sample[0]).toEqual(['Town 0', '2020-01-01', 'Event 0', '44.3', '33.3']);
  });
});
