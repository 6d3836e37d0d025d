/**
 * Reads a dataset from an address or a local file and builds it: bytes (streamed, with progress, cancel,
 * a stall watchdog and a size limit) → UTF-8 text → JSON → validated incidents → index. The only I/O for
 * incident data. Never throws: every failure becomes a message a person can act on, and nothing already
 * shown is touched (the caller mounts the result only when it is ok).
 */
import type { DatasetOrigin } from '../domain/dataset';
import { type DatasetResult, datasetFromJson } from './dataset';
import { type ReadOptions, type ReadResult, readFile, readUrl } from './read-bytes';

export type FetchJsonResult = { ok: true; json: unknown; bytes: number } | { ok: false; message: string };

/** The longest dataset name taken from a file's own `name` member. */
const MAX_NAME = 120;

/** Decodes UTF-8 bytes (a byte-order mark is dropped); null when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
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
    const html = /^<(!doctype|html|head|body)/i.test(start)
      ? ' It looks like a web page (HTML), not data.'
      : '';
    return {
      ok: false,
      message: `${name} is not valid JSON (${why}).${html} It starts with: ${JSON.stringify(start)}`,
    };
  }
}

/** The name a FeatureCollection gives itself (a top-level `name` string, as GDAL writes), if any. */
function ownName(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('name' in json)) return null;
  const { name } = json as { name: unknown };
  if (typeof name !== 'string' || name.trim() === '') return null;
  const trimmed = name.trim();
  return trimmed.length > MAX_NAME ? `${trimmed.slice(0, MAX_NAME - 1)}…` : trimmed;
}

/** What to call a dataset that does not name itself: its file name, or the address's last part. */
function fallbackName(origin: DatasetOrigin, name: string): string {
  if (origin.kind === 'file') return origin.fileName;
  if (origin.kind !== 'url') return name;
  const url = new URL(origin.url);
  const raw = url.pathname.split('/').pop() ?? '';
  let last = raw;
  try {
    last = decodeURIComponent(raw).trim();
  } catch {
    // A malformed escape: show the part as written.
  }
  return last === '' ? url.host : `${last} (${url.host})`;
}

/** Builds a dataset from bytes already read; `name` is how messages refer to it. */
export function datasetFromBytes(bytes: Uint8Array, name: string, origin: DatasetOrigin): DatasetResult {
  const text = decodeUtf8(bytes);
  if (text === null) {
    return {
      ok: false,
      message: `${name} is not UTF-8 text. Save it as UTF-8 (GeoJSON is always UTF-8) and open it again.`,
      issues: [],
    };
  }
  const parsed = parseJsonText(text, name);
  if (!parsed.ok) return { ok: false, message: parsed.message, issues: [] };
  const result = datasetFromJson(parsed.json, name, origin);
  if (!result.ok) return result;
  const dataset = { ...result.dataset, name: ownName(parsed.json) ?? fallbackName(origin, name) };
  return { ...result, dataset };
}

function fromRead(read: ReadResult, name: string, origin: DatasetOrigin): DatasetResult {
  if (!read.ok) return { ok: false, message: read.message, issues: [] };
  return datasetFromBytes(read.bytes, name, origin);
}

/** Downloads `url` (checked http(s) by the caller) and builds a dataset from it. */
export async function loadFromUrl(
  url: string,
  name: string,
  origin: DatasetOrigin,
  options: ReadOptions = {},
): Promise<DatasetResult> {
  return fromRead(await readUrl(url, name, options), name, origin);
}

/** Reads a local file and builds a dataset from it. */
export async function loadFromFile(file: File, options: ReadOptions = {}): Promise<DatasetResult> {
  return fromRead(await readFile(file, file.name, options), file.name, { kind: 'file', fileName: file.name });
}
