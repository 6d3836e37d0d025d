/**
 * The page's side of loading: starts a loading worker for one input, shows its progress, notices a source
 * that goes silent (no progress for the stall time, or no answer at all), cancels by terminating the
 * worker, and gathers the batches it sends into one import result. The stall watchdog runs on the page, so
 * a worker that hangs is stopped as surely as a server that does.
 */
import type { DatasetDerived } from '../domain/dataset';
import type { ColumnMapping } from '../domain/import/column-mapping';
import type { ImportFormat, MappingRequest } from '../domain/import/result';
import type { Incident } from '../domain/incident';
import type { LoadIssue } from '../domain/issues';
import { READ_LIMITS, type ReadProgress } from './byte-progress';
import type { LoadMessage, LoadRequest, LoadSource } from './load-protocol';

export interface WorkerLoadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress & { readonly features: number }) => void;
  readonly stallMs?: number;
  readonly mapping?: ColumnMapping;
}

/** What the worker read, or why it could not. */
export type WorkerLoadResult =
  | {
      readonly ok: true;
      readonly format: ImportFormat | null;
      readonly incidents: Incident[];
      readonly issues: LoadIssue[];
      readonly total: number;
      readonly readable: boolean;
      readonly needsMapping?: MappingRequest;
      readonly name?: string;
      readonly derived?: DatasetDerived;
    }
  | { readonly ok: false; readonly message: string };

/** True where module workers can run (browsers); tests without them read on the page instead. */
export function canUseWorker(): boolean {
  return typeof Worker !== 'undefined';
}

/** Loads `source` in a worker. Never throws. */
export function loadInWorker(
  source: LoadSource,
  fileName: string,
  name: string,
  options: WorkerLoadOptions = {},
): Promise<WorkerLoadResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
      type: 'module',
      name: 'incident-loader',
    });
    const incidents: Incident[] = [];
    const issues: LoadIssue[] = [];
    const stallMs = options.stallMs ?? READ_LIMITS.stallMs;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let finished = false;

    const finish = (result: WorkerLoadResult) => {
      if (finished) return;
      finished = true;
      if (timer !== null) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      resolve(result);
    };
    const arm = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        const seconds = Math.round(stallMs / 1000);
        finish({
          ok: false,
          message: `Nothing arrived from ${name} for ${seconds} seconds, so loading stopped. The server may be down or very slow; try again later.`,
        });
      }, stallMs);
    };
    const onAbort = () => finish({ ok: false, message: `Loading ${name} was cancelled.` });

    worker.addEventListener('message', (event: MessageEvent<LoadMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          arm();
          options.onProgress?.({
            received: message.received,
            total: message.total,
            features: message.features,
          });
          return;
        case 'failed':
          return finish({ ok: false, message: message.message });
        case 'incidents':
          for (const incident of message.batch) incidents.push(incident);
          return;
        case 'issues':
          for (const issue of message.batch) issues.push(issue);
          return;
        case 'done': {
          const { type: _, ...rest } = message;
          return finish({ ok: true, ...rest, incidents, issues });
        }
      }
    });
    worker.addEventListener('error', (event) =>
      finish({
        ok: false,
        message: `Loading ${name} stopped on an error: ${event.message || 'the loader failed'}.`,
      }),
    );
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    arm();
    const request: LoadRequest = {
      type: 'load',
      source,
      fileName,
      name,
      ...(options.mapping ? { mapping: options.mapping } : {}),
    };
    worker.postMessage(request);
  });
}
