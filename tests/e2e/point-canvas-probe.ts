/**
 * Probes of the point canvas (src/map/point-canvas.ts) for the end-to-end tests of large datasets: its
 * redraws (the User Timing measure `incident-points:draw`, with the detail the layer reports) and where it
 * shows pixels of a kind.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { EVENT_SYMBOLS } from '../../src/map/symbols';

export const CANVAS = '.leaflet-incidentPoints-pane canvas';
/** RGB of the dots of incidents with no event type (the generator's ISOLATED incident, alone). */
export const GREY = [1, 3, 5].map((at) => Number.parseInt(EVENT_SYMBOLS.unknown.color.slice(at, at + 2), 16));
const SLOW_POLL = { timeout: 15_000 };

/** One redraw, as the canvas layer reports it. */
export interface Draw {
  readonly start: number;
  readonly duration: number;
  /** Points in the canvas, drawn as dots or counted in squares. */
  readonly drawn: number;
  readonly zoom: number;
  readonly mode: string;
  readonly cells: number;
  readonly dots: number;
  /** Whether the points were binned for this redraw (not for a pan inside the bins, nor a zoom back). */
  readonly rebin: boolean;
  /** Where the time went (ms). */
  readonly phases: Record<string, number>;
}

/** Runs in the page before the app: keeps every redraw's User Timing measure, which the app replaces. */
export function recordDraws(): void {
  const draws: unknown[] = [];
  Object.defineProperty(window, 'incidentDraws', { value: draws });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'incident-points:draw') continue;
      const detail = (entry as PerformanceMeasure).detail ?? {};
      draws.push({ start: entry.startTime, duration: entry.duration, phases: {}, ...detail });
    }
  }).observe({ type: 'measure' });
}

/** The redraws so far. */
export const draws = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { incidentDraws: Draw[] }).incidentDraws]);

/** Waits for a redraw after the `before`-th, then `settleMs` more (a zoom animation ends in a second one). */
export async function nextDraw(page: Page, before: number, settleMs = 0): Promise<Draw> {
  await expect.poll(async () => (await draws(page)).length, SLOW_POLL).toBeGreaterThan(before);
  if (settleMs > 0) await page.waitForTimeout(settleMs);
  return (await draws(page)).at(-1) as Draw;
}

/** `cell` = a counted square; `coloured` = a dot; `grey` = the isolated incident's dot; `ink` = the ring. */
export type PixelKind = 'cell' | 'coloured' | 'grey' | 'ink';

/**
 * Where the point canvas shows pixels of `kind`, inside the visible map and clear of its controls and the
 * legend, in page CSS px; the pixel nearest the map's centre, or for `grey` and `ink` the centroid; with
 * how many matched. Kinds: `cell` = a counted square (the grid is translucent: 0 < alpha < 255, which no
 * dot pixel has); `coloured` = a dot (opaque, not its white outline); `grey` = the isolated incident's dot;
 * `ink` = the open incident's dark ring.
 */
export function findPixels(
  page: Page,
  kind: PixelKind,
): Promise<{ x: number; y: number; count: number } | null> {
  return page.evaluate(
    ([selector, kind, grey]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector);
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return null;
      const box = canvas.getBoundingClientRect();
      const map = (document.querySelector('#map') as HTMLElement).getBoundingClientRect();
      const legend = document.querySelector('.map-legend')?.getBoundingClientRect();
      const sx = box.width / canvas.width;
      const sy = box.height / canvas.height;
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const centre = { x: map.left + map.width / 2, y: map.top + map.height / 2 };
      let found = 0;
      let sumX = 0;
      let sumY = 0;
      let best: { x: number; y: number; d: number } | null = null;
      for (let py = 0; py < canvas.height; py++) {
        const y = box.top + (py + 0.5) * sy;
        if (y < map.top + 80 || y > map.bottom - 40) continue;
        for (let px = 0; px < canvas.width; px++) {
          const x = box.left + (px + 0.5) * sx;
          if (x < map.left + 60 || x > map.right - 60) continue;
          if (legend && x >= legend.left && x <= legend.right && y >= legend.top && y <= legend.bottom)
            continue;
          const k = 4 * (py * canvas.width + px);
          const [r, g, b, a] = [data[k], data[k + 1], data[k + 2], data[k + 3]] as number[] as [
            number,
            number,
            number,
            number,
          ];
          const hit =
            kind === 'cell'
              ? a > 100 && a < 250
              : kind === 'grey'
                ? r === grey[0] && g === grey[1] && b === grey[2] && a === 255
                : kind === 'ink'
                  ? r < 50 && g < 50 && b < 50 && a > 200
                  : a === 255 && !(r === 255 && g === 255 && b === 255);
          if (!hit) continue;
          found++;
          sumX += x;
          sumY += y;
          const d = (x - centre.x) ** 2 + (y - centre.y) ** 2;
          if (best === null || d < best.d) best = { x, y, d };
        }
      }
      if (found === 0 || best === null) return null;
      if (kind === 'grey' || kind === 'ink') return { x: sumX / found, y: sumY / found, count: found };
      return { x: best.x, y: best.y, count: found };
    },
    [CANVAS, kind, GREY] as const,
  );
}
