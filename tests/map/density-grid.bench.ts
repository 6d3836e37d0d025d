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
import { clusteredPoints } from '../../bench/clustered-points';
import { DensityGrid, type GridArea, keepSparse } from '../../src/map/density-grid';
import { type DrawnPoints, mercatorX, mercatorY, projectPoints } from '../../src/map/point-raster';

const WIDTH = 1920; // CSS px = device px (ratio 1)
const HEIGHT = 1200;
const ZOOM = 5;
const SCALE = 256 * 2 ** ZOOM;
const CELL = 56; // px, as DEFAULTS.cellSize in src/map/point-canvas.ts
const SPARSE_BELOW = 3; // as DEFAULTS.dotsBelow there

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
  const points = clusteredPoints(count);
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
