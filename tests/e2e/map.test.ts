import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  BUNDLED,
  bundled,
  DESKTOP,
  openPage,
  PHONE,
  POLL,
  popupFadedIn,
  screenshot,
  untilQuiet,
  useBrowser,
} from './browser';

const TAJI = bundled('taji-rocket-attack-2020-03-11');
const K1 = bundled('k1-rocket-attack-2019-12-27');
const US_STRIKES = bundled('us-strikes-kataib-hezbollah-2019-12-29');

/** Waits until the app has rendered the bundled dataset: the count line and all six markers. */
async function waitForApp(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('#result-count').textContent(), POLL)
    .toBe(`${BUNDLED.length} of ${BUNDLED.length} incidents`);
  await expect.poll(() => page.locator('.incident-marker').count(), POLL).toBe(BUNDLED.length);
}

/** The marker of an incident: a button on the map named exactly by the incident's title. */
function marker(page: Page, title: string): Locator {
  return page.locator('#map').getByRole('button', { name: title, exact: true });
}

/** The text of the <dd> after the <dt> named `term` in the open popup. */
async function fact(popup: Locator, term: string): Promise<string> {
  return (
    (
      await popup
        .locator('dt', { hasText: new RegExp(`^${term}$`) })
        .locator('xpath=following-sibling::dd[1]')
        .textContent()
    )?.trim() ?? ''
  );
}

/** The id of the incident whose popup is open, or null; never waits. */
const openPopupId = (page: Page) =>
  page.evaluate(
    () => document.querySelector('article.incident-popup')?.getAttribute('data-incident-id') ?? null,
  );

const activeInfo = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return {
      inPopup: Boolean(active?.closest('.leaflet-popup')),
      tag: active?.tagName ?? '',
      className: active instanceof HTMLElement ? active.className : '',
      id: active instanceof HTMLElement ? (active.dataset.incidentId ?? '') : '',
    };
  });

const browser = useBrowser();

