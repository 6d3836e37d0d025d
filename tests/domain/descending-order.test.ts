/** The newest-first order the index keeps: a radix sort that must agree with a comparison sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descendingOrder } from '../../src/domain/descending-order';

/** The reference: positions by key descending, equal keys in position order. */
const bySort = (keys: readonly number[]) =>
  keys.map((_, i) => i).sort((a, b) => (keys[b] as number) - (keys[a] as number) || a - b);

describe('descendingOrder', () => {
  it('orders keys as a stable comparison sort does (property)', () => {
    const key = fc.oneof(
      fc.integer({ min: -4e12, max: 4e12 }),
      fc.constantFrom(0, -0, 1, -1, 1.5e12, 1.5e12 + 1, -8.64e15, 8.64e15),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 400 }), (keys) => {
        expect(Array.from(descendingOrder(Float64Array.from(keys)))).toEqual(bySort(keys));
      }),
    );
  });

  it('keeps file order among a run of equal dates, and leaves the keys as they were', () => {
    const keys = Float64Array.from({ length: 70_000 }, (_, i) => Date.UTC(2020, 0, 1 + (i % 40)));
    const before = keys.slice();
    expect(Array.from(descendingOrder(keys))).toEqual(bySort(Array.from(keys)));
    expect(keys).toEqual(before);
  });
});
