/**
 * End-to-end: dense areas drawn as counts. 100,000 generated incidents (with the isolated one; set
 * DENSITY_COUNT for another size) are loaded with `?data=`. At the first fit the point canvas must show
 * counted squares (`data-mode="grid"`), not a carpet of dots; the isolated incident, alone in its square,
 * stays a dot whose popup opens with the ring on top; a click on a square zooms into it; zoomed in far
 * enough the view turns to dots, and a click on a dot opens its popup. On a phone, a tap on a square zooms.
 *
 * Screenshots: test-results/density-{desktop,phone}-{fit,zoomed}.png and density-desktop-dots.png.
 * Redraw times are printed, never asserted.
 */
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ISOLATED } from '../../scripts/generate/incidents';
import { writeDataset } from '../../scripts/generate/write';
import { launch, openPage, PHONE, popupFadedIn, screenshot, type TrackedPage } from './browser';
import {
  CANVAS,
  type Draw,
  draws,
  findPixels,
  nextDraw as nextDrawAfter,
  recordDraws,
} from './point-canvas-probe';

const COUNT = Number(process.env.DENSITY_COUNT ?? 100_000);
const GENERATED = resolve(import.meta.dirname, 'fixtures', 'generated');
const DATA_PATH = './?data=fixtures/generated/density.geojson';
const DOTS_FROM_ZOOM = 15; // DEFAULTS.dotsFromZoom in src/map/point-canvas.ts
const SLOW_POLL = { timeout: 15_000 };
const SETTLE_MS = 400; // a zoom animation ends in a second redraw
const ALL = `${COUNT.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} incidents`;

/** Waits for a redraw after the `before`-th and for the view to settle, then returns the last one. */
const nextDraw = (page: Page, before: number) => nextDrawAfter(page, before, SETTLE_MS);

/** What the canvas says it drew. */
const canvasState = (page: Page) =>
  page.locator(CANVAS).evaluate((c) => ({
    mode: c.getAttribute('data-mode'),
    cells: Number(c.getAttribute('data-cells')),
    ariaHidden: c.getAttribute('aria-hidden'),
    tabIndex: c.getAttribute('tabindex'),
  }));

/** How many pixels of counted squares (translucent) the canvas has 14–24 CSS px from (x, y) (page px). */
function squarePixelsAround(page: Page, x: number, y: number): Promise<number> {
  return page.evaluate(
    ([selector, x, y]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector) as HTMLCanvasElement;
      const box = canvas.getBoundingClientRect();
      const sx = canvas.width / box.width;
      const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
        0,
        0,
        canvas.width,
        canvas.height,
      ).data;
      let found = 0;
      for (let angle = 0; angle < 360; angle += 10) {
        for (let r = 14; r <= 24; r += 2) {
          const px = Math.round((x - box.left + r * Math.cos((angle * Math.PI) / 180)) * sx);
          const py = Math.round((y - box.top + r * Math.sin((angle * Math.PI) / 180)) * sx);
          const a = data[4 * (py * canvas.width + px) + 3] as number;
          if (a > 100 && a < 250) found++;
        }
      }
      return found;
    },
    [CANVAS, x, y] as const,
  );
}

const cursorOverMap = (page: Page) => page.locator('#map').evaluate((m) => getComputedStyle(m).cursor);

let browser: Browser;
let tracked: TrackedPage;
let page: Page;
const ids = new Set<string>();

beforeAll(async () => {
  await writeDataset(join(GENERATED, 'density.geojson'), {
    count: COUNT,
    seed: 1,
    isolated: true,
    onIncident: (incident) => {
      ids.add(incident.id);
    },
  });
  browser = await launch();
  tracked = await openPage(browser, 'about:blank');
  page = tracked.page;
  await page.addInitScript(recordDraws);
  await page.goto(new URL(DATA_PATH, inject('baseUrl')).href);
  await page.waitForFunction((text) => document.querySelector('#result-count')?.textContent === text, ALL, {
    timeout: 90_000,
    polling: 100,
  });
});

afterAll(async () => {
  await browser?.close();
});

