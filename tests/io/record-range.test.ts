/** Reading a slice of a dataset's bytes: from a Blob, or from a server by one range request. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoRangeError, readRange } from '../../src/io/record-blob';

const BYTES = Uint8Array.from({ length: 100 }, (_, i) => i);

/** A server that answers with `status` and the bytes the Range header asks for (plus `extra`). */
function serve(status: number, extra = 0, short = 0) {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const range = new Headers(init.headers).get('range') ?? '';
    seen.push(range);
    const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(range) ?? [];
    const body = status === 206 ? BYTES.slice(Number(a), Number(b) + 1 + extra - short) : BYTES;
    return new Response(body, { status });
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readRange', () => {
  it('slices a Blob', async () => {
    expect(await readRange(new Blob([BYTES]), 10, 13)).toEqual(Uint8Array.from([10, 11, 12]));
  });

  it('asks a server for exactly the bytes wanted', async () => {
    const seen = serve(206);
    const progress: number[] = [];
    const bytes = await readRange({ url: 'http://x/a.arrow', size: 100 }, 20, 30, (n) => progress.push(n));
    expect(bytes).toEqual(BYTES.slice(20, 30));
    expect(seen).toEqual(['bytes=20-29']);
    expect(progress.at(-1)).toBe(10);
    expect(await readRange({ url: 'http://x/a.arrow', size: 100 }, 5, 5)).toEqual(new Uint8Array(0));
  });

  it('says when a server does not answer ranges, so the caller can download the file', async () => {
    serve(200);
    await expect(readRange({ url: 'http://x/a.arrow', size: 100 }, 0, 8)).rejects.toThrow(NoRangeError);
    serve(206, 5);
    await expect(readRange({ url: 'http://x/a.arrow', size: 100 }, 0, 8)).rejects.toThrow(NoRangeError);
  });

  it('refuses a range that arrives short', async () => {
    serve(206, 0, 3);
    await expect(readRange({ url: 'http://x/a.arrow', size: 100 }, 0, 8)).rejects.toThrow(
      'Only 5 of 8 bytes arrived from http://x/a.arrow',
    );
  });
});
