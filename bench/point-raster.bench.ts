/**
 * The point canvas's per-redraw work on one core, without a browser, for 1M and 100k incidents in a
 * 1920 × 1200 px buffer (a 1280 × 800 map with the canvas's 25 % padding): project + cull, stamp with
 * each dot size, and build the hit-test grid over the drawn points. Not included: putImageData and the browser's paint, which
 * tests/e2e/large.test.ts measures in Chromium.
 *
 * Run: npx vitest bench --run --config bench/vitest.config.ts
 */
import { bench, describe } from 'vitest';
import {
  buildStamp,
  DOT_STYLES,
  type DrawnPoints,
  mercatorX,
  mercatorY,
  projectPoints,
  stampPoints,
  stampReach,
} from '../src/map/point-raster';
import { ScreenGrid } from '../src/map/screen-grid';
import { clusteredPoints } from './clustered-points';

const WIDTH = 1920; // CSS px = device px (ratio 1)
const HEIGHT = 1200;
/** As DEFAULTS.dots in src/map/point-canvas.ts (that canvas picks one by the number of points in it). */
const DOTS = [
  { label: '9 px dots (≤ 150k in view)', radius: 3.5, outline: 1, ring: 1.5 },
  { label: '7 px dots (≤ 400k)', radius: 2.5, outline: 1, ring: 1 },
  { label: '3 px dots (more)', radius: 1.5, outline: 0, ring: 1 },
] as const;
const ZOOM = 5;
const SCALE = 256 * 2 ** ZOOM;

// The view's top-left corner, so the box of incidents sits in the middle of the buffer.
const view = {
  scale: SCALE,
  left: mercatorX(47) * SCALE - WIDTH / 2,
  top: mercatorY(26) * SCALE - HEIGHT / 2,
  ratio: 1,
  width: WIDTH,
  height: HEIGHT,
};
const target = new Int32Array(WIDTH * HEIGHT);

for (const count of [1_000_000, 100_000]) {
  const points = clusteredPoints(count);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  const drawn: DrawnPoints = {
    xs: new Float32Array(count),
    ys: new Float32Array(count),
    index: new Uint32Array(count),
    centre: new Int32Array(count),
  };
  const margin = stampReach(DOTS[0], 1);
  const n = projectPoints(view, points, order, margin, drawn);
  describe(`${count} incidents (${n} in view)`, () => {
    bench('projectPoints', () => {
      projectPoints(view, points, order, margin, drawn);
    });
    for (const dot of DOTS) {
      const stamps = DOT_STYLES.map((s) => buildStamp(s, dot, 1, WIDTH));
      bench(`stampPoints, ${dot.label}`, () => {
        stampPoints(target, drawn, n, points.style, stamps);
      });
    }
    let grid: ScreenGrid | null = null;
    bench('ScreenGrid.build, reusing the last grid’s arrays', () => {
      grid = ScreenGrid.build(drawn.xs, drawn.ys, n, WIDTH, HEIGHT, 8, grid);
    });
  });
}
