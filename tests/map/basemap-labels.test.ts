import { describe, expect, it } from 'vitest';
import { placeLabelCandidates, placeLabels } from '../../src/map/label-placement';

const box = (x: number, y: number, width: number, priority = 0) => ({ x, y, width, height: 10, priority });

describe('placeLabels with obstacles', () => {
  it('never puts a label over an obstacle, whatever its priority', () => {
    const marker = { x: 40, y: 0, width: 20, height: 20 };
    expect(placeLabels([box(0, 0, 50, 1e9), box(100, 0, 20)], 2, [marker])).toEqual([false, true]);
  });
});

describe('placeLabelCandidates', () => {
  it('takes the first side that is free, and -1 when none is', () => {
    const city = [box(0, 0, 30, 10), box(-40, 0, 30, 10)]; // right, then left of its point
    const town = [box(10, 0, 30, 5), box(10, 20, 30, 5)];
    const boxed = [box(200, 0, 10, 1), box(200, 0, 10, 1)];
    const blocker = { x: 195, y: -5, width: 30, height: 30 };
    expect(placeLabelCandidates([city, town, boxed], 2, [blocker])).toEqual([0, 1, -1]);
  });

  it('serves labels by priority, so a bigger place keeps its best side', () => {
    const small = [box(0, 0, 30, 1), box(0, 40, 30, 1)];
    const big = [box(5, 0, 30, 100), box(5, 80, 30, 100)];
    expect(placeLabelCandidates([small, big])).toEqual([1, 0]);
  });
});
