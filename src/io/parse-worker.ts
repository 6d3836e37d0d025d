/// <reference lib="webworker" />
/**
 * The feature reader: a worker the loading worker (load-worker.ts) starts beside itself for a streamed
 * GeoJSON FeatureCollection. The loading worker fetches the bytes, cuts out the features and keeps their
 * records; this worker decodes, parses and validates each feature and adds it to the columnar store
 * (`FeatureReader` with a `DatasetBuilder`), so the two run on two cores. Features arrive in file order,
 * in batches (load-protocol.ts `ReaderRequest`); the store goes back, transferred, at the end.
 */
import { DatasetBuilder, derivedBuffers } from '../domain/dataset';
import { FeatureReader } from '../domain/import/geojson';
import type { ReaderMessage, ReaderRequest } from './load-protocol';

const post = (message: ReaderMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

const decoder = new TextDecoder('utf-8', { fatal: true });
let reader: FeatureReader | null = null;
let failed = false;

/** Reads one batch of features; false when one is not JSON (and that was said). */
function readBatch(into: FeatureReader, bytes: Uint8Array, ends: Uint32Array): boolean {
  let start = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k] as number;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch (error) {
      post({ type: 'failed', feature: into.size + 1, why: messageOf(error), utf8: false });
      return false;
    }
    let feature: unknown;
    try {
      feature = JSON.parse(text);
    } catch (error) {
      post({ type: 'failed', feature: into.size + 1, why: messageOf(error), utf8: true });
      return false;
    }
    into.add(feature);
    start = end;
  }
  return true;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function handle(request: ReaderRequest): void {
  switch (request.type) {
    case 'start':
      reader = new FeatureReader({ file: request.file, strict: request.strict }, new DatasetBuilder());
      return;
    case 'features': {
      if (failed || reader === null) return;
      failed = !readBatch(reader, request.bytes, request.ends);
      if (!failed) post({ type: 'read', count: reader.size });
      return;
    }
    case 'drain':
      post({ type: 'drained' });
      return;
    case 'end': {
      if (failed || reader === null) return;
      const result = reader.endDerived(request.notes);
      reader = null;
      post({ type: 'done', result }, [
        ...(derivedBuffers(result.derived) as ArrayBuffer[]),
        result.featureOf.buffer as ArrayBuffer,
      ]);
      return;
    }
  }
}

self.addEventListener('message', (event: MessageEvent<ReaderRequest>) => {
  try {
    handle(event.data);
  } catch (error) {
    failed = true;
    post({ type: 'error', message: messageOf(error) });
  }
});
