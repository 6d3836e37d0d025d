/**
 * The benchmark's own static server on 127.0.0.1: the built app (dist/) at /app/, the built peer pages at
 * /peers/, the generated datasets at /data/ (streamed from disk, so a 1 GB file costs no memory here).
 * One origin for all three, so each fetches the same file the same way. Single byte ranges are answered (206).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Resolves a URL path inside `root`, refusing anything that escapes it. */
function fileIn(root: string, urlPath: string): string | null {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  if (existsSync(path) && statSync(path).isDirectory()) return join(path, 'index.html');
  return existsSync(path) ? path : null;
}

export interface BenchServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves each `mounts` prefix ('/app/') from its folder; `port` 0 picks a free one. */
export async function serve(mounts: Readonly<Record<string, string>>, port = 0): Promise<BenchServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
    const path = prefix ? fileIn(mounts[prefix] as string, url.pathname.slice(prefix.length)) : null;
    if (path === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const size = statSync(path).size;
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    // One byte range (`bytes=a-b`, `bytes=a-`), as static hosts answer them: a binary dataset's records are
    // read this way.
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      const from = Number(range[1]);
      const to = Math.min(size - 1, range[2] === '' ? size - 1 : Number(range[2]));
      if (from > to) {
        response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      response.writeHead(206, {
        'content-type': type,
        'content-length': to - from + 1,
        'content-range': `bytes ${from}-${to}/${size}`,
        'cache-control': 'no-store',
      });
      createReadStream(path, { start: from, end: to }).pipe(response);
      return;
    }
    response.writeHead(200, {
      'content-type': type,
      'content-length': size,
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
    });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
