/**
 * The loading worker's path — a GeoJSON stream whose columnar store is derived feature by feature, each
 * incident dropped once added — against reading the whole text into incidents and deriving the store from
 * them: the same problems in the same order, the same counts and the same arrays, for every fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIncidents, toFeature } from '../../../scripts/generate/incidents';
import { idAt } from '../../../src/domain/columns';
import { DatasetBuilder, deriveDataset } from '../../../src/domain/dataset';
import { FeatureReader, named } from '../../../src/domain/import/geojson';
import { importBytes } from '../../../src/domain/import/import-text';
import type { DerivedImport, ImportResult } from '../../../src/domain/import/result';
import { StreamingImport } from '../../../src/domain/import/stream-import';
import { formatIssue } from '../../../src/domain/issues';

const encoder = new TextEncoder();
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

/** `bytes` streamed in chunks of `size` bytes through an import that derives the store. */
function streamed(bytes: Uint8Array, name: string, size = 997): ImportResult | DerivedImport {
  const importer = new StreamingImport(name, {}, { declaredSize: bytes.length, reading: 'store' });
  for (let at = 0; at < bytes.length; at += size) importer.push(bytes.subarray(at, at + size));
  return importer.endDerived();
}

/** Asserts that `bytes` give the same result streamed and derived as read whole. */
function expectSame(bytes: Uint8Array, name: string): DerivedImport | ImportResult {
  const whole = importBytes(bytes, name);
  const result = streamed(bytes, name);
  if (!('derived' in result)) {
    expect(result).toEqual(whole);
    return result;
  }
  const { derived, featureOf, ...rest } = result;
  const { incidents, featureOf: wholeFeatureOf, ...wholeRest } = whole;
  expect(rest).toEqual(wholeRest);
  expect(Array.from(featureOf)).toEqual(Array.from(wholeFeatureOf ?? []));
  expect(derived).toEqual(deriveDataset(incidents));
  return result;
}

// The feature splitter does not validate JSON between features: it reads a comma after the last feature
// as nothing, where JSON.parse of the whole text refuses it. So does every streamed import, derived or not.
const SPLITTER_ACCEPTS = new Set(['cases.json', 'trailing-comma.geojson']);

const geoJsonIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.(geo)?json$/.test(f) && !SPLITTER_ACCEPTS.has(f))
    .map((f) => [f, join(dir, f)] as const);

describe('a GeoJSON stream derived as it is read', () => {
  const files = [
    ...geoJsonIn(join(fixtures, 'good')),
    ...geoJsonIn(join(fixtures, 'bad')),
    ...geoJsonIn(join(fixtures, 'bad', 'import')),
  ];

  it.each(files)('gives what reading %s whole gives', (name, path) => {
    expectSame(new Uint8Array(readFileSync(path)), name);
  });

  it('gives the same store for generated incidents, some without ids or with relations', () => {
    const features = [...generateIncidents({ count: 3_000, seed: 5 })].map(
      (g) => toFeature(g) as { id?: string; properties: Record<string, unknown> },
    );
    features.forEach((f, i) => {
      if (i % 7 === 3) delete f.id; // id-less: named when the stream ends
      if (i % 11 === 0)
        f.properties.related = [
          { id: features[(i + 5) % features.length]?.id ?? 'feature-4', relation: 'ledTo' },
          { id: 'feature-4', relation: 'context' },
          { id: 'nowhere', relation: 'follows' },
        ];
      if (i === 20) f.properties.title = ''; // skipped
    });
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const result = expectSame(encoder.encode(text), 'generated.geojson');
    expect('derived' in result && result.derived.graph.linkFrom.length).toBeGreaterThan(0);
  });

  it('names a feature without an id only once every id of the file is known', () => {
    const feature = (id: string | undefined, title = 't') => ({
      type: 'Feature',
      ...(id === undefined ? {} : { id }),
      geometry: { type: 'Point', coordinates: [44.36, 33.31] },
      properties: { title, date: '2020-03-11', sources: [{ name: 'S' }] },
    });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [feature('a'), feature(undefined), feature(undefined, ''), feature('feature-2')],
    });
    const result = expectSame(encoder.encode(text), 'ids.geojson');
    if (!('derived' in result)) throw new Error('not streamed as a collection');
    const ids = result.derived.columns.ids;
    expect([0, 1, 2].map((i) => idAt(ids, i))).toEqual(['a', 'feature-2~2', 'feature-2']);
    expect(result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/feature 2: id: is missing; using "feature-2~2"/),
      expect.stringMatching(/feature 3: id: is missing; using "feature-3"/),
      expect.stringMatching(/feature 3: properties\.title: is empty/),
    ]);
  });
});

