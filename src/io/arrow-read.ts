/**
 * Reads a dataset's binary form (an Arrow IPC file written by arrow-write.ts) into the columnar store,
 * without one object per incident and without reading the records: the footer, the record batch's
 * metadata and the bytes of every column before `record` are read; the records stay in the file (a File
 * on disk, the file on its server, read by range requests, or the Blob a download was gathered into), and
 * `records.start[i]` is the file offset of record i, so the page reads one slice of the file when it shows
 * an incident (io/record-blob.ts). Each record is validated again when it is read (domain/records.ts).
 *
 * Every length, offset, code and permutation is checked before use: a file that is not what we write
 * gives one message saying so, never an exception or a half-built store. Loaded by the worker with a
 * dynamic import, so Arrow's code is fetched only when such a file is opened.
 */
import { type DataType, Message } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import { isArrowFile } from '../domain/import/sniff';
import { BadFile, Cursor, decode } from './arrow-columns';
import { describeType, FIELDS, FORMAT_VERSION, META_KEY, type StoreMeta, VOCABULARIES } from './arrow-schema';
import type { StoreMessage } from './load-protocol';
import { NoRangeError, type RemoteBytes, readRange } from './record-blob';

/** What reading a binary file gives: the store and what its metadata says, or why the file is refused. */
export type ArrowStoreResult =
  | {
      readonly ok: true;
      readonly store: StoreMessage;
      readonly name: string | null;
      readonly total: number;
      readonly skipped: number;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `file` (an Arrow IPC file) into the columnar store; `progress` hears how many of the column bytes
 * have arrived. Never throws for a bad file; throws NoRangeError when a server does not answer ranges.
 */
export async function readArrowStore(
  file: Blob | RemoteBytes,
  progress?: (bytes: number, of: number) => void,
): Promise<ArrowStoreResult> {
  try {
    return await read(file, progress);
  } catch (error) {
    if (error instanceof NoRangeError) throw error;
    if (error instanceof BadFile) return { ok: false, message: error.message };
    if (error instanceof Error && error.name === 'NotReadableError') {
      // The browser would not read its own copy: a file changed since it was chosen, or a download larger
      // than the browser keeps in memory (a few hundred MB in headless Chromium).
      const mb = (file.size / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 });
      return {
        ok: false,
        message: `(${mb} MB) could not be read back by this browser: open the file with Open data, or serve it from a host that answers range requests`,
      };
    }
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `is an Arrow file that cannot be read (${why})` };
  }
}

