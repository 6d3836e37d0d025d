/**
 * End-to-end: relations drawn on the map (arrows by kind, the Relations layer toggle, an off-screen end as an
 * arrowhead at the map edge), the story section of the popup, and story mode (button, Next / Previous by click
 * and keys, Escape, the URL, Back, a phone, a bad story link), with axe and screenshots.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundled, openPage, PHONE, POLL, popupFadedIn, screenshot, useBrowser } from './browser';

const TAJI = 'taji-rocket-attack-2020-03-11';
const K1 = 'k1-rocket-attack-2019-12-27';
const US_STRIKES = 'us-strikes-kataib-hezbollah-2019-12-29';
const EMBASSY = 'us-embassy-baghdad-protests-2019-12-31';
const AIRPORT = 'baghdad-airport-strike-2020-01-03';
const BOUKAMAL = 'boukamal-airstrikes-2020-03-11';

const browser = useBrowser();

async function waitForApp(page: Page): Promise<void> {
  await expect.poll(() => page.locator('#result-count').textContent(), POLL).toMatch(/ of 6 incidents$/);
}

/** The incident of the open popup; a popup fading out after closing (opacity 0) does not count. */
const openPopupId = (page: Page) =>
  page.evaluate(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.leaflet-popup')].filter(
      (p) => p.style.opacity !== '0',
    );
    return open.at(-1)?.querySelector('article.incident-popup')?.getAttribute('data-incident-id') ?? null;
  });
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const arrows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<SVGPathElement>('.relation-layer path.relation-arrow')].map((p) => ({
      from: p.dataset.from ?? '',
      to: p.dataset.to ?? '',
      classes: [...p.classList].filter((c) => c !== 'relation-arrow').sort(),
      head: p.getAttribute('marker-end') !== null,
    })),
  );
const storyBar = (page: Page) => page.getByRole('region', { name: 'Story', exact: true });
const storyStatus = (page: Page) => storyBar(page).getByRole('status').textContent();

