/** The position of `value` in the ascending `values` (a binary search), or -1 when it is not there. */
export function indexOfSorted(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < values.length && values[lo] === value ? lo : -1;
}

/** Whether the ascending `values` hold `value` (a binary search). */
export function includesSorted(values: ArrayLike<number>, value: number): boolean {
  return indexOfSorted(values, value) >= 0;
}
