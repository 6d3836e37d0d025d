import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy of the built page. Scripts only from our own origin (no inline, no eval);
 * `connect-src` allows https/http because `?data=<url>` may point anywhere; `img-src` allows the optional
 * OpenStreetMap tiles. Added to the page as a meta tag at
 * build time only (the dev server injects inline styles for hot reload), and sent as a header by
 * `vite preview` with `frame-ancestors`, which a meta tag cannot set. `public/_headers` repeats it for
 * static hosts: keep the two in step (an e2e test compares them).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://tile.openstreetmap.org",
  "connect-src 'self' https: http:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Only pages of our own origin may frame the app (clickjacking); a meta tag cannot say this. */
const FRAME_ANCESTORS = "frame-ancestors 'self'";

/**
 * Response headers of `vite preview` (the built app, as a static host should serve it) and of the dev
 * server. The dev server gets only `frame-ancestors` of the policy, since hot reload needs inline styles.
 */
export const PREVIEW_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; ${FRAME_ANCESTORS}`,
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};
const DEV_HEADERS: Record<string, string> = {
  ...PREVIEW_HEADERS,
  'Content-Security-Policy': `${FRAME_ANCESTORS}; object-src 'none'; base-uri 'none'`,
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'incident-atlas-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [contentSecurityPolicy()],
  server: { headers: DEV_HEADERS },
  preview: { headers: PREVIEW_HEADERS },
  // The loading worker is a module worker: ES output lets its dynamic import (the Arrow reader) be a chunk
  // of its own, fetched only when a binary dataset is opened, instead of inlined into every load.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Keep small assets as files rather than data: URIs so nothing depends on inline images.
    assetsInlineLimit: 0,
    // One stylesheet, linked from the page: a chunk loaded later (the map, the dataset view) adds no
    // stylesheet of its own, whose arrival would restyle the whole page while the data loads.
    cssCodeSplit: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/**/*.tz-*.test.ts'],
          benchmark: { include: ['tests/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'tz-los-angeles',
          include: ['tests/**/*.tz-los-angeles.test.ts'],
          env: { TZ: 'America/Los_Angeles' },
        },
      },
      {
        extends: true,
        test: { name: 'tz-tokyo', include: ['tests/**/*.tz-tokyo.test.ts'], env: { TZ: 'Asia/Tokyo' } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/server.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
