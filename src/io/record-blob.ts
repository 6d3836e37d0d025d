/**
 * Records kept in a Blob: the loading worker writes each incident's record (domain/records.ts) one after
 * the other into a Blob, with a byte offset per incident; the page reads the few it shows by slicing it.
 * A Blob's bytes belong to the browser's blob storage, not to the page's JS heap, and a browser may keep a
 * large one on disk, so a million incidents' text costs the page only the offsets (8 bytes each) and a
 * bounded cache of the records it showed last.
 */
import type { Incident } from '../domain/incident';
import { decodeRecord, encodeRecord, type RecordSource } from '../domain/records';

/** Where a dataset's records are: record i is `blob` bytes `start[i] .. start[i + 1]`. */
export interface RecordBlob {
  readonly blob: Blob;
  readonly start: Float64Array;
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

  /** Appends a record already encoded as text. */
  addText(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.chunk.length) {
      this.flush();
      if (text.length * 3 > this.chunk.length) this.chunk = new Uint8Array(text.length * 3);
    }
    const { written } = this.encoder.encodeInto(text, this.chunk.subarray(this.used));
    this.used += written;
    this.written += written;
    this.offsets.push(this.written);
  }

  /** The Blob of every record added, with their offsets. */
  finish(): RecordBlob {
    this.flush();
    this.blobs.push(new Blob(this.parts));
    this.parts = [];
    return { blob: new Blob(this.blobs), start: Float64Array.from(this.offsets) };
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
export class BlobRecords implements RecordSource {
  private readonly cache = new Map<number, Incident>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly records: RecordBlob,
    private readonly capacity = READ.cache,
  ) {}

  get count(): number {
    return this.records.start.length - 1;
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
    const { start, blob } = this.records;
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
      let end = k + 1;
      while (
        end < order.length &&
        (start[wanted[order[end] as number] as number] as number) -
          (start[(wanted[order[end - 1] as number] as number) + 1] as number) <=
          READ.gap &&
        (start[(wanted[order[end] as number] as number) + 1] as number) - (start[first] as number) <= READ.run
      )
        end++;
      const last = wanted[order[end - 1] as number] as number;
      const base = start[first] as number;
      const bytes = new Uint8Array(await blob.slice(base, start[last + 1]).arrayBuffer());
      for (let r = k; r < end; r++) {
        const i = wanted[order[r] as number] as number;
        const text = this.decoder.decode(
          bytes.subarray((start[i] as number) - base, (start[i + 1] as number) - base),
        );
        out[order[r] as number] = decodeRecord(text);
      }
      k = end;
    }
    return out;
  }
}
