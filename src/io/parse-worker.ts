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
import { PointTrail } from '../domain/point-trail';
import type { ReaderMessage, ReaderRequest } from './load-protocol';

const post = (message: ReaderMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

const decoder = new TextDecoder('utf-8', { fatal: true });
let reader: FeatureReader | null = null;
let trail: PointTrail | null = null;
let failed = false;

/**
 * Reads one batch of features (a JSON array of them) in one decode and one parse; false when one is not
 * UTF-8 or not JSON (and that was said).
 */
function readBatch(into: FeatureReader, bytes: Uint8Array, ends: Uint32Array): boolean {
  let features: unknown;
  try {
    features = JSON.parse(decoder.decode(bytes));
  } catch {
    return readOneByOne(into, bytes, ends); // to say which feature, and why, as reading it alone does
  }
  // The splitter cut each feature as one JSON value, so a batch that parses holds exactly its features.
  if (!Array.isArray(features) || features.length !== ends.length)
    throw new Error(`A batch of ${ends.length} features parsed as ${show(features)}`);
  for (const feature of features) into.add(feature);
  return true;
}

const show = (value: unknown) => (Array.isArray(value) ? `${value.length} values` : typeof value);

/** Reads a batch one feature at a time; false at the first that is not UTF-8 or not JSON (and says so). */
function readOneByOne(into: FeatureReader, bytes: Uint8Array, ends: Uint32Array): boolean {
  let start = 1;
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
    start = end + 1;
  }
  return true;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function handle(request: ReaderRequest): void {
  switch (request.type) {
    case 'start':
      trail = request.trail ? new PointTrail() : null;
      reader = new FeatureReader({ file: request.file, strict: request.strict }, new DatasetBuilder(trail));
      return;
    case 'features': {
      if (failed || reader === null) return;
      failed = !readBatch(reader, request.bytes, request.ends);
      if (failed) return;
      const points = trail?.take();
      if (points) post({ type: 'read', count: reader.size, points }, [points.buffer]);
      else post({ type: 'read', count: reader.size });
      return;
    }
    case 'drain':
      post({ type: 'drained' });
      return;
    case 'end': {
      if (failed || reader === null) return;
      const result = reader.endDerived(request.notes);
      reader = null;
      trail = null;
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
