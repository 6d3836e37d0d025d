/**
 * Typed arrays that grow while a dataset is built row by row (the loading worker derives its columns as
 * features stream in, without knowing how many will come): capacity doubles, so appending n values copies
 * at most 2n, and `trimmed` gives an array of exactly the rows written, with a buffer of its own to transfer.
 */

export type GrowableArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** `array` if it has room for index `need - 1`, else a copy of it at least twice as long. */
export function withRoom<A extends GrowableArray>(array: A, need: number): A {
  if (need <= array.length) return array;
  const Kind = array.constructor as new (length: number) => A;
  const grown = new Kind(Math.max(need, array.length * 2, 64));
  grown.set(array);
  return grown;
}

/** The first `count` values of `array` in an array (and buffer) of exactly that length. */
export function trimmed<A extends GrowableArray>(array: A, count: number): A {
  if (count > array.length) throw new RangeError(`Asked for ${count} values of an array of ${array.length}`);
  return array.slice(0, count) as A;
}
