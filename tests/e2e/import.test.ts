/**
 * End-to-end: bring your own data (issue 7). Open files by the picker and by drop, add or replace, list
 * and remove datasets, keep opened files across a reload (IndexedDB), load a CSV by URL, map unknown
 * columns in a dialog, export exactly what is shown (downloads read back), and a failed open leaves what
 * is shown untouched. Expected counts come from the same importer the app uses, run here in Node.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../../scripts/generate/write';
import { importText } from '../../src/domain/import/import-text';
import { STREAM_LIMITS } from '../../src/domain/import/stream-import';
import { openPage, PHONE, POLL, screenshot, useBrowser } from './browser';

const browser = useBrowser();
const FIXTURES = resolve(import.meta.dirname, 'fixtures', 'import');
const fixture = (name: string) => join(FIXTURES, name);
const GENERATED = resolve(import.meta.dirname, 'fixtures', 'generated');

/** How many incidents the app's importer loads from a fixture (and the total it read). */
function expected(name: string): { loaded: number; total: number } {
  const result = importText(readFileSync(fixture(name), 'utf8'), name);
  expect(result.readable).toBe(true);
  return { loaded: result.incidents.length, total: result.total };
}

const count = (page: Page) => page.locator('#result-count').textContent();
const of = (n: number) => `${n} of ${n} incident${n === 1 ? '' : 's'}`;

async function openByPicker(page: Page, ...names: string[]): Promise<void> {
  await page.getByLabel('Open data').setInputFiles(names.map(fixture));
}

