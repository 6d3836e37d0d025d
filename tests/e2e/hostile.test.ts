/**
 * End-to-end: a dataset whose text fields carry HTML/script payloads and whose source URLs use
 * javascript:/data: schemes. Everything must show as literal text; nothing may run, load or link.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DESKTOP, openPage, PHONE, POLL, screenshot, useBrowser } from './browser';

interface HostileFeature {
  id: string;
  properties: {
    title: string;
    summary: string;
    place: { name: string };
    actors: { name: string }[];
    sources: { name: string; url: string }[];
  };
}

const FIXTURE = 'fixtures/hostile.geojson';
const FEATURES = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures', 'hostile.geojson'), 'utf8')) as {
    features: HostileFeature[];
  }
).features;
const HTTPS_URL = 'https://example.org/hostile-report';

/** Evidence that a payload ran or was parsed as markup anywhere in the page. */
function injectionEvidence(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      imgX: document.querySelectorAll('img[src="x"]').length,
      // Any element carrying an inline event handler attribute (onerror, onload, …).
      handlers: all
        .filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
        .map((e) => e.outerHTML.slice(0, 120)),
      // Scripts other than the app's own module.
      scripts: [...document.querySelectorAll('script')].filter(
        (s) => s.textContent?.includes('__pwned') || !s.src,
      ).length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      javascriptLinks: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => /^\s*(javascript|data):/i.test(h)),
    };
  });
}

/** On a phone one panel shows at a time: bring `panel` into view (a no-op on desktop). */
async function showPanel(page: Page, device: 'desktop' | 'phone', panel: 'Map' | 'List'): Promise<void> {
  if (device === 'desktop') return;
  await page
    .getByRole('navigation', { name: 'Panels' })
    .getByRole('button', { name: panel, exact: true })
    .click();
}

const browser = useBrowser();

describe('hostile data', () => {
  it('the fixture carries every payload and URL the test is about', () => {
    expect(FEATURES.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(FEATURES);
    for (const payload of [
      '<img src=x onerror=\\"window.__pwned=1\\">',
      '<script>window.__pwned=2</script>',
      '\\"><svg onload=window.__pwned=3>',
      ' JaVaScRiPt:window.__pwned=4',
      'data:text/html,<script>window.__pwned=5</script>',
      'javascript:alert(1)',
      HTTPS_URL,
    ]) {
      expect(text).toContain(payload);
    }
  });

  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows every hostile string literally, runs nothing and links only the https source (${device})`, async () => {
      const { page, errors, dialogs } = await openPage(browser(), `./?data=${FIXTURE}`, viewport);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await expect
        .poll(() => page.locator('#result-count').textContent(), POLL)
        .toBe(`${FEATURES.length} of ${FEATURES.length} incidents`);
      await expect.poll(() => page.locator('.incident-marker').count(), POLL).toBe(FEATURES.length);
      expect(await page.locator('#dataset-name').textContent()).toBe(
        `${FIXTURE.split('/').pop()} (${new URL(inject('baseUrl')).host})`,
      );

      // The list shows each literal title.
      await showPanel(page, device, 'List');
      const listTitles = await page
        .getByRole('list', { name: 'Incidents' })
        .locator('.item-title')
        .allTextContents();
      expect([...listTitles].sort()).toEqual(FEATURES.map((f) => f.properties.title).sort());

      await screenshot(page, `hostile-list-${device}`);
      await showPanel(page, device, 'Map');
      const popup = page.locator('article.incident-popup');
      for (const feature of FEATURES) {
        const p = feature.properties;
        const marker = page.locator('#map').getByRole('button', { name: p.title, exact: true });
        expect(await marker.count(), `marker named ${p.title}`).toBe(1);
        // Open it from the list (a popup can cover other markers; the list is always reachable).
        await showPanel(page, device, 'List');
        await page.getByRole('list', { name: 'Incidents' }).getByRole('button', { name: p.title }).click();
        await expect
          .poll(
            () =>
              page.evaluate(
                () =>
                  document.querySelector('article.incident-popup')?.getAttribute('data-incident-id') ?? null,
              ),
            POLL,
          )
          .toBe(feature.id);
        expect(await popup.locator('.popup-title').textContent()).toBe(p.title);
        const text = (await popup.textContent()) ?? '';
        for (const literal of [
          p.title,
          p.summary,
          p.place.name,
          ...p.actors.map((a) => a.name),
          ...p.sources.map((s) => s.name),
        ]) {
          expect(text, `popup of ${feature.id} shows ${literal} literally`).toContain(literal);
        }
        // Non-http(s) URLs are shown as text, never as links.
        for (const source of p.sources.filter((s) => s.url !== HTTPS_URL)) {
          expect(text).toContain(source.url.trim());
        }
        // No markup from the data inside the popup.
        expect(await popup.locator('img, script, svg, iframe, object, embed').count()).toBe(0);
        // Exactly one link in the popup content: the https source.
        const links = popup.locator('a');
        expect(await links.count()).toBe(1);
        expect(await links.first().getAttribute('href')).toBe(HTTPS_URL);
        expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
        expect(await links.first().getAttribute('target')).toBe('_blank');
        const evidence = await injectionEvidence(page);
        expect(evidence).toEqual({
          pwned: undefined,
          imgX: 0,
          handlers: [],
          scripts: 0,
          svgOnload: 0,
          javascriptLinks: [],
        });
        await screenshot(page, `hostile-popup-${feature.id}-${device}`);
      }

      // The list and the map labels are text too.
      await showPanel(page, device, 'List');
      const list = page.getByRole('list', { name: 'Incidents' });
      expect(await list.locator('img, script, iframe, svg[onload]').count()).toBe(0);
      // One symbol icon per list item, nothing more.
      expect(await list.locator('svg').count()).toBe(FEATURES.length);
      expect(await page.locator('.map-label img, .map-label script, .map-label svg').count()).toBe(0);

      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(requests.filter((url) => /\/x(\?|$)/.test(url))).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
