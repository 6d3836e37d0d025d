/// <reference lib="webworker" />
/**
 * The loading worker: reads a dataset's bytes as a stream (a download or a local file), imports them as
 * they arrive (GeoJSON feature by feature, never as one string), and sends back the columnar store — the
 * derived typed arrays by transfer and the records in a Blob — plus the problems in batches. All parsing,
 * validation and indexing happens here, off the page's thread; the page never receives one object per
 * incident. It also joins datasets already loaded (`combine`), reading their records back.
 *
 * A binary dataset (an Arrow IPC file, io/arrow-read.ts, known by its first bytes) is not parsed as text:
 * its columns are read straight into the store and its records stay in the file, sliced when shown.
 */
import { deriveDataset, derivedBuffers } from '../domain/dataset';
import { named } from '../domain/import/geojson';
import type { DerivedImport, ImportResult } from '../domain/import/result';
import { isArrowFile } from '../domain/import/sniff';
import { StreamingImport } from '../domain/import/stream-import';
import type { Incident } from '../domain/incident';
import { fileIssue } from '../domain/issues';
import { joinPoints, PointTrail } from '../domain/point-trail';
import { combineParts } from '../domain/shelf';
import { answersRanges, joinBytes, nextChunk, open, readHead } from './download';
import {
  BATCH,
  type CombineRequest,
  type LoadMessage,
  type LoadRequest,
  type StoreMessage,
} from './load-protocol';
import { ParseClient } from './parse-client';
import { BlobRecords, RecordBlobWriter, type RemoteBytes } from './record-blob';
import { StreamedRecords } from './streamed-records';

const PROGRESS_EVERY_MS = 100; // at most this often, while bytes arrive

const post = (message: LoadMessage) => (self as unknown as Worker).postMessage(message);

/**
 * Where workers can start workers, a streamed GeoJSON's features are read — parsed, validated and added
 * to the columnar store, each incident then dropped — by a second worker (parse-worker.ts), so cutting
 * them out of the download and reading them run on two cores; else here.
 */
const READ_ELSEWHERE = typeof Worker !== 'undefined';

/**
 * Below this many bytes (when the size is known) a GeoJSON's features are read here: a second worker takes
 * longer to start (~50–100 ms here) than it would save.
 */
const READ_HERE_BELOW = 2 * 1024 * 1024;

async function load(request: LoadRequest): Promise<void> {
  const { source } = request;
  if (source.kind === 'file' && isArrowFile(new Uint8Array(await source.file.slice(0, 8).arrayBuffer())))
    return loadArrow(request, source.file);
  const small = source.kind === 'file' && source.file.size < READ_HERE_BELOW;
  // Started before the download, so it is ready when the first features are (unused for CSV or Arrow).
  let parser =
    READ_ELSEWHERE && !small ? new ParseClient(request.fileName, false, request.preview === true) : null;
  try {
    await loadText(request, parser, () => {
      parser?.terminate();
      parser = null;
    });
  } finally {
    parser?.terminate();
  }
}

/**
 * Opens a download or a file that is not a binary one from its start; Arrow after all is opened as such.
 * A download that turns out small is read here: `dropParser` stops the feature reader.
 */
async function loadText(
  request: LoadRequest,
  started: ParseClient | null,
  dropParser: () => void,
): Promise<void> {
  const { source } = request;
  const opened = await open(request);
  if (typeof opened === 'string') return post({ type: 'failed', message: opened });
  let parser = started;
  if (parser !== null && opened.total !== null && opened.total < READ_HERE_BELOW) {
    dropParser();
    parser = null;
  }
  const reader = opened.stream.getReader();
  post({ type: 'progress', received: 0, total: opened.total, features: 0 });
  const head = await readHead(reader, request.name);
  if (typeof head === 'string') return post({ type: 'failed', message: head });
  if (isArrowFile(joinBytes(head))) {
    if (source.kind === 'url' && opened.total !== null && (await answersRanges(source.url))) {
      // Only the columns are fetched, and each record when shown. Not awaited: a server that keeps the
      // connection open would hold the cancel.
      reader.cancel().catch(() => {});
      return loadArrow(request, { url: source.url, size: opened.total });
    }
    return loadArrow(request, await gather(reader, head, opened.total, request.name));
  }
  // A streamed GeoJSON feature's exact bytes are its record, where they lie in the file: no copy of them,
  // no encoding again. A CSV read as it arrives has each incident's record written as it is added.
  const records = new StreamedRecords(source.kind === 'file' ? source.file : null);
  const written = new RecordBlobWriter();
  const points = new PointsRelay();
  // A CSV read here leaves its points in this trail; a GeoJSON's reader elsewhere sends them.
  const trail = request.preview === true ? new PointTrail() : null;
  const importer = new StreamingImport(
    request.fileName,
    request.mapping ? { mapping: request.mapping } : {},
    {
      declaredSize: opened.total,
      reading: parser === null ? 'store' : 'elsewhere',
      onFeatureBytes: (bytes, start) => {
        let length = 0;
        for (const part of bytes) length += part.length;
        records.addRecord(start, length);
        parser?.add(bytes);
      },
      trail,
      onIncident: (incident) => written.add(incident),
    },
  );
  parser?.listen({
    onRead: (count) => importer.readThrough(count),
    onFailed: (feature, why, utf8) => importer.failedAt(feature, why, utf8),
    onPoints: (xy) => points.add(xy),
  });
  const text: TextSource = { importer, streamed: records, written, points, trail };
  await readText(request, opened.total, reader, head, text, parser);
}

