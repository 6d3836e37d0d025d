import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../src/map/label-placement';

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
