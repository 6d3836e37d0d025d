/**
 * Reading a dataset's bytes in the loading worker: opening a download or a file as a stream, its first
 * chunks (to tell a binary file from text), each next chunk with a message when a download breaks off,
 * and whether a server answers range requests.
 */
import { isArrowFile } from '../domain/import/sniff';
import type { LoadRequest } from './load-protocol';
import { readRange } from './record-blob';

/** The stream of `request`'s bytes and their size when known, or a message why it cannot be read. */
export async function open(
  request: LoadRequest,
): Promise<{ stream: ReadableStream<Uint8Array>; total: number | null } | string> {
  const { source, name } = request;
  if (source.kind === 'file') return { stream: source.file.stream(), total: source.file.size };
  let response: Response;
  try {
    response = await fetch(source.url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `Could not download ${name} (${why}). Check the address and your connection, and that the server allows other sites to load it (CORS).`;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return `Could not download ${name}: the server answered ${response.status} ${response.statusText}`.trim();
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  return { stream: response.body ?? new ReadableStream(), total };
}

/** The next chunk of a download: its bytes, null at the end, or a message when the download broke off. */
export async function nextChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  name: string,
): Promise<Uint8Array | null | string> {
  try {
    const next = await reader.read();
    return next.done ? null : next.value;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `The download of ${name} broke off (${why}). Try again.`;
  }
}

/** The first chunks of a download, at least 8 bytes of them (fewer only when that is all there is). */
export async function readHead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  name: string,
): Promise<Uint8Array[] | string> {
  const head: Uint8Array[] = [];
  let bytes = 0;
  while (bytes < 8) {
    const chunk = await nextChunk(reader, name);
    if (typeof chunk === 'string') return chunk;
    if (chunk === null) break;
    head.push(chunk);
    bytes += chunk.length;
  }
  return head;
}

export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** True when the server at `url` answers a range request for the first bytes with them. */
export async function answersRanges(url: string): Promise<boolean> {
  try {
    return isArrowFile(await readRange({ url, size: 8 }, 0, 8));
  } catch {
    return false;
  }
}