/** The chain of every bundled incident but Boukamal, as drawn: from → to, kind. */
const CHAIN_ARROWS = [
  `${K1} → ${US_STRIKES} relation-causal`,
  `${K1} → ${TAJI} relation-context`,
  `${US_STRIKES} → ${EMBASSY} relation-causal`,
  `${EMBASSY} → ${AIRPORT} relation-sequence`,
  `${TAJI} → ${BOUKAMAL} relation-not-related`,
];
const drawn = (list: Awaited<ReturnType<typeof arrows>>) =>
  list
    .map(
      (a) =>
        `${a.from} → ${a.to} ${a.classes.filter((c) => c !== 'relation-current' && c !== 'relation-offscreen').join(' ')}`,
    )
    .sort();

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} ${n.target.map(String).join(' ')} :: ${v.help} ${n.failureSummary}`),
    );
}

/** Waits until the story bar shows step `step` of 4 and the map has opened the step's incident. */
async function expectStep(page: Page, step: number, id: string): Promise<void> {
  await expect.poll(() => storyStatus(page), POLL).toContain(`Step ${step} of 4`);
  expect(await storyStatus(page)).toContain(bundled(id).title);
  await expect.poll(() => openPopupId(page), POLL).toBe(id);
  // The URL is written after the frame that shows the step.
  await expect.poll(() => param(page, 'step'), POLL).toBe(String(step));
  await expect.poll(() => param(page, 'id'), POLL).toBe(id);
  // The map flew there before the popup opened, so the whole popup ends up inside the map.
  await expect.poll(() => popupInsideMap(page), POLL).toBe(true);
}

const popupInsideMap = (page: Page) =>
  page.evaluate(() => {
    const popup = document.querySelector('.leaflet-popup')?.getBoundingClientRect();
    const map = document.querySelector('#map')?.getBoundingClientRect();
    if (!popup || !map) return false;
    return (
      popup.top >= map.top && popup.bottom <= map.bottom && popup.left >= map.left && popup.right <= map.right
    );
  });

describe('relations on the map', () => {
  it('draws the whole chain of the open incident as arrows styled by kind, with a legend', async () => {
    const { page, errors } = await openPage(browser(), `./?id=${EMBASSY}`);
    await waitForApp(page);
    await expect.poll(() => arrows(page).then((a) => a.length), POLL).toBe(5);
    const list = await arrows(page);
    expect(drawn(list)).toEqual([...CHAIN_ARROWS].sort());
    // The open incident's own relations stand out; every arrow that reaches its end has an arrowhead.
    expect(
      list.filter((a) => a.classes.includes('relation-current')).map((a) => `${a.from} → ${a.to}`),
    ).toEqual([`${US_STRIKES} → ${EMBASSY}`, `${EMBASSY} → ${AIRPORT}`]);
    for (const a of list) expect(a.head || a.classes.includes('relation-offscreen')).toBe(true);
    expect(await page.locator('.relation-layer .relation-label').allTextContents()).toEqual(['not related']);
    const legend = page.locator('.relation-legend');
    await expect.poll(() => legend.isVisible(), POLL).toBe(true);
    expect(await legend.locator('li').allTextContents()).toEqual([
      'Prompted, led to',
      'Followed by',
      'Background, framing',
      'Not related, per sources',
    ]);
    await popupFadedIn(page);
    await screenshot(page, 'story-relations-desktop');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the same arrows on a phone, with the relations legend folded', async () => {
    const { page, errors } = await openPage(browser(), `./?id=${AIRPORT}`, PHONE);
    await waitForApp(page);
    await expect.poll(() => arrows(page).then(drawn), POLL).toEqual([...CHAIN_ARROWS].sort());
    const legend = page.locator('.relation-legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.getAttribute('open')).toBeNull();
    await popupFadedIn(page);
    await screenshot(page, 'story-relations-phone');
    await page.evaluate(() => {
      // Only for the picture: the popup covers most of a phone's map.
      for (const p of document.querySelectorAll<HTMLElement>('.leaflet-popup')) p.style.visibility = 'hidden';
    });
    await screenshot(page, 'story-relations-phone-under-popup');
    await page.evaluate(() => {
      for (const p of document.querySelectorAll<HTMLElement>('.leaflet-popup')) p.style.visibility = '';
    });
    // Closing the popup takes its arrows away.
    await page.locator('.leaflet-popup-close-button').click();
    await expect.poll(() => page.locator('.relation-layer path').count(), POLL).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws nothing, and no relations legend, while no incident is open', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    await expect.poll(() => page.locator('.incident-marker').count(), POLL).toBe(6);
    expect(await page.locator('.relation-layer path').count()).toBe(0);
    expect(await page.locator('.relation-legend').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is a layer named Relations in the layers control, on by default, that turns the arrows off and on', async () => {
    const { page, errors } = await openPage(browser(), `./?id=${EMBASSY}`);
    await waitForApp(page);
    await expect.poll(() => arrows(page).then((a) => a.length), POLL).toBe(5);
    await page.locator('.leaflet-control-layers').hover();
    const toggle = page.getByRole('checkbox', { name: 'Relations' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => page.locator('.relation-layer').count(), POLL).toBe(0);
    expect(await page.locator('.relation-legend').count()).toBe(0);
    expect(await openPopupId(page)).toBe(EMBASSY);
    await toggle.check();
    await expect.poll(() => arrows(page).then((a) => a.length), POLL).toBe(5);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('ends an arrow to an incident off screen in an arrowhead at the map edge', async () => {
    const { page, errors } = await openPage(browser(), `./?id=${AIRPORT}`);
    await waitForApp(page);
    await expect.poll(() => arrows(page).then((a) => a.length), POLL).toBe(5);
    expect(await page.locator('.relation-edge-head').count()).toBe(0);
    // Zoom in on the airport: Boukamal, K-1 and Al-Qa'im leave the screen.
    // Wait until the popup has opened and the map has settled: a wheel during its pan can be lost.
    await popupFadedIn(page);
    const marker = await page.locator(`.incident-marker[data-incident-id="${AIRPORT}"]`).boundingBox();
    expect(marker).not.toBeNull();
    await page.mouse.move((marker?.x ?? 0) + 13, (marker?.y ?? 0) + 13);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => page.locator('path.relation-offscreen').count(), POLL).toBeGreaterThan(0);
    const offscreen = (await arrows(page)).filter((a) => a.classes.includes('relation-offscreen'));
    expect(offscreen.map((a) => a.head)).toEqual(offscreen.map(() => false));
    expect(await page.locator('.relation-edge-head').count()).toBe(offscreen.length);
    const frame = await page.locator('#map').boundingBox();
    expect(frame).not.toBeNull();
    const { x, y, width, height } = frame ?? { x: 0, y: 0, width: 0, height: 0 };
    const inMap = (b: { x: number; y: number; width: number; height: number } | null) =>
      b !== null && b.x >= x && b.y >= y && b.x + b.width <= x + width && b.y + b.height <= y + height;
    // Each edge arrowhead is inside the map; the incident its arrow points to is outside it.
    for (const head of await page.locator('.relation-edge-head').all())
      expect(inMap(await head.boundingBox())).toBe(true);
    const toBoukamal = offscreen.find((a) => a.to === BOUKAMAL);
    expect(toBoukamal).toBeDefined();
    const target = await page.locator(`.incident-marker[data-incident-id="${BOUKAMAL}"]`).boundingBox();
    expect(inMap(target)).toBe(false);
    await page.evaluate(() => {
      // Only for the picture: let the arrows under the popup show.
      for (const p of document.querySelectorAll<HTMLElement>('.leaflet-popup')) p.style.visibility = 'hidden';
    });
    await screenshot(page, 'story-relations-offscreen-desktop');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the story section of the popup', () => {
  it('lists the chain in time order with dates, framing and not related, each entry opening its incident', async () => {
    const { page, errors } = await openPage(browser(), `./?id=${AIRPORT}`);
    await waitForApp(page);
    const chain = page.locator('article.incident-popup .popup-chain');
    await chain.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect((await chain.locator('.chain-steps li').allTextContents()).map((t) => t.trim())).toEqual([
      `27 Dec 2019 ${bundled(K1).title}`,
      `29 Dec 2019 ${bundled(US_STRIKES).title}`,
      `31 Dec 2019 Follows: ${bundled(EMBASSY).title}`,
      `3 Jan 2020 ${bundled(AIRPORT).title}`,
    ]);
    expect(await chain.locator('[aria-current="true"]').textContent()).toContain(bundled(AIRPORT).title);
    expect(await chain.locator('.chain-framing li').allTextContents()).toEqual([
      `11 Mar 2020 ${bundled(TAJI).title}`,
    ]);
    expect(await chain.locator('.chain-not-related li').allTextContents()).toEqual([
      `11 Mar 2020 ${bundled(BOUKAMAL).title}`,
    ]);
    await chain.scrollIntoViewIfNeeded();
    await popupFadedIn(page);
    await screenshot(page, 'story-popup-chain-desktop');
    await chain.getByRole('link', { name: bundled(K1).title }).click();
    await expect.poll(() => openPopupId(page), POLL).toBe(K1);
    await expect.poll(() => param(page, 'id'), POLL).toBe(K1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has no Follow the story button where there is no story: Boukamal is only "not related"', async () => {
    const { page, errors } = await openPage(browser(), `./?id=${BOUKAMAL}`);
    await waitForApp(page);
    const popup = page.locator('article.incident-popup');
    await popup.waitFor({ state: 'visible', timeout: POLL.timeout });
    expect(await popup.locator('.chain-not-related li').allTextContents()).toEqual([
      `11 Mar 2020 ${bundled(TAJI).title}`,
    ]);
    expect(await popup.getByRole('button', { name: 'Follow the story' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('story mode', () => {
  it('steps through the chain by button, click and arrow keys; Back returns a step; Escape exits', async () => {
    const { page, errors } = await openPage(browser(), `./?id=${TAJI}`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Follow the story' }).click();
    await expectStep(page, 1, K1);
    await expect.poll(() => param(page, 'story'), POLL).toBe(TAJI);
    // The timeline brush (the date filter) moves to the step's date.
    await expect
      .poll(() => [param(page, 'from'), param(page, 'to')], POLL)
      .toEqual(['2019-12-27', '2019-12-27']);
    expect(
      await storyBar(page).getByRole('button', { name: 'Previous step' }).getAttribute('aria-disabled'),
    ).toBe('true');
    // Keyboard focus went to Next, so the keys work at once.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Next step');

    await storyBar(page).getByRole('button', { name: 'Next step' }).click();
    await expectStep(page, 2, US_STRIKES);
    await expect
      .poll(() => [param(page, 'from'), param(page, 'to')], POLL)
      .toEqual(['2019-12-29', '2019-12-29']);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 3, EMBASSY);
    await expect
      .poll(() => [param(page, 'from'), param(page, 'to')], POLL)
      .toEqual(['2019-12-31', '2020-01-01']);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 4, AIRPORT);
    expect(
      await storyBar(page).getByRole('button', { name: 'Next step' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await page.keyboard.press('ArrowRight'); // already at the last step: nothing happens
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 3, EMBASSY);
    await storyBar(page).getByRole('button', { name: 'Previous step' }).click();
    await expectStep(page, 2, US_STRIKES);
    await popupFadedIn(page);
    await screenshot(page, 'story-bar-desktop');
    expect((await seriousViolations(page)).join('\n')).toBe('');

    await page.goBack();
    await expectStep(page, 3, EMBASSY);
    await page.goBack();
    await expectStep(page, 4, AIRPORT);
    await page.goForward();
    await expectStep(page, 3, EMBASSY);

    await page.locator('body').press('Escape');
    await expect.poll(() => storyBar(page).isVisible(), POLL).toBe(false);
    await expect.poll(() => param(page, 'story'), POLL).toBeNull();
    expect(param(page, 'step')).toBeNull();
    expect(param(page, 'from')).toBeNull(); // the filter from before the story is back
    expect(await page.locator('#result-count').textContent()).toBe('6 of 6 incidents');
    await expect.poll(() => openPopupId(page), POLL).toBe(EMBASSY);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens a shared story link at its step, steps from the popup list, and Exit leaves the incident open', async () => {
    const { page, errors } = await openPage(browser(), `./?story=${K1}&step=4`);
    await waitForApp(page);
    await expectStep(page, 4, AIRPORT);
    // A step chosen in the popup's story section is shown as that step.
    await page
      .locator('.popup-chain')
      .getByRole('link', { name: bundled(US_STRIKES).title })
      .click();
    await expectStep(page, 2, US_STRIKES);
    await storyBar(page).getByRole('button', { name: 'Exit story' }).click();
    await expect.poll(() => param(page, 'story'), POLL).toBeNull();
    expect(await storyBar(page).isVisible()).toBe(false);
    expect(await openPopupId(page)).toBe(US_STRIKES);
    // No story is being followed, so the popup offers it again.
    await expect.poll(() => page.getByRole('button', { name: 'Follow the story' }).count(), POLL).toBe(1);
    // Exit is a history entry too: Back returns to the story.
    await page.goBack();
    await expectStep(page, 2, US_STRIKES);
    await expect.poll(() => page.getByRole('button', { name: 'Follow the story' }).count(), POLL).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sits above the map on a phone, visible and usable', async () => {
    const { page, errors } = await openPage(browser(), `./?story=${TAJI}&step=3`, PHONE);
    await waitForApp(page);
    await expectStep(page, 3, EMBASSY);
    const bar = await storyBar(page).boundingBox();
    const map = await page.locator('#map').boundingBox();
    expect(bar).not.toBeNull();
    expect(map).not.toBeNull();
    if (bar === null || map === null) return;
    expect(bar.y + bar.height).toBeLessThanOrEqual(map.y + 1);
    expect(bar.y).toBeGreaterThanOrEqual(0);
    expect(bar.x).toBeGreaterThanOrEqual(0);
    expect(bar.x + bar.width).toBeLessThanOrEqual(PHONE.width);
    expect(map.height).toBeGreaterThan(300);
    for (const name of ['Previous step', 'Next step', 'Exit story']) {
      const box = await storyBar(page).getByRole('button', { name }).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
    }
    await storyBar(page).getByRole('button', { name: 'Next step' }).tap();
    await expectStep(page, 4, AIRPORT);
    await popupFadedIn(page);
    await screenshot(page, 'story-bar-phone');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['no-such-incident', '2', 'Ignored story="no-such-incident": no incident in this dataset has this id.'],
    [BOUKAMAL, '1', `Ignored story="${BOUKAMAL}": this incident has no story to follow.`],
  ])('ignores a bad story id (%s) with a notice and follows no story', async (story, step, notice) => {
    const { page, errors } = await openPage(browser(), `./?story=${encodeURIComponent(story)}&step=${step}`);
    await waitForApp(page);
    const notices = page.locator('#notices');
    await expect.poll(() => notices.textContent(), POLL).toContain(notice);
    expect(await storyBar(page).isVisible()).toBe(false);
    expect(await page.locator('#result-count').textContent()).toBe('6 of 6 incidents');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows a story at step 1, with a notice, when the step is not one of its steps', async () => {
    const { page, errors } = await openPage(browser(), `./?story=${K1}&step=9`);
    await waitForApp(page);
    await expect
      .poll(() => page.locator('#notices').textContent(), POLL)
      .toContain('Ignored step="9": this story has steps 1 to 4; showing step 1.');
    await expectStep(page, 1, K1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
