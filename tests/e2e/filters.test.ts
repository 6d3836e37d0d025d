import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED,
  bundled,
  DESKTOP,
  openPage,
  PHONE,
  POLL,
  popupFadedIn,
  screenshot,
  useBrowser,
} from './browser';

type Device = 'desktop' | 'phone';
const DEVICES = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

const TOTAL = BUNDLED.length;
const titleOf = (id: string) => bundled(id).title;

const TAJI = 'taji-rocket-attack-2020-03-11';
const K1 = 'k1-rocket-attack-2019-12-27';
const US_STRIKES = 'us-strikes-kataib-hezbollah-2019-12-29';
const EMBASSY = 'us-embassy-baghdad-protests-2019-12-31';
const AIRPORT = 'baghdad-airport-strike-2020-01-03';
const BOUKAMAL = 'boukamal-airstrikes-2020-03-11';

/** Ids of the incidents in the list (from the DOM, so it works while the list panel is hidden). */
const listIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('ol.incident-list .incident-item')].map(
      (b) => (b as HTMLElement).dataset.incidentId ?? '',
    ),
  );
/** Ids of the incidents drawn on the map. */
const markerIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.incident-marker')].map(
      (m) => (m as HTMLElement).dataset.incidentId ?? '',
    ),
  );
const sorted = (ids: readonly string[]) => [...ids].sort();
const countText = (page: Page) => page.locator('#result-count').textContent();
const param = (page: Page, name: string) => new URL(page.url()).searchParams.getAll(name);
const openPopupId = (page: Page) =>
  page.evaluate(
    () => document.querySelector('article.incident-popup')?.getAttribute('data-incident-id') ?? null,
  );

async function waitForApp(page: Page): Promise<void> {
  await expect.poll(() => countText(page), POLL).toMatch(new RegExp(`^\\d+ of ${TOTAL} incidents$`));
}

/** Waits until list and map both show exactly `ids` and the count says so. */
async function expectShown(page: Page, ids: readonly string[]): Promise<void> {
  await expect.poll(() => listIds(page).then(sorted), POLL).toEqual(sorted(ids));
  await expect.poll(() => markerIds(page).then(sorted), POLL).toEqual(sorted(ids));
  expect(await countText(page)).toBe(`${ids.length} of ${TOTAL} incidents`);
}

/** On a phone one panel shows at a time: bring `panel` into view (a no-op on desktop). */
async function showPanel(page: Page, device: Device, panel: 'Map' | 'Filters' | 'List'): Promise<void> {
  if (device === 'desktop') return;
  await page
    .getByRole('navigation', { name: 'Panels' })
    .getByRole('button', { name: panel, exact: true })
    .click();
  await expect.poll(() => page.locator('#layout').getAttribute('data-view'), POLL).toBe(panel.toLowerCase());
}

const actorBox = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Actor' }).getByRole('checkbox', { name });

/** Types both dates and commits with Enter, as a person would. */
async function setDates(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByLabel('To', { exact: true }).press('Enter');
}

const browser = useBrowser();