describe(`${COUNT} incidents at the first fit`, () => {
  it('are drawn as counted squares on the aria-hidden canvas, with the legend saying what the numbers are', async () => {
    await expect.poll(async () => (await canvasState(page)).mode, SLOW_POLL).toBe('grid');
    const state = await canvasState(page);
    expect(state.cells).toBeGreaterThan(10);
    expect(state.ariaHidden).toBe('true');
    expect(state.tabIndex).toBeNull();
    expect(await page.locator('.incident-marker').count()).toBe(0);
    const last = (await draws(page)).at(-1) as Draw;
    expect(last.drawn).toBeGreaterThan(COUNT * 0.9);
    expect(last.mode).toBe('grid');
    expect(last.dots).toBeLessThan(COUNT / 100);
    const note = page.locator('.map-legend .legend-grid-note');
    expect(await note.textContent()).toContain('Numbers: incidents in a square; click to zoom in');
    if (await page.locator('.map-legend').evaluate((d) => (d as HTMLDetailsElement).open))
      expect(await note.isVisible()).toBe(true);
    // Nothing new to tab to: the point pane holds the canvas only.
    expect(
      await page.locator('.leaflet-incidentPoints-pane').evaluate((p) => p.querySelectorAll('*').length),
    ).toBe(1);
    await screenshot(page, 'density-desktop-fit');
    console.log(`[density] first fit: ${JSON.stringify(last)}`);
  });

  it("bins the points once per zoom, and a zoom back to the view before reuses that view's bins", async () => {
    const map = page.locator('#map');
    const fit = (await draws(page)).at(-1) as Draw;
    let before = (await draws(page)).length;
    await map.getByRole('button', { name: 'Zoom in' }).click();
    const zoomedIn = await nextDraw(page, before);
    expect(zoomedIn.zoom).toBe(fit.zoom + 1);
    expect(zoomedIn.rebin).toBe(true);
    before = (await draws(page)).length;
    await map.getByRole('button', { name: 'Zoom out' }).click();
    const back = await nextDraw(page, before);
    expect(back.zoom).toBe(fit.zoom);
    expect(back.rebin).toBe(false);
    expect(back.phases.bin).toBeLessThan(1); // ms: no pass over the points
    // The same squares, counts and dots as at the fit.
    expect([back.drawn, back.cells, back.dots, back.mode]).toEqual([
      fit.drawn,
      fit.cells,
      fit.dots,
      fit.mode,
    ]);
  });

  it('keeps the isolated incident a dot: hover shows a pointer, a click opens its popup with the ring on top', async () => {
    const grey = await findPixels(page, 'grey');
    expect(grey, 'the isolated grey point is drawn as a dot').not.toBeNull();
    if (!grey) return;
    await page.mouse.move(grey.x, grey.y);
    await expect.poll(() => cursorOverMap(page), SLOW_POLL).toBe('pointer');
    await page.mouse.click(grey.x, grey.y);
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await popup.getAttribute('data-incident-id')).toBe(ISOLATED.id);
    await expect.poll(async () => (await findPixels(page, 'ink'))?.count ?? 0, SLOW_POLL).toBeGreaterThan(20);
    await popupFadedIn(page);
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(async () => (await findPixels(page, 'ink'))?.count ?? 0, SLOW_POLL).toBe(0);
  });

  it('draws the ring of an incident opened from the list over its counted square', async () => {
    const item = page.getByRole('list', { name: 'Incidents' }).getByRole('button').first();
    await item.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    expect((await canvasState(page)).mode).toBe('grid');
    await expect.poll(async () => (await findPixels(page, 'ink'))?.count ?? 0, SLOW_POLL).toBeGreaterThan(20);
    // The newest incident is in a busy town: its ring sits on a counted square (a corner of it at least).
    const ring = (await findPixels(page, 'ink')) as { x: number; y: number };
    expect(await squarePixelsAround(page, ring.x, ring.y)).toBeGreaterThan(40); // of 216 samples
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('zooms into a square that is clicked, and shows a pointer over it', async () => {
    const cell = await findPixels(page, 'cell');
    expect(cell, 'a counted square is drawn').not.toBeNull();
    if (!cell) return;
    await page.mouse.move(cell.x, cell.y);
    await expect.poll(() => cursorOverMap(page), SLOW_POLL).toBe('pointer');
    const before = await draws(page);
    const from = (before.at(-1) as Draw).zoom;
    await page.mouse.click(cell.x, cell.y);
    const after = await nextDraw(page, before.length);
    expect(after.zoom).toBeGreaterThanOrEqual(from + 1);
    expect(after.zoom).toBeLessThanOrEqual(DOTS_FROM_ZOOM);
    expect(after.drawn).toBeLessThan((before.at(-1) as Draw).drawn);
    expect(await page.locator('article.incident-popup').count()).toBe(0);
    await screenshot(page, 'density-desktop-zoomed');
    console.log(`[density] zoomed ${from} → ${after.zoom}: ${JSON.stringify(after)}`);
  });

  it('turns to dots zoomed in far enough, where a click on a dot opens its popup', async () => {
    let last = (await draws(page)).at(-1) as Draw;
    for (let step = 0; step < 8 && last.mode === 'grid'; step++) {
      const cell = await findPixels(page, 'cell');
      expect(cell, `a counted square to click at zoom ${last.zoom}`).not.toBeNull();
      if (!cell) return;
      const before = (await draws(page)).length;
      await page.mouse.click(cell.x, cell.y);
      last = await nextDraw(page, before);
    }
    expect(last.mode).toBe('dots');
    expect(last.zoom).toBeLessThanOrEqual(DOTS_FROM_ZOOM);
    expect((await canvasState(page)).cells).toBe(0);
    await expect
      .poll(() => page.locator('#map').evaluate((m) => m.classList.contains('incident-points-grid')))
      .toBe(false);
    // With dots only, the data's place names are over the canvas again (under it while squares are counted).
    const zIndex = (selector: string) =>
      page.evaluate(
        (sel) => Number(getComputedStyle(document.querySelector(sel) as Element).zIndex),
        selector,
      );
    expect(await zIndex('.leaflet-marker-pane')).toBeGreaterThan(
      await zIndex('.leaflet-incidentPoints-pane'),
    );
    const dot = await findPixels(page, 'coloured');
    expect(dot, 'a dot is drawn').not.toBeNull();
    if (!dot) return;
    await page.mouse.click(dot.x, dot.y);
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    const id = (await popup.getAttribute('data-incident-id')) ?? '';
    expect(ids.has(id), `${id} is an incident of the dataset`).toBe(true);
    await expect.poll(async () => (await findPixels(page, 'ink'))?.count ?? 0, SLOW_POLL).toBeGreaterThan(20);
    await popupFadedIn(page);
    await screenshot(page, 'density-desktop-dots');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 10_000 });
    expect(tracked.errors).toEqual([]);
  });
});

