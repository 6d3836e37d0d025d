/**
 * The density grid's per-redraw work on one core, without a browser: binning 1M (and 100k) shown
 * incidents, all in view, into 56 px cells of a 1920 × 1200 px canvas (a 1280 × 800 map with the point
 * canvas's 25 % padding), and the whole grid-mode pass before stamping (project, bin, keep the points
 * of sparse cells as dots). `projectPoints` alone is measured for scale. Not included: painting the
 * cells and their counts, which tests/e2e/density.test.ts reports from Chromium.
 *
 * Run: npx vitest bench --run --project unit tests/map/density-grid.bench.ts
 */
import { bench, describe } from 'vitest';
import { DensityGrid, type GridArea, keepSparse } from '../../src/map/density-grid';
import {
  type DrawnPoints,
  mercatorX,
  mercatorY,
  type PointColumns,
  projectPoints,
} from '../../src/map/point-raster';
import { seededRandom } from '../support/random';

const WIDTH = 1920; // CSS px = device px (ratio 1)
const HEIGHT = 1200;
const ZOOM = 5;
const SCALE = 256 * 2 ** ZOOM;
const CELL = 56; // px, as DEFAULTS.cellSize in src/map/point-canvas.ts
const SPARSE_BELOW = 3; // as DEFAULTS.dotsBelow there

/** `count` incidents around 30 centres in a box of the Middle East ([lon, lat] 34..60, 12..40). */
function columns(count: number): PointColumns {
  const random = seededRandom(42);
  const centres = Array.from({ length: 30 }, () => [34 + random() * 26, 12 + random() * 28] as const);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const [lon, lat] = centres[Math.floor(random() * centres.length)] as readonly [number, number];
    const r = Math.sqrt(-2 * Math.log(1 - random())) * 0.6;
    const a = 2 * Math.PI * random();
    x[i] = mercatorX(lon + r * Math.cos(a));
    y[i] = mercatorY(lat + r * Math.sin(a));
  }
  return { x, y, style: new Uint8Array(count) };
}

// The view's top-left corner, so the box of incidents sits in the middle of the canvas.
const view = {
  scale: SCALE,
  left: mercatorX(47) * SCALE - WIDTH / 2,
  top: mercatorY(26) * SCALE - HEIGHT / 2,
  ratio: 1,
  width: WIDTH,
  height: HEIGHT,
};
const area: GridArea = { left: view.left, top: view.top, width: WIDTH, height: HEIGHT, cellSize: CELL };

for (const count of [1_000_000, 100_000]) {
  const points = columns(count);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  const drawn: DrawnPoints = {
    xs: new Float32Array(count),
    ys: new Float32Array(count),
    index: new Uint32Array(count),
    centre: new Int32Array(count),
  };
  const n = projectPoints(view, points, order, 5, drawn);
  let grid = DensityGrid.build(drawn.xs, drawn.ys, n, area);
  if (grid.binned !== n) throw new Error(`Binned ${grid.binned} of ${n} points in view`);
  describe(`${count} shown incidents (${n} in view, ${grid.maxCount} in the densest cell)`, () => {
    bench('projectPoints (for scale: the pass before binning)', () => {
      projectPoints(view, points, order, 5, drawn);
    });
    bench('DensityGrid.build, reusing the last grid’s arrays', () => {
      grid = DensityGrid.build(drawn.xs, drawn.ys, n, area, grid);
    });
    // keepSparse moves the drawn points, so each run projects them again: a redraw's whole grid-mode work
    // before stamping the few dots left.
    bench('projectPoints + DensityGrid.build + keepSparse', () => {
      const inView = projectPoints(view, points, order, 5, drawn);
      grid = DensityGrid.build(drawn.xs, drawn.ys, inView, area, grid);
      keepSparse(drawn, inView, grid, SPARSE_BELOW);
    });
  });
}
