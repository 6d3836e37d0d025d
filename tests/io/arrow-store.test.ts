/**
 * The binary form (an Arrow IPC file): what `npm run convert` writes reads back into exactly the arrays
 * `deriveDataset` makes, the records are the bytes of the file that `records.start` points at, and a file
 * that is not what we write gives one message, never an exception.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Field, makeData, RecordBatch, RecordBatchFileWriter, Schema, Struct, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { datasetChunks } from '../../scripts/generate/format';
import { type DatasetDerived, deriveDataset } from '../../src/domain/dataset';
import { importBytes, importText } from '../../src/domain/import/import-text';
import { isArrowFile } from '../../src/domain/import/sniff';
import type { Incident } from '../../src/domain/incident';
import { encodeRecord } from '../../src/domain/records';
import { readArrowStore } from '../../src/io/arrow-read';
import { META_KEY } from '../../src/io/arrow-schema';
import { RecordColumn, type StoreFileInfo, storeFileChunks, storeKeys } from '../../src/io/arrow-write';
import { BlobRecords } from '../../src/io/record-blob';

const ROOT = resolve(import.meta.dirname, '..', '..');
const bundled = importText(
  readFileSync(resolve(ROOT, 'geodata', 'incidents.geojson'), 'utf8'),
  'incidents.geojson',
);
const generated = importText(
  [...datasetChunks({ count: 3_000, seed: 11, isolated: true })].join(''),
  'generated.geojson',
);

const info = (incidents: readonly Incident[], extra: Partial<StoreFileInfo> = {}): StoreFileInfo => ({
  name: 'Test data',
  source: 'test.geojson',
  total: incidents.length + 2,
  skipped: 2,
  ...extra,
});

async function fileOf(
  incidents: readonly Incident[],
  derived: DatasetDerived = deriveDataset(incidents),
  extra: Partial<StoreFileInfo> = {},
): Promise<Blob> {
  const records = new RecordColumn();
  for (const incident of incidents) records.add(encodeRecord(incident));
  return new Blob(await storeFileChunks(derived, storeKeys(incidents), records, info(incidents, extra)));
}

async function read(blob: Blob) {
  const result = await readArrowStore(blob);
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** The message a bad file gives. */
async function problem(blob: Blob): Promise<string> {
  const result = await readArrowStore(blob);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

describe('the binary form', () => {
  for (const [name, result] of [
    ['the bundled dataset (with its relations)', bundled],
    ['a generated dataset', generated],
  ] as const) {
    it(`reads ${name} back into the arrays deriveDataset makes`, async () => {
      const { incidents } = result;
      expect(incidents.length).toBeGreaterThan(0);
      const blob = await fileOf(incidents);
      const back = await read(blob);
      expect(back.store.derived).toEqual(deriveDataset(incidents));
      expect(back).toMatchObject({ name: 'Test data', total: incidents.length + 2, skipped: 2 });
      expect(back.store.records.blob).toBe(blob);
    });
  }

  it('keeps the relation graph, link for link', async () => {
    const derived = deriveDataset(bundled.incidents);
    expect(derived.graph.linkFrom.length).toBeGreaterThan(3);
    const back = await read(await fileOf(bundled.incidents));
    expect(back.store.derived.graph).toEqual(derived.graph);
  });

  it('points at each record in the file: the bytes at start[i] .. start[i + 1] are its encodeRecord', async () => {
    const { incidents } = generated;
    const blob = await fileOf(incidents);
    const { start } = (await read(blob)).store.records;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const decoder = new TextDecoder();
    for (let i = 0; i < incidents.length; i += 97) {
      const text = decoder.decode(bytes.subarray(start[i], start[i + 1]));
      expect(text).toBe(encodeRecord(incidents[i] as Incident));
    }
    expect(start[incidents.length]).toBeLessThan(blob.size);
  });

  it('reads the records back as the same incidents through the page reader', async () => {
    const { incidents } = bundled;
    const back = await read(await fileOf(incidents));
    const records = new BlobRecords(back.store.records);
    const all = await records.read(incidents.map((_, i) => i));
    expect(all).toEqual(incidents);
  });

  it('starts with the Arrow magic', async () => {
    const blob = await fileOf(bundled.incidents);
    expect(isArrowFile(new Uint8Array(await blob.slice(0, 8).arrayBuffer()))).toBe(true);
    expect(isArrowFile(new TextEncoder().encode('{"type":'))).toBe(false);
  });

  it('is named, not misread, where text is expected (npm run validate)', async () => {
    const bytes = new Uint8Array(await (await fileOf(bundled.incidents)).arrayBuffer());
    const result = importBytes(bytes, 'x.arrow');
    expect(result.readable).toBe(false);
    expect(result.issues[0]?.message).toMatch(/^is an Arrow file \(the binary form npm run convert writes\)/);
  });
});

describe('a bad binary file', () => {
  const good = fileOf(bundled.incidents);

  it('is not an Arrow file', async () => {
    expect(await problem(new Blob(['{"type":"FeatureCollection"}']))).toMatch(/not an Arrow file/);
  });

  it('was cut short', async () => {
    const blob = await good;
    expect(await problem(blob.slice(0, blob.size - 100))).toMatch(/cut short/);
    expect(await problem(blob.slice(0, 12))).toMatch(/cut short/);
  });

  it('has a footer or a record batch where none can be', async () => {
    const bytes = new Uint8Array(await (await good).arrayBuffer());
    const footer = bytes.slice();
    new DataView(footer.buffer).setInt32(footer.length - 10, footer.length, true);
    expect(await problem(new Blob([footer]))).toMatch(/footer length/);
    const garbled = bytes.slice();
    garbled.fill(0x7f, garbled.length - 200, garbled.length - 10);
    expect(await problem(new Blob([garbled]))).toMatch(/^is an Arrow file|^has /);
  });

  it('was not written by Incident Atlas', async () => {
    const fields = [new Field('id', new Utf8(), false)];
    const batch = new RecordBatch(
      new Schema(fields),
      makeData({
        type: new Struct(fields),
        length: 1,
        nullCount: 0,
        children: [
          makeData({
            type: new Utf8(),
            length: 1,
            nullCount: 0,
            valueOffsets: Int32Array.from([0, 1]),
            data: Uint8Array.from([65]),
          }),
        ],
      }),
    );
    const plain = RecordBatchFileWriter.writeAll([batch]).toUint8Array(true) as Uint8Array<ArrayBuffer>;
    expect(await problem(new Blob([plain]))).toMatch(/not one Incident Atlas wrote/);
    const meta = JSON.stringify({
      version: 1,
      name: null,
      source: 'x',
      total: 1,
      skipped: 0,
      actors: [],
      places: { names: [], points: [] },
      vocabularies: JSON.parse(
        new TextDecoder().decode(await (await good).arrayBuffer()).match(/"vocabularies":(\{[^}]*\})/)?.[1] ??
          '{}',
      ),
    });
    const missing = new RecordBatch(new Schema(fields, new Map([[META_KEY, meta]])), batch.data);
    expect(
      await problem(
        new Blob([RecordBatchFileWriter.writeAll([missing]).toUint8Array(true) as Uint8Array<ArrayBuffer>]),
      ),
    ).toMatch(
      /does not have the columns Incident Atlas writes \(expected lon: Float64 at column 2, found nothing\)/,
    );
  });

  it('is of another format version', async () => {
    const bytes = new Uint8Array(await (await good).arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.lastIndexOf('{"version":1,');
    expect(at).toBeGreaterThan(0);
    bytes[at + '{"version":'.length] = '9'.charCodeAt(0);
    expect(await problem(new Blob([bytes]))).toMatch(/format version 9; this app reads version 1/);
  });

  it('cannot be read back by the browser (a changed file, or a download too large to keep)', async () => {
    const blob = await good;
    class Unreadable extends Blob {
      override slice(start?: number, end?: number): Blob {
        const part = blob.slice(start, end);
        if ((start ?? 0) < 1000) return part;
        return Object.assign(part, {
          arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')),
        });
      }
    }
    expect(await problem(new Unreadable([await blob.arrayBuffer()]))).toMatch(
      /^\([\d,.]+ MB\) could not be read back by this browser: open the file with Open data, or serve it/,
    );
  });

  it('has counts that disagree with its rows', async () => {
    const { incidents } = bundled;
    expect(await problem(await fileOf(incidents, deriveDataset(incidents), { total: 3 }))).toMatch(
      /has 6 rows, but its metadata says 3 read and 2 skipped/,
    );
  });

  it('has codes, offsets or an order out of range', async () => {
    const { incidents } = bundled;
    const derived = () => structuredClone(deriveDataset(incidents));
    const notAnOrder = derived();
    (notAnOrder.index.newestFirst as Uint32Array)[1] = notAnOrder.index.newestFirst[0] as number;
    expect(await problem(await fileOf(incidents, notAnOrder))).toMatch(
      /newest_first column that is not an order/,
    );
    const place = derived();
    (place.places.codeOf as Uint32Array)[2] = 999;
    expect(await problem(await fileOf(incidents, place))).toMatch(/has 999 in column place_code at row 3/);
    const actor = derived();
    (actor.index.entryActor as Uint32Array)[0] = 12_345;
    expect(await problem(await fileOf(incidents, actor))).toMatch(/in column actors.item.actor at row 1/);
    const backwards = derived();
    const start = backwards.index.actorStart as Uint32Array;
    start[2] = (start[3] as number) + 1;
    expect(await problem(await fileOf(incidents, backwards))).toMatch(
      /has offsets in column actors that go backwards at row 3/,
    );
    const past = derived();
    const ids = past.columns.ids.start as Uint32Array;
    ids[ids.length - 1] = (ids.at(-1) as number) + 500;
    expect(await problem(await fileOf(incidents, past))).toMatch(
      /has offsets in column id past its \d+ bytes/,
    );
    const point = derived();
    (point.columns.lat as Float64Array)[0] = 123;
    expect(await problem(await fileOf(incidents, point))).toMatch(/outside WGS84/);
  });
});
