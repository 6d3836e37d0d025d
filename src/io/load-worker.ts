/// <reference lib="webworker" />
/**
 * The loading worker: reads a dataset's bytes as a stream (a download or a local file), imports them as
 * they arrive (GeoJSON feature by feature, never as one string), and sends the incidents and problems back
 * in batches. All parsing and validation happens here, off the page's thread.
 */
import { deriveDataset, derivedBuffers } from '../domain/dataset';
import { StreamingImport } from '../domain/import/stream-import';
import { BATCH, type LoadMessage, type LoadRequest } from './load-protocol';

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
  const importer = new StreamingImport(
    request.fileName,
    request.mapping ? { mapping: request.mapping } : {},
    opened.total,
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
  for (let i = 0; i < result.incidents.length; i += BATCH) {
    post({ type: 'incidents', batch: result.incidents.slice(i, i + BATCH) });
  }
  for (let i = 0; i < result.issues.length; i += BATCH) {
    post({ type: 'issues', batch: result.issues.slice(i, i + BATCH) });
  }
  // The index, the place table and the relation graph are built here as well, so the page does not spend
  // long tasks on them; their typed arrays move rather than copy.
  const derived = result.incidents.length > 0 ? deriveDataset(result.incidents) : undefined;
  const done: LoadMessage = {
    type: 'done',
    format: result.format,
    total: result.total,
    readable: result.readable,
    ...(result.needsMapping ? { needsMapping: result.needsMapping } : {}),
    ...(result.name ? { name: result.name } : {}),
    ...(derived ? { derived } : {}),
  };
  (self as unknown as Worker).postMessage(done, derived ? (derivedBuffers(derived) as ArrayBuffer[]) : []);
}

self.addEventListener('message', (event: MessageEvent<LoadRequest>) => {
  if (event.data?.type !== 'load') return;
  load(event.data).catch((error: unknown) => {
    post({
      type: 'failed',
      message: `Loading stopped on an error: ${error instanceof Error ? error.message : String(error)}`,
    });
  });
});
