/**
 * The page's side of loading: starts a loading worker for one input, shows its progress, notices a source
 * that goes silent (no progress for the stall time, or no answer at all), cancels by terminating the
 * worker, and gathers the batches it sends into one import result. The stall watchdog runs on the page, so
 * a worker that hangs is stopped as surely as a server that does.
 */
import type { ColumnMapping } from '../domain/import/column-mapping';
import type { ImportFormat, MappingRequest } from '../domain/import/result';
import type { LoadIssue } from '../domain/issues';
import type { IdCollision } from '../domain/shelf';
import { READ_LIMITS, type ReadProgress } from './byte-progress';
import type { CombineRequest, LoadMessage, LoadRequest, LoadSource, StoreMessage } from './load-protocol';

export interface WorkerLoadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (
    progress: ReadProgress & { readonly features: number; readonly unit?: 'rows' },
  ) => void;
  readonly stallMs?: number;
  readonly mapping?: ColumnMapping;
  /**
   * Where the incidents read so far lie, as they are read (x, y Web-Mercator pairs, domain/point-trail.ts),
   * for a preview; sent for a streamed GeoJSON, whose store comes only at the end.
   */
  readonly onPoints?: (xy: Float32Array) => void;
}

/** What the worker read, or why it could not. */
export type WorkerLoadResult =
  | {
      readonly ok: true;
      readonly format: ImportFormat | null;
      readonly issues: LoadIssue[];
      readonly total: number;
      readonly readable: boolean;
      readonly needsMapping?: MappingRequest;
      readonly name?: string;
      /** The columnar store, when at least one incident was read. */
      readonly store?: StoreMessage;
    }
  | { readonly ok: false; readonly message: string };

/** Datasets joined by the worker, or why they could not be. */
export type WorkerCombineResult =
  | {
      readonly ok: true;
      readonly store: StoreMessage;
      readonly collisions: IdCollision[];
      readonly shown: number[];
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
  const request: LoadRequest = {
    type: 'load',
    source,
    fileName,
    name,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.onPoints ? { preview: true } : {}),
  };
  return runWorker<WorkerLoadResult>(request, name, options, (message, issues) => {
    if (message.type !== 'done') return null;
    const { type: _, ...rest } = message;
    return { ok: true, ...rest, issues };
  });
}

/** Joins datasets already loaded (their records), in a worker. Never throws. */
export function combineInWorker(
  parts: CombineRequest['parts'],
  options: WorkerLoadOptions = {},
): Promise<WorkerCombineResult> {
  const request: CombineRequest = { type: 'combine', parts };
  return runWorker<WorkerCombineResult>(request, 'the datasets shown', options, (message) =>
    message.type === 'combined'
      ? { ok: true, store: message.store, collisions: message.collisions, shown: message.shown }
      : null,
  );
}

/**
 * Runs one request in a new worker: progress (with the stall watchdog), problems gathered, Cancel, and the
 * end `ending` makes of the last message (null for a message it does not end on).
 */
function runWorker<R extends { ok: boolean }>(
  request: LoadRequest | CombineRequest,
  name: string,
  options: WorkerLoadOptions,
  ending: (message: LoadMessage, issues: LoadIssue[]) => R | null,
): Promise<R | { ok: false; message: string }> {
  type Result = R | { ok: false; message: string };
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
      type: 'module',
      name: 'incident-loader',
    });
    const issues: LoadIssue[] = [];
    const stallMs = options.stallMs ?? READ_LIMITS.stallMs;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let finished = false;

    const finish = (result: Result) => {
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
            ...(message.unit ? { unit: message.unit } : {}),
          });
          return;
        case 'points':
          options.onPoints?.(message.xy);
          return;
        case 'failed':
          return finish({ ok: false, message: message.message });
        case 'issues':
          for (const issue of message.batch) issues.push(issue);
          return;
        default: {
          const result = ending(message, issues);
          if (result !== null) finish(result);
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
    worker.postMessage(request);
  });
}
