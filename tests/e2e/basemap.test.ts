/**
 * The offline basemap: town names that follow the zoom, rivers, a scale bar, names that never cover the
 * incidents' own labels, and nothing fetched from another origin. Uses small datasets written here, so the
 * map's first fit decides the zoom (one incident: zoom 9; two far apart: a regional view).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, openPage, PHONE, POLL, screenshot, untilQuiet, useBrowser } from './browser';

const browser = useBrowser();
const GENERATED = resolve(import.meta.dirname, 'fixtures', 'generated');

/** A valid incident at [lon, lat], named `place`. */
const incident = (id: string, place: string, lon: number, lat: number) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: {
    title: `Test incident at ${place}`,
    date: '2020-03-11',
    place: { name: place, country: 'Iraq' },
    sources: [{ name: 'Test source', kind: 'other' }],
  },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

beforeAll(() => {
  mkdirSync(GENERATED, { recursive: true });
  // One incident: the first fit stops at zoom 9, close enough for small towns.
  writeFileSync(
    resolve(GENERATED, 'basemap-kirkuk.geojson'),
    collection(incident('k1', 'K-1 Air Base', 44.2842, 35.5125)),
  );
  // Two far apart: a regional view, where only big places may be named.
  writeFileSync(
    resolve(GENERATED, 'basemap-region.geojson'),
    collection(incident('beirut', 'Beirut port', 35.52, 33.9), incident('basra', 'Basra port', 47.83, 30.45)),
  );
});

interface Shown {
  readonly kind: string;
  readonly text: string;
  readonly box: { left: number; top: number; right: number; bottom: number };
}
/** The names on the map, with the box of their text on screen. */
const shownLabels = (page: Page): Promise<Shown[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('.map-label')].map((e) => {
      const kind = (e.className.match(/map-label-(\w+)/) ?? [])[1] ?? '';
      const r = (e.firstElementChild as HTMLElement).getBoundingClientRect();
      return {
        kind,
        text: e.textContent ?? '',
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    }),
  );
const towns = async (page: Page) =>
  (await shownLabels(page)).filter((l) => l.kind === 'town' || l.kind === 'capital').map((l) => l.text);

/** Every URL the page fetched since it started (the browser's resource timing, so none is missed). */
const fetched = (page: Page): Promise<string[]> =>
  page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);

/** Opens `dataset` at `viewport`. */
function open(dataset: string, viewport = DESKTOP) {
  return openPage(browser(), `./?data=${encodeURIComponent(`/fixtures/generated/${dataset}`)}`, viewport);
}

describe('the basemap', () => {
  it('names small towns when zoomed in (Kirkuk near K-1), with a scale bar, all from our own origin', async () => {
    const { page, errors } = await open('basemap-kirkuk.geojson');
    await expect.poll(() => towns(page), POLL).toContain('Kirkuk');
    // Towns of 10k–25k (zoom 9) come from the detail file, fetched after the big places: wait for it.
    // Dāqūq is about 45 km south of Kirkuk.
    await expect.poll(() => towns(page), POLL).toContain('Dāqūq');
    const names = await towns(page);
    expect(names.length).toBeGreaterThan(10);
    expect(await page.locator('.leaflet-control-scale-line').first().textContent()).toMatch(/\d+ (km|m)$/);
    await expect
      .poll(() => page.locator('.leaflet-control-attribution').textContent(), POLL)
      .toMatch(/Natural Earth.*GeoNames \(CC BY 4\.0\)/);
    await untilQuiet(page);
    await screenshot(page, 'basemap-kirkuk-desktop');
    const requests = await fetched(page);
    const origin = new URL(inject('baseUrl')).origin;
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'))).toEqual([]);
    expect(requests.some((url) => url.includes('middle-east-places-detail'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names only big places in a regional view, and fetches no detail there', async () => {
    const { page, errors } = await open('basemap-region.geojson');
    await expect.poll(async () => (await towns(page)).length, POLL).toBeGreaterThan(5);
    await untilQuiet(page);
    const names = await towns(page);
    const requests = await fetched(page);
    expect(names.length).toBeLessThan(80);
    expect(names).not.toContain('Dāqūq');
    expect(names).toContain('Mosul');
    expect(requests.some((url) => url.includes('middle-east-places-major'))).toBe(true);
    expect(requests.some((url) => url.includes('middle-east-places-detail'))).toBe(false);
    expect(requests.some((url) => url.includes('middle-east-water'))).toBe(true);
    await screenshot(page, 'basemap-region-desktop');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('never writes a basemap name over an incident label (desktop and phone)', async () => {
    for (const [dataset, viewport] of [
      ['basemap-kirkuk.geojson', DESKTOP],
      ['basemap-kirkuk.geojson', PHONE],
      ['basemap-region.geojson', PHONE],
    ] as const) {
      const { page, errors } = await open(dataset, viewport);
      await expect.poll(async () => (await towns(page)).length, POLL).toBeGreaterThan(3);
      await untilQuiet(page);
      const labels = await shownLabels(page);
      const places = labels.filter((l) => l.kind === 'place');
      expect(places.length, `${dataset} ${viewport.width}`).toBeGreaterThan(0);
      const hiding = labels
        .filter((l) => l.kind !== 'place')
        .flatMap((l) =>
          places
            .filter(
              (p) =>
                l.box.left < p.box.right &&
                p.box.left < l.box.right &&
                l.box.top < p.box.bottom &&
                p.box.top < l.box.bottom,
            )
            .map((p) => `${l.text} over ${p.text}`),
        );
      expect(hiding, `${dataset} ${viewport.width}`).toEqual([]);
      expect(await page.locator('.leaflet-control-scale').count()).toBe(1);
      await screenshot(page, `basemap-${dataset.replace('.geojson', '')}-${viewport.width}`);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
