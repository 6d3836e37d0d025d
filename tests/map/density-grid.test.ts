import { describe, expect, it } from 'vitest';
import {
  DensityGrid,
  formatCount,
  type GridArea,
  pointsOfSquares,
  shadeOf,
} from '../../src/map/density-grid';
import { PointBins } from '../../src/map/point-bins';
import { MAX_MERCATOR_LATITUDE, mercatorX, mercatorY } from '../../src/map/point-raster';
import { seededRandom } from '../support/random';

const AREA: GridArea = { left: 0, top: 0, width: 200, height: 100, cellSize: 50 };
const SCALE = 2 ** 20; // world px: every test point is a small binary fraction of it, so exact

/** Bins of points given as [x, y] pairs (area px) over `area`, at `SCALE`. */
function binsOf(points: readonly [number, number][], area: GridArea = AREA) {
  const x = Float64Array.from(points, (p) => (p[0] + area.left) / SCALE);
  const y = Float64Array.from(points, (p) => (p[1] + area.top) / SCALE);
  const order = Uint32Array.from(points, (_, i) => i);
  return PointBins.build({ x, y }, order, { ...area, scale: SCALE });
}

/** A grid over points given as [x, y] pairs (area px). */
function gridOf(points: readonly [number, number][], area: GridArea = AREA) {
  return DensityGrid.fromBins(binsOf(points, area), area);
}

/** Every non-empty cell as { cell: count }. */
function countsOf(grid: DensityGrid): Record<number, number> {
  const out: Record<number, number> = {};
  grid.counts.forEach((n, cell) => {
    if (n > 0) out[cell] = n;
  });
  return out;
}

/** `n` random points in a `width × height` px area, with a few piled onto the same pixel. */
function randomPoints(n: number, width: number, height: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, k) =>
    k % 7 === 0 ? [width / 3, height / 3] : [random() * width, random() * height],
  );
}

