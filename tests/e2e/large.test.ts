/**
 * End-to-end: a large dataset. 100,000 generated incidents (scripts/generate/, with the isolated incident;
 * set LARGE_COUNT for another size) are streamed to tests/e2e/fixtures/generated/ and loaded with `?data=`. They must be
 * drawn on one canvas in its own pane, with no DOM marker; a click on a drawn point opens its popup; the
 * layer must switch to markers and back, cleanly, as filters cross the marker limit.
 *
 * It also prints timings (load to first draw, redraws, filter changes) from inside the page. They depend
 * on the machine, so nothing is asserted about them.
 */
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ISOLATED } from '../../scripts/generate/incidents';
import { writeDataset } from '../../scripts/generate/write';
import { dayFromIso } from '../../src/domain/date';
import { launch, openPage, PHONE, popupFadedIn, screenshot, type TrackedPage } from './browser';
import { CANVAS, type Draw, draws, findPixels, nextDraw, recordDraws } from './point-canvas-probe';

const COUNT = Number(process.env.LARGE_COUNT ?? 100_000);
const GENERATED = resolve(import.meta.dirname, 'fixtures', 'generated');
const DATA_PATH = './?data=fixtures/generated/large.geojson';
const MARKER_LIMIT = 1_000; // DEFAULTS.domMarkerLimit in src/map/incident-layer.ts
/** The dashed circles of `near` and `region` incidents: SVG in the overlay pane (the basemap is a canvas). */
const UNCERTAINTY = '.leaflet-overlay-pane svg path';
/** Longer than the shared POLL: with 100,000 incidents every step of the page is slower. */
const SLOW_POLL = { timeout: 15_000 };

