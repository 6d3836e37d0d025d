/**
 * Reads a dataset from an address or a local file in the loading worker (load-client.ts) and turns the
 * importer's result into the app's: the incidents with their name and format, or one message a person can
 * act on. Never throws, and nothing already shown is touched (the caller mounts the result only when ok).
 */
import type { DatasetOrigin } from '../domain/dataset';
import type { ImportResult as DomainResult, MappingRequest } from '../domain/import/result';
import { FORMAT_LABEL } from '../domain/import/result';
import type { LoadIssue } from '../domain/issues';
import { noIncidentMessage } from './dataset';
import { canUseWorker, loadInWorker, type WorkerLoadOptions } from './load-client';
import type { LoadSource, StoreMessage } from './load-protocol';

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
      /** Incidents loaded. */
      readonly count: number;
      readonly issues: readonly LoadIssue[];
      /** Features or rows read; loaded + skipped = total. */
      readonly total: number;
      /** The columnar store the loader built. */
      readonly store: StoreMessage;
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
  result: Pick<DomainResult, 'format' | 'issues' | 'total' | 'readable' | 'needsMapping' | 'name'> & {
    readonly store?: StoreMessage;
  },
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
  if (result.store === undefined)
    return { ok: false, message: noIncidentMessage(result, name), issues: result.issues };
  return {
    ok: true,
    name: result.name ?? fallbackName(origin, name),
    format: FORMAT_LABEL[result.format],
    count: result.store.derived.index.count,
    issues: result.issues,
    total: result.total,
    store: result.store,
  };
}

/** Options of a load: progress, cancel, the stall time, and a column mapping for a CSV. */
export type LoadOptions = WorkerLoadOptions;

async function load(
  source: LoadSource,
  name: string,
  origin: DatasetOrigin,
  options: LoadOptions,
): Promise<ImportResult> {
  if (!canUseWorker()) {
    return { ok: false, message: 'This browser cannot run the loader (it has no Web Workers).', issues: [] };
  }
  // A worker resolves relative addresses against its own script: hand it an absolute one.
  const absolute: LoadSource =
    source.kind === 'url' ? { kind: 'url', url: new URL(source.url, window.location.href).href } : source;
  const result = await loadInWorker(absolute, name, name, options);
  return result.ok ? outcome(result, name, origin) : { ok: false, message: result.message, issues: [] };
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
