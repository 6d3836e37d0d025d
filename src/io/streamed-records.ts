/**
 * The records of a streamed GeoJSON where they lie in the bytes read (the loading worker): a feature's
 * record is its exact text, so it is not copied out of the input.
 */
import { withRoom } from '../domain/growable';
import type { RecordBlob } from './record-blob';

const KEEP = {
  // downloaded bytes joined into one Blob part at a time: small, so the copy happens while the features
  // are read, and little is left to copy at the end
  partBytes: 4 * 1024 * 1024,
};

/**
 * The records' Blob is the file itself when a File is read, else the downloaded bytes kept as they arrive
 * (one copy, into browser blob storage); each record is a run of it.
 */
export class StreamedRecords {
  private start = new Float64Array(1024);
  private end = new Float64Array(1024);
  private count = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly blobs: Blob[] = [];
  private base: number | null = null;

  /** `file`: the File (or Blob) being read, which holds every record already; null for a download. */
  constructor(private readonly file: Blob | null) {}

  /**
   * Keeps a chunk of a download that begins `at` bytes into it; chunks come in order, from the first that
   * holds a record's bytes (or earlier). Nothing is kept when reading a File.
   */
  addChunk(chunk: Uint8Array, at: number): void {
    if (this.file !== null) return;
    this.base ??= at;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= KEEP.partBytes) this.flush();
  }

  /** Notes the next record: `length` bytes from `start` (bytes from the start of the input). */
  addRecord(start: number, length: number): void {
    const i = this.count++;
    this.start = withRoom(this.start, i + 1);
    this.end = withRoom(this.end, i + 1);
    this.start[i] = start;
    this.end[i] = start + length;
  }

  /** The records at `positions` (in that order), in a Blob of the input's bytes. */
  finishFor(positions: Uint32Array): RecordBlob {
    const shift = this.file === null ? (this.base ?? 0) : 0;
    const start = new Float64Array(positions.length);
    const end = new Float64Array(positions.length);
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as number;
      if (p >= this.count) throw new RangeError(`No record ${p} (have ${this.count})`);
      start[i] = (this.start[p] as number) - shift;
      end[i] = (this.end[p] as number) - shift;
    }
    if (this.file !== null) return { blob: this.file, start, end };
    this.flush();
    return { blob: new Blob(this.blobs), start, end };
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending as Uint8Array<ArrayBuffer>[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
