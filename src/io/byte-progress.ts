/**
 * How far a load has come, and the one limit the page enforces itself: a source that sends nothing for
 * `stallMs` is given up on (the loading worker enforces the size limits, domain/import/stream-import.ts).
 */

export const READ_LIMITS = {
  stallMs: 30_000, // ms with no byte received (or no response at all) before giving up
} as const;

export interface ReadProgress {
  /** Bytes received so far. */
  readonly received: number;
  /** Bytes expected (Content-Length or file size), or null when the server does not say. */
  readonly total: number | null;
}

/** Kilobytes below a megabyte, else megabytes with one decimal, for progress and messages: "12.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}
