/**
 * End-to-end: the panels at scale. 20,000 incidents naming ~5,000 actors (a small deterministic generator
 * below; set SCALE_COUNT for another size) are loaded with `?data=`. The incident list and the Actor facet
 * must render a bounded number of DOM nodes however many incidents and actors there are, and still reach
 * every one of them: by scrolling, by keyboard and by search.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/random';
import { DESKTOP, openPage, PHONE, POLL, screenshot, useBrowser } from './browser';

const COUNT = Number(process.env.SCALE_COUNT ?? 20_000);
const ACTORS = 5_000;
const GENERATED = resolve(import.meta.dirname, 'fixtures', 'generated');
const DATA = 'fixtures/generated/scale.geojson';
const SLOW = { timeout: 30_000 };

/** The newest and oldest incidents: the only ones on their days. */
const NEWEST = { id: 'scale-newest', title: 'Newest incident of the scale dataset', date: '2024-12-31' };
const OLDEST = { id: 'scale-oldest', title: 'Oldest incident of the scale dataset', date: '2015-01-01' };
/** An actor of the long tail, named by exactly these incidents (positions in the file). */
const RARE = { name: 'Rare Brigade of the Scale Test', at: [100, Math.floor(COUNT / 2), COUNT - 10] };

/** Deterministic incidents: Zipf-distributed actors (rank k has weight 1/k), dates over 2016–2023. */
function scaleDataset(): { type: 'FeatureCollection'; features: object[] } {
  const random = seededRandom(9);
  const names = Array.from({ length: ACTORS - 1 }, (_, k) => `Armed group ${String(k + 1).padStart(4, '0')}`);
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < names.length; k++) {
    sum += 1 / (k + 1);
    cumulative.push(sum);
  }
  const actorName = () => {
    const u = random() * sum;
    let lo = 0;
    let hi = names.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return names[lo] as string;
  };
  const types = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots'];
  const firstDay = Date.UTC(2016, 0, 1);
  const span = 2922; // days: 2016-01-01 .. 2023-12-31
  const features: object[] = [];
  for (let i = 0; i < COUNT; i++) {
    const special = i === 0 ? NEWEST : i === 1 ? OLDEST : null;
    const date =
      special?.date ??
      new Date(firstDay + Math.floor(random() * span) * 86_400_000).toISOString().slice(0, 10);
    const actors = [{ name: actorName(), role: 'perpetrator', attribution: 'suspected' }];
    if (random() < 0.6) actors.push({ name: actorName(), role: 'target', attribution: 'confirmed' });
    // Every actor of the tail is named at least once, so the dataset has exactly ACTORS actors.
    if (i < names.length) actors.push({ name: names[i] as string, role: 'party', attribution: 'unknown' });
    if (RARE.at.includes(i)) actors.push({ name: RARE.name, role: 'party', attribution: 'claimed' });
    const town = Math.floor(random() * 150);
    features.push({
      type: 'Feature',
      id: special?.id ?? `scale-${i}`,
      geometry: {
        type: 'Point',
        coordinates: [
          38 + (town % 15) * 0.6 + random() * 0.1,
          30 + Math.floor(town / 15) * 0.6 + random() * 0.1,
        ],
      },
      properties: {
        title: special?.title ?? `Incident ${i} near Town ${town}`,
        date,
        datePrecision: 'day',
        eventType: types[i % types.length],
        actors,
        place: { name: `Town ${town}`, country: town < 75 ? 'Iraq' : 'Syria' },
        locationPrecision: 'exact',
        sources: [{ name: 'Scale test generator', kind: 'other' }],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

mkdirSync(GENERATED, { recursive: true });
writeFileSync(join(GENERATED, 'scale.geojson'), JSON.stringify(scaleDataset()));

const browser = useBrowser();
const total = COUNT.toLocaleString('en-US');

async function open(viewport = DESKTOP, query = '') {
  const tracked = await openPage(browser(), `./?data=${DATA}${query}`, viewport);
  await expect
    .poll(() => tracked.page.locator('#result-count').textContent(), SLOW)
    .toMatch(new RegExp(`of ${total} incidents$`));
  return tracked;
}

/** Nodes of the incident list and of the Actor facet, and of the whole page. */
const domSize = (page: Page) =>
  page.evaluate(() => ({
    listItems: document.querySelectorAll('ol.incident-list > li').length,
    listNodes: document.querySelectorAll('ol.incident-list *').length,
    actorItems: document.querySelectorAll('#actor-options > li').length,
    actorNodes: document.querySelectorAll('#actor-options *').length,
    page: document.querySelectorAll('*').length,
  }));

/** The rendered rows of the list: position (1-based), set size and incident id, in DOM order. */
const rows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('ol.incident-list > li')].map((li) => ({
      position: Number(li.getAttribute('aria-posinset')),
      size: Number(li.getAttribute('aria-setsize')),
      id: (li.querySelector('.incident-item') as HTMLElement).dataset.incidentId ?? '',
    })),
  );

/** Whether `selector`'s first match lies inside the visible part of its scrolling panel. */
const inView = (page: Page, selector: string, scroller: string) =>
  page.evaluate(
    ([selector, scroller]) => {
      const node = document.querySelector(selector);
      const box = document.querySelector(scroller);
      if (!node || !box) return false;
      const a = node.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return a.height > 0 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
    },
    [selector, scroller] as const,
  );

const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const li = a?.closest('li');
    return { id: a?.dataset.incidentId ?? '', position: Number(li?.getAttribute('aria-posinset') ?? 0) };
  });

