/**
 * End-to-end regressions of the hostile probe (issue 6): a date filter outside the data, a server that
 * never answers or stops mid-file, Cancel, a file too large for the browser, data from another site
 * (asked once per origin, labelled), and blocked schemes. Each test reproduces the original failure.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, PHONE, POLL, screenshot, useBrowser } from './browser';

const browser = useBrowser();
const count = (page: Page) => page.locator('#result-count').textContent();
const listItems = (page: Page) => page.getByRole('list', { name: 'Incidents' }).getByRole('listitem').count();

async function failureText(page: Page): Promise<string> {
  const alert = page.getByRole('alert', { name: 'The dataset could not be loaded' });
  await alert.waitFor({ state: 'visible', timeout: POLL.timeout });
  return (await alert.textContent()) ?? '';
}

describe('a date filter outside the data (issue 6.1)', () => {
  for (const query of ['from=2021-01-01', 'to=2019-01-01', 'from=9999-12-31']) {
    it(`?${query} shows 0 of 6, an empty list, the range on the timeline, and Clear filters works`, async () => {
      const { page, errors } = await openPage(browser(), `./?${query}`);
      await expect.poll(() => count(page), POLL).toBe('0 of 6 incidents');
      expect(await listItems(page)).toBe(0);
      expect(await page.locator('.incident-marker').count()).toBe(0);
      expect(await page.locator('.tl-brush').isVisible()).toBe(true);
      const clear = page.getByRole('button', { name: 'Clear filters' });
      expect(await clear.isEnabled()).toBe(true);
      await clear.click();
      await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
      expect(await listItems(page)).toBe(6);
      expect(errors).toEqual([]);
    });
  }

  it('typing 2021-01-01 into From and pressing Enter gives 0 of 6 without an error', async () => {
    const { page, errors } = await openPage(browser(), './');
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
    await page.getByRole('textbox', { name: 'From' }).fill('2021-01-01');
    await page.getByRole('textbox', { name: 'From' }).press('Enter');
    await expect.poll(() => count(page), POLL).toBe('0 of 6 incidents');
    await expect.poll(() => page.url(), POLL).toContain('from=2021-01-01');
    await screenshot(page, 'guard-date-outside-data');
    expect(errors).toEqual([]);
  });
});

describe('a server that does not answer (issue 6.3)', () => {
  it('shows progress with a Cancel, and gives up with a clear message after 30 s of silence', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(new URL('./?data=misbehaving/silent', inject('baseUrl')).href);
    const progress = page.getByRole('status', { name: /^Loading data="misbehaving\/silent"/ });
    await page.clock.runFor(1_000);
    await progress.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await progress.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    await screenshot(page, 'guard-loading-progress');
    await page.clock.runFor(30_000);
    const text = await failureText(page);
    expect(text).toContain('Nothing arrived from data="misbehaving/silent" for 30 seconds');
    expect(await page.locator('#dataset-name').textContent()).toBe('No dataset loaded');
    expect(await page.getByRole('link', { name: 'Open the bundled dataset instead' }).isVisible()).toBe(true);
    await context.close();
  });

  it('counts the bytes received from a server that stops mid-file, and Cancel stops it', async () => {
    const { page } = await openPage(browser(), './?data=misbehaving/trickle');
    const progress = page.getByRole('status', { name: /^Loading data="misbehaving\/trickle"/ });
    await progress.waitFor({ state: 'visible', timeout: POLL.timeout });
    await expect.poll(() => progress.textContent(), POLL).toMatch(/\d+ KB of 3\.8 MB received/);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    expect(await failureText(page)).toContain('Loading data="misbehaving/trickle" was cancelled.');
    expect(await progress.count()).toBe(0);
    await page.getByRole('link', { name: 'Open the bundled dataset instead' }).click();
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
  });
});

describe('a file larger than the browser can hold as one text (issue 6.8)', () => {
  it('says how large a text too long to read whole is and what to do, instead of "is empty"', async () => {
    const { page } = await openPage(browser(), './?data=misbehaving/huge-array');
    const text = await failureText(page);
    expect(text).toContain('is 600 MB of text, more than this browser can read as one file (limit 500 MB)');
    expect(text).toContain('split it into smaller files');
    expect(text).not.toContain('empty');
  });

  it('reads a CSV of that size as it arrives instead (issue 9.2): its rows are counted and drawn as they come', async () => {
    const { page, errors } = await openPage(browser(), './?data=misbehaving/huge');
    const progress = page.locator('[data-notice="loading"]');
    await expect.poll(() => progress.textContent(), POLL).toMatch(/KB of 600 MB received · 4,000 rows read/);
    await expect
      .poll(
        () => page.evaluate(() => performance.getEntriesByName('incident-atlas:first-points').length),
        POLL,
      )
      .toBe(1);
    expect(await page.getByRole('alert', { name: 'The dataset could not be loaded' }).count()).toBe(0);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    expect(await failureText(page)).toContain('was cancelled');
    expect(errors).toEqual([]);
  });
});

describe('data from another site (issue 6.4)', () => {
  const FEATURES = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'elsewhere-1',
        geometry: { type: 'Point', coordinates: [44.4, 33.3] },
        properties: { title: 'An incident from elsewhere', date: '2020-01-01', sources: [{ name: 'X' }] },
      },
    ],
  });

  it('asks before any request, refuses on "Don\'t load", and loads and labels on "Load", once per origin', async () => {
    const context = await browser().newContext();
    const requests: string[] = [];
    await context.route('**://evil.example/**', (route) => {
      requests.push(route.request().url());
      void route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/geo+json', 'access-control-allow-origin': '*' },
        body: FEATURES,
      });
    });
    const base = inject('baseUrl');
    const page = await context.newPage();
    await page.goto(new URL('./?data=//evil.example/x', base).href);
    const question = page.getByRole('status', { name: 'This link loads incidents from evil.example' });
    await question.waitFor({ state: 'visible', timeout: POLL.timeout });
    await screenshot(page, 'guard-consent');
    expect(requests).toEqual([]);
    await question.getByRole('button', { name: "Don't load" }).click();
    expect(await failureText(page)).toContain('you chose not to load data from evil.example');
    expect(requests).toEqual([]);

    await page.reload();
    await page
      .getByRole('status', { name: 'This link loads incidents from evil.example' })
      .getByRole('button', { name: 'Load', exact: true })
      .click();
    await expect.poll(() => count(page), POLL).toBe('1 of 1 incident');
    expect(requests).toEqual(['http://evil.example/x']);
    expect(await page.locator('#dataset-name').textContent()).toContain(
      'data from evil.example, not from Incident Atlas',
    );

    // Remembered for this origin in this browser: no question the second time.
    await page.reload();
    await expect.poll(() => count(page), POLL).toBe('1 of 1 incident');
    expect(
      await page.getByRole('status', { name: 'This link loads incidents from evil.example' }).count(),
    ).toBe(0);
    await context.close();
  });

  for (const value of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd']) {
    it(`refuses ?data=${value} as not an http(s) address, quoted as a parameter`, async () => {
      const { page, dialogs } = await openPage(browser(), `./?data=${encodeURIComponent(value)}`, PHONE);
      const text = await failureText(page);
      expect(text).toContain('only http(s) addresses can be loaded');
      expect(text).toContain(`data=${JSON.stringify(value)}`);
      expect(text).not.toMatch(/CORS|connection/);
      expect(dialogs).toEqual([]);
    });
  }
});
