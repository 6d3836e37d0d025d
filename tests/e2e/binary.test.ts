/**
 * End-to-end: the binary form (issue 9.6). A generated dataset is converted with `npm run convert`'s own
 * code into an Arrow file under tests/e2e/fixtures/generated/ and opened by `?data=`, by the file picker
 * and by drop. Each time the count shown is every incident converted, the shelf names the format, and a
 * popup shows the title of the incident its record belongs to (read from the file, by slice). A file that
 * is Arrow but not ours gives one message and leaves what is shown alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as convert } from '../../scripts/convert';
import { datasetChunks } from '../../scripts/generate/format';
import { deriveDataset } from '../../src/domain/dataset';
import { importText } from '../../src/domain/import/import-text';
import type { Incident } from '../../src/domain/incident';
import { openPage, POLL, popupFadedIn, screenshot, useBrowser } from './browser';

const browser = useBrowser();
const GENERATED = resolve(import.meta.dirname, 'fixtures', 'generated');
const SOURCE = join(GENERATED, 'binary.geojson');
const ARROW = join(GENERATED, 'binary.arrow');
const COUNT = 600; // below the marker limit: each incident is a focusable marker

const text = [...datasetChunks({ count: COUNT, seed: 5, isolated: true })].join('');
const { incidents } = importText(text, 'binary.geojson');
/** The newest incident: the first in the list. */
const newest = incidents[deriveDataset(incidents).index.newestFirst[0] as number] as Incident;
/** One from the middle of the file, opened by `id=`. */
const middle = incidents[Math.floor(COUNT / 2)] as Incident;

beforeAll(async () => {
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(SOURCE, text);
  const lines: string[] = [];
  expect(await convert([SOURCE, '--out', ARROW], (line) => lines.push(line))).toBe(0);
  expect(lines.at(-1)).toMatch(new RegExp(`^Wrote ${COUNT} incidents to `));
}, 60_000);

const count = (page: Page) => page.locator('#result-count').textContent();
const all = `${COUNT} of ${COUNT} incidents`;

async function choose(page: Page, answer: 'Add to what is shown' | 'Replace what is shown'): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: POLL.timeout });
  await dialog.getByRole('button', { name: answer }).click();
}

async function popupTitle(page: Page): Promise<string | null> {
  const popup = page.locator('.leaflet-popup');
  await popup.waitFor({ state: 'visible', timeout: POLL.timeout });
  return popup.locator('.popup-title').textContent();
}

/** Opens the first list item's popup and returns its title. */
async function firstPopup(page: Page): Promise<string | null> {
  await page.getByRole('list', { name: 'Incidents' }).getByRole('button').first().click();
  return popupTitle(page);
}

async function shelfRow(page: Page): Promise<string> {
  const menu = page.locator('details.data-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const rows = await page
    .getByRole('list', { name: 'Loaded datasets' })
    .getByRole('listitem')
    .allTextContents();
  return rows.map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ');
}

describe('the binary form', () => {
  it('opens by ?data= with every incident, reading only the columns, and id= opens that incident', async () => {
    const { page, errors } = await openPage(
      browser(),
      `./?data=fixtures/generated/binary.arrow&id=${middle.id}`,
    );
    const ranges: string[] = [];
    page.context().on('request', (request) => {
      const range = request.headers().range;
      if (request.url().includes('binary.arrow') && range) ranges.push(range);
    });
    await expect.poll(() => count(page), POLL).toBe(all);
    expect(await popupTitle(page)).toBe(middle.title);
    // Range requests read the columns, then the records of the list rows and the popup (the list shows
    // most of a file this small; a large one is read a screenful at a time).
    expect(ranges.filter((r) => /^bytes=\d+-\d+$/.test(r)).length).toBeGreaterThan(3);
    await popupFadedIn(page);
    await screenshot(page, 'binary-by-url');
    expect(errors).toEqual([]);
  });

  it('opens by ?data= from a server that ignores range requests, downloading the whole file', async () => {
    const data = encodeURIComponent('fixtures/generated/binary.arrow?norange');
    const { page, errors } = await openPage(browser(), `./?data=${data}&id=${middle.id}`);
    await expect.poll(() => count(page), POLL).toBe(all);
    expect(await popupTitle(page)).toBe(middle.title);
    expect(errors).toEqual([]);
  });

  it('opens by the file picker, and the shelf names the format', async () => {
    const { page, errors } = await openPage(browser(), './');
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
    await page.getByLabel('Open data').setInputFiles(ARROW);
    await choose(page, 'Replace what is shown');
    await expect.poll(() => count(page), POLL).toBe(all);
    expect(await firstPopup(page)).toBe(newest.title);
    expect(await shelfRow(page)).toContain(`Arrow (Incident Atlas) · ${COUNT} incidents`);
    expect(errors).toEqual([]);
  });

  it('opens by drop, added to what is shown', async () => {
    const { page, errors } = await openPage(browser(), './');
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
    const bytes = [...readFileSync(ARROW)];
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(content)], 'binary.arrow'));
      const target = document.querySelector('#map') as HTMLElement;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }, bytes);
    await choose(page, 'Add to what is shown');
    await expect.poll(() => count(page), POLL).toBe(`${COUNT + 6} of ${COUNT + 6} incidents`);
    // Combined with the bundled data: the records were read back from the file and joined.
    expect(await firstPopup(page)).toBe(newest.title);
    expect(errors).toEqual([]);
  });

  it('says what is wrong with an Arrow file that is not ours, and keeps what is shown', async () => {
    const { page } = await openPage(browser(), './');
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
    await page.getByLabel('Open data').setInputFiles({
      name: 'cut.arrow',
      mimeType: 'application/vnd.apache.arrow.file',
      buffer: readFileSync(ARROW).subarray(0, 5000),
    });
    await choose(page, 'Replace what is shown');
    const alert = page.getByRole('alert', { name: 'cut.arrow could not be opened' });
    await alert.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await alert.textContent()).toContain('cut short');
    expect(await count(page)).toBe('6 of 6 incidents');
  });
});