describe(`panels with ${COUNT} incidents and ${ACTORS} actors`, () => {
  it('render a bounded number of DOM nodes, the full count and the newest incident first', async () => {
    const { page, errors } = await open();
    const size = await domSize(page);
    console.log(`[scale-ui] DOM nodes with ${COUNT} incidents: ${JSON.stringify(size)}`);
    expect(size.listItems).toBeGreaterThan(5);
    expect(size.listItems).toBeLessThan(60);
    expect(size.actorItems).toBeGreaterThan(5);
    expect(size.actorItems).toBeLessThan(40);
    expect(size.page).toBeLessThan(3_000);
    expect(await page.locator('.list-summary').textContent()).toBe(`${total} incidents, newest first`);
    const first = (await rows(page))[0];
    expect(first).toEqual({ position: 1, size: COUNT, id: NEWEST.id });
    // A row's text comes from its record, read when the row is first drawn.
    await expect
      .poll(
        () =>
          page.getByRole('list', { name: 'Incidents' }).getByRole('button', { name: NEWEST.title }).count(),
        POLL,
      )
      .toBe(1);
    // The facets come a stage after the count and the points.
    await expect
      .poll(() => page.locator('#actor-facet-status').textContent(), POLL)
      .toBe(`${ACTORS.toLocaleString('en-US')} actors, chosen first, then by incidents`);
    // The first actor row is the most named one (rank 1 of the Zipf draw).
    await expect
      .poll(() => page.locator('#actor-options > li .facet-name').first().textContent(), POLL)
      .toBe('Armed group 0001');
    await screenshot(page, 'scale-ui-desktop');
    // A filter change re-renders the same few rows, with new counts.
    const before = await page.locator('#actor-options > li .facet-count').first().textContent();
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-12-31');
    await page.getByLabel('To', { exact: true }).press('Enter');
    await expect
      .poll(() => page.locator('#result-count').textContent(), POLL)
      .not.toBe(`${total} of ${total} incidents`);
    const after = await page.locator('#actor-options > li .facet-count').first().textContent();
    expect(after).not.toBe(before);
    const sizeAfter = await domSize(page);
    expect(sizeAfter.listItems).toBeLessThan(60);
    expect(sizeAfter.actorItems).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('scrolls through every match to the oldest incident, in order', async () => {
    const { page, errors } = await open();
    await page.locator('#list-panel').evaluate((panel) => {
      panel.scrollTop = panel.scrollHeight;
    });
    await expect.poll(async () => (await rows(page)).at(-1)?.id, POLL).toBe(OLDEST.id);
    const shown = await rows(page);
    expect(shown.at(-1)).toEqual({ position: COUNT, size: COUNT, id: OLDEST.id });
    // Consecutive positions, in DOM order.
    const positions = shown.map((r) => r.position);
    expect(positions).toEqual(positions.map((_, k) => (positions[0] as number) + k));
    expect(await inView(page, `[data-incident-id="${OLDEST.id}"]`, '#list-panel')).toBe(true);
    expect((await domSize(page)).listItems).toBeLessThan(60);
    await screenshot(page, 'scale-ui-list-end');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('moves between rows by keyboard: one tab stop, arrows, Page Down, End and Home', async () => {
    const { page, errors } = await open();
    // The load report (the generator's points near borders give warnings) is dismissed to give the list room.
    await page.locator('section.notice[data-notice="load"]').getByRole('button', { name: 'Dismiss' }).click();
    const list = page.getByRole('list', { name: 'Incidents' });
    expect(await list.locator('button[tabindex="0"]').count()).toBe(1);
    await list.locator('button[tabindex="0"]').focus();
    expect(await focused(page)).toEqual({ id: NEWEST.id, position: 1 });
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).position).toBe(2);
    await page.keyboard.press('PageDown');
    const paged = (await focused(page)).position;
    expect(paged).toBeGreaterThan(4);
    await page.keyboard.press('ArrowUp');
    expect((await focused(page)).position).toBe(paged - 1);
    await page.keyboard.press('End');
    await expect.poll(() => focused(page), POLL).toEqual({ id: OLDEST.id, position: COUNT });
    expect(await inView(page, ':focus', '#list-panel')).toBe(true);
    expect(await list.locator('button[tabindex="0"]').count()).toBe(1);
    await screenshot(page, 'scale-ui-keyboard-end');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page), POLL).toEqual({ id: NEWEST.id, position: 1 });
    expect(await inView(page, ':focus', '#list-panel')).toBe(true);
    // Enter opens the focused incident.
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('id'), POLL).toBe(NEWEST.id);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('scrolls the list to the incident opened by the link and marks it current', async () => {
    const target = `scale-${Math.floor(COUNT / 3)}`;
    const { page, errors } = await open(DESKTOP, `&id=${target}`);
    const current = page.locator('ol.incident-list [aria-current="true"]');
    await expect.poll(() => current.getAttribute('data-incident-id'), POLL).toBe(target);
    expect(await inView(page, 'ol.incident-list [aria-current="true"]', '#list-panel')).toBe(true);
    expect(await current.getAttribute('tabindex')).toBe('0');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('chooses a rare actor through the search box; it stays shown, checked and first', async () => {
    const { page, errors } = await open();
    const group = page.getByRole('group', { name: 'Actor' });
    expect(await group.getByRole('checkbox', { name: RARE.name }).count()).toBe(0); // far down the list
    await group.getByLabel('Search actors').fill('rare brigade');
    await expect
      .poll(() => page.locator('#actor-facet-status').textContent(), POLL)
      .toBe(`1 of ${ACTORS.toLocaleString('en-US')} actors match “rare brigade”`);
    const box = group.getByRole('checkbox', { name: RARE.name });
    expect(await box.count()).toBe(1);
    expect(await page.locator('#actor-options').getByRole('checkbox').count()).toBe(1);
    await box.check();
    await expect
      .poll(() => page.locator('#result-count').textContent(), POLL)
      .toBe(`3 of ${total} incidents`);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('actor'), POLL).toEqual([RARE.name]);
    expect(await page.getByRole('list', { name: 'Incidents' }).getByRole('button').count()).toBe(3);
    await screenshot(page, 'scale-ui-actor-search');
    await group.getByLabel('Search actors').fill('');
    await expect
      .poll(() => page.locator('#actor-options > li .facet-name').first().textContent(), POLL)
      .toBe(RARE.name);
    expect(await group.getByRole('checkbox', { name: RARE.name }).isChecked()).toBe(true);
    expect((await domSize(page)).actorItems).toBeLessThan(40);
    await group.getByRole('checkbox', { name: RARE.name }).uncheck();
    await expect
      .poll(() => page.locator('#result-count').textContent(), POLL)
      .toBe(`${total} of ${total} incidents`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has no serious or critical axe violation on desktop', async () => {
    const { page, errors } = await open();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.passes.length).toBeGreaterThan(10);
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`));
    expect(serious).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works on a phone: the List panel scrolls to the end, the Filters panel searches actors, axe is clean', async () => {
    const { page, errors } = await open(PHONE);
    const nav = page.getByRole('navigation', { name: 'Panels' });
    await nav.getByRole('button', { name: 'List', exact: true }).click();
    const list = page.getByRole('list', { name: 'Incidents' });
    await list.waitFor({ state: 'visible' });
    expect(await inView(page, 'ol.incident-list > li', '#list-panel')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'scale-ui-phone-list');
    await page.locator('#list-panel').evaluate((panel) => {
      panel.scrollTop = panel.scrollHeight;
    });
    await expect.poll(async () => (await rows(page)).at(-1)?.id, POLL).toBe(OLDEST.id);
    expect(await inView(page, `[data-incident-id="${OLDEST.id}"]`, '#list-panel')).toBe(true);
    await screenshot(page, 'scale-ui-phone-list-end');
    let results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await nav.getByRole('button', { name: 'Filters', exact: true }).click();
    const group = page.getByRole('group', { name: 'Actor' });
    await group.getByLabel('Search actors').fill('group 0002');
    await expect.poll(() => page.locator('#actor-options').getByRole('checkbox').count(), POLL).toBe(1);
    await group.getByRole('checkbox', { name: 'Armed group 0002' }).check();
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('actor'), POLL)
      .toEqual(['Armed group 0002']);
    await screenshot(page, 'scale-ui-phone-filters');
    results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect((await domSize(page)).actorItems).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