describe('DensityGrid.fromBins', () => {
  it('counts the points of each cell', () => {
    const grid = gridOf([
      [10, 10],
      [20, 30],
      [60, 10],
      [199, 99],
    ]);
    expect([grid.columns, grid.rows]).toEqual([4, 2]);
    expect(countsOf(grid)).toEqual({ 0: 2, 1: 1, 7: 1 });
    expect(grid.maxCount).toBe(2);
    expect(grid.binned).toBe(4);
  });

  it('counts every point inside the area exactly once, each in the cell under it', () => {
    for (const seed of [1, 2, 3]) {
      const area: GridArea = { left: 12_336, top: -768, width: 333, height: 211, cellSize: 48 };
      const points = randomPoints(2_000, area.width, area.height, seed);
      const grid = gridOf(points, area);
      expect(grid.counts.reduce((sum, n) => sum + n, 0)).toBe(points.length);
      expect(grid.binned).toBe(points.length);
      for (const [x, y] of points) {
        const cell = grid.cellAt(x, y);
        const left = grid.cellLeft(cell);
        const top = grid.cellTop(cell);
        expect(x).toBeGreaterThanOrEqual(left);
        expect(x).toBeLessThan(left + grid.cellSize);
        expect(y).toBeGreaterThanOrEqual(top);
        expect(y).toBeLessThan(top + grid.cellSize);
      }
    }
  });

  it('aligns the cells to the world, so a pan moves them with the map', () => {
    // The same two world pixels (970, 965) and (1000, 1005), seen from two area corners.
    const world: [number, number][] = [
      [970, 965],
      [1000, 1005],
    ];
    for (const [left, top] of [
      [900, 950],
      [955.5, 930.25],
    ] as const) {
      const area: GridArea = { left, top, width: 400, height: 300, cellSize: 48 };
      const local = world.map(([x, y]): [number, number] => [x - left, y - top]);
      const grid = gridOf(local, area);
      // World pixels 960 and 1008 are cell edges (20 and 21 × 48): both points share the cell between.
      const cell = grid.cellAt(...(local[0] as [number, number]));
      expect(grid.cellAt(...(local[1] as [number, number]))).toBe(cell);
      expect(grid.counts[cell]).toBe(2);
      expect(grid.cellLeft(cell) + left).toBe(960);
      expect(grid.cellTop(cell) + top).toBe(960);
      expect(grid.originX).toBeLessThanOrEqual(0);
      expect(grid.originX).toBeGreaterThan(-48);
    }
  });

  it('reads any area the bins cover, and counts the whole of an edge cell', () => {
    // Bins over a wide window; the grid of a smaller area inside it, whose edges cut cells.
    const window: GridArea = { left: 0, top: 0, width: 400, height: 300, cellSize: 50 };
    const bins = binsOf(randomPoints(3_000, 400, 300, 5), window);
    const area: GridArea = { left: 75, top: 60, width: 200, height: 100, cellSize: 50 };
    const grid = DensityGrid.fromBins(bins, area);
    expect([grid.columns, grid.rows, grid.originX, grid.originY]).toEqual([5, 3, -25, -10]);
    // The area's first cell is world cell (1, 1), so bin 1 · 8 + 1.
    expect(grid.counts[0]).toBe(bins.count(9));
    expect(grid.binOf(bins, 0)).toBe(9);
    expect(grid.binOf(bins, 6)).toBe(18); // second row, second column
  });

  it('gives an empty grid for no points', () => {
    const grid = gridOf([]);
    expect(grid.maxCount).toBe(0);
    expect(grid.binned).toBe(0);
    expect(grid.counts.every((n) => n === 0)).toBe(true);
  });

  it('puts a thousand points on one pixel in one cell', () => {
    const grid = gridOf(Array.from({ length: 1000 }, () => [75.5, 20.5] as [number, number]));
    expect(countsOf(grid)).toEqual({ 1: 1000 });
  });

  it('leaves points outside the bins, and NaN, out of every cell', () => {
    const grid = gridOf([
      [-1, 10],
      [200, 10],
      [10, 100],
      [Number.NaN, 10],
      [10, Number.POSITIVE_INFINITY],
      [0, 0],
    ]);
    expect(grid.binned).toBe(1);
    expect(countsOf(grid)).toEqual({ 0: 1 });
  });

  it('bins points projected at the edges of the world, at any zoom, without failing', () => {
    const lonLat: [number, number][] = [
      [-180, MAX_MERCATOR_LATITUDE],
      [180, -MAX_MERCATOR_LATITUDE],
      [-180, -90],
      [179.9999, 90],
      [0, 0],
    ];
    const points = {
      x: Float64Array.from(lonLat, ([lon]) => mercatorX(lon)),
      y: Float64Array.from(lonLat, ([, lat]) => mercatorY(lat)),
    };
    const order = Uint32Array.from(lonLat, (_, i) => i);
    for (const zoom of [0, 2, 7.5, 18]) {
      const scale = 256 * 2 ** zoom;
      // An area a bit larger than the world at low zoom; the world's top-left corner at high zoom.
      const area = {
        left: -100,
        top: -100,
        width: Math.min(scale + 200, 1600),
        height: Math.min(scale + 200, 1000),
        cellSize: 48,
      };
      const bins = PointBins.build(points, order, { ...area, scale });
      const grid = DensityGrid.fromBins(bins, area);
      const inArea = lonLat.filter((_, i) => {
        const x = (points.x[i] as number) * scale;
        const y = (points.y[i] as number) * scale;
        return x >= -100 && y >= -100 && x < area.left + area.width && y < area.top + area.height;
      }).length;
      expect(grid.binned).toBeGreaterThanOrEqual(inArea);
      expect(grid.counts.reduce((sum, n) => sum + n, 0)).toBe(grid.binned);
    }
  });

  it('reuses the arrays of the previous grid when the cells are the same', () => {
    const first = gridOf([
      [10, 10],
      [60, 10],
      [70, 10],
    ]);
    const second = DensityGrid.fromBins(binsOf([[10, 10]]), AREA, first);
    expect(second.counts).toBe(first.counts);
    expect(countsOf(second)).toEqual({ 0: 1 }); // the others cleared
  });

  it('refuses nonsense with the values in the message', () => {
    const bins = binsOf([]);
    expect(() => DensityGrid.fromBins(bins, { ...AREA, cellSize: 40 })).toThrow(
      'cells of 40 px cannot read bins of 50 px',
    );
    expect(() => DensityGrid.fromBins(bins, { ...AREA, width: -1 })).toThrow('-1 × 100');
    expect(() => DensityGrid.fromBins(bins, { ...AREA, left: Number.NaN })).toThrow('(NaN, 0)');
  });
});

