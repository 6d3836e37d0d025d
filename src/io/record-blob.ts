/**
 * Records kept in a Blob: the loading worker writes each incident's record (domain/records.ts) one after
 * the other into a Blob, with a byte offset per incident; the page reads the few it shows by slicing it.
 * A binary dataset's records are where they are in its file: the File itself, or the file on its server,
 * read by range requests.
 * A Blob's bytes belong to the browser's blob storage, not to the page's JS heap, and a browser may keep a
 * large one on disk, so a million incidents' text costs the page only the offsets (8 bytes each) and a
 * bounded cache of the records it showed last.
 */
import { findId, type IdTable, idAt } from '../domain/columns';
import type { Incident } from '../domain/incident';
import { encodeRecord, type RecordSource } from '../domain/records';

interface RecordContext {
  idAt(i: number): string;
  readonly knownIds: { has(id: string): boolean };
}

/**
 * Bytes at an address whose server answers HTTP range requests (a binary dataset opened by `?data=`): read
 * a slice at a time, never downloaded whole. A plain object, so it crosses postMessage like a Blob.
 */
export interface RemoteBytes {
  readonly url: string;
  /** Bytes in all (the server's Content-Length). */
  readonly size: number;
}

/**
 * Where a dataset's records are: record i is `blob` bytes `start[i] .. start[i + 1]`, or, when `end` is
 * given (records picked out of a larger Blob, such as a file's features minus the skipped ones),
 * `start[i] .. end[i]`.
 */
export interface RecordBlob {
  readonly blob: Blob | RemoteBytes;
  readonly start: Float64Array;
  readonly end?: Float64Array;
}

/** How many records `records` holds. */
export function recordCount(records: RecordBlob): number {
  return records.end ? records.start.length : records.start.length - 1;
}

/** A server that does not answer range requests: the caller can download the whole file instead. */
export class NoRangeError extends Error {}

/** Bytes `from .. to` of a Blob, or of a remote file by one range request; `progress` hears bytes read. */
export async function readRange(
  source: Blob | RemoteBytes,
  from: number,
  to: number,
  progress?: (bytes: number) => void,
): Promise<Uint8Array> {
  if (source instanceof Blob) return new Uint8Array(await source.slice(from, to).arrayBuffer());
  if (to <= from) return new Uint8Array(0);
  const response = await fetch(source.url, {
    headers: { Range: `bytes=${from}-${to - 1}` },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (response.status !== 206) {
    await response.body?.cancel().catch(() => {});
    throw new NoRangeError(`the server answered ${response.status} to a range request, not 206`);
  }
  const bytes = new Uint8Array(to - from);
  const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader();
  let at = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    if (at + next.value.length > bytes.length) {
      reader.cancel().catch(() => {});
      throw new NoRangeError(`the server sent more than the ${bytes.length} bytes asked for`);
    }
    bytes.set(next.value, at);
    at += next.value.length;
    progress?.(at);
  }
  if (at !== bytes.length) throw new Error(`Only ${at} of ${bytes.length} bytes arrived from ${source.url}`);
  return bytes;
}

const WRITE = {
  chunkBytes: 8 * 1024 * 1024, // bytes encoded before they become one Blob part
  partsPerBlob: 16, // parts joined into one Blob at a time, so the worker never holds much more than this
};

/** Encodes records one by one into a Blob, a chunk at a time. */
export class RecordBlobWriter {
  private readonly encoder = new TextEncoder();
  private chunk: Uint8Array;
  private used = 0;
  private parts: BlobPart[] = [];
  private blobs: Blob[] = [];
  private offsets: number[] = [0];
  private written = 0;

  constructor(private readonly options: { chunkBytes: number; partsPerBlob: number } = WRITE) {
    this.chunk = new Uint8Array(options.chunkBytes);
  }

  /** Appends the record of `incident`. */
  add(incident: Incident): void {
    this.addText(encodeRecord(incident));
  }

  /** Appends a record's bytes as they are (a feature's exact text from the file), given in parts. */
  addBytes(parts: readonly Uint8Array[]): void {
    let length = 0;
    for (const part of parts) length += part.length;
    if (this.used + length > this.chunk.length) {
      this.flush();
      if (length > this.chunk.length) this.chunk = new Uint8Array(length);
    }
    for (const part of parts) {
      this.chunk.set(part, this.used);
      this.used += part.length;
    }
    this.written += length;
    this.offsets.push(this.written);
  }

  /** Appends a record already encoded as text. */
  addText(text: string): void {
    this.addBytes([this.encoder.encode(text)]);
  }

  /** The Blob of every record added, with their offsets. */
  finish(): RecordBlob {
    return { blob: this.close(), start: Float64Array.from(this.offsets) };
  }

  /** The Blob of every record added, as the records at `positions` (in that order): the others are left out. */
  finishFor(positions: Uint32Array): RecordBlob {
    const { offsets } = this;
    const start = new Float64Array(positions.length);
    const end = new Float64Array(positions.length);
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as number;
      if (p + 1 >= offsets.length) throw new RangeError(`No record ${p} (have ${offsets.length - 1})`);
      start[i] = offsets[p] as number;
      end[i] = offsets[p + 1] as number;
    }
    return { blob: this.close(), start, end };
  }

  private close(): Blob {
    this.flush();
    this.blobs.push(new Blob(this.parts));
    this.parts = [];
    return new Blob(this.blobs);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.parts.push(this.chunk.slice(0, this.used));
    this.used = 0;
    if (this.parts.length >= this.options.partsPerBlob) {
      this.blobs.push(new Blob(this.parts));
      this.parts = [];
    }
  }
}