/** Where a text download goes: the importer, the records it leaves, and its preview's points. */
interface TextSource {
  readonly importer: StreamingImport;
  /** A streamed GeoJSON's records: its features' own bytes. */
  readonly streamed: StreamedRecords;
  /** A CSV read as it arrives: each incident's record, written as it is added. */
  readonly written: RecordBlobWriter;
  readonly points: PointsRelay;
  readonly trail: PointTrail | null;
}

/**
 * Passes the reader's points on to the page: the first as soon as they come (the page draws them at once),
 * then gathered and sent at most every PROGRESS_EVERY_MS, so a million incidents make ~100 messages, not
 * one per batch.
 */
class PointsRelay {
  private pending: Float32Array[] = [];
  private last = Number.NEGATIVE_INFINITY;

  add(xy: Float32Array): void {
    this.pending.push(xy);
    const now = performance.now();
    if (now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    const joined = joinPoints(this.pending);
    this.pending = [];
    const message: LoadMessage = { type: 'points', xy: joined };
    (self as unknown as Worker).postMessage(message, [joined.buffer]);
  }
}

/** Reads a text download into `importer` (its features into `parser`, when given), then sends the store. */
async function readText(
  request: LoadRequest,
  total: number | null,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  head: Uint8Array[],
  source: TextSource,
  parser: ParseClient | null,
): Promise<void> {
  const { importer, streamed: records } = source;
  let last = 0;
  /** A progress held back by the rate limit, sent when it allows: a download that pauses still shows its count. */
  let held: ReturnType<typeof setTimeout> | null = null;
  const progress = () => {
    if (held !== null) clearTimeout(held);
    held = null;
    last = performance.now();
    post({
      type: 'progress',
      received: importer.received,
      total,
      features: importer.featureCount,
      ...(importer.readsRows ? { unit: 'rows' as const } : {}),
    });
  };
  for (;;) {
    const chunk = head.shift() ?? (await nextChunk(reader, request.name));
    if (typeof chunk === 'string') {
      if (held !== null) clearTimeout(held);
      return post({ type: 'failed', message: chunk });
    }
    if (chunk === null) break;
    importer.push(chunk);
    if (importer.streamed) records.addChunk(chunk, importer.received - chunk.length);
    const xy = source.trail?.take();
    if (xy) source.points.add(xy);
    await parser?.ready();
    if (importer.stopped || parser?.error) {
      // Not awaited: a server that keeps the connection open would hold the cancel, and the answer.
      reader.cancel().catch(() => {});
      break; // end() says why; reading the rest would only waste time
    }
    const wait = PROGRESS_EVERY_MS - (performance.now() - last);
    if (wait <= 0) progress();
    else held ??= setTimeout(progress, wait);
  }
  progress();
  const result = await finishReading(importer, parser);
  for (let i = 0; i < result.issues.length; i += BATCH) {
    post({ type: 'issues', batch: result.issues.slice(i, i + BATCH) });
  }
  let store: StoreMessage | undefined;
  if ('derived' in result) {
    // A GeoJSON's records are its features' bytes; a CSV's were written as its rows were read.
    const kept = () =>
      result.format === 'geojson' ? records.finishFor(result.featureOf) : source.written.finish();
    if (result.derived.index.count > 0) store = { derived: result.derived, records: kept() };
  } else if (result.incidents.length > 0) store = storeOf(result.incidents);
  const done: LoadMessage = {
    type: 'done',
    format: result.format,
    total: result.total,
    readable: result.readable,
    ...(result.needsMapping ? { needsMapping: result.needsMapping } : {}),
    ...(result.name ? { name: result.name } : {}),
    ...(store ? { store } : {}),
  };
  (self as unknown as Worker).postMessage(done, store ? transfers(store) : []);
}

/** What `importer` read, its features read by `parser` when there is one. */
async function finishReading(
  importer: StreamingImport,
  parser: ParseClient | null,
): Promise<ImportResult | DerivedImport> {
  if (parser === null) return importer.endDerived();
  if (!importer.failed) await parser.drain();
  if (parser.error) throw new Error(parser.error);
  const ended = importer.endElsewhere();
  if (!('kind' in ended)) return ended;
  const read = await parser.end(ended.notes);
  if (read === null) throw new Error(parser.error ?? 'the feature reader stopped');
  return named(read, ended.collection);
}

const GATHER_BYTES = 64 * 1024 * 1024; // downloaded bytes joined into one Blob part at a time

/**
 * The rest of a download, after `head`, as one Blob (kept by the browser, not in this worker's heap), for
 * a server that does not answer range requests. A browser holds only so much in Blobs (a few hundred MB
 * in headless Chromium here), so a large binary dataset is better served by a server that does.
 */
async function gather(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  head: Uint8Array[],
  total: number | null,
  name: string,
): Promise<Blob | string> {
  const parts: Blob[] = [];
  let chunks: Uint8Array[] = head;
  let pending = head.reduce((n, c) => n + c.length, 0);
  let received = pending;
  let last = 0;
  for (;;) {
    const chunk = await nextChunk(reader, name);
    if (typeof chunk === 'string') return chunk;
    if (chunk === null) break;
    chunks.push(chunk);
    pending += chunk.length;
    received += chunk.length;
    if (pending >= GATHER_BYTES) {
      parts.push(new Blob(chunks as Uint8Array<ArrayBuffer>[]));
      chunks = [];
      pending = 0;
    }
    const now = performance.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      post({ type: 'progress', received, total, features: 0 });
    }
  }
  parts.push(new Blob(chunks as Uint8Array<ArrayBuffer>[]));
  post({ type: 'progress', received, total, features: 0 });
  return new Blob(parts);
}

