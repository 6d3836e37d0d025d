/**
 * The columnar store's records: each incident written into a Blob and read back by position — the same
 * incident, whatever the chunking, the order asked for, or the size of the cache.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIncidents, toFeature } from '../../scripts/generate/incidents';
import { deriveDataset } from '../../src/domain/dataset';
import { StreamingImport } from '../../src/domain/import/stream-import';
import type { Incident } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';
import { decodeRecord } from '../../src/domain/record-decode';
import { encodeRecord, memoryRecords, withRecords } from '../../src/domain/records';
import { BlobRecords, RecordBlobWriter, recordCount } from '../../src/io/record-blob';
import { StreamedRecords } from '../../src/io/streamed-records';

const bundled = parseIncidents(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8')),
).incidents;
const generated = parseIncidents({
  type: 'FeatureCollection',
  features: [...generateIncidents({ count: 500, seed: 3 })].map(toFeature),
}).incidents;
const all = [...bundled, ...generated];

function write(incidents: readonly Incident[], chunkBytes = 8 * 1024 * 1024) {
  const writer = new RecordBlobWriter({ chunkBytes, partsPerBlob: 3 });
  for (const incident of incidents) writer.add(incident);
  return writer.finish();
}

describe('records', () => {
  it('read back as the same incident, relations kept though the record is read alone', () => {
    expect(generated.length).toBe(500);
    for (const incident of all) expect(decodeRecord(encodeRecord(incident))).toEqual(incident);
    const related = bundled.filter((i) => i.related.length > 0);
    expect(related.length).toBeGreaterThan(0);
    for (const incident of related)
      expect(decodeRecord(encodeRecord(incident)).related).toEqual(incident.related);
  });

  it('that are not a valid incident throw with the reason', () => {
    expect(() => decodeRecord('{"type":"Feature"')).toThrow('A stored incident is not JSON');
    expect(() => decodeRecord('{"type":"Feature","geometry":null,"properties":{}}')).toThrow(
      'A stored incident could not be read again',
    );
  });
});

describe('BlobRecords', () => {
  it.each([
    ['one chunk', 8 * 1024 * 1024],
    ['many small chunks and blobs', 4 * 1024],
  ])('gives back every incident by position, in any order (%s)', async (_, chunkBytes) => {
    const blob = write(all, chunkBytes);
    expect(blob.start.length).toBe(all.length + 1);
    expect(blob.blob.size).toBe(blob.start[all.length]);
    const records = new BlobRecords(blob);
    expect(records.count).toBe(all.length);
    const order = all.map((_, i) => i).reverse();
    expect(await records.read(order)).toEqual(order.map((i) => all[i]));
    // Scattered positions, some repeated.
    const scattered = [7, 3, 400, 3, 0, all.length - 1];
    expect(await records.read(scattered)).toEqual(scattered.map((i) => all[i]));
  });

  it('peeks only what was loaded, and keeps at most its capacity, the latest used', async () => {
    const records = new BlobRecords(write(all), { capacity: 10 });
    expect(records.peek(5)).toBeUndefined();
    await records.load([5, 6, 7]);
    expect(records.peek(5)).toEqual(all[5]);
    await records.load(Array.from({ length: 9 }, (_, k) => 100 + k));
    // 12 loaded, room for 10: the two used longest ago go (5 was peeked since, so 6 and 7 go).
    expect(records.peek(6)).toBeUndefined();
    expect(records.peek(7)).toBeUndefined();
    expect(records.peek(5)).toEqual(all[5]);
    expect(records.peek(108)).toEqual(all[108]);
  });

  it('refuses a position it does not have', async () => {
    const records = new BlobRecords(write(bundled));
    await expect(records.read([bundled.length])).rejects.toThrow(`No incident at position ${bundled.length}`);
    await expect(records.read([-1])).rejects.toThrow('No incident at position -1');
  });
});

describe('withRecords', () => {
  it('calls at once when every record is at hand, and after loading otherwise', async () => {
    const seen: string[] = [];
    withRecords(memoryRecords(bundled), [0, 1], (incidents) => seen.push(...incidents.map((i) => i.id)));
    expect(seen).toEqual([bundled[0]?.id, bundled[1]?.id]);
    const records = new BlobRecords(write(bundled));
    const later = new Promise<string>((done) => withRecords(records, [2], ([i]) => done(i?.id ?? '')));
    expect(await later).toBe(bundled[2]?.id);
  });

  it('hands a failed read to `failed`', async () => {
    const records = new BlobRecords(write(bundled));
    const why = await new Promise<unknown>((done) => withRecords(records, [99], () => done('used'), done));
    expect(String(why)).toContain('No incident at position 99');
  });
});

describe('records picked out of a stream of features (the loading worker)', () => {
  it('are each feature’s own bytes, skipped features left out, the dataset’s ids and relations kept', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [44, 33] },
          properties: { title: 'No id', date: '2020-01-01' },
        },
        { type: 'Feature', id: 'bad', geometry: null, properties: { title: 'Skipped', date: '2020-01-01' } },
        {
          type: 'Feature',
          id: 'b',
          geometry: { type: 'Point', coordinates: [45, 34] },
          properties: {
            title: 'Second',
            date: '2020-01-02',
            related: [
              { id: 'feature-1', relation: 'follows' },
              { id: 'nowhere', relation: 'context' },
            ],
          },
        },
      ],
    });
    const writer = new RecordBlobWriter({ chunkBytes: 64, partsPerBlob: 2 });
    const importer = new StreamingImport(
      'x.geojson',
      {},
      {
        onFeatureBytes: (bytes) => writer.addBytes(bytes),
      },
    );
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at < bytes.length; at += 50) importer.push(bytes.subarray(at, at + 50));
    const result = importer.end();
    expect(importer.streamed).toBe(true);
    expect(result.incidents.map((i) => i.id)).toEqual(['feature-1', 'b']);
    expect(Array.from(result.featureOf ?? [])).toEqual([0, 2]);
    const { columns } = deriveDataset(result.incidents);
    const blob = writer.finishFor(result.featureOf as Uint32Array);
    expect(recordCount(blob)).toBe(2);
    const records = new BlobRecords(blob, { ids: columns.ids });
    expect(await records.read([1, 0])).toEqual([result.incidents[1], result.incidents[0]]);
  });

  it.each([
    ['a download', false],
    ['a file', true],
  ])('are found where they lie in the bytes of %s, after a BOM and blanks', async (_, isFile) => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: generated.slice(0, 40).map((incident) => JSON.parse(encodeRecord(incident))),
    });
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a, ...new TextEncoder().encode(text)]);
    const kept = new StreamedRecords(isFile ? new Blob([bytes]) : null);
    const importer = new StreamingImport(
      'x.geojson',
      {},
      {
        onFeatureBytes: (parts, start) =>
          kept.addRecord(
            start,
            parts.reduce((n, p) => n + p.length, 0),
          ),
      },
    );
    // The first chunk holds only the BOM and blanks: the features are cut from the second on.
    for (let at = 0, size = 5; at < bytes.length; at += size, size = 997) {
      const chunk = bytes.slice(at, at + size);
      importer.push(chunk);
      if (importer.streamed) kept.addChunk(chunk, at);
    }
    const result = importer.end();
    const blob = kept.finishFor(result.featureOf as Uint32Array);
    const records = new BlobRecords(blob, { ids: deriveDataset(result.incidents).columns.ids });
    expect(await records.read([39, 0, 17])).toEqual([39, 0, 17].map((i) => result.incidents[i]));
  });
});