/** Per generated incident: the first and last local day it may fall on (as the app filters), and its id. */
const firstDays = new Int32Array(COUNT);
const lastDays = new Int32Array(COUNT);
const ids = new Set<string>();
/** How many incidents overlap [from, to] (YYYY-MM-DD, inclusive), as the app counts them. */
function countBetween(from: string, to: string): number {
  const a = dayFromIso(from) as number;
  const b = dayFromIso(to) as number;
  let n = 0;
  for (let i = 0; i < COUNT; i++) if ((lastDays[i] as number) >= a && (firstDays[i] as number) <= b) n++;
  return n;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
/** "12.3 ms for 100000 points (project 1.0, stamp 8.0, …)". */
const describeDraw = (d: Draw) =>
  `${ms(d.duration)} for ${d.drawn} points (${Object.entries(d.phases)
    .map(([phase, t]) => `${phase} ${t.toFixed(1)}`)
    .join(', ')})`;

/** Sets From/To and commits them, timing the app's synchronous work and the next frame. */
function timeFilter(page: Page, from: string, to: string) {
  return page.evaluate(
    ([from, to]) =>
      new Promise<{ sync: number; frame: number; before: string; after: string }>((done) => {
        const count = document.querySelector('#result-count') as HTMLElement;
        const fromInput = document.querySelector('#filter-from') as HTMLInputElement;
        const toInput = document.querySelector('#filter-to') as HTMLInputElement;
        const before = count.textContent ?? '';
        fromInput.value = from;
        toInput.value = to;
        const started = performance.now();
        // The filters commit on `change`; filtering, the list, the facets and the map all update in it.
        toInput.dispatchEvent(new Event('change', { bubbles: true }));
        const sync = performance.now() - started;
        requestAnimationFrame(() =>
          setTimeout(() =>
            done({ sync, frame: performance.now() - started, before, after: count.textContent ?? '' }),
          ),
        );
      }),
    [from, to] as const,
  );
}

/** What the load's preview showed when its first points were painted (read in the page). */
interface PreviewSeen {
  at: number;
  /** Pixels of the preview canvas that are not transparent. */
  pixels: number;
  /** The header's count then: the dataset is not shown yet. */
  count: string;
}

/** Runs in the page before its scripts: looks at the preview canvas when the first points are marked. */
function recordPreview(): void {
  new PerformanceObserver((list) => {
    for (const mark of list.getEntries()) {
      if (mark.name !== 'incident-atlas:first-points') continue;
      const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-loadPreview-pane canvas');
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      let pixels = 0;
      for (let k = 3; data && k < data.length; k += 4) if (data[k] !== 0) pixels++;
      const seen: PreviewSeen = {
        at: mark.startTime,
        pixels,
        count: document.querySelector('#result-count')?.textContent ?? '',
      };
      (window as unknown as { __preview: PreviewSeen }).__preview = seen;
    }
  }).observe({ type: 'mark' });
}

let browser: Browser;
let tracked: TrackedPage;
let page: Page;

beforeAll(async () => {
  await writeDataset(join(GENERATED, 'large.geojson'), {
    count: COUNT,
    seed: 1,
    isolated: true,
    onIncident: (incident, i) => {
      firstDays[i] = incident.firstDay;
      lastDays[i] = incident.lastDay;
      ids.add(incident.id);
    },
  });
  browser = await launch();
  tracked = await openPage(browser, 'about:blank');
  page = tracked.page;
  await page.addInitScript(recordDraws);
  await page.addInitScript(recordPreview);
  await page.goto(new URL(DATA_PATH, inject('baseUrl')).href);
  await page.waitForFunction(
    (text) => document.querySelector('#result-count')?.textContent === text,
    `${COUNT.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} incidents`,
    { timeout: 90_000, polling: 100 },
  );
});

afterAll(async () => {
  await browser?.close();
});

describe(`a dataset of ${COUNT} incidents`, () => {
  it('is drawn on one canvas in its own pane, between the basemap and the markers, with no DOM marker', async () => {
    expect(await page.locator('.incident-marker').count()).toBe(0);
    expect(await page.locator(CANVAS).count()).toBe(1);
    const zIndex = (selector: string) =>
      page.evaluate((s) => Number(getComputedStyle(document.querySelector(s) as Element).zIndex), selector);
    expect(await zIndex('.leaflet-incidentPoints-pane')).toBeGreaterThan(
      await zIndex('.leaflet-overlay-pane'),
    );
    // Under the markers and popups; while it draws counted squares (as at this first fit), the marker pane
    // holds only the data's place names, which go under it so they never cover a count.
    expect(await zIndex('.leaflet-incidentPoints-pane')).toBeLessThan(await zIndex('.leaflet-popup-pane'));
    expect(await page.locator(CANVAS).getAttribute('data-mode')).toBe('grid');
    expect(await zIndex('.leaflet-marker-pane')).toBeLessThan(await zIndex('.leaflet-incidentPoints-pane'));
    const first = await nextDraw(page, 0);
    expect(first.drawn).toBeGreaterThan(COUNT * 0.9);
    expect(await findPixels(page, 'grey')).not.toBeNull();

    const load = await page.evaluate(() => {
      const data = performance.getEntriesByType('resource').find((e) => e.name.includes('large.geojson')) as
        | PerformanceResourceTiming
        | undefined;
      return { dataLoaded: data?.responseEnd ?? Number.NaN, bytes: data?.encodedBodySize ?? 0 };
    });
    const all = await draws(page);
    console.log(
      [
        `[large] ${COUNT} incidents, ${(load.bytes / 1e6).toFixed(1)} MB of GeoJSON`,
        `  data downloaded at ${ms(load.dataLoaded)} after navigation start`,
        `  first draw done at ${ms(first.start + first.duration)} (parse, index, filter, list, draw)`,
        `  draws so far: ${all.map(describeDraw).join('; ')}`,
      ].join('\n'),
    );
    await screenshot(page, `large-${COUNT >= 1000 ? `${COUNT / 1000}k` : COUNT}`);
  });

  it('drew the incidents as they were read, before the dataset was shown, and cleared them once it was', async () => {
    const seen = await page.evaluate(() => (window as unknown as { __preview?: PreviewSeen }).__preview);
    expect(seen, 'the first points were painted').toBeDefined();
    if (!seen) return;
    const mounted = await page.evaluate(
      () => performance.getEntriesByName('incident-atlas:mounted')[0]?.startTime ?? Number.NaN,
    );
    expect(seen.pixels).toBeGreaterThan(0);
    expect(seen.at).toBeLessThan(mounted);
    expect(seen.count).not.toContain(COUNT.toLocaleString('en-US'));
    console.log(`[large] first points painted at ${ms(seen.at)}, the dataset mounted at ${ms(mounted)}`);
    const canvas = page.locator('.leaflet-loadPreview-pane canvas');
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width * c.height)).toBe(0);
  });

  it('opens the popup of the point clicked, highlights it, and shows a pointer over it', async () => {
    const grey = await findPixels(page, 'grey');
    expect(grey, 'the isolated grey point is drawn').not.toBeNull();
    if (!grey) return;
    const mapElement = page.locator('#map');
    await page.mouse.move(grey.x, grey.y);
    await expect
      .poll(() => mapElement.evaluate((m) => getComputedStyle(m).cursor), SLOW_POLL)
      .toBe('pointer');
    await page.mouse.move(2, 2); // off the map
    await expect
      .poll(() => mapElement.evaluate((m) => getComputedStyle(m).cursor), SLOW_POLL)
      .not.toBe('pointer');
    await page.mouse.click(grey.x + 1, grey.y - 2);
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await popup.getAttribute('data-incident-id')).toBe(ISOLATED.id);
    expect(await popup.locator('.popup-title').textContent()).toBe(ISOLATED.title);
    await expect.poll(() => new URL(page.url()).searchParams.get('id'), SLOW_POLL).toBe(ISOLATED.id);
    // The open incident gets a dark ring (nothing else on the canvas is that dark).
    await expect.poll(async () => (await findPixels(page, 'ink'))?.count ?? 0, SLOW_POLL).toBeGreaterThan(20);
    await popupFadedIn(page);
    await screenshot(page, 'large-popup');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(async () => (await findPixels(page, 'ink'))?.count ?? 0, SLOW_POLL).toBe(0);

    // Any drawn point near the middle of the map: the popup of an incident opens.
    const coloured = await findPixels(page, 'coloured');
    expect(coloured).not.toBeNull();
    if (!coloured) return;
    await page.mouse.click(coloured.x, coloured.y);
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    const id = (await popup.getAttribute('data-incident-id')) ?? '';
    expect(ids.has(id), `${id} is an incident of the dataset`).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('id'), SLOW_POLL).toBe(id);
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('opens the popup of a point tapped on a phone', async () => {
    const phone = await openPage(browser, DATA_PATH, PHONE);
    await phone.page.waitForFunction(
      (text) => document.querySelector('#result-count')?.textContent === text,
      `${COUNT.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} incidents`,
      { timeout: 45_000, polling: 100 },
    );
    // The count comes before the last stages of the mount; the point is looked for once they have run and
    // it stays where it is (a tap where it was a moment before would miss).
    await phone.page.waitForFunction(
      () => performance.getEntriesByName('incident-atlas:mounted').length > 0,
      null,
      {
        timeout: 45_000,
        polling: 100,
      },
    );
    let grey = await findPixels(phone.page, 'grey');
    await expect
      .poll(async () => {
        const again = await findPixels(phone.page, 'grey');
        const still = again !== null && grey !== null && again.x === grey.x && again.y === grey.y;
        grey = again;
        return still;
      }, SLOW_POLL)
      .toBe(true);
    expect(grey, 'the isolated grey point is drawn on the phone too').not.toBeNull();
    if (grey) {
      // A finger is less exact than a mouse: 10 px off still counts.
      await phone.page.touchscreen.tap(grey.x + 10, grey.y);
      const popup = phone.page.locator('article.incident-popup');
      await popup.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await popup.getAttribute('data-incident-id')).toBe(ISOLATED.id);
    }
    expect(phone.errors).toEqual([]);
    await phone.page.context().close();
  });

  it('redraws after zooming, panning and resizing', async () => {
    const lines: string[] = [];
    let before = (await draws(page)).length;
    await page.locator('#map').getByRole('button', { name: 'Zoom in' }).click();
    let draw = await nextDraw(page, before);
    lines.push(`zoom in: ${describeDraw(draw)}`);
    before = (await draws(page)).length;
    await page.locator('#map').getByRole('button', { name: 'Zoom out' }).click();
    draw = await nextDraw(page, before);
    lines.push(`zoom out: ${describeDraw(draw)}`);
    const box = await page.locator('#map').boundingBox();
    if (box) {
      before = (await draws(page)).length;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 60, y - 30, { steps: 5 });
      await page.mouse.up();
      draw = await nextDraw(page, before);
      lines.push(`pan: ${describeDraw(draw)}`);
    }
    before = (await draws(page)).length;
    await page.setViewportSize({ width: 1400, height: 900 });
    draw = await nextDraw(page, before);
    lines.push(`resize: ${describeDraw(draw)}`);
    console.log(`[large] redraws\n  ${lines.join('\n  ')}`);
    expect(await page.locator(CANVAS).count()).toBe(1);
  });

  it('switches to markers below the limit and back to the canvas, leaving nothing behind', async () => {
    const lines: string[] = [];
    /** The canvas's share of a filter change. */
    const drawAfter = async (before: number) =>
      (await page.locator(CANVAS).count()) === 0
        ? 'no canvas'
        : `canvas draw ${describeDraw(await nextDraw(page, before))}`;
    // A year: still more than the marker limit.
    let before = (await draws(page)).length;
    let result = await timeFilter(page, '2020-01-01', '2020-12-31');
    let expected = countBetween('2020-01-01', '2020-12-31');
    expect(result.after).toBe(
      `${expected.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} incidents`,
    );
    expect(await page.locator('.incident-marker').count()).toBe(0);
    expect(await page.locator(CANVAS).count()).toBe(1);
    lines.push(
      `all → 2020 (${expected}, canvas): ${ms(result.sync)} until the count changed, ${ms(result.frame)} to the next frame; ${await drawAfter(before)}`,
    );

    // A few weeks: under the limit, so markers. The longest span from 2020-03-01 with at most 700 incidents
    // (incidents dated by week or month, or with ranges, overlap it too), and at least one day.
    const dayIso = (n: number) =>
      new Date(Date.UTC(2020, 2, 1) + (n - 1) * 86_400_000).toISOString().slice(0, 10);
    let days = 1;
    while (days < 366 && countBetween('2020-03-01', dayIso(days + 1)) <= 700) days++;
    const to = dayIso(days);
    expected = countBetween('2020-03-01', to);
    before = (await draws(page)).length;
    result = await timeFilter(page, '2020-03-01', to);
    expect(result.after).toBe(
      `${expected.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} incidents`,
    );
    expect(expected).toBeLessThanOrEqual(MARKER_LIMIT);
    // Markers are named by their titles, read from the records first: they follow the count shortly.
    await expect.poll(() => page.locator('.incident-marker').count()).toBe(expected);
    expect(await page.locator(CANVAS).count()).toBe(0);
    expect(await page.locator(UNCERTAINTY).count()).toBeGreaterThan(0);
    lines.push(
      `2020 → 2020-03-01..${to} (${expected}, ${expected <= MARKER_LIMIT ? 'markers' : 'canvas'}): ${ms(result.sync)} until the count changed, ${ms(result.frame)} to the next frame; ${await drawAfter(before)}`,
    );

    // Everything again: back to one canvas, no marker left.
    before = (await draws(page)).length;
    result = await timeFilter(page, '', '');
    expect(result.after).toBe(
      `${COUNT.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} incidents`,
    );
    expect(await page.locator('.incident-marker').count()).toBe(0);
    expect(await page.locator(CANVAS).count()).toBe(1);
    expect(await page.locator(UNCERTAINTY).count()).toBe(0);
    lines.push(
      `→ all (${COUNT}, canvas): ${ms(result.sync)} until the count changed, ${ms(result.frame)} to the next frame; ${await drawAfter(before)}`,
    );
    console.log(`[large] filter changes\n  ${lines.join('\n  ')}`);
    expect(tracked.errors).toEqual([]);
  });
});
