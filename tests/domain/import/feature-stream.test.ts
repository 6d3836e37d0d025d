/**
 * The streaming splitter against JSON.parse: any FeatureCollection, written with any indentation and cut
 * into any chunks (including inside a multi-byte character), gives the same features and members.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeatureStream } from '../../../src/domain/import/feature-stream';
import { StreamingImport } from '../../../src/domain/import/stream-import';

const encoder = new TextEncoder();

/** Cuts `bytes` at the given fractions of its length. */
function cut(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

function split(text: string, at: readonly number[]) {
  const features: unknown[] = [];
  const stream = new FeatureStream((t) => features.push(JSON.parse(t)));
  for (const chunk of cut(encoder.encode(text), at)) stream.push(chunk);
  const { members, hasFeatures } = stream.end();
  return {
    features,
    hasFeatures,
    members: Object.fromEntries(Object.entries(members).map(([k, v]) => [k, JSON.parse(v)])),
  };
}

const json = fc.jsonValue({ maxDepth: 3 });

describe('FeatureStream', () => {
  it('gives the same features and members as JSON.parse, however the text is indented and cut', () => {
    fc.assert(
      fc.property(
        fc.array(json, { maxLength: 12 }),
        fc.dictionary(
          fc.string({ maxLength: 6 }).filter((k) => k !== 'features'),
          json,
          { maxKeys: 3 },
        ),
        fc.constantFrom(undefined, 0, 1, 2, '\t'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        fc.boolean(),
        (features, extra, indent, at, featuresFirst) => {
          const collection = featuresFirst
            ? { features, type: 'FeatureCollection', ...extra }
            : { type: 'FeatureCollection', ...extra, features };
          const text = JSON.stringify(collection, null, indent as never);
          const got = split(text, at);
          expect(got.hasFeatures).toBe(true);
          expect(got.features).toEqual(JSON.parse(JSON.stringify(features)));
          const { features: _, ...rest } = JSON.parse(text) as Record<string, unknown>;
          expect(got.members).toEqual(rest);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cuts bare values such as the 200,000 zeros of a hostile file', () => {
    const got = split(
      `{"type":"FeatureCollection","features":[${new Array(1000).fill(0).join(',')}]}`,
      [0.3, 0.7],
    );
    expect(got.features).toHaveLength(1000);
    expect(got.features.every((f) => f === 0)).toBe(true);
  });

  it('reports a truncated file and a file that is not an object', () => {
    const stream = new FeatureStream(() => {});
    stream.push(encoder.encode('{"type":"FeatureCollection","features":[{"type":"Feature"'));
    expect(() => stream.end()).toThrow(/truncated/);
    expect(() => new FeatureStream(() => {}).push(encoder.encode('[1,2]'))).toThrow(/JSON object/);
  });
});

describe('StreamingImport', () => {
  const feature = (i: number) => ({
    type: 'Feature',
    id: `f-${i}`,
    geometry: { type: 'Point', coordinates: [44 + i / 1000, 33] },
    properties: { title: `Incident ${i} — “quoted” ✓`, date: '2020-03-11', sources: [{ name: 'S' }] },
  });

  it('reads a collection in chunks exactly as the whole-text importer does', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      name: 'Streamed',
      features: [0, 1, 2, 3].map(feature),
    });
    const importer = new StreamingImport('s.geojson');
    for (const chunk of cut(encoder.encode(text), [0.1, 0.25, 0.5, 0.9])) importer.push(chunk);
    const result = importer.end();
    expect(result.incidents.map((i) => i.id)).toEqual(['f-0', 'f-1', 'f-2', 'f-3']);
    expect(result.total).toBe(4);
    expect(result.name).toBe('Streamed');
  });

  it('gives the line and column of invalid JSON', () => {
    const importer = new StreamingImport('bad.geojson');
    importer.push(encoder.encode('{"type":"FeatureCollection","features":[\n{"type":"Feature",,}\n]}'));
    const result = importer.end();
    expect(result.readable).toBe(false);
    expect(result.issues[0]?.message).toMatch(/line 2/);
  });

  it('reads a CSV whole, and an empty input as empty', () => {
    const csv = new StreamingImport('a.csv');
    csv.push(encoder.encode('title,date,lat,lon\nA,2020-01-01,33,44\n'));
    expect(csv.end().incidents).toHaveLength(1);
    expect(new StreamingImport('e.csv').end().issues[0]?.message).toMatch(/empty/);
  });
});
