/**
 * End-to-end accessibility: axe-core on desktop and phone (popup open and closed, Filters panel on a
 * phone), accessible names of every form control, and the main flow by keyboard alone with a visible
 * focus indicator at every stop.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, openPage, PHONE, POLL, popupFadedIn, screenshot, useBrowser } from './browser';

const TAJI = 'taji-rocket-attack-2020-03-11';

const browser = useBrowser();

async function waitForApp(page: Page): Promise<void> {
  await expect.poll(() => page.locator('#result-count').textContent(), POLL).toBe('6 of 6 incidents');
  await expect.poll(() => page.locator('.incident-marker').count(), POLL).toBe(6);
  // The basemap labels are part of the page axe sees: wait for them too.
  await expect.poll(() => page.locator('.map-label').count(), POLL).toBeGreaterThan(0);
}

const openPopupId = (page: Page) =>
  page.evaluate(
    () => document.querySelector('article.incident-popup')?.getAttribute('data-incident-id') ?? null,
  );

/** Runs axe and returns the serious and critical violations, one readable line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  // Guard against a vacuous pass (axe not injected, or nothing to check).
  expect(results.passes.length).toBeGreaterThan(10);
  // Not failures, but worth a human look: minor/moderate violations and checks axe could not decide.
  for (const v of results.violations.filter((x) => x.impact !== 'serious' && x.impact !== 'critical')) {
    console.info(`axe violation (${v.impact}, not failing): ${v.id} on ${v.nodes.length} node(s): ${v.help}`);
  }
  for (const v of results.incomplete) {
    console.info(`axe needs review (${v.impact}): ${v.id} on ${v.nodes.length} node(s): ${v.help}`);
  }
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} [${v.impact}] ${n.target.map(String).join(' ')} :: ${v.help} (${n.failureSummary?.replace(/\s+/g, ' ') ?? ''})`,
      ),
    );
}

async function openTaji(page: Page, device: 'desktop' | 'phone'): Promise<void> {
  if (device === 'phone') {
    await page
      .getByRole('navigation', { name: 'Panels' })
      .getByRole('button', { name: 'List', exact: true })
      .click();
  }
  await page
    .getByRole('list', { name: 'Incidents' })
    .getByRole('button', { name: 'Rocket attack on Camp Taji' })
    .click();
  await expect.poll(() => openPopupId(page), POLL).toBe(TAJI);
  await page.locator('article.incident-popup').waitFor({ state: 'visible' });
  // Leaflet fades a popup in (0.2 s): axe would measure the contrast of text still half transparent.
  await popupFadedIn(page);
}

describe('axe: no serious or critical violations', () => {
  const scenarios = [
    { name: 'desktop, popup closed', viewport: DESKTOP, device: 'desktop', setup: async (_page: Page) => {} },
    {
      name: 'desktop, popup open',
      viewport: DESKTOP,
      device: 'desktop',
      setup: (page: Page) => openTaji(page, 'desktop'),
    },
    { name: 'phone, map, popup closed', viewport: PHONE, device: 'phone', setup: async (_page: Page) => {} },
    {
      name: 'phone, popup open',
      viewport: PHONE,
      device: 'phone',
      setup: (page: Page) => openTaji(page, 'phone'),
    },
    {
      name: 'phone, Filters panel shown',
      viewport: PHONE,
      device: 'phone',
      setup: async (page: Page) => {
        await page
          .getByRole('navigation', { name: 'Panels' })
          .getByRole('button', { name: 'Filters', exact: true })
          .click();
        await page.getByLabel('From', { exact: true }).waitFor({ state: 'visible' });
      },
    },
    {
      name: 'phone, List panel shown',
      viewport: PHONE,
      device: 'phone',
      setup: async (page: Page) => {
        await page
          .getByRole('navigation', { name: 'Panels' })
          .getByRole('button', { name: 'List', exact: true })
          .click();
        await page.getByRole('list', { name: 'Incidents' }).waitFor({ state: 'visible' });
      },
    },
  ] as const;

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const { page, errors } = await openPage(browser(), './', scenario.viewport);
      await waitForApp(page);
      await scenario.setup(page);
      await screenshot(page, `a11y-${scenario.name.replace(/[^a-z]+/gi, '-').toLowerCase()}`);
      const violations = await seriousViolations(page);
      expect(violations, `axe violations (${scenario.name}):\n${violations.join('\n')}`).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('form controls', () => {
  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`every visible input and select has an accessible name (${device})`, async () => {
      const { page, errors } = await openPage(browser(), './', viewport);
      await waitForApp(page);
      if (device === 'phone') {
        await page
          .getByRole('navigation', { name: 'Panels' })
          .getByRole('button', { name: 'Filters', exact: true })
          .click();
        await page.getByLabel('From', { exact: true }).waitFor({ state: 'visible' });
      }
      // Ask Chromium's accessibility tree (not a heuristic) for each control's computed name.
      const cdp = await page.context().newCDPSession(page);
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
        nodeId: root.nodeId,
        selector:
          'input:not([type="hidden"]), select, textarea, [role="slider"], [role="checkbox"], [role="combobox"]',
      });
      expect(nodeIds.length).toBeGreaterThan(10);
      const unnamed: string[] = [];
      let named = 0;
      for (const nodeId of nodeIds) {
        const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
        const ax = nodes[0];
        if (!ax || ax.ignored) continue; // hidden (another panel, a collapsed control)
        const name = String(ax.name?.value ?? '').trim();
        if (name === '') {
          const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
          unnamed.push(`${ax.role?.value ?? '?'}: ${outerHTML.slice(0, 160)}`);
        } else named++;
      }
      await cdp.detach();
      expect(unnamed).toEqual([]);
      // From, To, role select, "Only confirmed…", the actor and type checkboxes, the two sliders at least.
      expect(named).toBeGreaterThan(10);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

interface FocusStop {
  readonly tag: string;
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly className: string;
  readonly incidentId: string;
  readonly checked: boolean | null;
  readonly focusVisible: boolean;
  readonly outlineStyle: string;
  readonly outlineWidth: string;
  readonly label: string;
}

const focusStop = (page: Page): Promise<FocusStop> =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const style = a ? getComputedStyle(a) : null;
    return {
      tag: a?.tagName.toLowerCase() ?? '',
      id: a?.id ?? '',
      type: a?.getAttribute('type') ?? '',
      name: a?.getAttribute('name') ?? '',
      className: typeof a?.className === 'string' ? a.className : '',
      incidentId: a?.dataset.incidentId ?? '',
      checked: a instanceof HTMLInputElement && a.type === 'checkbox' ? a.checked : null,
      focusVisible: a?.matches(':focus-visible') ?? false,
      outlineStyle: style?.outlineStyle ?? '',
      outlineWidth: style?.outlineWidth ?? '',
      label: (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim().slice(0, 40),
    };
  });

const describeStop = (s: FocusStop) =>
  `${s.tag}${s.id ? `#${s.id}` : ''}${s.name ? `[name=${s.name}]` : ''} "${s.label}"`;

describe('keyboard alone', () => {
  it('Tab from the top reaches From, an actor checkbox (Space toggles it), the list and a marker, each with a visible focus outline', async () => {
    const { page, errors } = await openPage(browser(), './');
    await waitForApp(page);
    const visited: string[] = [];

    /** Presses Tab until `wanted` matches the focused element (at most `max` presses). */
    async function tabTo(what: string, wanted: (s: FocusStop) => boolean, max = 80): Promise<FocusStop> {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const stop = await focusStop(page);
        visited.push(describeStop(stop));
        if (wanted(stop)) return stop;
      }
      throw new Error(`Tab never reached ${what}. Visited:\n${visited.join('\n')}`);
    }

    function expectVisibleFocus(what: string, stop: FocusStop): void {
      expect(stop.focusVisible, `${what} matches :focus-visible`).toBe(true);
      expect(stop.outlineStyle, `${what} has a focus outline`).not.toBe('none');
      expect(Number.parseFloat(stop.outlineWidth), `${what} focus outline width`).toBeGreaterThan(0);
    }

    const from = await tabTo('the From input', (s) => s.id === 'filter-from');
    expectVisibleFocus('From', from);

    const actor = await tabTo(
      'an actor checkbox',
      (s) => s.tag === 'input' && s.type === 'checkbox' && s.name === 'actor',
    );
    expectVisibleFocus('actor checkbox', actor);
    expect(actor.checked).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => focusStop(page).then((s) => s.checked), POLL).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('actor').length, POLL).toBe(1);
    expectVisibleFocus('actor checkbox after Space', await focusStop(page));
    await screenshot(page, 'a11y-keyboard-actor-checkbox');
    await page.keyboard.press('Space');
    await expect.poll(() => focusStop(page).then((s) => s.checked), POLL).toBe(false);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('actor').length, POLL).toBe(0);

    const item = await tabTo('an item of the incident list', (s) => s.className.includes('incident-item'));
    expectVisibleFocus('list item', item);
    await screenshot(page, 'a11y-keyboard-list-item');

    const marker = await tabTo('a map marker', (s) => s.className.includes('incident-marker'));
    expectVisibleFocus('marker', marker);
    await screenshot(page, 'a11y-keyboard-marker');
    await page.keyboard.press('Enter');
    await expect.poll(() => openPopupId(page), POLL).toBe(marker.incidentId);
    await screenshot(page, 'a11y-keyboard-marker-enter');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
