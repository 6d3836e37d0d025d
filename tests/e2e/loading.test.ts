/**
 * End-to-end: loading other datasets with `?data=<url>`. A partly bad file loads what it can and says
 * what it skipped and why; a file that cannot be used at all gives a clear message, keeps the page
 * (header, map) and offers the bundled dataset instead. Never an uncaught exception, never a blank page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, POLL, screenshot, useBrowser } from './browser';

/** Chromium's console line for a failed (404) fetch: allowed in the 404 test only (the loader runs in a worker, whose console lines the page may not report). */
const RESOURCE_404 = 'Failed to load resource: the server responded with a status of 404 (Not Found)';

const browser = useBrowser();

/** The page is not blank: header with the app name, a live Leaflet map, the count line. */
async function expectPageStillThere(page: Page): Promise<void> {
  const header = page.getByRole('banner');
  expect(await header.isVisible()).toBe(true);
  expect(await header.getByRole('heading', { level: 1, name: 'Incident Atlas' }).isVisible()).toBe(true);
  const map = page.locator('#map.leaflet-container');
  expect(await map.count()).toBe(1);
  expect(await map.isVisible()).toBe(true);
  const box = await map.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
  expect(box?.height ?? 0).toBeGreaterThan(200);
  // The basemap still draws: the map is useful even without incidents.
  await expect.poll(() => page.locator('.leaflet-overlay-pane canvas').count(), POLL).toBeGreaterThan(0);
}

/** Waits for the "could not be loaded" alert and returns its text. */
async function failureNotice(page: Page): Promise<string> {
  const alert = page.getByRole('alert', { name: 'The dataset could not be loaded' });
  await alert.waitFor({ state: 'visible', timeout: POLL.timeout });
  return (await alert.textContent()) ?? '';
}

describe('a partly bad dataset', () => {
  it('shows the 3 valid incidents and a notice naming each skipped feature with its reason', async () => {
    const { page, errors } = await openPage(browser(), './?data=fixtures/partly-bad.geojson');
    await expect.poll(() => page.locator('#result-count').textContent(), POLL).toBe('3 of 3 incidents');
    await expect.poll(() => page.locator('.incident-marker').count(), POLL).toBe(3);
    for (const title of ['Valid incident in Baghdad', 'Valid incident in Basra', 'Valid incident in Mosul']) {
      expect(await page.locator('#map').getByRole('button', { name: title, exact: true }).count()).toBe(1);
    }
    expect(await page.getByRole('list', { name: 'Incidents' }).getByRole('listitem').count()).toBe(3);

    const notice = page.locator('section.notice[data-notice="load"]');
    await notice.waitFor({ state: 'visible', timeout: POLL.timeout });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('3 features could not be loaded');
    expect(text).toContain('from data="fixtures/partly-bad.geojson"; 3 loaded.');
    const items = (await notice.locator('li').allTextContents()).map((t) => t.trim());
    // formatIssue: `file: feature N (id X): field: message`, features counted from 1.
    expect(items).toEqual([
      'data="fixtures/partly-bad.geojson": feature 2 (id bad-coords): geometry.coordinates: [200, 95] out of range: longitude -180..180, latitude -90..90',
      'data="fixtures/partly-bad.geojson": feature 4 (id bad-date): properties.date: "2024-02-30" is not a real calendar date',
      'data="fixtures/partly-bad.geojson": feature 6 (id string-fatalities): properties.fatalities: must be an integer, null or a list of reports, got "3" (a string)',
    ]);
    for (const item of await notice.locator('li').all()) expect(await item.isVisible()).toBe(true);
    await screenshot(page, 'loading-partly-bad');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the first view of a loaded dataset', () => {
  it('fits every loaded incident inside the visible map, also when the load report takes room above it', async () => {
    const { page, errors } = await openPage(browser(), './?data=fixtures/partly-bad.geojson');
    await expect.poll(() => page.locator('.incident-marker').count(), POLL).toBe(3);
    await page
      .locator('section.notice[data-notice="load"]')
      .waitFor({ state: 'visible', timeout: POLL.timeout });
    /** Markers whose centre lies outside the map's box on screen, with where they are. */
    const outside = () =>
      page.evaluate(() => {
        const map = document.getElementById('map')?.getBoundingClientRect();
        if (!map) return ['no map'];
        return [...document.querySelectorAll<HTMLElement>('.incident-marker')].flatMap((m) => {
          const r = m.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          const inside = x >= map.left && x <= map.right && y >= map.top && y <= map.bottom;
          return inside
            ? []
            : [
                `${m.dataset.incidentId} at (${Math.round(x)}, ${Math.round(y)}); map is x ${Math.round(map.left)}..${Math.round(map.right)}, y ${Math.round(map.top)}..${Math.round(map.bottom)}`,
              ];
        });
      });
    const settled = await expect
      .poll(outside, POLL)
      .toEqual([])
      .then(() => true)
      .catch(() => false);
    await screenshot(page, 'loading-partly-bad-first-view');
    expect(settled ? [] : await outside()).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a dataset that cannot be used', () => {
  const cases: { name: string; path: string; expect: RegExp; extraErrors?: string[] }[] = [
    { name: 'an HTML page', path: 'fixtures/not-json.geojson', expect: /is an HTML web page, not data/ },
    { name: 'an empty file', path: 'fixtures/empty.geojson', expect: /\bempty\b/ },
    {
      name: 'a 404',
      path: 'fixtures/does-not-exist.geojson',
      expect: /\b404\b/,
      extraErrors: [RESOURCE_404],
    },
    {
      name: 'a FeatureCollection with no features',
      path: 'fixtures/no-features.geojson',
      expect: /has no features/,
    },
    {
      // Its features are read by a second worker; the line and column come from the bytes kept for it.
      name: 'a feature that is not JSON (NaN)',
      path: 'fixtures/coords-nan.geojson',
      expect: /is not valid JSON: error at line 1, column \d+/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: a clear error notice, the page is not blank, and the bundled dataset is offered`, async () => {
      const { page, errors } = await openPage(browser(), `./?data=${c.path}`);
      const text = await failureNotice(page);
      expect(text).toMatch(c.expect);
      expect(text).toContain(c.path);
      expect(await page.locator('#dataset-name').textContent()).toBe('No dataset loaded');
      expect(await page.locator('.incident-marker').count()).toBe(0);
      await expectPageStillThere(page);
      const bundled = page.getByRole('link', { name: 'Open the bundled dataset instead' });
      expect(await bundled.count()).toBe(1);
      expect(await bundled.isVisible()).toBe(true);
      await screenshot(page, `loading-failed-${c.path.replace(/^fixtures\//, '').replace(/\.geojson$/, '')}`);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
      expect(errors.filter((e) => !(c.extraErrors ?? []).includes(e))).toEqual([]);
      await page.context().close();
    });
  }

  it('"Open the bundled dataset instead" loads the six bundled incidents', async () => {
    const { page, errors } = await openPage(browser(), './?data=fixtures/not-json.geojson');
    await failureNotice(page);
    await page.getByRole('link', { name: 'Open the bundled dataset instead' }).click();
    await expect.poll(() => page.locator('#result-count').textContent(), POLL).toBe('6 of 6 incidents');
    await expect.poll(() => page.locator('.incident-marker').count(), POLL).toBe(6);
    expect(new URL(page.url()).searchParams.get('data')).toBeNull();
    expect(await page.getByRole('alert', { name: 'The dataset could not be loaded' }).count()).toBe(0);
    await screenshot(page, 'loading-back-to-bundled');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
