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
import type { ImportFormat, MappingRequest } from '../domain/import/result';
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
    }
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
