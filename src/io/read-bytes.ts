/**
 * Reads a dataset's bytes from the network or from a local file as a stream, so progress is real, a
 * silent server is noticed, the user can cancel, and a file too large for the browser is refused before
 * it is held in memory. Never throws: every failure is a `ReadFailure` with a message a person can act on.
 */

/** Limits, in one place. */
export const READ_LIMITS = {
  // bytes: Chromium cannot hold a string longer than ~2^29 characters (~536 M), and whole-file text is how
  // datasets are decoded today; stop well before that instead of failing with a misleading message.
  maxBytes: 500 * 1024 * 1024,
  stallMs: 30_000, // ms with no byte received (or no response at all) before giving up
} as const;

export interface ReadProgress {
  /** Bytes received so far. */
  readonly received: number;
  /** Bytes expected (Content-Length or file size), or null when the server does not say. */
  readonly total: number | null;
}

export type ReadFailureKind = 'cancelled' | 'stalled' | 'network' | 'http' | 'too-large';

export type ReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly contentType: string | null }
  | { readonly ok: false; readonly kind: ReadFailureKind; readonly message: string };

export interface ReadOptions {
  /** Aborting it cancels the read (the user pressed Cancel). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
  readonly stallMs?: number;
  readonly maxBytes?: number;
}

/** Megabytes with one decimal, for messages and progress: "12.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

function tooLarge(name: string, size: number, limit: number): ReadResult {
  return {
    ok: false,
    kind: 'too-large',
    message:
      `${name} is ${formatBytes(size)}, more than this browser can read as one file (limit ${formatBytes(limit)}). ` +
      'Split it into smaller files and open them together, or save it as CSV, which is about a third of the size.',
  };
}

/**
 * A watchdog: aborts `controller` when `arm` has not been called for `ms`. `arm` is called on start and
 * on every chunk; `stop` clears it.
 */
function watchdog(controller: AbortController, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fired = false;
  const arm = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      fired = true;
      controller.abort();
    }, ms);
  };
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return { arm, stop, fired: () => fired };
}

/** Joins chunks into one array. `total` is their summed length. */
function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Reads a byte stream to the end, with progress, the stall watchdog and the size limit. */
async function drain(
  stream: ReadableStream<Uint8Array>,
  name: string,
  total: number | null,
  options: ReadOptions,
  dog: { arm(): void; fired(): boolean },
  cancelled: () => boolean,
): Promise<ReadResult | { ok: true; chunks: Uint8Array[]; received: number }> {
  const maxBytes = options.maxBytes ?? READ_LIMITS.maxBytes;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      dog.arm();
      chunks.push(value);
      received += value.length;
      if (received > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge(name, total ?? received, maxBytes);
      }
      options.onProgress?.({ received, total });
    }
  } catch (error) {
    return failure(name, error, dog.fired(), cancelled(), options.stallMs);
  }
  return { ok: true, chunks, received };
}

function failure(
  name: string,
  error: unknown,
  stalled: boolean,
  cancelled: boolean,
  stallMs: number = READ_LIMITS.stallMs,
): ReadResult {
  if (cancelled) return { ok: false, kind: 'cancelled', message: `Loading ${name} was cancelled.` };
  if (stalled) {
    const seconds = Math.round(stallMs / 1000);
    return {
      ok: false,
      kind: 'stalled',
      message: `Nothing arrived from ${name} for ${seconds} seconds, so loading stopped. The server may be down or very slow; try again later.`,
    };
  }
  const why = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    kind: 'network',
    message: `Could not download ${name} (${why}). Check the address and your connection, and that the server allows other sites to load it (CORS).`,
  };
}

/**
 * Fetches `url` (an http(s) URL the caller has already checked) without cookies or referrer. `name` is how
 * messages refer to it (a quoted, shortened address).
 */
export async function readUrl(url: string, name: string, options: ReadOptions = {}): Promise<ReadResult> {
  const controller = new AbortController();
  const stallMs = options.stallMs ?? READ_LIMITS.stallMs;
  const dog = watchdog(controller, stallMs);
  const onCancel = () => controller.abort();
  options.signal?.addEventListener('abort', onCancel);
  const cancelled = () => options.signal?.aborted === true;
  dog.arm();
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      return failure(name, error, dog.fired(), cancelled(), stallMs);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return {
        ok: false,
        kind: 'http',
        message:
          `Could not download ${name}: the server answered ${response.status} ${response.statusText}`.trim(),
      };
    }
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    const maxBytes = options.maxBytes ?? READ_LIMITS.maxBytes;
    if (total !== null && total > maxBytes) {
      controller.abort();
      return tooLarge(name, total, maxBytes);
    }
    options.onProgress?.({ received: 0, total });
    if (response.body === null) return { ok: true, bytes: new Uint8Array(0), contentType: null };
    const drained = await drain(response.body, name, total, options, dog, cancelled);
    if (!('chunks' in drained)) return drained;
    return {
      ok: true,
      bytes: concat(drained.chunks, drained.received),
      contentType: response.headers.get('content-type'),
    };
  } finally {
    dog.stop();
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/** Reads a local file (from the file picker or a drop) with the same progress, cancel and size limit. */
export async function readFile(file: Blob, name: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? READ_LIMITS.maxBytes;
  if (file.size > maxBytes) return tooLarge(name, file.size, maxBytes);
  // A local file does not stall: no watchdog.
  const dog = { arm: () => {}, stop: () => {}, fired: () => false };
  const cancelled = () => options.signal?.aborted === true;
  const stream = file.stream();
  const onCancel = () => {
    stream.cancel().catch(() => {});
  };
  options.signal?.addEventListener('abort', onCancel);
  try {
    const drained = await drain(stream, name, file.size, options, dog, cancelled);
    if (cancelled()) return { ok: false, kind: 'cancelled', message: `Loading ${name} was cancelled.` };
    if (!('chunks' in drained)) return drained;
    return { ok: true, bytes: concat(drained.chunks, drained.received), contentType: file.type || null };
  } finally {
    dog.stop();
    options.signal?.removeEventListener('abort', onCancel);
  }
}
