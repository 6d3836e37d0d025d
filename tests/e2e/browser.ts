/**
 * Headless Chromium for the end-to-end tests, from Debian's package (/usr/bin/chromium) or CHROMIUM_PATH.
 * Never downloads a browser. Each page records console errors and uncaught exceptions so tests can
 * assert there were none, and screenshots go to test-results/ (git-ignored).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from '../support/chromium';

export const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launch(): Promise<Browser> {
  return launchChromium();
}

export interface TrackedPage {
  readonly page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly errors: string[];
  /** Dialogs (alert/confirm/prompt) that opened: hostile data must never open one. */
  readonly dialogs: string[];
}

/** Opens `path` (relative to the app's base URL) in a fresh context of the given size. */
export async function openPage(
  browser: Browser,
  path: string,
  viewport: { width: number; height: number } = DESKTOP,
  options: { timezoneId?: string } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport,
    timezoneId: options.timezoneId,
    hasTouch: viewport.width < 600,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(new URL(path, inject('baseUrl')).href);
  return { page, errors, dialogs };
}

/** Saves a full-page PNG under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Generous polling: the page and its data load over loopback, but shared CI machines can be slow. */
export const POLL = { timeout: 10_000 };

/** An incident of the bundled dataset, read from the file rather than guessed. */
export interface BundledIncident {
  readonly id: string;
  readonly title: string;
}

/** The bundled dataset's ids and titles, in file order. */
export const BUNDLED: readonly BundledIncident[] = (
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8'),
  ) as {
    features: { id: string; properties: { title: string } }[];
  }
).features.map((f) => ({ id: f.id, title: f.properties.title }));

/** The bundled incident with this id; throws when the dataset has no such incident. */
export function bundled(id: string): BundledIncident {
  const found = BUNDLED.find((i) => i.id === id);
  if (!found) throw new Error(`No incident ${id} in geodata/incidents.geojson`);
  return found;
}

/** Waits for Leaflet's popup fade-in to finish, so screenshots show it as people see it. */
export function popupFadedIn(page: Page): Promise<void> {
  return expect
    .poll(
      () =>
        page.evaluate(() => {
          const p = document.querySelector('.leaflet-popup');
          return p ? getComputedStyle(p).opacity : null;
        }),
      POLL,
    )
    .toBe('1');
}

/**
 * Waits until the page has begun no fetch for `quietMs` (its resource timing). Instead of Playwright's
 * "networkidle": Playwright can report the script request of the loader's parse worker (a worker started by
 * a worker) as started and never as finished, and then waits out the test (seen under CPU load).
 */
export async function untilQuiet(page: Page, quietMs = 500): Promise<void> {
  const count = () => page.evaluate(() => performance.getEntriesByType('resource').length);
  let last = await count();
  let since = Date.now();
  await expect
    .poll(
      async () => {
        const now = await count();
        if (now !== last) {
          last = now;
          since = Date.now();
        }
        return Date.now() - since >= quietMs;
      },
      { timeout: 15_000, interval: 100 },
    )
    .toBe(true);
}

/** One Chromium for the calling test file: launched before its tests, closed after. Returns a getter. */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === null)
      throw new Error('useBrowser(): Chromium is not running yet (call it at file level)');
    return browser;
  };
}
