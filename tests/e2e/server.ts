/**
 * Vitest global setup for the end-to-end tests: serves the built app (dist/) and the e2e fixtures
 * (/fixtures/*) on 127.0.0.1 with a tiny static server, and hands its base URL to the tests. It answers
 * single byte ranges (206) unless the address has `?norange`.
 * The app must have been built first (`npm run test:e2e` does).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Resolves a URL path inside `root`, refusing anything that escapes it. */
function fileIn(root: string, urlPath: string): string | null {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  if (existsSync(path) && statSync(path).isDirectory()) return join(path, 'index.html');
  return existsSync(path) ? path : null;
}

let server: Server | null = null;
const hanging = new Set<ServerResponse>();

/**
 * Servers that misbehave, for the loading tests: `silent` never answers; `trickle` sends headers and one
 * chunk, then nothing; `huge` announces a 600 MB CSV and `huge-array` a 600 MB JSON array. Hanging responses are ended at teardown.
 */
function misbehave(name: string, response: ServerResponse): void {
  if (name === 'silent') {
    hanging.add(response);
    return;
  }
  if (name === 'trickle') {
    response.writeHead(200, { 'content-type': 'application/geo+json', 'content-length': '4000000' });
    response.write(`{"type":"FeatureCollection","features":[${' '.repeat(200_000)}`);
    hanging.add(response);
    return;
  }
  if (name === 'huge') {
    response.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(600 * 2 ** 20) });
    response.write(`title,date,latitude,longitude\n${'Row,2020-01-01,33.3,44.4\n'.repeat(4000)}`);
    hanging.add(response);
    return;
  }
  if (name === 'huge-array') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(600 * 2 ** 20) });
    response.write(`[${'{"type":"Feature"},'.repeat(4000)}`);
    hanging.add(response);
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
}

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`No build in ${DIST}: run "npm run build" first.`);
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/misbehaving/')) {
      misbehave(url.pathname.slice('/misbehaving/'.length), response);
      return;
    }
    const path = url.pathname.startsWith('/fixtures/')
      ? fileIn(FIXTURES, url.pathname.slice('/fixtures/'.length))
      : fileIn(DIST, url.pathname);
    if (path === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const bytes = readFileSync(path);
    // One byte range, as static hosts answer it (a binary dataset's records are read so); `?norange`
    // plays a server that ignores ranges.
    const range = url.searchParams.has('norange')
      ? null
      : /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      const from = Number(range[1]);
      const to = Math.min(bytes.length - 1, range[2] === '' ? bytes.length - 1 : Number(range[2]));
      response.writeHead(206, {
        'content-type': type,
        'content-range': `bytes ${from}-${to}/${bytes.length}`,
      });
      response.end(bytes.subarray(from, to + 1));
      return;
    }
    response.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    response.end(bytes);
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
}

export async function teardown(): Promise<void> {
  for (const response of hanging) response.destroy();
  hanging.clear();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
}
