/**
 * Messages between the page and the loading worker (load-worker.ts). The page sends one `load`; the
 * worker answers with progress as bytes arrive, then the incidents and problems in bounded batches (each
 * batch is one short task to receive, so the page never stalls on a big dataset), then `done`. The page
 * cancels by terminating the worker.
 */
import type { DatasetDerived } from '../domain/dataset';
import type { ColumnMapping } from '../domain/import/column-mapping';
import type { ImportFormat, MappingRequest } from '../domain/import/result';
import type { Incident } from '../domain/incident';
import type { LoadIssue } from '../domain/issues';

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

/** Incidents (and problems) per message: small enough that receiving one is a short task. */
export const BATCH = 2_000;

export type LoadMessage =
  | {
      readonly type: 'progress';
      readonly received: number;
      readonly total: number | null;
      readonly features: number;
    }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'incidents'; readonly batch: Incident[] }
  | { readonly type: 'issues'; readonly batch: LoadIssue[] }
  | {
      readonly type: 'done';
      readonly format: ImportFormat | null;
      readonly total: number;
      readonly readable: boolean;
      readonly needsMapping?: MappingRequest;
      readonly name?: string;
      /** The index, place table and relation graph, built here too (typed arrays, transferred, not copied). */
      readonly derived?: DatasetDerived;
    };
