import { describe, expect, it } from 'vitest';
import { labelPoint, placeLabels } from '../../src/map/label-placement';

describe('placeLabels', () => {
  it('keeps the higher-priority label when two overlap', () => {
    const visible = placeLabels([
      { x: 0, y: 0, width: 50, height: 10, priority: 1 },
      { x: 20, y: 5, width: 50, height: 10, priority: 3 },
      { x: 200, y: 0, width: 50, height: 10, priority: 0 },
    ]);
    expect(visible).toEqual([false, true, true]);
  });

  it('keeps labels that only come within the margin apart', () => {
    const boxes = [
      { x: 0, y: 0, width: 10, height: 10, priority: 1 },
      { x: 13, y: 0, width: 10, height: 10, priority: 0 },
    ];
    expect(placeLabels(boxes, 2)).toEqual([true, true]);
    expect(placeLabels(boxes, 4)).toEqual([true, false]);
  });
});

describe('labelPoint', () => {
  it('puts the label at the centroid of the largest ring', () => {
    const small = [
      [100, 0],
      [101, 0],
      [101, 1],
      [100, 0],
    ];
    const square = [
      [0, 0],
      [4, 0],
      [4, 2],
      [0, 2],
      [0, 0],
    ];
    expect(labelPoint([small, square])).toEqual([2, 1]);
  });

  it('has no point for an empty polygon', () => {
    expect(labelPoint([])).toBeNull();
  });
});
