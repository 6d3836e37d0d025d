/**
 * Writes a dataset's columnar store as an Arrow IPC file (arrow-schema.ts says what is in it): the arrays
 * `deriveDataset` made, column by column, and every incident's record as the last column. Used by
 * `npm run convert` and the tests; the app only reads (arrow-read.ts).
 *
 * One record batch holds every row, so record i's bytes are one run of the file and the reader can point
 * at them; Arrow's Utf8 offsets are 32-bit, so the records may take at most 2 GiB (about 1.8 million
 * incidents of our generator's size), more than one browser tab holds anyway.
 */
import { type Data, makeData, RecordBatch, RecordBatchFileWriter, Struct } from 'apache-arrow';
import type { DatasetDerived } from '../domain/dataset';
import type { Incident } from '../domain/incident';
import { storyTimeKey } from '../domain/story';
import { FIELDS, FORMAT_VERSION, type StoreMeta, storeSchema, VOCABULARIES } from './arrow-schema';

/** What describes the dataset besides its arrays. */
export interface StoreFileInfo {
  readonly name: string | null;
  /** The file converted (its name only). */
  readonly source: string;
  /** Features or rows read from the source, and how many of them were skipped. */
  readonly total: number;
  readonly skipped: number;
}

const MAX_RECORD_BYTES = 2 ** 31 - 1; // Arrow Utf8 offsets are signed 32-bit

/** Encodes records one after the other: UTF-8 bytes and Arrow offsets. */
export class RecordColumn {
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(1 << 20);
  private used = 0;
  private readonly offsets: number[] = [0];

  add(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const need = this.used + text.length * 3;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, Math.min(this.bytes.length * 2, MAX_RECORD_BYTES + 4)));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.used += this.encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    if (this.used > MAX_RECORD_BYTES)
      throw new RangeError(
        `The records take more than ${MAX_RECORD_BYTES} bytes after ${this.offsets.length - 1} incidents: split the dataset`,
      );
    this.offsets.push(this.used);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /** The bytes and offsets written. */
  finish(): { data: Uint8Array; offsets: Int32Array } {
    return { data: this.bytes.subarray(0, this.used), offsets: Int32Array.from(this.offsets) };
  }
}

/**
 * For each link (in the order the graph lists them), the row that states it: one of its two ends, never
 * before the previous link's, so the links read back row by row come out in the same order.
 */
function statingRows(from: Uint32Array, to: Uint32Array): Uint32Array {
  const rows = new Uint32Array(from.length);
  let last = 0;
  for (let l = 0; l < from.length; l++) {
    const a = Math.min(from[l] as number, to[l] as number);
    const b = Math.max(from[l] as number, to[l] as number);
    const row = a >= last ? a : b;
    if (row < last) throw new Error(`Link ${l} (${from[l]} → ${to[l]}) is out of order after row ${last}`);
    rows[l] = row;
    last = row;
  }
  return rows;
}

const dataOf = (index: number, values: Uint8Array | Uint32Array | Int32Array | Float64Array) =>
  makeData({ type: FIELDS[index]?.type, length: values.length, nullCount: 0, data: values } as never);

/** A List<Struct<…>> column: `start` offsets per row into the struct's `children`. */
function listData(index: number, start: Int32Array, children: (Uint8Array | Uint32Array)[]): Data {
  const type = FIELDS[index]?.type as unknown as { children: { type: Struct }[] };
  const struct = type.children[0]?.type as Struct;
  const length = children[0]?.length ?? 0;
  const child = makeData({
    type: struct,
    length,
    nullCount: 0,
    children: children.map((values, k) =>
      makeData({ type: struct.children[k]?.type, length, nullCount: 0, data: values } as never),
    ),
  });
  return makeData({
    type: FIELDS[index]?.type,
    length: start.length - 1,
    nullCount: 0,
    valueOffsets: start,
    child,
  } as never);
}

/**
 * Two keys per incident that the file keeps for other readers and the page does not (its order is the
 * index's newest-first permutation; its story order needs the keys of linked incidents only).
 */
export interface StoreKeys {
  /** `IncidentDate.sortKey`: the newest-first order. */
  readonly sortKey: Float64Array;
  /** `storyTimeKey` of the date's start: the story's time order. */
  readonly timeKey: Float64Array;
}

/** The keys of `incidents`, in position order. */
export function storeKeys(incidents: readonly Incident[]): StoreKeys {
  return {
    sortKey: Float64Array.from(incidents, (incident) => incident.date.sortKey),
    timeKey: Float64Array.from(incidents, (incident) => storyTimeKey(incident.date.start)),
  };
}

/**
 * The Arrow IPC file of `derived` with `keys` and `records` (record i = incident i's `encodeRecord`), as
 * chunks.
 */
export async function storeFileChunks(
  derived: DatasetDerived,
  keys: StoreKeys,
  records: RecordColumn,
  info: StoreFileInfo,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const { index, columns, places, graph } = derived;
  const n = index.count;
  const lengths = [
    columns.count,
    records.count,
    graph.size,
    places.codeOf.length,
    keys.sortKey.length,
    keys.timeKey.length,
  ];
  if (lengths.some((length) => length !== n))
    throw new Error(
      `Arrays of different lengths: index ${n}, columns ${columns.count}, records ${records.count}, graph ${graph.size}, places ${places.codeOf.length}, keys ${keys.sortKey.length} and ${keys.timeKey.length}`,
    );
  const meta: StoreMeta = {
    version: FORMAT_VERSION,
    name: info.name,
    source: info.source,
    total: info.total,
    skipped: info.skipped,
    actors: index.actorNames,
    places: { names: places.names, points: Array.from(places.points) },
    vocabularies: VOCABULARIES,
  };
  const rows = statingRows(graph.linkFrom, graph.linkTo);
  const linkStart = new Int32Array(n + 1);
  for (const row of rows) (linkStart[row + 1] as number)++;
  for (let i = 0; i < n; i++) linkStart[i + 1] = (linkStart[i + 1] as number) + (linkStart[i] as number);
  const utf8 = (data: Uint8Array, offsets: Int32Array | Uint32Array) =>
    makeData({ type: FIELDS[0]?.type, length: n, nullCount: 0, data, valueOffsets: offsets } as never);
  const record = records.finish();
  const children = [
    utf8(columns.ids.bytes, Int32Array.from(columns.ids.start)),
    dataOf(1, columns.lon),
    dataOf(2, columns.lat),
    dataOf(3, columns.precision),
    dataOf(4, columns.attribution),
    dataOf(5, index.typeCode),
    dataOf(6, keys.sortKey),
    dataOf(7, keys.timeKey),
    dataOf(8, index.firstDay),
    dataOf(9, index.lastDay),
    dataOf(10, places.codeOf),
    dataOf(11, index.newestFirst),
    listData(12, Int32Array.from(index.actorStart), [index.entryActor, index.entryFlags]),
    listData(13, linkStart, [graph.linkFrom, graph.linkTo, graph.linkKind]),
    utf8(record.data, record.offsets),
  ];
  const schema = storeSchema(meta);
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children }),
  );
  const writer = RecordBatchFileWriter.writeAll([batch]);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  // Views of the arrays above (and the writer's own metadata), never SharedArrayBuffers.
  for await (const chunk of writer) chunks.push(chunk as Uint8Array<ArrayBuffer>);
  return chunks;
}
