/**
 * Fetches a dataset and decodes it as JSON. The only network I/O for incident data; it never throws:
 * every failure becomes a message a person can act on.
 */

export type FetchJsonResult = { ok: true; json: unknown; bytes: number } | { ok: false; message: string };

/** Loads `url` (absolute, or relative to the page) and parses it as JSON. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<FetchJsonResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit' });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `Could not download ${url}: ${why}. Check the address, your connection, and that the server allows cross-origin requests (CORS).`,
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      message:
        `Could not download ${url}: the server answered ${response.status} ${response.statusText}`.trim(),
    };
  }
  const text = await response.text();
  return parseJsonText(text, url);
}

/** Parses JSON text; `name` says where it came from in messages. */
export function parseJsonText(text: string, name: string): FetchJsonResult {
  if (text.trim() === '')
    return { ok: false, message: `${name} is empty: expected a GeoJSON FeatureCollection.` };
  try {
    return { ok: true, json: JSON.parse(text), bytes: text.length };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const start = text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
    return {
      ok: false,
      message: `${name} is not valid JSON (${why}). It starts with: ${JSON.stringify(start)}`,
    };
  }
}