describe('date filter through the UI', () => {
  for (const [device, viewport] of DEVICES) {
    it(`From 2020-03-01 To 2020-03-31 shows exactly Camp Taji and Boukamal (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './', viewport);
      await waitForApp(page);
      await showPanel(page, device, 'Filters');
      await setDates(page, '2020-03-01', '2020-03-31');
      await expectShown(page, [TAJI, BOUKAMAL]);
      expect(await countText(page)).toBe('2 of 6 incidents');
      await expect.poll(() => new URL(page.url()).search, POLL).toBe('?from=2020-03-01&to=2020-03-31');
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2020-03-01');
      expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2020-03-31');
      if (device === 'phone') {
        await screenshot(page, 'filters-march-2020-phone-filters');
        await showPanel(page, device, 'List');
        const items = page.getByRole('list', { name: 'Incidents' }).getByRole('button');
        expect(await items.count()).toBe(2);
        await screenshot(page, 'filters-march-2020-phone-list');
        await showPanel(page, device, 'Map');
        for (const id of [TAJI, BOUKAMAL]) {
          expect(
            await page
              .locator('#map')
              .getByRole('button', { name: titleOf(id), exact: true })
              .isVisible(),
          ).toBe(true);
        }
      } else {
        const items = page.getByRole('list', { name: 'Incidents' }).getByRole('button');
        expect(await items.count()).toBe(2);
      }
      await screenshot(page, `filters-march-2020-${device}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('date filter through URLs', () => {
  const oneDay = [
    { device: 'desktop', viewport: DESKTOP, timezoneId: undefined },
    { device: 'desktop', viewport: DESKTOP, timezoneId: 'America/Los_Angeles' },
    { device: 'desktop', viewport: DESKTOP, timezoneId: 'Asia/Tokyo' },
    { device: 'phone', viewport: PHONE, timezoneId: undefined },
    { device: 'phone', viewport: PHONE, timezoneId: 'America/Los_Angeles' },
  ] as const;
  for (const { device, viewport, timezoneId } of oneDay) {
    const tz = timezoneId ?? 'default time zone';
    it(`?from=2020-01-03&to=2020-01-03 shows only the strike near Baghdad airport (${device}, ${tz})`, async () => {
      const { page, errors } = await openPage(browser(), './?from=2020-01-03&to=2020-01-03', viewport, {
        timezoneId,
      });
      await waitForApp(page);
      if (timezoneId)
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      await expectShown(page, [AIRPORT]);
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2020-01-03');
      expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2020-01-03');
      // The list says the local date of the incident.
      await showPanel(page, device, 'List');
      const item = page.getByRole('list', { name: 'Incidents' }).getByRole('button');
      expect(await item.count()).toBe(1);
      expect(await item.locator('.item-date').textContent()).toBe('3 Jan 2020');
      await screenshot(
        page,
        `filters-url-2020-01-03-${device}-${(timezoneId ?? 'default').replace('/', '-')}`,
      );
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  for (const [device, viewport] of DEVICES) {
    it(`?from=2020-01-02&to=2020-01-02 shows nothing and says so in the list (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './?from=2020-01-02&to=2020-01-02', viewport);
      await waitForApp(page);
      await expectShown(page, []);
      await showPanel(page, device, 'List');
      const empty = page.locator('#list-panel .empty-state');
      expect(await empty.isVisible()).toBe(true);
      expect(((await empty.textContent()) ?? '').trim()).toBe('No incident matches these filters.');
      await screenshot(page, `filters-url-empty-2020-01-02-${device}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`?from=2020-01-01&to=2020-01-01 shows the embassy protests, which span that day (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './?from=2020-01-01&to=2020-01-01', viewport);
      await waitForApp(page);
      await expectShown(page, [EMBASSY]);
      await screenshot(page, `filters-url-2020-01-01-${device}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('a bad URL parameter (?from=2020-13-45&actor=Nobody) gives a visible notice naming both; all 6 stay shown', async () => {
    const { page, errors } = await openPage(browser(), './?from=2020-13-45&actor=Nobody');
    await waitForApp(page);
    await expectShown(
      page,
      BUNDLED.map((i) => i.id),
    );
    const notice = page.getByRole('status', { name: 'Some link parameters were ignored' });
    await notice.waitFor({ state: 'visible', timeout: POLL.timeout });
    const items = (await notice.locator('li').allTextContents()).map((t) => t.trim());
    expect(items).toHaveLength(2);
    expect(items.some((t) => t.includes('from="2020-13-45"'))).toBe(true);
    expect(items.some((t) => t.includes('actor="Nobody"'))).toBe(true);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('');
    expect(await actorBox(page, 'Kataib Hezbollah').isChecked()).toBe(false);
    await screenshot(page, 'filters-url-bad-params');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('actor filter, history and clearing', () => {
  for (const [device, viewport] of DEVICES) {
    it(`checking actor "Kataib Hezbollah" keeps K-1 and Taji, drops Boukamal; URL has actor=Kataib+Hezbollah (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './', viewport);
      await waitForApp(page);
      await showPanel(page, device, 'Filters');
      const box = actorBox(page, 'Kataib Hezbollah');
      expect(await box.count()).toBe(1);
      await box.check();
      await expect.poll(() => new URL(page.url()).search, POLL).toBe('?actor=Kataib+Hezbollah');
      await expect.poll(() => listIds(page), POLL).not.toContain(BOUKAMAL);
      const ids = await listIds(page);
      expect(ids).toContain(K1);
      expect(ids).toContain(TAJI);
      expect(ids).not.toContain(BOUKAMAL);
      // Every incident naming the actor in any role: K-1, Taji, the US strikes (target) and the embassy.
      await expectShown(page, [K1, TAJI, US_STRIKES, EMBASSY]);
      await screenshot(page, `filters-actor-kataib-hezbollah-${device}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('Back after two filter changes undoes exactly the last one', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    await setDates(page, '2020-03-01', '2020-03-31');
    await expectShown(page, [TAJI, BOUKAMAL]);
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('?from=2020-03-01&to=2020-03-31');
    await actorBox(page, 'Kataib Hezbollah').check();
    await expectShown(page, [TAJI]);
    await expect
      .poll(() => new URL(page.url()).search, POLL)
      .toBe('?from=2020-03-01&to=2020-03-31&actor=Kataib+Hezbollah');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('?from=2020-03-01&to=2020-03-31');
    await expectShown(page, [TAJI, BOUKAMAL]);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2020-03-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2020-03-31');
    expect(await actorBox(page, 'Kataib Hezbollah').isChecked()).toBe(false);
    await screenshot(page, 'filters-back-undoes-one');

    await page.goForward();
    await expect.poll(() => param(page, 'actor'), POLL).toEqual(['Kataib Hezbollah']);
    await expectShown(page, [TAJI]);
    expect(await actorBox(page, 'Kataib Hezbollah').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('"Clear filters" restores 6 of 6 and empties the URL', async () => {
    const { page, errors } = await openPage(
      browser(),
      './?from=2020-03-01&to=2020-03-31&actor=Kataib+Hezbollah',
    );
    await waitForApp(page);
    await expectShown(page, [TAJI]);
    const clear = page.getByRole('button', { name: 'Clear filters' });
    expect(await clear.isEnabled()).toBe(true);
    await clear.click();
    await expectShown(
      page,
      BUNDLED.map((i) => i.id),
    );
    expect(await countText(page)).toBe('6 of 6 incidents');
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('');
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('');
    expect(await actorBox(page, 'Kataib Hezbollah').isChecked()).toBe(false);
    expect(await clear.isDisabled()).toBe(true);
    await screenshot(page, 'filters-cleared');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('list and map stay in step', () => {
  for (const [device, viewport] of DEVICES) {
    it(`clicking a marker marks its list item; choosing a list item opens its popup and marks it current (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './', viewport);
      await waitForApp(page);
      const current = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('ol.incident-list [aria-current]')].map((b) => [
            (b as HTMLElement).dataset.incidentId ?? '',
            b.getAttribute('aria-current') ?? '',
          ]),
        );
      expect(await current()).toEqual([]);

      // A marker (K-1 stands alone at the first zoom; some others overlap): its list item becomes current.
      await showPanel(page, device, 'Map');
      await page
        .locator('#map')
        .getByRole('button', { name: titleOf(K1), exact: true })
        .click();
      await expect.poll(() => openPopupId(page), POLL).toBe(K1);
      await expect.poll(current, POLL).toEqual([[K1, 'true']]);
      await expect.poll(() => param(page, 'id'), POLL).toEqual([K1]);
      await popupFadedIn(page);
      await screenshot(page, `filters-marker-marks-item-${device}`);

      // A list item: its popup opens (on the map panel, on a phone) and it becomes the current item.
      await showPanel(page, device, 'List');
      const list = page.getByRole('list', { name: 'Incidents' });
      await list.getByRole('button', { name: titleOf(TAJI) }).click();
      await expect.poll(() => openPopupId(page), POLL).toBe(TAJI);
      if (device === 'phone')
        await expect.poll(() => page.locator('#layout').getAttribute('data-view'), POLL).toBe('map');
      expect(await page.locator('article.incident-popup').isVisible()).toBe(true);
      await expect.poll(current, POLL).toEqual([[TAJI, 'true']]);
      await expect.poll(() => param(page, 'id'), POLL).toEqual([TAJI]);
      await popupFadedIn(page);
      await screenshot(page, `filters-list-choose-taji-${device}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the map shows exactly the incidents in the list after each filter change', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const same = async (expected: readonly string[]) => {
      await expectShown(page, expected);
      expect(await page.locator('.incident-marker').count()).toBe(
        await page.locator('ol.incident-list > li').count(),
      );
    };
    await same(BUNDLED.map((i) => i.id));
    await page.getByRole('group', { name: 'Event type' }).getByRole('checkbox', { name: 'Riots' }).check();
    await same([EMBASSY]);
    await page.getByRole('group', { name: 'Event type' }).getByRole('checkbox', { name: 'Riots' }).uncheck();
    await same(BUNDLED.map((i) => i.id));
    await setDates(page, '2019-12-27', '2019-12-31');
    await same([K1, US_STRIKES, EMBASSY]);
    await page.getByLabel('Actor role').selectOption('perpetrator');
    await actorBox(page, 'United States military').check();
    await same([US_STRIKES]);
    await screenshot(page, 'filters-map-matches-list');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('timeline', () => {
  it('the "Range end" slider moves the To date by keyboard and commits after a short pause', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const start = page.getByRole('slider', { name: 'Range start' });
    const end = page.getByRole('slider', { name: 'Range end' });
    expect(await start.count()).toBe(1);
    expect(await end.count()).toBe(1);
    expect(await start.isVisible()).toBe(true);
    expect(await end.isVisible()).toBe(true);
    await end.focus();
    // The data ends on 12 March (Boukamal's strikes run into the night of 11–12 March).
    await page.keyboard.press('PageDown'); // a month back: 2020-03-12 → 2020-02-12
    await page.keyboard.press('ArrowLeft'); // a day back → 2020-02-11
    // Committed about 0.4 s after the last key (one history entry for the burst).
    await expect.poll(() => param(page, 'to'), POLL).toEqual(['2020-02-11']);
    expect(param(page, 'from')).toEqual(['2019-12-27']);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2020-02-11');
    expect(await end.getAttribute('aria-valuetext')).toBe('11 Feb 2020');
    await expectShown(page, [K1, US_STRIKES, EMBASSY, AIRPORT]);
    await screenshot(page, 'filters-timeline-keyboard');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('timeline brush, dragged', () => {
  it('the map, the list and the count follow it while it moves; the URL changes once, when it is let go', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const end = page.getByRole('slider', { name: 'Range end' });
    const box = await end.boundingBox();
    if (!box) throw new Error('no Range end handle');
    const entries = await page.evaluate(() => history.length);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    // About two weeks back from 12 March: Taji and Boukamal (11–12 March) drop out while the pointer is down.
    await page.mouse.move(box.x + box.width / 2 - 200, y, { steps: 10 });
    await expect.poll(() => page.locator('#result-count').textContent(), POLL).toBe('4 of 6 incidents');
    await expectShown(page, [K1, US_STRIKES, EMBASSY, AIRPORT]);
    expect(param(page, 'to')).toEqual([]); // nothing chosen yet
    await page.mouse.up();
    await expect.poll(() => param(page, 'to'), POLL).toHaveLength(1);
    expect(await page.locator('#result-count').textContent()).toBe('4 of 6 incidents');
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('phone layout', () => {
  it('the Filters, List and Map buttons reach each panel, nothing scrolls sideways, and a list item opens the map with its popup', async () => {
    const { page, errors } = await openPage(browser(), './', PHONE);
    await waitForApp(page);
    const nav = page.getByRole('navigation', { name: 'Panels' });
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);

    await nav.getByRole('button', { name: 'Filters', exact: true }).click();
    expect(await nav.getByRole('button', { name: 'Filters', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.getByLabel('From', { exact: true }).waitFor({ state: 'visible' });
    expect(await actorBox(page, 'Kataib Hezbollah').isVisible()).toBe(true);
    expect(await page.locator('#map').isVisible()).toBe(false);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'filters-phone-panel-filters');

    await nav.getByRole('button', { name: 'List', exact: true }).click();
    const list = page.getByRole('list', { name: 'Incidents' });
    await list.waitFor({ state: 'visible' });
    expect(await list.getByRole('button').count()).toBe(TOTAL);
    expect(await page.getByLabel('From', { exact: true }).isVisible()).toBe(false);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'filters-phone-panel-list');

    await nav.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('#map').waitFor({ state: 'visible' });
    expect(await list.isVisible()).toBe(false);
    expect(await page.locator('.incident-marker').first().isVisible()).toBe(true);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'filters-phone-panel-map');

    await nav.getByRole('button', { name: 'List', exact: true }).click();
    await list.getByRole('button', { name: titleOf(TAJI) }).click();
    await expect.poll(() => page.locator('#layout').getAttribute('data-view'), POLL).toBe('map');
    expect(await nav.getByRole('button', { name: 'Map', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expect.poll(() => openPopupId(page), POLL).toBe(TAJI);
    expect(await page.locator('article.incident-popup').isVisible()).toBe(true);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await popupFadedIn(page);
    await screenshot(page, 'filters-phone-list-to-popup');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
