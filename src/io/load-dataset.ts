/**
 * Reads a dataset from an address or a local file and builds it: bytes (streamed, with progress, cancel,
 * a stall watchdog and a size limit) → UTF-8 text → JSON → validated incidents → index. The only I/O for
 * incident data. Never throws: every failure becomes a message a person can act on, and nothing already
 * shown is touched (the caller mounts the result only when it is ok).
 */
import type { DatasetDerived, DatasetOrigin } from '../domain/dataset';
import type { ColumnMapping } from '../domain/import/column-mapping';
import { FORMAT_LABEL, type ImportOptions, importBytes as importAny } from '../domain/import/import-text';
import type { ImportResult as DomainResult, MappingRequest } from '../domain/import/result';
import type { Incident } from '../domain/incident';
import type { LoadIssue } from '../domain/issues';
import { noIncidentMessage } from './dataset';
import { canUseWorker, loadInWorker, type WorkerLoadOptions } from './load-client';
import type { LoadSource } from './load-protocol';
import { type ReadOptions, type ReadProgress, readFile, readUrl } from './read-bytes';

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
      /** What is derived from the incidents, when the loader built it already. */
      readonly derived?: DatasetDerived;
    }
  | {
      readonly ok: false;
      readonly message: string;
      readonly issues: readonly LoadIssue[];
      /** Set when a CSV's columns were not recognised: what the column-mapping dialog needs. */
      readonly needsMapping?: MappingRequest;
    };

/** The app's import result from the importer's: a failure when nothing loaded, else the incidents. */
function outcome(
  result: Pick<
    DomainResult,
    'format' | 'incidents' | 'issues' | 'total' | 'readable' | 'needsMapping' | 'name'
  > & { readonly derived?: DatasetDerived },
  name: string,
  origin: DatasetOrigin,
): ImportResult {
  if (result.needsMapping !== undefined) {
    return {
      ok: false,
      message: noIncidentMessage(result, name),
      issues: result.issues,
      needsMapping: result.needsMapping,
    };
  }
  if (!result.readable || result.format === null) {
    // One whole-file problem: the message says it; listing it again would only repeat it.
    return { ok: false, message: noIncidentMessage(result, name), issues: [] };
  }
  if (result.incidents.length === 0)
    return { ok: false, message: noIncidentMessage(result, name), issues: result.issues };
  return {
    ok: true,
    name: result.name ?? fallbackName(origin, name),
    format: FORMAT_LABEL[result.format],
    incidents: result.incidents,
    issues: result.issues,
    total: result.total,
    ...(result.derived ? { derived: result.derived } : {}),
  };
}

/** Reads incidents from bytes already received, in any supported format; `name` names the input in messages. */
export function importBytes(
  bytes: Uint8Array,
  name: string,
  origin: DatasetOrigin,
  options: ImportOptions = {},
): ImportResult {
  return outcome(importAny(bytes, name, options), name, origin);
}

/** Options of a load: progress, cancel, the stall time, and a column mapping for a CSV. */
export type LoadOptions = Omit<ReadOptions, 'onProgress'> &
  Pick<WorkerLoadOptions, 'onProgress'> & { readonly mapping?: ColumnMapping };

async function load(
  source: LoadSource,
  name: string,
  origin: DatasetOrigin,
  options: LoadOptions,
): Promise<ImportResult> {
  const mapping = options.mapping ? { mapping: options.mapping } : {};
  if (canUseWorker()) {
    // A worker resolves relative addresses against its own script: hand it an absolute one.
    const absolute: LoadSource =
      source.kind === 'url' ? { kind: 'url', url: new URL(source.url, window.location.href).href } : source;
    const result = await loadInWorker(absolute, name, name, options);
    return result.ok ? outcome(result, name, origin) : { ok: false, message: result.message, issues: [] };
  }
  // No workers (unit tests): read on this thread, the same importer.
  const onProgress = options.onProgress;
  const readOptions = {
    ...options,
    onProgress: onProgress && ((p: ReadProgress) => onProgress({ ...p, features: 0 })),
  };
  const read =
    source.kind === 'url'
      ? await readUrl(source.url, name, readOptions)
      : await readFile(source.file, name, readOptions);
  if (!read.ok) return { ok: false, message: read.message, issues: [] };
  return importBytes(read.bytes, name, origin, mapping);
}

/** Downloads `url` (checked http(s) by the caller) and reads its incidents, off the page's thread. */
export function importUrl(
  url: string,
  name: string,
  origin: DatasetOrigin,
  options: LoadOptions = {},
): Promise<ImportResult> {
  return load({ kind: 'url', url }, name, origin, options);
}

/** Reads a local file and its incidents, off the page's thread. */
export function importFile(file: Blob, fileName: string, options: LoadOptions = {}): Promise<ImportResult> {
  return load({ kind: 'file', file }, fileName, { kind: 'file', fileName }, options);
}
