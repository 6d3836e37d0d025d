/**
 * Reads a dataset from an address or a local file and builds it: bytes (streamed, with progress, cancel,
 * a stall watchdog and a size limit) → UTF-8 text → JSON → validated incidents → index. The only I/O for
 * incident data. Never throws: every failure becomes a message a person can act on, and nothing already
 * shown is touched (the caller mounts the result only when it is ok).
 */
import type { DatasetOrigin } from '../domain/dataset';
import type { Incident } from '../domain/incident';
import { countSkipped, type LoadIssue } from '../domain/issues';
import { datasetFromJson } from './dataset';
import { type ReadOptions, readFile, readUrl } from './read-bytes';

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
export function fallbackName(origin: DatasetOrigin, name: string): string {
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

/** Incidents read from one file or address, before they are put on the shelf. */
export type ImportResult =
  | {
      readonly ok: true;
      /** The dataset's own name, else its file name. */
      readonly name: string;
      readonly format: string;
      readonly incidents: readonly Incident[];
      readonly issues: readonly LoadIssue[];
      /** Features or rows read; loaded + skipped = total. */
      readonly total: number;
    }
  | { readonly ok: false; readonly message: string; readonly issues: readonly LoadIssue[] };

/** Reads incidents from bytes already received; `name` is how messages refer to the input. */
export function importBytes(bytes: Uint8Array, name: string, origin: DatasetOrigin): ImportResult {
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
  const { incidents } = result.dataset;
  return {
    ok: true,
    name: ownName(parsed.json) ?? fallbackName(origin, name),
    format: 'GeoJSON',
    incidents,
    issues: result.issues,
    total: incidents.length + countSkipped(result.issues),
  };
}

/** Downloads `url` (checked http(s) by the caller) and reads its incidents. */
export async function importUrl(
  url: string,
  name: string,
  origin: DatasetOrigin,
  options: ReadOptions = {},
): Promise<ImportResult> {
  const read = await readUrl(url, name, options);
  if (!read.ok) return { ok: false, message: read.message, issues: [] };
  return importBytes(read.bytes, name, origin);
}

/** Reads a local file and its incidents. */
export async function importFile(
  file: Blob,
  fileName: string,
  options: ReadOptions = {},
): Promise<ImportResult> {
  const read = await readFile(file, fileName, options);
  if (!read.ok) return { ok: false, message: read.message, issues: [] };
  return importBytes(read.bytes, fileName, { kind: 'file', fileName });
}