describe(`${COUNT} incidents on a phone`, () => {
  // Loads the data once more: the desktop page goes first (at a million incidents, DENSITY_COUNT, each
  // page holds ~1.6 GB), and the load gets the time it needs.
  it('are counted at the first fit, and a tap on a square zooms into it', { timeout: 240_000 }, async () => {
    await page.context().close();
    const phone = await openPage(browser, 'about:blank', PHONE);
    await phone.page.addInitScript(recordDraws);
    await phone.page.goto(new URL(DATA_PATH, inject('baseUrl')).href);
    await phone.page.waitForFunction(
      (text) => document.querySelector('#result-count')?.textContent === text,
      ALL,
      { timeout: 180_000, polling: 100 },
    );
    await expect.poll(async () => (await canvasState(phone.page)).mode, SLOW_POLL).toBe('grid');
    await screenshot(phone.page, 'density-phone-fit');
    const cell = await findPixels(phone.page, 'cell');
    expect(cell, 'a counted square is drawn on the phone').not.toBeNull();
    if (cell) {
      const before = await draws(phone.page);
      await phone.page.touchscreen.tap(cell.x, cell.y);
      const after = await nextDraw(phone.page, before.length);
      expect(after.zoom).toBeGreaterThan((before.at(-1) as Draw).zoom);
      await screenshot(phone.page, 'density-phone-zoomed');
    }
    expect(phone.errors).toEqual([]);
    await phone.page.context().close();
  });
});