const READ = {
  cache: 4_000, // records kept at hand: more than any screen shows at once (list rows, markers, a chain)
  gap: 16 * 1024, // bytes between two wanted records below which one read covers both
  run: 8 * 1024 * 1024, // bytes one read covers at most
};

/** Reads records from a RecordBlob: a bounded cache of the latest, each read one slice per run of records. */
/**
 * The record reader (domain/record-decode.ts, with the GeoJSON importer), fetched once, when the first
 * BlobRecords is made: the page's first script does without it.
 */
let recordDecoder: Promise<typeof import('../domain/record-decode')> | null = null;
const decoderModule = () => {
  recordDecoder ??= import('../domain/record-decode');
  return recordDecoder;
};

/** Fetches the record reader now (the page, as a load starts), so no row waits for it once the data is here. */
export function preloadRecordReader(): void {
  void decoderModule();
}

export class BlobRecords implements RecordSource {
  private readonly cache = new Map<number, Incident>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  private readonly end: (i: number) => number;
  private readonly context: RecordContext | undefined;

  /**
   * `ids`: the dataset's id table, when a record's own text may not say its id (a feature without one)
   * or names relations the load dropped (to ids the dataset does not have).
   */
  constructor(
    private readonly records: RecordBlob,
    options: { readonly ids?: IdTable; readonly capacity?: number } = {},
  ) {
    void decoderModule(); // fetched now, so it is here when the first rows are read
    const { start, end } = records;
    this.end = end ? (i) => end[i] as number : (i) => start[i + 1] as number;
    this.capacity = options.capacity ?? READ.cache;
    const { ids } = options;
    this.context = ids && {
      idAt: (i) => idAt(ids, i),
      knownIds: { has: (id) => findId(ids, id) !== undefined },
    };
  }

  private readonly capacity: number;

  get count(): number {
    return recordCount(this.records);
  }

  peek(i: number): Incident | undefined {
    const hit = this.cache.get(i);
    if (hit !== undefined) {
      // Most recently used last, so eviction takes the oldest first.
      this.cache.delete(i);
      this.cache.set(i, hit);
    }
    return hit;
  }

  async load(indices: ArrayLike<number>): Promise<void> {
    const missing: number[] = [];
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      if (!this.cache.has(i)) missing.push(i);
    }
    if (missing.length === 0) return;
    const incidents = await this.read(missing);
    missing.forEach((i, k) => {
      this.cache.set(i, incidents[k] as Incident);
    });
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break;
      this.cache.delete(oldest);
    }
  }

  async read(indices: ArrayLike<number>): Promise<Incident[]> {
    const { decodeRecord } = await decoderModule();
    const { start, blob } = this.records;
    const end = this.end;
    const wanted = Array.from(indices);
    for (const i of wanted) {
      if (!Number.isInteger(i) || i < 0 || i >= this.count)
        throw new RangeError(`No incident at position ${i} (have ${this.count})`);
    }
    const order = wanted.map((_, k) => k).sort((a, b) => (wanted[a] as number) - (wanted[b] as number));
    const out: Incident[] = new Array(wanted.length);
    // Runs of records close together in the Blob are read with one slice.
    let k = 0;
    while (k < order.length) {
      const first = wanted[order[k] as number] as number;
      let stop = k + 1;
      while (
        stop < order.length &&
        (start[wanted[order[stop] as number] as number] as number) -
          end(wanted[order[stop - 1] as number] as number) <=
          READ.gap &&
        end(wanted[order[stop] as number] as number) - (start[first] as number) <= READ.run
      )
        stop++;
      const base = start[first] as number;
      let top = base;
      for (let r = k; r < stop; r++) top = Math.max(top, end(wanted[order[r] as number] as number));
      const bytes = await readRange(blob, base, top);
      for (let r = k; r < stop; r++) {
        const i = wanted[order[r] as number] as number;
        const text = this.decoder.decode(bytes.subarray((start[i] as number) - base, end(i) - base));
        out[order[r] as number] = decodeRecord(
          text,
          this.context && { id: this.context.idAt(i), knownIds: this.context.knownIds },
        );
      }
      k = stop;
    }
    return out;
  }
}
