/**
 * The density grid's work on one core, without a browser, for 1M (and 100k) shown incidents, all in view,
 * in 56 px cells of a 1920 × 1200 px canvas (a 1280 × 800 map with the point canvas's 25 % padding):
 * binning them (once per zoom and filter: PointBins.build over the canvas and one canvas beyond each
 * edge), then what every redraw at that zoom does (a pan): read the canvas's cells from the bins and pick
 * the points of sparse cells to draw as dots. `projectPoints` over every point is measured for scale (what a
 * redraw cost before the bins). Not included: painting the cells and their counts, which
 * tests/e2e/density.test.ts reports from Chromium.
 *
 * Run: npx vitest bench --run --project unit tests/map/density-grid.bench.ts
 */
import { bench, describe } from 'vitest';
import { clusteredPoints } from '../../bench/clustered-points';
import { DensityGrid, type GridArea, pointsOfSquares } from '../../src/map/density-grid';
import { PointBins } from '../../src/map/point-bins';
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
// As DEFAULTS.binPadding (1) in point-canvas.ts: the canvas and one canvas beyond each edge.
const window = {
  ...area,
  left: area.left - WIDTH,
  top: area.top - HEIGHT,
  width: 3 * WIDTH,
  height: 3 * HEIGHT,
  scale: SCALE,
};

for (const count of [1_000_000, 100_000]) {
  const points = clusteredPoints(count);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  const drawn: DrawnPoints = {
    xs: new Float32Array(count),
    ys: new Float32Array(count),
    index: new Uint32Array(count),
    centre: new Int32Array(count),
  };
  const picked = new Uint32Array(count);
  let bins = PointBins.build(points, order, window);
  let grid = DensityGrid.fromBins(bins, area);
  const n = projectPoints(view, points, order, 5, drawn);
  if (grid.binned < n) throw new Error(`Binned ${grid.binned} of ${n} points in view`);
  describe(`${count} shown incidents (${n} in view, ${grid.maxCount} in the densest cell)`, () => {
    bench('projectPoints of every point (for scale: a redraw before the bins)', () => {
      projectPoints(view, points, order, 5, drawn);
    });
    bench('PointBins.build (a zoom or a filter), reusing the last bins’ arrays', () => {
      bins = PointBins.build(points, order, window, bins);
    });
    bench('DensityGrid.fromBins + pointsOfSquares + projectPoints of the dots (a pan)', () => {
      grid = DensityGrid.fromBins(bins, area, grid);
      const dots = pointsOfSquares(bins, grid, SPARSE_BELOW, picked);
      projectPoints(view, points, dots, 5, drawn);
    });
  });
}
