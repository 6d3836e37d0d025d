/// <reference lib="webworker" />
/**
 * The loading worker: reads a dataset's bytes as a stream (a download or a local file), imports them as
 * they arrive (GeoJSON feature by feature, never as one string), and sends back the columnar store — the
 * derived typed arrays by transfer and the records in a Blob — plus the problems in batches. All parsing,
 * validation and indexing happens here, off the page's thread; the page never receives one object per
 * incident. It also joins datasets already loaded (`combine`), reading their records back.
 */
import { deriveDataset, derivedBuffers } from '../domain/dataset';
import { StreamingImport } from '../domain/import/stream-import';
import type { Incident } from '../domain/incident';
import { combineParts } from '../domain/shelf';
import {
  BATCH,
  type CombineRequest,
  type LoadMessage,
  type LoadRequest,
  type StoreMessage,
} from './load-protocol';
import { BlobRecords, RecordBlobWriter } from './record-blob';

const PROGRESS_EVERY_MS = 100; // at most this often, while bytes arrive

const post = (message: LoadMessage) => (self as unknown as Worker).postMessage(message);

async function open(
  request: LoadRequest,
): Promise<{ stream: ReadableStream<Uint8Array>; total: number | null } | string> {
  const { source, name } = request;
  if (source.kind === 'file') return { stream: source.file.stream(), total: source.file.size };
  let response: Response;
  try {
    response = await fetch(source.url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `Could not download ${name} (${why}). Check the address and your connection, and that the server allows other sites to load it (CORS).`;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return `Could not download ${name}: the server answered ${response.status} ${response.statusText}`.trim();
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  return { stream: response.body ?? new ReadableStream(), total };
}

async function load(request: LoadRequest): Promise<void> {
  const opened = await open(request);
  if (typeof opened === 'string') return post({ type: 'failed', message: opened });
  // A streamed GeoJSON feature's exact bytes become its record as they arrive: no encoding again.
  const raw = new RecordBlobWriter();
  const importer = new StreamingImport(
    request.fileName,
    request.mapping ? { mapping: request.mapping } : {},
    opened.total,
    (bytes) => raw.addBytes(bytes),
  );
  const reader = opened.stream.getReader();
  let last = 0;
  post({ type: 'progress', received: 0, total: opened.total, features: 0 });
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return post({
        type: 'failed',
        message: `The download of ${request.name} broke off (${why}). Try again.`,
      });
    }
    if (next.done) break;
    importer.push(next.value);
    if (importer.failed) {
      // Not awaited: a server that keeps the connection open would hold the cancel, and the answer.
      reader.cancel().catch(() => {});
      break; // end() says why; reading the rest would only waste time
    }
    const now = performance.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      post({
        type: 'progress',
        received: importer.received,
        total: opened.total,
        features: importer.featureCount,
      });
    }
  }
  post({
    type: 'progress',
    received: importer.received,
    total: opened.total,
    features: importer.featureCount,
  });
  const result = importer.end();
  for (let i = 0; i < result.issues.length; i += BATCH) {
    post({ type: 'issues', batch: result.issues.slice(i, i + BATCH) });
  }
  let store: StoreMessage | undefined;
  if (result.incidents.length > 0) {
    const { featureOf } = result;
    store =
      importer.streamed && featureOf !== undefined
        ? { derived: deriveDataset(result.incidents), records: raw.finishFor(featureOf) }
        : storeOf(result.incidents);
  }
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
  return [...derivedBuffers(store.derived), store.records.start.buffer] as ArrayBuffer[];
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