/** Drops files on the page the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFiles(page: Page, name: string): Promise<void> {
  const text = readFileSync(fixture(name), 'utf8');
  await page.evaluate(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content as string], fileName as string, { type: 'text/csv' }));
      const target = document.querySelector('#map') as HTMLElement;
      for (const type of ['dragenter', 'dragover']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
      (window as unknown as { dropTargetShown: boolean }).dropTargetShown = !(
        document.querySelector('.drop-target') as HTMLElement
      ).hidden;
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    [name, text],
  );
}

async function choose(page: Page, answer: 'Add to what is shown' | 'Replace what is shown'): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: POLL.timeout });
  await dialog.getByRole('button', { name: answer }).click();
}

async function dataRows(page: Page): Promise<string[]> {
  const menu = page.locator('details.data-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  return (
    await page.getByRole('list', { name: 'Loaded datasets' }).getByRole('listitem').allTextContents()
  ).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('opening files', () => {
  const acled = expected('acled-iraq.csv');
  const ucdp = expected('ucdp-ged.csv');

  it('replaces the bundled data with an ACLED export (picker), adds a UCDP file (drop), lists and removes them, and keeps them across a reload', async () => {
    const { page, errors } = await openPage(browser(), './');
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');

    await openByPicker(page, 'acled-iraq.csv');
    await choose(page, 'Replace what is shown');
    await expect.poll(() => count(page), POLL).toBe(of(acled.loaded));
    expect(acled.loaded).toBeLessThan(acled.total); // the fixture has bad rows: they are reported
    const report = page.locator('section.notice[data-notice="load"]');
    await report.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await report.textContent()).toContain('acled-iraq.csv: line 6 (id IRQ100005): event_date');
    expect(await page.locator('#dataset-name').textContent()).toBe('acled-iraq.csv');

    await dropFiles(page, 'ucdp-ged.csv');
    expect(
      await page.evaluate(() => (window as unknown as { dropTargetShown: boolean }).dropTargetShown),
    ).toBe(true);
    await choose(page, 'Add to what is shown');
    await expect.poll(() => count(page), POLL).toBe(of(acled.loaded + ucdp.loaded));
    expect(await page.locator('.drop-target').isHidden()).toBe(true);

    const rows = await dataRows(page);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('acled-iraq.csv');
    expect(rows[0]).toContain(
      `ACLED CSV · ${acled.loaded} loaded, ${acled.total - acled.loaded} skipped of ${acled.total}`,
    );
    expect(rows[1]).toContain('ucdp-ged.csv');
    expect(rows[1]).toContain('UCDP GED CSV');
    await screenshot(page, 'import-two-datasets');

    // Filters, list and popups work on what is loaded.
    const firstItem = page.getByRole('list', { name: 'Incidents' }).getByRole('button').first();
    await firstItem.click();
    await page.locator('.leaflet-popup').waitFor({ state: 'visible', timeout: POLL.timeout });

    // Survives a reload (IndexedDB), then Remove takes one off.
    await page.reload();
    await expect.poll(() => count(page), POLL).toBe(of(acled.loaded + ucdp.loaded));
    await dataRows(page);
    await page.getByRole('button', { name: 'Remove ucdp-ged.csv' }).click();
    await expect.poll(() => count(page), POLL).toBe(of(acled.loaded));
    expect(await dataRows(page)).toHaveLength(1);
    await expect.poll(() => page.url(), POLL).toContain('dataset=acled-iraq.csv');
    expect(errors).toEqual([]);
  });

  it('says which dataset a shared link expects when it is not open in this browser', async () => {
    const { page } = await openPage(browser(), './?dataset=acled-iraq.csv&from=2020-01-01');
    const notice = page.getByRole('status', {
      name: 'This link shows data that is not open in this browser',
    });
    await notice.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await notice.textContent()).toContain('dataset="acled-iraq.csv"');
    await expect.poll(() => count(page), POLL).toMatch(/ of 6 incidents$/);
  });

  it('loads a CSV by ?data= like a GeoJSON', async () => {
    const { page } = await openPage(browser(), './?data=fixtures/import/ucdp-ged.csv');
    await expect.poll(() => count(page), POLL).toBe(of(ucdp.loaded));
    const report = page.locator('section.notice[data-notice="load"]');
    await report.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await report.textContent()).toContain('date_end: 2020-02-09 is before date_start 2020-02-10');
  });

  it('reads a large ACLED export as it arrives: the first incidents show before all are read, every row loads, and a row opens its record', async () => {
    const ids = new Set<string>();
    const rows = 4_000;
    const bytes = await writeDataset(join(GENERATED, 'acled-large.csv'), {
      count: rows,
      seed: 11,
      format: 'csv',
      onIncident: (incident) => ids.add(incident.id),
    });
    expect(bytes).toBeGreaterThan(STREAM_LIMITS.csvStreamFrom);
    const { page, errors } = await openPage(browser(), './?data=fixtures/generated/acled-large.csv');
    await expect
      .poll(() => count(page), { timeout: 60_000 })
      .toBe(`${rows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} incidents`);
    // The preview marks its first points only for a file read as it arrives (a CSV read whole has none).
    const marks = await page.evaluate(() => ({
      first: performance.getEntriesByName('incident-atlas:first-points')[0]?.startTime ?? null,
      mounted: performance.getEntriesByName('incident-atlas:mounted')[0]?.startTime ?? Number.NaN,
    }));
    expect(marks.first).not.toBeNull();
    expect(marks.first as number).toBeLessThan(marks.mounted);
    await page.getByRole('list', { name: 'Incidents' }).getByRole('button').first().click();
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(ids.has((await popup.getAttribute('data-incident-id')) ?? '')).toBe(true);
    expect(await popup.locator('.popup-title').textContent()).not.toBe('');
    expect(errors).toEqual([]);
  });

  it('asks which column is which for an unknown sheet, previews the rows, and remembers the choice', async () => {
    const { page } = await openPage(browser(), './', PHONE);
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
    await openByPicker(page, 'my-sheet.csv');
    await choose(page, 'Replace what is shown');
    const dialog = page.getByRole('dialog', { name: 'Which column is which in my-sheet.csv?' });
    await dialog.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await dialog.getByRole('button', { name: 'Load with these columns' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Latitude').selectOption('Breite');
    await dialog.getByLabel('Longitude').selectOption('Laenge');
    await dialog.getByLabel('Date').selectOption('Datum');
    await dialog.getByLabel('Title').selectOption('Was');
    await dialog.getByLabel('Source URL (optional)').selectOption('Quelle');
    await expect
      .poll(() => dialog.locator('.mapping-preview').textContent(), POLL)
      .toContain('3 of 4 sample rows would load');
    expect(await dialog.locator('.mapping-preview').textContent()).toContain('Checkpoint attack');
    await screenshot(page, 'import-column-mapping-phone');
    await dialog.getByRole('button', { name: 'Load with these columns' }).click();
    await expect.poll(() => count(page), POLL).toBe('3 of 3 incidents');

    // The same header again: no question.
    await openByPicker(page, 'my-sheet.csv');
    await choose(page, 'Replace what is shown');
    await expect.poll(() => count(page), POLL).toBe('3 of 3 incidents');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('leaves what is shown untouched when a file cannot be opened', async () => {
    const { page } = await openPage(browser(), './');
    await expect.poll(() => count(page), POLL).toBe('6 of 6 incidents');
    await page.getByLabel('Open data').setInputFiles({
      name: 'export.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
    });
    await choose(page, 'Replace what is shown');
    const alert = page.getByRole('alert', { name: 'export.zip could not be opened' });
    await alert.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await alert.textContent()).toContain('zip');
    expect(await count(page)).toBe('6 of 6 incidents');
    expect(await page.locator('.incident-marker').count()).toBe(6);
  });
});

describe('conflicting casualty reports', () => {
  it('lists one figure by the rule in force, names the rule, and the CSV export follows it', async () => {
    const { page } = await openPage(
      browser(),
      './?from=2020-03-11&to=2020-03-12&type=Explosions%2FRemote+violence',
    );
    await expect.poll(() => count(page), POLL).toBe('2 of 6 incidents');
    const boukamal = page
      .getByRole('list', { name: 'Incidents' })
      .locator('[data-incident-id="boukamal-airstrikes-2020-03-11"]');
    await expect.poll(() => boukamal.textContent(), POLL).toContain('26 killed (latest of 3 reports)');
    const rule = page.getByLabel('Where reports disagree, count the');
    expect(await rule.inputValue()).toBe('latest');
    await rule.selectOption('lowest');
    await expect.poll(() => boukamal.textContent(), POLL).toContain('0 killed (lowest of 3 reports)');
    await page.locator('details.data-menu summary').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('group', { name: 'Export' })
        .getByRole('button', { name: 'CSV (ACLED columns)' })
        .click(),
    ]);
    const rows = readFileSync(await file.path(), 'utf8').split(/\r?\n/);
    const header = (rows[0] ?? '').split(',');
    const row = rows.find((r) => r.startsWith('boukamal-airstrikes-2020-03-11,')) ?? '';
    expect(row).not.toBe('');
    const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    expect(cells[header.indexOf('fatalities')]).toBe('0');
    // The choice is remembered in this browser.
    await page.reload();
    await expect.poll(() => rule.inputValue(), POLL).toBe('lowest');
    await screenshot(page, 'counts-rule-lowest');
  });
});

describe('export', () => {
  it('downloads exactly the filtered view as GeoJSON, CSV with ACLED columns and KML, named for the filter', async () => {
    const { page } = await openPage(browser(), './?from=2020-03-01&to=2020-03-31');
    await expect.poll(() => count(page), POLL).toBe('2 of 6 incidents');
    await page.locator('details.data-menu summary').click();
    const download = async (label: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('group', { name: 'Export' }).getByRole('button', { name: label }).click(),
      ]);
      const path = await file.path();
      return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    const geojson = await download('GeoJSON');
    expect(geojson.name).toMatch(/_2020-03-01_2020-03-31\.geojson$/);
    const parsed = JSON.parse(geojson.text) as { features: { id: string }[] };
    expect(parsed.features.map((f) => f.id).sort()).toEqual(
      ['boukamal-airstrikes-2020-03-11', 'taji-rocket-attack-2020-03-11'].sort(),
    );
    // What was exported loads again as it is.
    const again = importText(geojson.text, geojson.name);
    expect(again.incidents).toHaveLength(2);

    const csv = await download('CSV (ACLED columns)');
    expect(csv.name).toMatch(/\.csv$/);
    const header = csv.text.split(/\r?\n/)[0] ?? '';
    expect(header.startsWith('event_id_cnty,event_date,year,time_precision')).toBe(true);
    expect(csv.text.split(/\r?\n/).filter((l) => l.trim() !== '').length).toBeGreaterThanOrEqual(3);

    const kml = await download('KML');
    expect(kml.name).toMatch(/\.kml$/);
    expect((kml.text.match(/<Placemark/g) ?? []).length).toBe(2);
  });
});
