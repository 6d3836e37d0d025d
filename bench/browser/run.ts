/**
 * Browser benchmark: Incident Atlas (the built app, `?data=`) against Leaflet.markercluster (chunked
 * loading) and plain Leaflet canvas circle markers, on the same generated GeoJSON file, in the same headless
 * Chromium and the same run, alternating implementations from run to run.
 *
 *   npx tsx bench/browser/run.ts [--sizes 10000,100000,1000000] [--runs 3] [--seed 1] [--timeout 120]
 *                                [--impls incident-atlas,markercluster,leaflet-canvas] [--no-build]
 *                                [--out bench/results/latest.json] [--filter-steps 50] [--port 0]
 * (env: BENCH_SIZES, BENCH_RUNS). CI smoke run: --sizes 10000 --runs 1.
 *
 * Ops, each timed inside the page (performance.now) up to "a task after the next painted frame":
 * - load: navigation start → every incident painted. Peers set window.__benchReady themselves; for the app
 *   an init script waits for "N of N incidents" in #result-count and the frame that shows it.
 * - first-points: navigation start → the first incidents painted: the app's preview of a streamed file
 *   (the mark `incident-atlas:first-points`), markercluster's first chunk (window.__benchFirst); the
 *   canvas peer draws all at once, so its first points are its load.
 * - longtask: the longest main-thread task during load (PerformanceObserver 'longtask'); for the app, up
 *   to the end of its mount (the User Timing mark `incident-atlas:mounted`), whose last stages follow the paint.
 * - heap: JS heap used plus ArrayBuffer backing stores (typed arrays live outside V8's heap) after a
 *   forced GC (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage), MiB.
 * - popup: pointer down on the isolated incident → popup in the DOM and painted (3 per run).
 * - redraw: main-thread script time (CDP Performance ScriptDuration) of a pan by drag, a pan back, zoom in,
 *   zoom out (a click where the Zoom buttons are, found before the timing starts), the mouse driven through
 *   CDP Input so that no harness script runs in the page.
 * Floors, in the same browser and run, reported beside the implementations (`floor`, `stream_floor` and
 * `redraw_floor` in the JSON): fetch + JSON.parse of the whole file; the file streamed in a worker and each
 * feature JSON.parsed; and the same pans and zooms on an empty Leaflet map (peers/map-floor.ts), what
 * Leaflet's own drag, inertia and zoom cost before any layer draws.
 * - load-binary, longtask-binary, heap-binary, popup-binary: the app opening the same dataset's binary form
 *   (an Arrow file written by `npm run convert`, converted once and kept beside the GeoJSON), once per run.
 * - filter: each of 50 From-date steps (the app: type into From + Enter; the peers: clearLayers and add the
 *   incidents whose dates reach From) and 4 actor toggles (the app: its Actor checkboxes), until the
 *   expected count is shown and painted. Counts are checked against the generator's.
 * Exit status 1 when the harness breaks or an implementation fails below 1M incidents.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../../tests/support/chromium';
import { binaryFile, type Plan, prepareBinary, prepareDataset } from './dataset';
import { serve } from './server';
import { IMPLS, type Impl, markdownTable, type Row, row } from './stats';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HERE = import.meta.dirname;
const DATA = join(HERE, 'data');
const PEERS_OUT = join(HERE, '.out', 'peers');
const VIEWPORT = { width: 1280, height: 800 };

interface Samples {
  load: number[];
  firstPoints: number[];
  longtask: number[];
  heap: number[];
  popup: number[];
  redraw: number[];
  filter: number[];
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '10000,100000,1000000' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '3' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string' },
    impls: { type: 'string', default: IMPLS.join(',') },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench', 'results', 'latest.json') },
    port: { type: 'string', default: '0' },
    'filter-steps': { type: 'string' },
  },
});
const sizes = (values.sizes as string).split(',').map((s) => Number(s.replaceAll('_', '')));
const runs = Number(values.runs);
const seed = Number(values.seed);
const impls = (values.impls as string).split(',') as Impl[];
if (
  sizes.some((n) => !Number.isInteger(n) || n < 10) ||
  !(runs >= 1) ||
  impls.some((i) => !IMPLS.includes(i))
) {
  console.error('bad --sizes, --runs or --impls');
  process.exit(2);
}
/** Time allowed to load n incidents: a minute, plus 0.15 s per thousand. */
const loadTimeout = (n: number) => (values.timeout ? Number(values.timeout) * 1000 : 60_000 + n * 0.15);

