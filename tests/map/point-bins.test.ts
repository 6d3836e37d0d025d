import { describe, expect, it } from 'vitest';
import { type BinWindow, PointBins } from '../../src/map/point-bins';
import { seededRandom } from '../support/random';

const SCALE = 2 ** 12; // world px at zoom 4
const WINDOW: BinWindow = { scale: SCALE, left: 1000, top: 600, width: 500, height: 300, cellSize: 50 };

/** `n` points (Web Mercator 0..1) scattered over a little more than `window`, a few piled on one spot. */
function scatter(n: number, seed: number, window = WINDOW) {
  const random = seededRandom(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pile = i % 9 === 0;
    x[i] = (window.left - 60 + (pile ? 123 : random() * (window.width + 120))) / window.scale;
    y[i] = (window.top - 60 + (pile ? 77 : random() * (window.height + 120))) / window.scale;
  }
  return { x, y };
}

/** The positions of each bin, read from the bins. */
function contents(bins: PointBins): number[][] {
  return Array.from({ length: bins.columns * bins.rows }, (_, bin) => [
    ...bins.items.subarray(bins.start[bin], bins.start[bin + 1]),
  ]);
}

describe('PointBins.build', () => {
  it('files each point of the window under its world-aligned cell, in the order given (over several blocks)', () => {
    const points = scatter(3_000, 1);
    const order = Uint32Array.from({ length: 3_000 }, (_, i) => i).filter((i) => i % 5 !== 0);
    const bins = PointBins.build(points, order, WINDOW);
    expect([bins.column0, bins.row0, bins.columns, bins.rows]).toEqual([20, 12, 10, 6]);
    // Naively: each position of `order` whose world cell is in the window, in that cell.
    const expected: number[][] = Array.from({ length: 60 }, () => []);
    for (const i of order) {
      const column = Math.floor(((points.x[i] as number) * SCALE) / 50) - 20;
      const row = Math.floor(((points.y[i] as number) * SCALE) / 50) - 12;
      if (column >= 0 && column < 10 && row >= 0 && row < 6) expected[row * 10 + column]?.push(i);
    }
    expect(contents(bins)).toEqual(expected);
    expect(bins.start[60]).toBe(expected.flat().length);
  });

  it('gives the box of a bin’s points in world px', () => {
    const points = {
      x: Float64Array.of(1010 / SCALE, 1040 / SCALE),
      y: Float64Array.of(620 / SCALE, 605 / SCALE),
    };
    const bins = PointBins.build(points, Uint32Array.of(0, 1), WINDOW);
    expect(bins.count(0)).toBe(2);
    expect(bins.boxOf(0)).toEqual([1010, 605, 1040, 620]);
    expect(bins.boxOf(1)).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });

  it('leaves out points beyond the window and NaN', () => {
    const points = {
      x: Float64Array.of(Number.NaN, 0.9, 1100 / SCALE),
      y: Float64Array.of(700 / SCALE, 0.1, 700 / SCALE),
    };
    const bins = PointBins.build(points, Uint32Array.of(0, 1, 2), WINDOW);
    expect(contents(bins).flat()).toEqual([2]);
  });

  it('reuses the arrays of the previous bins when they fit', () => {
    const points = scatter(500, 2);
    const order = Uint32Array.from({ length: 500 }, (_, i) => i);
    const first = PointBins.build(points, order, WINDOW);
    const second = PointBins.build(points, order.subarray(0, 100), WINDOW, first);
    expect(second.start).toBe(first.start);
    expect(second.items).toBe(first.items);
    expect(contents(second)).toEqual(contents(PointBins.build(points, order.subarray(0, 100), WINDOW)));
  });

  it('reuses the arrays of one bins and the scratch of others, which stay as they were', () => {
    const points = scatter(500, 4);
    const order = Uint32Array.from({ length: 500 }, (_, i) => i);
    const shown = PointBins.build(points, order, WINDOW);
    const spare = PointBins.build(points, order, WINDOW);
    const kept = contents(shown);
    const next = PointBins.build(points, order.subarray(0, 300), WINDOW, spare, shown);
    expect(next.items).toBe(spare.items);
    expect(next.items).not.toBe(shown.items);
    const scratch = (bins: PointBins) => bins['binOf' as keyof PointBins];
    expect(scratch(next)).toBe(scratch(shown)); // one scratch for both: a million points need 4 MB of it
    expect(contents(shown)).toEqual(kept); // the bins shown before are still whole
    expect(contents(next)).toEqual(contents(PointBins.build(points, order.subarray(0, 300), WINDOW)));
  });

  it('refuses a window it cannot cut, with the values in the message', () => {
    const points = scatter(1, 3);
    expect(() => PointBins.build(points, [0], { ...WINDOW, cellSize: 0 })).toThrow('got 0');
    expect(() => PointBins.build(points, [0], { ...WINDOW, left: Number.NaN })).toThrow('"left":null');
  });
});

describe('PointBins.covers and binAt', () => {
  it('covers the rectangles inside its window, at its scale, for its order only', () => {
    const order = Uint32Array.of(0);
    const bins = PointBins.build(scatter(1, 4), order, WINDOW);
    expect(bins.covers(order, SCALE, 1000, 600, 500, 300)).toBe(true);
    expect(bins.covers(order, SCALE, 1010.5, 620, 400, 200)).toBe(true);
    expect(bins.covers(order, SCALE, 999, 600, 100, 100)).toBe(false); // a cell to the left
    expect(bins.covers(order, SCALE, 1000, 600, 501, 300)).toBe(false); // a cell to the right
    expect(bins.covers(order, SCALE * 2, 1000, 600, 100, 100)).toBe(false);
    expect(bins.covers(Uint32Array.of(0), SCALE, 1000, 600, 100, 100)).toBe(false);
    expect(bins.binAt(20, 12)).toBe(0);
    expect(bins.binAt(29, 17)).toBe(59);
    expect(bins.binAt(30, 12)).toBe(-1);
    expect(bins.binAt(19, 12)).toBe(-1);
  });
});