/** Opens a binary dataset (io/arrow-read.ts, loaded only now): its columns, and records left in `file`. */
async function loadArrow(request: LoadRequest, file: Blob | RemoteBytes | string): Promise<void> {
  if (typeof file === 'string') return post({ type: 'failed', message: file });
  const { readArrowStore } = await import('./arrow-read');
  let last = 0;
  const read = await readArrowStore(file, (received, total) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post({ type: 'progress', received, total, features: 0 });
  });
  if (!read.ok) {
    post({ type: 'issues', batch: [fileIssue(request.fileName, read.message)] });
    return post({ type: 'done', format: 'arrow', total: 0, readable: false });
  }
  if (read.skipped > 0) {
    const message = `${read.skipped.toLocaleString('en-US')} of ${read.total.toLocaleString('en-US')} records were skipped when this file was converted (npm run convert listed why)`;
    post({ type: 'issues', batch: [fileIssue(request.fileName, message, 'warning')] });
  }
  const done: LoadMessage = {
    type: 'done',
    format: 'arrow',
    total: read.total,
    readable: true,
    ...(read.name ? { name: read.name } : {}),
    ...(read.store.derived.index.count > 0 ? { store: read.store } : {}),
  };
  (self as unknown as Worker).postMessage(done, done.store ? transfers(done.store) : []);
}

/**
 * The columnar store of `incidents`: the index, columns, place table and relation graph (typed arrays), and
 * every incident's record written into a Blob.
 */
function storeOf(incidents: readonly Incident[]): StoreMessage {
  const derived = deriveDataset(incidents);
  const writer = new RecordBlobWriter();
  for (const incident of incidents) writer.add(incident);
  return { derived, records: writer.finish() };
}

function transfers(store: StoreMessage): ArrayBuffer[] {
  const { start, end } = store.records;
  return [...derivedBuffers(store.derived), start.buffer, ...(end ? [end.buffer] : [])] as ArrayBuffer[];
}

/** Joins datasets already loaded: reads their records back, combines them, and derives the store anew. */
async function combine(request: CombineRequest): Promise<void> {
  const parts: { name: string; incidents: Incident[] }[] = [];
  let read = 0;
  for (const part of request.parts) {
    const records = new BlobRecords(part.records, { ids: part.ids });
    const incidents: Incident[] = [];
    for (let from = 0; from < records.count; from += BATCH * 10) {
      const to = Math.min(records.count, from + BATCH * 10);
      const batch = await records.read(Array.from({ length: to - from }, (_, k) => from + k));
      for (const incident of batch) incidents.push(incident);
      read += batch.length;
      post({ type: 'progress', received: read, total: null, features: read });
    }
    parts.push({ name: part.name, incidents });
  }
  const combined = combineParts(parts);
  const store = storeOf(combined.incidents);
  const message: LoadMessage = {
    type: 'combined',
    store,
    collisions: [...combined.collisions],
    shown: [...combined.shown],
  };
  (self as unknown as Worker).postMessage(message, transfers(store));
}

self.addEventListener('message', (event: MessageEvent<LoadRequest | CombineRequest>) => {
  const request = event.data;
  if (request?.type !== 'load' && request?.type !== 'combine') return;
  (request.type === 'load' ? load(request) : combine(request)).catch((error: unknown) => {
    post({
      type: 'failed',
      message: `Loading stopped on an error: ${error instanceof Error ? error.message : String(error)}`,
    });
  });
});
