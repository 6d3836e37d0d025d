// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PointCanvas } from '../../src/map/point-canvas';
import { DOT_STYLES } from '../../src/map/point-raster';

/** A canvas layer over `n` points, not on a map (it draws nothing until added). */
function layer(n: number): PointCanvas {
  const columns = {
    x: new Float64Array(n).fill(0.5),
    y: new Float64Array(n).fill(0.5),
    style: new Uint8Array(n),
  };
  return new PointCanvas(columns, { styles: DOT_STYLES, onSelect: () => {} });
}

const drawn = (points: PointCanvas, n: number) =>
  Array.from({ length: n }, (_, i) => i).filter((i) => points.has(i));

describe('PointCanvas.setIndices', () => {
  it('takes positions given ascending (a filter selection) as they are', () => {
    const points = layer(10);
    points.setIndices(Uint32Array.of(0, 3, 4, 9));
    expect(drawn(points, 10)).toEqual([0, 3, 4, 9]);
    expect(points.has(10)).toBe(false);
    expect(points.has(-1)).toBe(false);
  });

  it('takes positions in any order, repeated, as the set they name', () => {
    const points = layer(10);
    points.setIndices([9, 2, 2, 7, 0]);
    expect(drawn(points, 10)).toEqual([0, 2, 7, 9]);
    points.setIndices([]);
    expect(drawn(points, 10)).toEqual([]);
  });

  it('throws on a position outside the columns, given ascending or not', () => {
    expect(() => layer(4).setIndices([1, 4])).toThrow('No incident at index 4 (have 4)');
    expect(() => layer(4).setIndices([4, 1])).toThrow('No incident at index 4 (have 4)');
    expect(() => layer(4).setIndices([2, -1])).toThrow('No incident at index -1 (have 4)');
  });
});
