/**
 * Not a map: the floor of STREAMING the file in this browser — a worker reads the response body chunk by
 * chunk, cuts the features out as they arrive with the app's own splitter (feature-stream.ts) and
 * JSON.parses each, with no validation, no index, no records and no drawing. This is the bare streaming
 * parse the app's GeoJSON load is compared with (issue 9.8: within 1.5× of it).
 */
import { markPainted, start } from './ready';

start(async () => {
  const url = new URLSearchParams(window.location.search).get('data');
  if (!url) throw new Error('no ?data= given');
  const worker = new Worker(new URL('./stream-floor-worker.ts', import.meta.url), { type: 'module' });
  const features = await new Promise<number>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ features?: number; error?: string }>) =>
      event.data.error === undefined
        ? resolve(event.data.features ?? 0)
        : reject(new Error(event.data.error));
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(new URL(url, window.location.href).href);
  });
  worker.terminate();
  document.body.textContent = `${features} features`;
  await markPainted();
});
