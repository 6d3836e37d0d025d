/// <reference lib="webworker" />
/** The streaming floor's worker (stream-floor.ts): fetch, cut features as bytes arrive, JSON.parse each. */
import { FeatureStream } from '../../../src/domain/import/feature-stream';

self.addEventListener('message', async (event: MessageEvent<string>) => {
  try {
    const response = await fetch(event.data);
    if (!response.body) throw new Error('no body');
    let features = 0;
    const stream = new FeatureStream((text) => {
      JSON.parse(text);
      features++;
    });
    const reader = response.body.getReader();
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      stream.push(next.value);
    }
    stream.end();
    (self as unknown as Worker).postMessage({ features });
  } catch (error) {
    (self as unknown as Worker).postMessage({
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
