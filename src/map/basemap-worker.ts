/**
 * Reads the countries file and prepares what the basemap draws of it (basemap-prepare.ts) off the page's
 * thread. Request: the file's URL. Answer: `{ ok: true, prepared }` (the shapes' buffers transferred) or
 * `{ ok: false, message }`.
 */
import { type CountriesTopology, prepareCountries, preparedBuffers } from './basemap-prepare';

self.onmessage = async (event: MessageEvent<{ url: string }>) => {
  try {
    const response = await fetch(event.data.url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const prepared = prepareCountries((await response.json()) as CountriesTopology);
    self.postMessage({ ok: true, prepared }, { transfer: preparedBuffers(prepared) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