async function read(
  file: Blob | RemoteBytes,
  progress?: (bytes: number, of: number) => void,
): Promise<ArrowStoreResult> {
  const bytesAt = (from: number, to: number) => readRange(file, from, to);
  const size = file.size;
  const head = await bytesAt(0, 8);
  const tail = await bytesAt(Math.max(0, size - 10), size);
  if (!isArrowFile(head)) throw new BadFile('is not an Arrow file (it does not start with ARROW1)');
  if (size < 18 || !isArrowFile(tail.subarray(4)))
    throw new BadFile('is an Arrow file that was cut short (it does not end with ARROW1): copy it again');
  const footerLength = new DataView(tail.buffer).getInt32(0, true);
  const footerStart = size - 10 - footerLength;
  if (footerLength <= 0 || footerStart < 8)
    throw new BadFile(`is an Arrow file with a footer length of ${footerLength} bytes in ${size}`);
  const footer = Footer.decode(await bytesAt(footerStart, size - 10));
  const meta = readMeta(footer.schema.metadata.get(META_KEY));
  checkFields(footer.schema.fields);
  const blocks = [...footer.recordBatches()];
  if (footer.numDictionaries > 0 || blocks.length !== 1)
    throw new BadFile(
      `has ${blocks.length} record batches and ${footer.numDictionaries} dictionaries; Incident Atlas writes one batch and no dictionary`,
    );
  const block = blocks[0] as (typeof blocks)[number];
  const bodyStart = block.offset + block.metaDataLength;
  if (block.offset < 8 || block.metaDataLength < 8 || bodyStart + block.bodyLength > footerStart)
    throw new BadFile(
      `has a record batch at bytes ${block.offset}..${bodyStart + block.bodyLength} of ${size}`,
    );
  const metaBytes = await bytesAt(block.offset, bodyStart);
  const prefix = new DataView(metaBytes.buffer).getInt32(0, true) === -1 ? 8 : 4;
  const message = Message.decode(metaBytes.subarray(prefix));
  if (!message.isRecordBatch()) throw new BadFile('has no record batch where its footer says');
  const batch = message.header();
  if (batch.compression !== null)
    throw new BadFile('is a compressed Arrow file: write it again without compression (npm run convert)');
  const n = batch.length;
  if (n + meta.skipped !== meta.total)
    throw new BadFile(`has ${n} rows, but its metadata says ${meta.total} read and ${meta.skipped} skipped`);
  const regions = batch.buffers;
  const recordValues = regions.at(-1);
  if (recordValues === undefined) throw new BadFile('has a record batch without buffers');
  for (const [k, region] of regions.entries()) {
    const limit = k === regions.length - 1 ? block.bodyLength : recordValues.offset;
    if (region.offset < 0 || region.length < 0 || region.offset + region.length > limit)
      throw new BadFile(
        `has buffer ${k} at ${region.offset}..${region.offset + region.length}, outside its data`,
      );
  }
  const body = await readRange(file, bodyStart, bodyStart + recordValues.offset, (bytes) =>
    progress?.(bytes, recordValues.offset),
  );
  const store = decode(
    new Cursor(body, batch.nodes, regions),
    n,
    meta,
    file,
    bodyStart + recordValues.offset,
  );
  return { ok: true, store, name: meta.name, total: meta.total, skipped: meta.skipped };
}

function readMeta(text: string | undefined): StoreMeta {
  if (text === undefined)
    throw new BadFile(
      `is an Arrow file, but not one Incident Atlas wrote (no "${META_KEY}" metadata): make one with npm run convert`,
    );
  let meta: StoreMeta;
  try {
    meta = JSON.parse(text) as StoreMeta;
  } catch {
    throw new BadFile(`has "${META_KEY}" metadata that is not JSON`);
  }
  if (meta?.version !== FORMAT_VERSION)
    throw new BadFile(
      `is Incident Atlas format version ${JSON.stringify(meta?.version)}; this app reads version ${FORMAT_VERSION}: convert the data again with this version`,
    );
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  const { places } = meta;
  if (
    !strings(meta.actors) ||
    new Set(meta.actors).size !== meta.actors.length ||
    !strings(places?.names) ||
    !Array.isArray(places.points) ||
    places.points.length !== 2 * places.names.length ||
    !places.points.every((p) => typeof p === 'number' && Number.isFinite(p)) ||
    !count(meta.total) ||
    !count(meta.skipped) ||
    (meta.name !== null && typeof meta.name !== 'string')
  )
    throw new BadFile(`has "${META_KEY}" metadata without valid actors, places or counts`);
  for (const [key, words] of Object.entries(VOCABULARIES)) {
    const theirs = meta.vocabularies?.[key as keyof typeof VOCABULARIES];
    if (JSON.stringify(theirs) !== JSON.stringify(words))
      throw new BadFile(`codes ${key} as ${JSON.stringify(theirs)}, not as this app does: convert it again`);
  }
  return meta;
}

function checkFields(fields: readonly { name: string; type: DataType }[]): void {
  const want = FIELDS.map((f) => `${f.name}: ${describeType(f.type)}`);
  const have = fields.map((f) => `${f.name}: ${describeType(f.type)}`);
  const missing = want.find((w, k) => have[k] !== w);
  if (missing !== undefined || have.length !== want.length)
    throw new BadFile(
      `does not have the columns Incident Atlas writes (${missing === undefined ? `${have.length} columns, expected ${want.length}` : `expected ${missing} at column ${want.indexOf(missing) + 1}, found ${have[want.indexOf(missing)] ?? 'nothing'}`})`,
    );
}