const log = (text: string) => console.error(`[bench] ${text}`);
const countText = (n: number, total: number) =>
  `${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} incidents`;

async function buildPages(): Promise<void> {
  if (!values['no-build']) {
    log('building the app (vite build)…');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  log('building the peer pages…');
  await build({
    configFile: false,
    root: join(HERE, 'peers'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: PEERS_OUT,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        input: {
          canvas: join(HERE, 'peers', 'canvas.html'),
          markercluster: join(HERE, 'peers', 'markercluster.html'),
          floor: join(HERE, 'peers', 'floor.html'),
          'stream-floor': join(HERE, 'peers', 'stream-floor.html'),
          'map-floor': join(HERE, 'peers', 'map-floor.html'),
        },
      },
    },
  });
}

/** Runs in every page before its scripts: records long tasks; for the app, marks the first painted result. */
function initScript(appReadyText: string | null): void {
  const tasks: number[] = [];
  (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the row stays empty
  }
  if (appReadyText === null) return;
  const w = window as unknown as { __benchReady?: number };
  const check = () => {
    // Inside a frame callback: this frame paints the count; a task queued now runs after it.
    if (document.querySelector('#result-count')?.textContent === appReadyText) {
      setTimeout(() => {
        w.__benchReady ??= performance.now();
      }, 0);
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** The isolated incident's position on the page, from the map's animation proxy (any Leaflet map). */
function isolatedPoint(page: Page, plan: Plan): Promise<{ x: number; y: number } | null> {
  return page.evaluate(({ lon, lat }) => {
    const map = document.querySelector('#map') as HTMLElement | null;
    const proxy = map?.querySelector<HTMLElement>('.leaflet-proxy');
    if (!map || !proxy) return null;
    const t = /translate3d\(([-\d.e]+)px,\s*([-\d.e]+)px/.exec(proxy.style.transform);
    const s = /scale\(([-\d.e]+)\)/.exec(proxy.style.transform);
    if (!t || !s) return null;
    const world = 512 * Number(s[1]); // the proxy's scale is 2^(zoom - 1)
    const px = (world * (lon + 180)) / 360;
    const py = world * (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI));
    const box = map.getBoundingClientRect();
    const x = box.left + box.width / 2 + px - Number(t[1]);
    const y = box.top + box.height / 2 + py - Number(t[2]);
    return x > box.left && x < box.right && y > box.top && y < box.bottom ? { x, y } : null;
  }, plan.isolated);
}

const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
}

async function measurePopups(page: Page, impl: Impl, plan: Plan, into: number[]): Promise<void> {
  for (let k = 0; k < 3; k++) {
    const point = await isolatedPoint(page, plan);
    if (!point) throw new Error('the isolated incident is not in view');
    await page.evaluate(() => {
      const w = window as unknown as { __popup?: number | null };
      w.__popup = null;
      addEventListener(
        'pointerdown',
        () => {
          const t0 = performance.now();
          const seen = () => {
            if (!document.querySelector('.leaflet-popup')) return false;
            requestAnimationFrame(() =>
              setTimeout(() => {
                w.__popup = performance.now() - t0;
              }, 0),
            );
            return true;
          };
          if (seen()) return;
          const observer = new MutationObserver(() => {
            if (seen()) observer.disconnect();
          });
          observer.observe(document.body, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
    // A marker's pin stands above its point; dots and the app's symbols are centred on it.
    await page.mouse.click(point.x + 1, point.y - (impl === 'markercluster' ? 20 : 1));
    await page.waitForFunction(
      () => (window as unknown as { __popup?: number | null }).__popup != null,
      null,
      {
        timeout: 15_000,
      },
    );
    into.push(await page.evaluate(() => (window as unknown as { __popup: number }).__popup));
    await page.keyboard.press('Escape');
    const closed = await page
      .waitForFunction(() => !document.querySelector('.leaflet-popup'), null, { timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!closed) await page.locator('.leaflet-popup-close-button').first().click();
    await settle(page);
  }
}

async function measureRedraws(page: Page, cdp: CDPSession, into: number[]): Promise<void> {
  const box = await page.locator('#map').boundingBox();
  if (!box) throw new Error('no #map');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // The Zoom buttons are found before any time is taken and clicked where they are, as a person would:
  // finding them by role runs Playwright's script over the whole map (3–6 ms per click in the page), which
  // would be counted as the implementation's.
  const centreOf = async (name: string) => {
    const button = await page.locator('#map').getByRole('button', { name }).boundingBox();
    if (!button) throw new Error(`no ${name} button`);
    return { x: button.x + button.width / 2, y: button.y + button.height / 2 };
  };
  const zoomIn = await centreOf('Zoom in');
  const zoomOut = await centreOf('Zoom out');
  // Input goes to the browser through CDP, as a person's mouse would: Playwright's page.mouse runs two
  // scripts in the page for every move with the button held (its drag-and-drop detection), and that
  // script time would be counted as the implementation's (about 2 ms per pan).
  const mouse = (
    type: 'mouseMoved' | 'mousePressed' | 'mouseReleased',
    at: { x: number; y: number },
    held: boolean,
  ) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x: at.x,
      y: at.y,
      button: type === 'mouseMoved' && !held ? 'none' : 'left',
      buttons: held || type === 'mousePressed' ? 1 : 0,
      clickCount: type === 'mouseMoved' ? 0 : 1,
    });
  const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await mouse('mouseMoved', from, false);
    await mouse('mousePressed', from, true);
    for (let step = 1; step <= 8; step++) {
      const at = { x: from.x + ((to.x - from.x) * step) / 8, y: from.y + ((to.y - from.y) * step) / 8 };
      await mouse('mouseMoved', at, true);
    }
    await mouse('mouseReleased', to, false);
  };
  const click = async (at: { x: number; y: number }) => {
    await mouse('mouseMoved', at, false);
    await mouse('mousePressed', at, true);
    await mouse('mouseReleased', at, false);
  };
  const centre = { x, y };
  const away = { x: x - 200, y: y - 100 };
  const actions: (() => Promise<void>)[] = [
    () => drag(centre, away),
    () => drag(away, centre),
    () => click(zoomIn),
    () => click(zoomOut),
  ];
  for (const action of actions) {
    await page.waitForTimeout(100);
    await settle(page);
    const before = await scriptSeconds(cdp);
    await action();
    await page.waitForTimeout(500); // zoom animation (250 ms), markercluster's cluster animation, redraw on moveend
    await settle(page);
    into.push((await scriptSeconds(cdp)) - before);
  }
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) * 1000;
}

/** The plan's steps, or `--filter-steps` of its date steps (evenly spaced, ending with the last) and the actor toggles. */
function filterSteps(plan: Plan): Plan['steps'] {
  const dates = plan.steps.filter((s) => s.toggle === null);
  const wanted = Math.min(dates.length, Number(values['filter-steps'] ?? dates.length));
  const chosen = dates.filter((_, i) => (dates.length - 1 - i) % Math.ceil(dates.length / wanted) === 0);
  return [...chosen, ...plan.steps.filter((s) => s.toggle !== null)];
}

async function measureFilters(page: Page, impl: Impl, plan: Plan, into: number[]): Promise<void> {
  for (const step of filterSteps(plan)) {
    let ms: number;
    if (impl === 'incident-atlas') {
      ms = await page.evaluate(
        async ({ step, expected }) => {
          const count = document.querySelector('#result-count') as HTMLElement;
          let box: HTMLInputElement | null = null;
          if (step.toggle !== null) {
            const find = () =>
              [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
                (b) =>
                  b.value === step.toggle && (b.name === 'actor' || b.closest('#actor-options') !== null),
              ) ?? null;
            box = find();
            const search = document.querySelector<HTMLInputElement>('#actor-search');
            if (!box && search) {
              search.value = step.toggle;
              search.dispatchEvent(new Event('input', { bubbles: true }));
              await new Promise((r) => setTimeout(r, 50));
              box = find();
            }
            if (!box) throw new Error(`no Actor checkbox for ${step.toggle}`);
          }
          const t0 = performance.now();
          if (box) box.click();
          else {
            const from = document.querySelector('#filter-from') as HTMLInputElement;
            from.value = step.fromIso;
            from.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          }
          // The points are painted in a worker and shown a moment after the count: wait for them too,
          // when the points are on the canvas (the redraw's measure is taken once they are shown).
          const painted = () =>
            document.querySelector('.leaflet-incidentPoints-pane canvas') === null ||
            (performance.getEntriesByName('incident-points:draw').at(-1)?.startTime ?? -1) >= t0;
          await new Promise<void>((resolve, reject) => {
            const check = (inFrame: boolean) => {
              if (count.textContent === expected && painted()) {
                // A task after the frame that paints the new count.
                if (inFrame) setTimeout(resolve, 0);
                else requestAnimationFrame(() => setTimeout(resolve, 0));
              } else if (performance.now() - t0 > 60_000)
                reject(
                  new Error(
                    `count stayed "${count.textContent}" (expected "${expected}"), or the points were not painted`,
                  ),
                );
              else requestAnimationFrame(() => check(true));
            };
            check(false);
          });
          return performance.now() - t0;
        },
        { step, expected: countText(step.count, plan.n) },
      );
    } else {
      ms = await page.evaluate(async (step) => {
        const bench = window.__bench;
        if (!bench) throw new Error('no window.__bench');
        const t0 = performance.now();
        const shown = await bench.filter(step.from, step.actors);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        if (shown !== step.count) throw new Error(`showed ${shown}, expected ${step.count}`);
        return performance.now() - t0;
      }, step);
    }
    into.push(ms);
  }
}

/** One implementation, one run, one size: a fresh browser context, every op. */
async function measure(
  browser: Browser,
  origin: string,
  impl: Impl,
  plan: Plan,
  samples: Samples,
  form: 'geojson' | 'binary' = 'geojson',
): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // tsx (esbuild keepNames) wraps functions in __name(); the functions sent to the page need it too.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(initScript, impl === 'incident-atlas' ? countText(plan.n, plan.n) : null);
    const data = `/data/${form === 'binary' ? binaryFile(plan) : plan.file}`;
    const url =
      impl === 'incident-atlas'
        ? `${origin}/app/?data=${encodeURIComponent(data)}`
        : `${origin}/peers/${impl === 'markercluster' ? 'markercluster' : 'canvas'}.html?data=${encodeURIComponent(data)}`;
    await page.goto(url, { waitUntil: 'commit' });
    const timeout = loadTimeout(plan.n);
    try {
      await page.waitForFunction(
        () => window.__benchReady !== undefined || window.__benchError !== undefined,
        null,
        {
          timeout,
          polling: 250,
        },
      );
    } catch {
      log(
        `${impl} at ${plan.n}: no first paint within ${timeout / 1000} s${errors.length ? ` (${errors.join('; ')})` : ''}`,
      );
      return;
    }
    if (impl === 'incident-atlas') {
      // Long tasks count until the app has finished mounting (its later stages run after the first paint).
      await page
        .waitForFunction(() => performance.getEntriesByName('incident-atlas:mounted').length > 0, null, {
          timeout: 30_000,
          polling: 50,
        })
        .catch(() => log(`${impl} at ${plan.n}: never marked incident-atlas:mounted`));
      await page.evaluate(() => new Promise((r) => setTimeout(r, 100))); // the last task's entry is reported after it ends
    }
    const state = await page.evaluate(() => ({
      ready: window.__benchReady ?? null,
      error: window.__benchError ?? null,
      tasks: (window as unknown as { __longTasks: number[] }).__longTasks,
    }));
    if (state.ready === null) {
      log(`${impl} at ${plan.n}: failed to load: ${state.error}`);
      return;
    }
    samples.load.push(state.ready);
    // The app marks its preview's first points painted (a streamed file); a peer that shows incidents
    // before all are in sets __benchFirst; else the first points are all of them.
    const first = await page.evaluate(
      () =>
        performance.getEntriesByName('incident-atlas:first-points')[0]?.startTime ??
        window.__benchFirst ??
        null,
    );
    samples.firstPoints.push(first ?? state.ready);
    samples.longtask.push(Math.max(0, ...state.tasks));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    // The JS heap AND the ArrayBuffers' backing stores, which V8 keeps outside its heap: typed arrays
    // (our columns and indexes) would otherwise not count at all.
    const usage = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    const heap = { usedSize: usage.usedSize + (usage.backingStorageSize ?? 0) };
    samples.heap.push(heap.usedSize / 2 ** 20);
    log(
      `${impl}${form === 'binary' ? ' (binary)' : ''} n=${plan.n}: load ${state.ready.toFixed(0)} ms (first points ${(first ?? state.ready).toFixed(0)} ms), longest task ${Math.max(0, ...state.tasks).toFixed(0)} ms, heap ${(heap.usedSize / 2 ** 20).toFixed(0)} MB`,
    );
    const popup: [string, () => Promise<void>] = [
      'popup',
      () => measurePopups(page, impl, plan, samples.popup),
    ];
    const tries: [string, () => Promise<void>][] = [
      popup,
      [
        'redraw',
        async () => {
          const r: number[] = [];
          await measureRedraws(page, cdp, r);
          samples.redraw.push(...r);
          log(
            `${impl} n=${plan.n}: redraw ${r.map((ms) => ms.toFixed(1)).join(', ')} ms (pan, pan back, zoom in, zoom out)`,
          );
        },
      ],
      ['filter', () => measureFilters(page, impl, plan, samples.filter)],
    ];
    for (const [op, run] of form === 'binary' ? [popup] : tries) {
      try {
        await run();
      } catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        log(`${impl} n=${plan.n}: ${op} failed: ${why}`);
        if (plan.n < 1_000_000) failures.push(`${impl} n=${plan.n} ${op}: ${why}`);
      }
    }
    if (errors.length > 0) log(`${impl} n=${plan.n}: page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

const failures: string[] = [];

/**
 * A floor in the same browser, or null: `floor` (peers/floor.ts) is fetch + JSON.parse of the whole text;
 * `stream-floor` (peers/stream-floor.ts) streams it in a worker, cutting and JSON.parsing each feature.
 */
async function measureFloor(
  browser: Browser,
  origin: string,
  plan: Plan,
  page_ = 'floor',
): Promise<number | null> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/peers/${page_}.html?data=${encodeURIComponent(`/data/${plan.file}`)}`, {
      waitUntil: 'commit',
    });
    await page.waitForFunction(
      () => window.__benchReady !== undefined || window.__benchError !== undefined,
      null,
      {
        timeout: loadTimeout(plan.n),
        polling: 250,
      },
    );
    return await page.evaluate(() => window.__benchReady ?? null);
  } catch {
    return null;
  } finally {
    await context.close();
  }
}

/**
 * The redraw floor, into `into`: the same pans and zooms as `measureRedraws` gives every implementation, on
 * an empty Leaflet map the size of the peers' (peers/map-floor.ts). What it costs is Leaflet's alone.
 */
async function measureMapFloor(browser: Browser, origin: string, into: number[]): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/peers/map-floor.html`);
    await page.waitForFunction(() => window.__benchReady !== undefined || window.__benchError !== undefined);
    const error = await page.evaluate(() => window.__benchError ?? null);
    if (error !== null) throw new Error(`the map floor failed: ${error}`);
    // As before an implementation's redraws (measure): the collector has run, so its pauses fall alike.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const r: number[] = [];
    await measureRedraws(page, cdp, r);
    into.push(...r);
  } catch (error) {
    log(`map floor: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<number> {
  await buildPages();
  const server = await serve(
    { '/app/': join(ROOT, 'dist'), '/peers/': PEERS_OUT, '/data/': DATA },
    Number(values.port),
  );
  // Background tabs must not be throttled while an implementation is timed.
  const browser = await launchChromium([
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
  ]);
  const rows: Row[] = [];
  const floors: { n: number; p50_ms: number | null; p95_ms: number | null; samples: number }[] = [];
  const streamFloors: { n: number; p50_ms: number | null; p95_ms: number | null; samples: number }[] = [];
  const redrawFloors: { n: number; p50_ms: number | null; p95_ms: number | null; samples: number }[] = [];
  const files: { n: number; geojson_bytes: number; arrow_bytes: number | null }[] = [];
  const binary = impls.includes('incident-atlas');
  try {
    for (const n of sizes) {
      const plan = await prepareDataset(DATA, n, seed);
      files.push({ n, geojson_bytes: plan.bytes, arrow_bytes: binary ? prepareBinary(DATA, plan) : null });
      const empty = (): Samples => ({
        load: [],
        firstPoints: [],
        longtask: [],
        heap: [],
        popup: [],
        redraw: [],
        filter: [],
      });
      const samples = new Map(impls.map((impl) => [impl, empty()]));
      const binarySamples = empty();
      const floorLoads: number[] = [];
      const streamFloorLoads: number[] = [];
      const floorRedraws: number[] = [];
      for (let run = 0; run < runs; run++) {
        // Alternate: each run starts with the next implementation.
        const order = impls.map((_, k) => impls[(k + run) % impls.length] as Impl);
        for (const impl of order)
          await measure(browser, server.origin, impl, plan, samples.get(impl) as Samples);
        if (binary) await measure(browser, server.origin, 'incident-atlas', plan, binarySamples, 'binary');
        const floor = await measureFloor(browser, server.origin, plan);
        if (floor !== null) floorLoads.push(floor);
        const streamed = await measureFloor(browser, server.origin, plan, 'stream-floor');
        if (streamed !== null) streamFloorLoads.push(streamed);
        await measureMapFloor(browser, server.origin, floorRedraws);
      }
      const { p50_ms, p95_ms, samples: count } = row('incident-atlas', n, 'load', floorLoads);
      floors.push({ n, p50_ms, p95_ms, samples: count });
      const sf = row('incident-atlas', n, 'load', streamFloorLoads);
      streamFloors.push({ n, p50_ms: sf.p50_ms, p95_ms: sf.p95_ms, samples: sf.samples });
      const rf = row('incident-atlas', n, 'redraw', floorRedraws);
      redrawFloors.push({ n, p50_ms: rf.p50_ms, p95_ms: rf.p95_ms, samples: rf.samples });
      log(`map floor n=${n}: redraw ${floorRedraws.map((ms) => ms.toFixed(1)).join(', ')} ms`);
      for (const impl of impls) {
        const s = samples.get(impl) as Samples;
        rows.push(
          row(impl, n, 'load', s.load),
          row(impl, n, 'first-points', s.firstPoints),
          row(impl, n, 'filter', s.filter),
          row(impl, n, 'redraw', s.redraw),
          row(impl, n, 'popup', s.popup),
          row(impl, n, 'heap', [], s.heap),
          row(impl, n, 'longtask', s.longtask),
        );
        if (s.load.length === 0 && n < 1_000_000) failures.push(`${impl} did not load ${n} incidents`);
      }
      if (binary) {
        rows.push(
          row('incident-atlas', n, 'load-binary', binarySamples.load),
          row('incident-atlas', n, 'popup-binary', binarySamples.popup),
          row('incident-atlas', n, 'heap-binary', [], binarySamples.heap),
          row('incident-atlas', n, 'longtask-binary', binarySamples.longtask),
        );
        if (binarySamples.load.length === 0) failures.push(`the binary form of ${n} incidents did not load`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, ${browser.version() ? `Chromium ${browser.version()}` : 'Chromium'}, Node ${process.version}`;
  const result = {
    date: new Date().toISOString(),
    machine,
    runs,
    seed,
    rows,
    /** Loading floor: fetch + JSON.parse of the same file in the same browser, no drawing. */
    floor: floors,
    /** Streaming floor: the file streamed in a worker, each feature cut and JSON.parsed, nothing else. */
    stream_floor: streamFloors,
    /** Redraw floor: the same pans and zooms on an empty Leaflet map, in the same run (script ms). */
    redraw_floor: redrawFloors,
    /** The sizes of the GeoJSON and of its binary form (null when not measured). */
    files,
  };
  const out = resolve(values.out as string);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nBrowser benchmark, ${machine}; ${runs} run(s) per implementation, ${result.date}\n`);
  console.log(markdownTable(rows));
  console.log(
    `\nFloor (fetch + JSON.parse of the same file, nothing drawn): ${floors
      .map(
        (f) =>
          `${f.n.toLocaleString('en-US')}: ${f.p50_ms === null ? 'did not finish' : `p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms`}`,
      )
      .join('; ')}`,
  );
  console.log(
    `Streaming floor (fetch as a stream in a worker, cut and JSON.parse each feature, nothing else): ${streamFloors
      .map(
        (f) =>
          `${f.n.toLocaleString('en-US')}: ${f.p50_ms === null ? 'did not finish' : `p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms`}`,
      )
      .join('; ')}`,
  );
  console.log(
    `Redraw floor (Leaflet alone: the same pans and zooms on an empty map, script ms): ${redrawFloors
      .map(
        (f) =>
          `${f.n.toLocaleString('en-US')}: ${f.p50_ms === null ? 'did not finish' : `p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms`}`,
      )
      .join('; ')}`,
  );
  console.log(
    `\nFiles: ${files.map((f) => `${f.n.toLocaleString('en-US')}: GeoJSON ${(f.geojson_bytes / 1e6).toFixed(1)} MB${f.arrow_bytes === null ? '' : `, Arrow ${(f.arrow_bytes / 1e6).toFixed(1)} MB`}`).join('; ')}`,
  );
  console.log(
    '\nload: navigation → every incident painted; first-points: navigation → the first incidents painted; filter: one date step or actor toggle → painted; redraw: script ms per pan/zoom; popup: click → popup painted; heap: JS heap + ArrayBuffers after GC (MiB); longtask: longest main-thread task while loading; -binary: the same dataset opened from its Arrow file.',
  );
  console.log(`Written to ${out}`);
  if (failures.length > 0) {
    console.error(`\n[bench] failures:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
