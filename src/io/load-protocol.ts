/**
 * Messages between the page and the loading worker (load-worker.ts). The page sends one request: `load`
 * (read a download or a file) or `combine` (join datasets already loaded, side by side). The worker answers
 * with progress as it goes, the problems in bounded batches, then `done` with the columnar store: typed
 * arrays transferred, not copied, and the records in a Blob (io/record-blob.ts) — never one object per
 * incident. The page cancels by terminating the worker.
 */
import type { IdTable } from '../domain/columns';
import type { DatasetDerived } from '../domain/dataset';
import type { ColumnMapping } from '../domain/import/column-mapping';
import type { DerivedImport, ImportFormat, MappingRequest } from '../domain/import/result';
import type { LoadIssue } from '../domain/issues';
import type { IdCollision } from '../domain/shelf';
import type { RecordBlob } from './record-blob';

export type LoadSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly file: Blob };

export interface LoadRequest {
  readonly type: 'load';
  readonly source: LoadSource;
  /** How the input is named in problem reports. */
  readonly fileName: string;
  /** How the input is named in messages (a quoted `data=` parameter for links). */
  readonly name: string;
  readonly mapping?: ColumnMapping;
  /** Send the positions of the incidents read so far as they come (`points`), for a preview. */
  readonly preview?: boolean;
}

/** Datasets to join in this order; the first to use an id keeps it. */
export interface CombineRequest {
  readonly type: 'combine';
  readonly parts: readonly { readonly name: string; readonly records: RecordBlob; readonly ids: IdTable }[];
}

/** Problems per message: small enough that receiving one is a short task. */
export const BATCH = 2_000;

/** The columnar store of what was read: derived typed arrays and the records' Blob. */
export interface StoreMessage {
  readonly derived: DatasetDerived;
  readonly records: RecordBlob;
}

export type LoadMessage =
  | {
      readonly type: 'progress';
      readonly received: number;
      readonly total: number | null;
      readonly features: number;
      /** What `features` counts: GeoJSON features, or the rows of a CSV read as it arrives. */
      readonly unit?: 'rows';
    }
  /**
   * Incidents read since the last `points` (asked for with `preview`), as Web-Mercator x, y pairs
   * (domain/point-trail.ts): the first as soon as there are any, then at most every PROGRESS_EVERY_MS.
   */
  | { readonly type: 'points'; readonly xy: Float32Array }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'issues'; readonly batch: LoadIssue[] }
  | {
      readonly type: 'done';
      readonly format: ImportFormat | null;
      readonly total: number;
      readonly readable: boolean;
      readonly needsMapping?: MappingRequest;
      readonly name?: string;
      /** Present when at least one incident was read. */
      readonly store?: StoreMessage;
    }
  | {
      readonly type: 'combined';
      readonly store: StoreMessage;
      readonly collisions: IdCollision[];
      /** Incidents each part contributes after collisions, in order. */
      readonly shown: number[];
    };

/**
 * Messages from the loading worker to the feature reader it starts beside itself (parse-worker.ts), which
 * parses, validates and derives the features the loading worker cuts out of the stream: one core cuts
 * and keeps the records while the other reads.
 */
export type ReaderRequest =
  /** `trail`: answer each batch with the positions of the incidents it added (`read`'s `points`). */
  | { readonly type: 'start'; readonly file: string; readonly strict: boolean; readonly trail: boolean }
  /**
   * Features in file order, as the bytes of a JSON array `[f1,f2,…]`: feature k is `bytes[from .. ends[k])`
   * where `from` is `ends[k - 1] + 1` (1 for k = 0), just after the bracket or comma before it.
   */
  | { readonly type: 'features'; readonly bytes: Uint8Array; readonly ends: Uint32Array }
  /** Answer `drained` once every batch sent before is read. */
  | { readonly type: 'drain' }
  /** The features have ended; `notes` are the document's own problems, put before the features'. */
  | { readonly type: 'end'; readonly notes: LoadIssue[] };

export type ReaderMessage =
  /** Features read so far, after each batch; with a trail, where the batch's incidents lie. */
  | { readonly type: 'read'; readonly count: number; readonly points?: Float32Array }
  /** Feature `feature` (from 1) is not UTF-8 (`utf8` false) or not JSON: nothing more is read. */
  | { readonly type: 'failed'; readonly feature: number; readonly why: string; readonly utf8: boolean }
  | { readonly type: 'drained' }
  | { readonly type: 'done'; readonly result: DerivedImport }
  /** A bug: the reader stopped on an exception. */
  | { readonly type: 'error'; readonly message: string };