describe('a GeoJSON stream whose features are read elsewhere', () => {
  /** Streams `bytes` cutting features only, and reads them as a second worker would (here, in turn). */
  function elsewhere(bytes: Uint8Array, name: string, size = 997) {
    const reader = new FeatureReader({ file: name, strict: false }, new DatasetBuilder());
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const importer = new StreamingImport(
      name,
      {},
      {
        reading: 'elsewhere',
        onFeatureBytes: (parts) => {
          if (importer.failed) return;
          const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const part of parts) {
            joined.set(part, at);
            at += part.length;
          }
          let text: string;
          try {
            text = decoder.decode(joined);
          } catch (error) {
            importer.failedAt(reader.size + 1, (error as Error).message, false);
            return;
          }
          try {
            reader.add(JSON.parse(text));
          } catch (error) {
            importer.failedAt(reader.size + 1, (error as Error).message);
            return;
          }
          importer.readThrough(reader.size);
        },
      },
    );
    for (let at = 0; at < bytes.length; at += size) importer.push(bytes.subarray(at, at + size));
    const ended = importer.endElsewhere();
    return 'kind' in ended ? named(reader.endDerived(ended.notes), ended.collection) : ended;
  }

  it('gives what reading the file here gives, for every fixture', () => {
    const files = [
      ...geoJsonIn(join(fixtures, 'good')),
      ...geoJsonIn(join(fixtures, 'bad')),
      ...geoJsonIn(join(fixtures, 'bad', 'import')),
    ];
    for (const [name, path] of files) {
      const bytes = new Uint8Array(readFileSync(path));
      expect(elsewhere(bytes, name)).toEqual(streamed(bytes, name));
    }
  });

  it('names a feature that is not JSON by its line and column, as reading it here does', () => {
    const good = (i: number) =>
      JSON.stringify({
        type: 'Feature',
        id: `f${i}`,
        geometry: { type: 'Point', coordinates: [44, 33] },
        properties: { title: 'x'.repeat(900), date: '2020-03-11' },
      });
    const text = (bad: number, count: number) =>
      `{"type":"FeatureCollection","features":[\n${Array.from({ length: count }, (_, i) =>
        i === bad ? '{"type":"Feature",,}' : good(i),
      ).join(',\n')}\n]}`;
    const early = encoder.encode(text(3, 10));
    expect(elsewhere(early, 'e.geojson')).toEqual(streamed(early, 'e.geojson'));
    expect(elsewhere(early, 'e.geojson').issues[0]?.message).toMatch(/line 5/);
  });

  it('says a feature is not UTF-8 as reading it here does', () => {
    const bytes = encoder.encode(
      '{"type":"FeatureCollection","features":[{"type":"Feature","id":"a"},{"type":"Feature","id":"b?"}]}',
    );
    bytes[bytes.indexOf(0x3f)] = 0xff; // the "?" of "b?"
    expect(elsewhere(bytes, 'u.geojson')).toEqual(streamed(bytes, 'u.geojson'));
    expect(elsewhere(bytes, 'u.geojson').readable).toBe(false);
  });
});
