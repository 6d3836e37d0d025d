import { describe, expect, it } from 'vitest';
import { ScreenGrid } from '../../src/map/screen-grid';

/** A grid over points given as [x, y] pairs (px). */
function gridOf(points: readonly [number, number][], width = 100, height = 100, cellSize = 8) {
  const xs = Float32Array.from(points, (p) => p[0]);
  const ys = Float32Array.from(points, (p) => p[1]);
  return ScreenGrid.build(xs, ys, points.length, width, height, cellSize);
}

/** The answer without a grid: every point checked. */
function bruteNearest(points: readonly [number, number][], x: number, y: number, radius: number): number {
  let best = -1;
  let bestDistance = radius * radius;
  points.forEach(([px, py], slot) => {
    const d = (Math.fround(px) - x) ** 2 + (Math.fround(py) - y) ** 2;
    if (d < bestDistance || (d === bestDistance && slot > best)) {
      best = slot;
      bestDistance = d;
    }
  });
  return best;
}

describe('ScreenGrid', () => {
  it('finds the point nearest to the query within the radius', () => {
    const grid = gridOf([
      [10, 10],
      [14, 10],
      [50, 50],
    ]);
    expect(grid.nearest(13, 10, 8)).toBe(1);
    expect(grid.nearest(11, 11, 8)).toBe(0);
    expect(grid.nearest(52, 47, 8)).toBe(2);
  });

  it('finds nothing when every point is farther than the radius', () => {
    const grid = gridOf([[10, 10]]);
    expect(grid.nearest(30, 10, 8)).toBe(-1);
    expect(grid.nearest(18.1, 10, 8)).toBe(-1);
  });

  it('counts a point exactly at the radius as found', () => {
    expect(gridOf([[10, 10]]).nearest(18, 10, 8)).toBe(0);
  });

  it('prefers the later slot (drawn on top) between points at the same distance', () => {
    const grid = gridOf([
      [20, 20],
      [20, 20],
      [24, 20],
    ]);
    expect(grid.nearest(20, 20, 8)).toBe(1);
    expect(grid.nearest(22, 20, 8)).toBe(2);
  });

  it('finds points across cell borders', () => {
    const grid = gridOf([[15.9, 15.9]], 100, 100, 8);
    expect(grid.nearest(16.1, 16.1, 8)).toBe(0);
    expect(grid.nearest(8.5, 8.5, 11)).toBe(0);
  });

  it('keeps points outside its rectangle findable from nearby queries', () => {
    const grid = gridOf([
      [-3, 50],
      [104, 50],
    ]);
    expect(grid.nearest(2, 50, 8)).toBe(0);
    expect(grid.nearest(-6, 50, 8)).toBe(0);
    expect(grid.nearest(99, 51, 8)).toBe(1);
  });

  it('answers like a check of every point, on random points and queries', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const points: [number, number][] = Array.from({ length: 2000 }, () => [random() * 300, random() * 200]);
    const grid = gridOf(points, 300, 200, 8);
    expect(grid.size).toBe(2000);
    for (let q = 0; q < 500; q++) {
      const x = random() * 320 - 10;
      const y = random() * 220 - 10;
      const radius = random() * 20;
      expect(grid.nearest(x, y, radius), `query (${x}, ${y}) r ${radius}`).toBe(
        bruteNearest(points, x, y, radius),
      );
    }
  });

  it('indexes only the first `count` points', () => {
    const xs = Float32Array.from([10, 50]);
    const ys = Float32Array.from([10, 50]);
    const grid = ScreenGrid.build(xs, ys, 1, 100, 100, 8);
    expect(grid.size).toBe(1);
    expect(grid.nearest(50, 50, 8)).toBe(-1);
  });

  it('answers the same when it reuses the arrays of a previous grid', () => {
    const xs = Float32Array.from([10, 50, 90, 30]);
    const ys = Float32Array.from([10, 50, 90, 70]);
    const first = ScreenGrid.build(xs, ys, 4, 100, 100, 8);
    const second = ScreenGrid.build(xs, ys, 2, 100, 100, 8, first);
    expect(second.size).toBe(2);
    expect(second.nearest(50, 50, 8)).toBe(1);
    expect(second.nearest(90, 90, 8)).toBe(-1);
    expect(second.nearest(30, 70, 8)).toBe(-1);
    const third = ScreenGrid.build(xs, ys, 4, 60, 60, 8, second);
    expect(third.nearest(30, 70, 8)).toBe(3);
  });

  it('works with no points and with an empty rectangle', () => {
    expect(gridOf([]).nearest(5, 5, 8)).toBe(-1);
    expect(gridOf([[0, 0]], 0, 0).nearest(1, 1, 8)).toBe(0);
  });

  it('throws on misuse, naming the values', () => {
    const xs = new Float32Array(2);
    expect(() => ScreenGrid.build(xs, xs, 3, 10, 10, 8)).toThrow('count 3 does not fit xs (2) and ys (2)');
    expect(() => ScreenGrid.build(xs, xs, 2, 10, 10, 0)).toThrow('cell size must be > 0 px, got 0');
    expect(() => ScreenGrid.build(xs, xs, 2, -1, 10, 8)).toThrow('got -1 × 10 px');
    expect(() => ScreenGrid.build(xs, xs, 2, 10, 10, 8).nearest(0, 0, -1)).toThrow('got -1');
  });
});