describe('DensityGrid.cellAt', () => {
  it('finds the cell under a point, and none outside the cells', () => {
    const area = { ...AREA, left: 25 }; // the first column starts 25 px left of the area
    const grid = gridOf([], area);
    expect(grid.originX).toBe(-25);
    expect(grid.columns).toBe(5);
    expect(grid.cellAt(0, 0)).toBe(0);
    expect(grid.cellAt(24.9, 0)).toBe(0);
    expect(grid.cellAt(25, 0)).toBe(1);
    expect(grid.cellAt(30, 60)).toBe(6);
    expect(grid.cellAt(-26, 0)).toBe(-1);
    expect(grid.cellAt(10, 100)).toBe(-1);
  });
});

describe('pointsOfSquares', () => {
  it('gives the positions of the points of cells under the threshold, ascending', () => {
    const points: [number, number][] = [
      [10, 10], // cell 0: three points, drawn as a count
      [60, 10], // cell 1: one point
      [20, 20],
      [170, 90], // cell 7: one point
      [30, 30],
      [70, 60], // cell 5: one point
    ];
    const bins = binsOf(points);
    const grid = DensityGrid.fromBins(bins, AREA);
    const into = new Uint32Array(points.length);
    expect([...pointsOfSquares(bins, grid, 3, into)]).toEqual([1, 3, 5]);
    expect([...pointsOfSquares(bins, grid, Number.POSITIVE_INFINITY, into)]).toEqual([0, 1, 2, 3, 4, 5]);
    // The room those need, known before reading them.
    expect(grid.pointsBelow(3)).toBe(3);
    expect(grid.pointsBelow(4)).toBe(6);
    expect(grid.pointsBelow(Number.POSITIVE_INFINITY)).toBe(6);
    expect(grid.pointsBelow(1)).toBe(0);
  });

  it('refuses to write past the room it is given', () => {
    const bins = binsOf([
      [10, 10],
      [20, 10],
    ]);
    const grid = DensityGrid.fromBins(bins, AREA);
    expect(() => pointsOfSquares(bins, grid, 3, new Uint32Array(1))).toThrow('No room for 2 points (have 1)');
  });
});

describe('shadeOf', () => {
  it('spreads counts over the shades on a log scale', () => {
    // low 1, high 10,000: each decade is one of four shades.
    expect([1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000].map((n) => shadeOf(n, 1, 10_000, 4))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 3,
    ]);
  });

  it('gives the ends to counts beyond the scale, and the lightest when the scale is empty', () => {
    expect(shadeOf(1, 3, 100, 6)).toBe(0);
    expect(shadeOf(1e6, 3, 100, 6)).toBe(5);
    expect(shadeOf(50, 3, 3, 6)).toBe(0);
  });

  it('refuses a scale it cannot draw', () => {
    expect(() => shadeOf(5, 0, 10, 4)).toThrow('> 0, got 0');
    expect(() => shadeOf(5, 1, 10, 0)).toThrow('got 0');
  });
});

describe('formatCount', () => {
  it('writes counts in at most four characters, rounded down', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [38, '38'],
      [999, '999'],
      [1_000, '1k'],
      [1_299, '1.2k'],
      [9_999, '9.9k'],
      [10_000, '10k'],
      [123_456, '123k'],
      [999_999, '999k'],
      [1_000_000, '1M'],
      [1_250_000, '1.2M'],
      [12_345_678, '12M'],
    ];
    for (const [n, text] of cases) expect(formatCount(n)).toBe(text);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => formatCount(1.5)).toThrow('got 1.5');
    expect(() => formatCount(-1)).toThrow('got -1');
  });
});