describe('map markers', () => {
  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows all six incidents as focusable buttons named by their titles, inside the map (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './', viewport);
      await waitForApp(page);
      expect(BUNDLED).toHaveLength(6);
      const mapBox = await page.locator('#map').boundingBox();
      expect(mapBox).not.toBeNull();
      for (const { id, title } of BUNDLED) {
        const button = marker(page, title);
        await expect.poll(() => button.count(), { message: `marker for ${title}` }).toBe(1);
        expect(await button.getAttribute('data-incident-id')).toBe(id);
        expect(await button.getAttribute('tabindex')).toBe('0');
        expect(await button.isVisible()).toBe(true);
        const box = await button.boundingBox();
        expect(box, `${title} has a box`).not.toBeNull();
        if (box && mapBox) {
          // fitBounds must bring every marker into view.
          const cx = box.x + box.width / 2;
          const cy = box.y + box.height / 2;
          expect(cx, `${title} x inside the map`).toBeGreaterThanOrEqual(mapBox.x);
          expect(cx, `${title} x inside the map`).toBeLessThanOrEqual(mapBox.x + mapBox.width);
          expect(cy, `${title} y inside the map`).toBeGreaterThanOrEqual(mapBox.y);
          expect(cy, `${title} y inside the map`).toBeLessThanOrEqual(mapBox.y + mapBox.height);
        }
        await button.focus();
        expect((await activeInfo(page)).id, `${title} takes focus`).toBe(id);
      }
      await screenshot(page, `map-all-markers-${device}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('popup', () => {
  it('clicking the Camp Taji marker opens its popup with time, actors, toll and safe source links; the URL gets its id', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    await marker(page, TAJI.title).click();
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible' });
    expect(await popup.getAttribute('data-incident-id')).toBe(TAJI.id);
    await expect.poll(() => popup.locator('.popup-title').textContent(), POLL).toBe(TAJI.title);
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain('11 Mar 2020, 19:35 (UTC+3)');
    expect(text).toContain('Kataib Hezbollah \u2014 perpetrator, suspected');
    expect(await fact(popup, 'Killed')).toBe('3');
    // Two reports side by side: a dozen on the day (the article), 14 a day later (the Pentagon).
    expect(await fact(popup, 'Injured')).toMatch(/^12 injured — .*11 Mar 2020.*14 injured — .*12 Mar 2020/);
    expect(await popup.locator('.count-reports li').count()).toBe(2); // one report per line
    const source = popup.getByRole('link', { name: 'Shropshire Star (PA / AP)', exact: true });
    expect(await source.count()).toBe(1);
    expect(await source.getAttribute('href')).toBe(
      'https://www.shropshirestar.com/news/world-news/2020/03/11/three-killed-in-rocket-attack-on-iraq-base/',
    );
    expect(await source.getAttribute('target')).toBe('_blank');
    expect(await source.getAttribute('rel')).toBe('noopener noreferrer');
    await expect.poll(() => new URL(page.url()).searchParams.get('id'), POLL).toBe(TAJI.id);
    expect(await marker(page, TAJI.title).getAttribute('class')).toContain('is-selected');
    await popupFadedIn(page);
    await screenshot(page, 'map-popup-camp-taji');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keyboard: Enter on a focused marker opens its popup and moves focus into the popup', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const taji = marker(page, TAJI.title);
    await taji.focus();
    expect((await activeInfo(page)).id).toBe(TAJI.id);
    await page.keyboard.press('Enter');
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible' });
    expect(await popup.getAttribute('data-incident-id')).toBe(TAJI.id);
    await expect.poll(() => new URL(page.url()).searchParams.get('id'), POLL).toBe(TAJI.id);
    await popupFadedIn(page);
    await screenshot(page, 'map-keyboard-enter-popup');
    const active = await activeInfo(page);
    expect(
      active.inPopup,
      `focus should be inside the popup, but is on <${active.tag} class="${active.className}">`,
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keyboard: Escape closes the open popup (focus on the marker after Enter, and focus inside the popup)', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const popup = page.locator('article.incident-popup');

    // 1. Open with Enter on the marker, then Escape.
    await marker(page, TAJI.title).focus();
    await page.keyboard.press('Enter');
    await popup.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    const closedFromMarker = await popup
      .waitFor({ state: 'detached', timeout: 2000 })
      .then(() => true)
      .catch(() => false);
    await screenshot(page, 'map-keyboard-escape-from-marker');
    expect.soft(closedFromMarker, 'Escape after Enter on a marker closes the popup').toBe(true);
    if (closedFromMarker) {
      await expect.poll(() => new URL(page.url()).searchParams.get('id'), POLL).toBeNull();
      expect.soft((await activeInfo(page)).id, 'focus returns to the marker').toBe(TAJI.id);
    }

    // 2. Open from the list (which moves focus into the popup), then Escape.
    await page.getByRole('list', { name: 'Incidents' }).getByRole('button', { name: K1.title }).click();
    await popup.waitFor({ state: 'visible' });
    await expect.poll(() => openPopupId(page), POLL).toBe(K1.id);
    const before = await activeInfo(page);
    expect.soft(before.inPopup, 'choosing a list item moves focus into the popup').toBe(true);
    await page.keyboard.press('Escape');
    const closedFromPopup = await popup
      .waitFor({ state: 'detached', timeout: 2000 })
      .then(() => true)
      .catch(() => false);
    await screenshot(page, 'map-keyboard-escape-from-popup');
    expect.soft(closedFromPopup, 'Escape with focus inside the popup closes it').toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a related-incident link in the K-1 popup opens the US strikes popup', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    await marker(page, K1.title).click();
    const popup = page.locator('article.incident-popup');
    await expect.poll(() => openPopupId(page), POLL).toBe(K1.id);
    const related = popup.getByRole('link', { name: US_STRIKES.title, exact: true });
    expect(await related.count()).toBe(1);
    const href = await related.getAttribute('href');
    expect(href).not.toBeNull();
    expect(new URL(href ?? '', page.url()).searchParams.get('id')).toBe(US_STRIKES.id);
    await related.click();
    await expect.poll(() => openPopupId(page), POLL).toBe(US_STRIKES.id);
    // A popup that is closing still shows for Leaflet's fade (~200 ms): let that pass, then it must still be open.
    await page.waitForTimeout(400);
    await screenshot(page, 'map-related-link-us-strikes');
    const after = await page.evaluate(() => ({
      popup: document.querySelector('article.incident-popup')?.getAttribute('data-incident-id') ?? null,
      id: new URL(window.location.href).searchParams.get('id'),
      current: [...document.querySelectorAll('ol.incident-list [aria-current="true"]')].map(
        (b) => (b as HTMLElement).dataset.incidentId ?? '',
      ),
    }));
    expect(after).toEqual({ popup: US_STRIKES.id, id: US_STRIKES.id, current: [US_STRIKES.id] });
    expect(await popup.locator('.popup-title').textContent()).toBe(US_STRIKES.title);
    expect(await page.locator('article.incident-popup').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('popup fits the screen', () => {
  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`every popup opened from the list lies inside the map, its content clear of the map controls, with a clickable close button (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './', viewport);
      await waitForApp(page);
      const rects = () =>
        page.evaluate(() => {
          const box = (selector: string) => {
            const r = document.querySelector(selector)?.getBoundingClientRect();
            return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
          };
          return {
            popup: box('.leaflet-popup-content-wrapper'),
            content: box('.leaflet-popup-content'),
            map: box('#map'),
            zoom: box('.leaflet-control-zoom'),
            layers: box('.leaflet-control-layers'),
            viewport: { width: window.innerWidth, height: window.innerHeight },
          };
        });
      type Box = { left: number; top: number; right: number; bottom: number };
      const overlaps = (a: Box, b: Box | null) =>
        b !== null && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const r = (n: number) => Math.round(n);
      const problems: string[] = [];
      for (const { id, title } of BUNDLED) {
        if (device === 'phone') {
          await page
            .getByRole('navigation', { name: 'Panels' })
            .getByRole('button', { name: 'List', exact: true })
            .click();
        }
        await page.getByRole('list', { name: 'Incidents' }).getByRole('button', { name: title }).click();
        await expect.poll(() => openPopupId(page), POLL).toBe(id);
        // Wait for the auto-pan to settle: the popup's box stops moving.
        let previous = '';
        await expect
          .poll(async () => {
            const now = JSON.stringify(await rects());
            const stable = now === previous;
            previous = now;
            return stable;
          }, POLL)
          .toBe(true);
        const { popup, content, map, zoom, layers, viewport: vp } = await rects();
        await screenshot(page, `map-popup-fits-${device}-${id}`);
        if (!popup || !content || !map) {
          problems.push(`${id}: no popup`);
          continue;
        }
        const left = Math.max(0, map.left);
        const right = Math.min(vp.width, map.right);
        if (popup.left < left || popup.right > right) {
          problems.push(
            `${id}: popup spans x ${r(popup.left)}..${r(popup.right)}, the visible map is x ${r(left)}..${r(right)}`,
          );
        }
        if (popup.top < map.top || popup.bottom > map.bottom) {
          problems.push(
            `${id}: popup spans y ${r(popup.top)}..${r(popup.bottom)}, the map is y ${r(map.top)}..${r(map.bottom)}`,
          );
        }
        if (overlaps(content, zoom)) problems.push(`${id}: popup content lies under the zoom control`);
        if (overlaps(content, layers)) problems.push(`${id}: popup content lies under the layers control`);
        const close = page.locator('.leaflet-popup').getByRole('button', { name: 'Close popup' });
        const clickable = await close
          .click({ trial: true, timeout: 2000 })
          .then(() => true)
          .catch(() => false);
        if (!clickable) problems.push(`${id}: the close button cannot be clicked (covered or off screen)`);
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('page', () => {
  it('draws the offline basemap: land on the canvas and visible map labels', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const canvas = page.locator('.leaflet-overlay-pane canvas');
    await canvas.first().waitFor({ state: 'attached' });
    // The sea is the container's background; the canvas draws land (and coast/borders) over it.
    const drawn = () =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas');
        if (!c || c.width === 0 || c.height === 0) return 0;
        // Copied onto a canvas of our own: the basemap's may show bitmaps from its drawing worker.
        const copy = document.createElement('canvas');
        copy.width = c.width;
        copy.height = c.height;
        const ctx = copy.getContext('2d');
        if (!ctx) return 0;
        ctx.drawImage(c, 0, 0);
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        let land = 0;
        for (let i = 0; i < data.length; i += 4 * 16) {
          const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
          const sea = Math.abs(r - 0xd5) < 4 && Math.abs(g - 0xe3) < 4 && Math.abs(b - 0xea) < 4;
          if (a > 0 && !sea) land++;
        }
        return land;
      });
    await expect.poll(drawn, { timeout: 10_000 }).toBeGreaterThan(1000);
    // Drawn by the basemap's worker: the canvas shows its bitmaps, so it has no 2D context of its own.
    expect(
      await page.evaluate(
        () => document.querySelector<HTMLCanvasElement>('canvas.basemap-vectors')?.getContext('2d') === null,
      ),
    ).toBe(true);
    // The label element itself is 0×0 (Leaflet positions it); its text span is what shows.
    const labels = page.locator('.map-label-country > span, .map-label-place > span');
    await expect.poll(() => labels.count(), POLL).toBeGreaterThan(0);
    expect(await labels.first().isVisible()).toBe(true);
    const taji = page.locator('.map-label-place > span', { hasText: 'Camp Taji' });
    await expect.poll(() => taji.count(), POLL).toBe(1);
    expect(await taji.isVisible()).toBe(true);
    // Country names come once the basemap has worked out where each goes (in slices, after the first draw).
    const country = page.locator('.map-label-country > span', { hasText: /^Iraq$/i });
    await expect.poll(() => country.count(), POLL).toBe(1);
    expect(await country.isVisible()).toBe(true);
    expect(await page.locator('[data-notice="basemap"]').count()).toBe(0);
    await screenshot(page, 'map-offline-basemap');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the built page has a CSP meta with script-src 'self' and no 'unsafe-eval'", async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    expect(await meta.count()).toBe(1);
    const csp = (await meta.getAttribute('content')) ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map((parts) => [parts[0] as string, parts.slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(directives.get('object-src')).toEqual(["'none'"]);
    await screenshot(page, 'map-csp-page');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("no request leaves the page's origin while the page starts", async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => requests.some((url) => /countries-50m.*\.json$/.test(url)), POLL).toBe(true);
    await untilQuiet(page);
    const baseUrl = inject('baseUrl');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
    // The basemap and the dataset both came from our own origin.
    expect(requests.some((url) => /countries-50m.*\.json$/.test(url))).toBe(true);
    expect(requests.some((url) => /incidents.*\.geojson$/.test(url))).toBe(true);
    await screenshot(page, 'map-same-origin-start');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('logs no console errors while loading, opening popups and zooming', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    for (const { id, title } of BUNDLED) {
      await page.getByRole('list', { name: 'Incidents' }).getByRole('button', { name: title }).click();
      await expect.poll(() => openPopupId(page), POLL).toBe(id);
    }
    await page.locator('#map').getByRole('button', { name: 'Zoom in' }).click();
    await page.locator('#map').getByRole('button', { name: 'Zoom out' }).click();
    await untilQuiet(page);
    await screenshot(page, 'map-no-console-errors');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the legend lists "Explosions / remote violence" and "Riots"', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const legend = page.locator('.map-legend');
    await legend.waitFor({ state: 'visible' });
    expect(await legend.getAttribute('open')).not.toBeNull();
    const rows = (await legend.locator('li:not([data-attribution])').allTextContents()).map((t) => t.trim());
    expect(rows).toEqual(['Explosions / remote violence', 'Riots']);
    for (const row of await legend.locator('li').all()) expect(await row.isVisible()).toBe(true);
    await screenshot(page, 'map-legend');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
