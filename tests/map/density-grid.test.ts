import { describe, expect, it } from 'vitest';
import { DensityGrid, formatCount, type GridArea, keepSparse, shadeOf } from '../../src/map/density-grid';
import {
  type DrawnPoints,
  MAX_MERCATOR_LATITUDE,
  mercatorX,
  mercatorY,
  type PointColumns,
  projectPoints,
} from '../../src/map/point-raster';
import { seededRandom } from '../support/random';

const AREA: GridArea = { left: 0, top: 0, width: 200, height: 100, cellSize: 50 };

/** A grid over points given as [x, y] pairs (area px). */
function gridOf(points: readonly [number, number][], area: GridArea = AREA) {
  const xs = Float32Array.from(points, (p) => p[0]);
  const ys = Float32Array.from(points, (p) => p[1]);
  return DensityGrid.build(xs, ys, points.length, area);
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

describe('DensityGrid.build', () => {
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
    expect([...grid.cellOf.subarray(0, 4)]).toEqual([0, 0, 1, 7]);
  });

  it('keeps the bounding box of the points of each cell', () => {
    const grid = gridOf([
      [10, 40],
      [30, 5],
      [60, 10],
    ]);
    expect([grid.minX[0], grid.minY[0], grid.maxX[0], grid.maxY[0]]).toEqual([10, 5, 30, 40]);
    expect([grid.minX[1], grid.minY[1], grid.maxX[1], grid.maxY[1]]).toEqual([60, 10, 60, 10]);
    expect(grid.minX[2]).toBe(Number.POSITIVE_INFINITY);
    expect(grid.maxX[2]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('counts every point inside the area exactly once, and each inside the box of its cell', () => {
    for (const seed of [1, 2, 3]) {
      const area: GridArea = { left: 12_345.6, top: -789.25, width: 333, height: 211, cellSize: 48 };
      const points = randomPoints(2_000, area.width, area.height, seed);
      const grid = gridOf(points, area);
      expect(grid.counts.reduce((sum, n) => sum + n, 0)).toBe(points.length);
      expect(grid.binned).toBe(points.length);
      points.forEach(([x, y], slot) => {
        const cell = grid.cellOf[slot] as number;
        const left = grid.cellLeft(cell);
        const top = grid.cellTop(cell);
        const [fx, fy] = [Math.fround(x), Math.fround(y)];
        expect(fx).toBeGreaterThanOrEqual(left);
        expect(fx).toBeLessThan(left + grid.cellSize);
        expect(fy).toBeGreaterThanOrEqual(top);
        expect(fy).toBeLessThan(top + grid.cellSize);
        expect(fx).toBeGreaterThanOrEqual(grid.minX[cell] as number);
        expect(fx).toBeLessThanOrEqual(grid.maxX[cell] as number);
        expect(fy).toBeGreaterThanOrEqual(grid.minY[cell] as number);
        expect(fy).toBeLessThanOrEqual(grid.maxY[cell] as number);
        expect(grid.cellAt(fx, fy)).toBe(cell);
      });
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
      const grid = gridOf(
        world.map(([x, y]) => [x - left, y - top]),
        area,
      );
      // World pixels 960 and 1008 are cell edges (20 and 21 × 48): both points share the cell between.
      expect(grid.cellOf[0]).toBe(grid.cellOf[1]);
      const cell = grid.cellOf[0] as number;
      expect(grid.cellLeft(cell) + left).toBe(960);
      expect(grid.cellTop(cell) + top).toBe(960);
      expect(grid.originX).toBeLessThanOrEqual(0);
      expect(grid.originX).toBeGreaterThan(-48);
    }
  });

  it('is deterministic', () => {
    const points = randomPoints(5_000, 640, 480, 7);
    const area: GridArea = { left: 31.5, top: 17.25, width: 640, height: 480, cellSize: 56 };
    const a = gridOf(points, area);
    const b = gridOf(points, area);
    expect([...a.counts]).toEqual([...b.counts]);
    expect([...a.minX]).toEqual([...b.minX]);
    expect([...a.cellOf]).toEqual([...b.cellOf]);
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
    expect([grid.minX[1], grid.maxX[1], grid.minY[1], grid.maxY[1]]).toEqual([75.5, 75.5, 20.5, 20.5]);
  });

  it('leaves points outside the area, and NaN, out of every cell', () => {
    const grid = gridOf([
      [-1, 10],
      [200, 10],
      [10, 100],
      [Number.NaN, 10],
      [10, Number.POSITIVE_INFINITY],
      [0, 0],
    ]);
    expect([...grid.cellOf.subarray(0, 6)]).toEqual([-1, -1, -1, -1, -1, 0]);
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
    const columns: PointColumns = {
      x: Float64Array.from(lonLat, ([lon]) => mercatorX(lon)),
      y: Float64Array.from(lonLat, ([, lat]) => mercatorY(lat)),
      style: new Uint8Array(lonLat.length),
    };
    const order = Uint32Array.from(lonLat, (_, i) => i);
    for (const zoom of [0, 2, 7.5, 18]) {
      const scale = 256 * 2 ** zoom;
      // An area a bit larger than the world at low zoom; the world's top-left corner at high zoom.
      const width = Math.min(scale + 200, 1600);
      const height = Math.min(scale + 200, 1000);
      const view = { scale, left: -100, top: -100, ratio: 1, width, height };
      const drawn: DrawnPoints = {
        xs: new Float32Array(order.length),
        ys: new Float32Array(order.length),
        index: new Uint32Array(order.length),
        centre: new Int32Array(order.length),
      };
      const count = projectPoints(view, columns, order, 0, drawn);
      const grid = DensityGrid.build(drawn.xs, drawn.ys, count, {
        left: -100,
        top: -100,
        width,
        height,
        cellSize: 48,
      });
      expect(grid.binned).toBe(count);
      expect(grid.counts.reduce((sum, n) => sum + n, 0)).toBe(count);
    }
  });

  it('reuses the arrays of the previous grid when the cells are the same', () => {
    const xs = Float32Array.of(10, 60, 70);
    const ys = Float32Array.of(10, 10, 10);
    const first = DensityGrid.build(xs, ys, 3, AREA);
    const second = DensityGrid.build(xs, ys, 1, AREA, first);
    expect(second.counts).toBe(first.counts);
    expect(second.cellOf).toBe(first.cellOf);
    expect(countsOf(second)).toEqual({ 0: 1 });
    expect(second.maxX[1]).toBe(Number.NEGATIVE_INFINITY); // cleared
  });

  it('refuses nonsense with the values in the message', () => {
    const xs = new Float32Array(2);
    expect(() => DensityGrid.build(xs, xs, 3, AREA)).toThrow('count 3 does not fit xs (2)');
    expect(() => DensityGrid.build(xs, xs, 1, { ...AREA, cellSize: 0 })).toThrow('got 0');
    expect(() => DensityGrid.build(xs, xs, 1, { ...AREA, width: -1 })).toThrow('-1 × 100');
    expect(() => DensityGrid.build(xs, xs, 1, { ...AREA, left: Number.NaN })).toThrow('(NaN, 0)');
  });
});

describe('DensityGrid.cellAt', () => {
  it('finds the cell under a point, and none outside the cells', () => {
    const grid = gridOf([], { ...AREA, left: 25 }); // the first column starts 25 px left of the area
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

describe('keepSparse', () => {
  it('keeps the points of cells under the threshold, in order, and those in no cell', () => {
    const points: [number, number][] = [
      [10, 10], // cell 0: three points, drawn as a count
      [60, 10], // cell 1: one point
      [20, 20],
      [-5, 10], // no cell
      [30, 30],
      [70, 60], // cell 5: one point
    ];
    const drawn: DrawnPoints = {
      xs: Float32Array.from(points, (p) => p[0]),
      ys: Float32Array.from(points, (p) => p[1]),
      index: Uint32Array.of(100, 101, 102, 103, 104, 105),
      centre: Int32Array.of(0, 1, 2, 3, 4, 5),
    };
    const grid = DensityGrid.build(drawn.xs, drawn.ys, points.length, AREA);
    const kept = keepSparse(drawn, points.length, grid, 3);
    expect(kept).toBe(3);
    expect([...drawn.index.subarray(0, kept)]).toEqual([101, 103, 105]);
    expect([...drawn.centre.subarray(0, kept)]).toEqual([1, 3, 5]);
    expect([...drawn.xs.subarray(0, kept)]).toEqual([60, -5, 70]);
    expect([...drawn.ys.subarray(0, kept)]).toEqual([10, 10, 60]);
  });

  it('refuses a grid built from another number of points', () => {
    const drawn: DrawnPoints = {
      xs: new Float32Array(2),
      ys: new Float32Array(2),
      index: new Uint32Array(2),
      centre: new Int32Array(2),
    };
    const grid = DensityGrid.build(drawn.xs, drawn.ys, 1, AREA);
    expect(() => keepSparse(drawn, 2, grid, 3)).toThrow('2 drawn points, the grid binned 1');
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
