/**
 * The order of a key column, largest first, kept stable (equal keys in position order): the index's
 * newest-first order of a million sort keys, in linear time.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Positions 0 .. n - 1 ordered by `key` descending, equal keys in position order (a stable sort): an LSD
 * radix sort over the keys' 64 bits, four passes of 16 bits: linear, ~90 ms for a million keys here where
 * a comparison sort of the positions took ~370 ms. `key` is left as it was.
 */
export function descendingOrder(key: Float64Array): Uint32Array {
  const n = key.length;
  // Each key as two unsigned words whose ascending order is the keys' descending order: the IEEE 754 bits
  // with the sign flipped (or, for negative numbers, every bit flipped) sort ascending; inverted, descending.
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  const [loWord, hiWord] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    scratch[0] = (key[i] as number) + 0; // -0 sorts with 0
    const h = words[hiWord] as number;
    const l = words[loWord] as number;
    const negative = h >>> 31 === 1;
    hi[i] = negative ? h : ~(h ^ 0x8000_0000);
    lo[i] = negative ? l : ~l;
    order[i] = i;
  }
  let hiTo = new Uint32Array(n);
  let loTo = new Uint32Array(n);
  let orderTo = new Uint32Array(n);
  const counts = new Uint32Array(65_536);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((source[i] as number) >>> shift) & 0xffff;
      counts[d] = (counts[d] as number) + 1;
    }
    if (n === 0 || counts[((source[0] as number) >>> shift) & 0xffff] === n) continue; // one digit: no change
    let sum = 0;
    for (let d = 0; d < 65_536; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const d = ((source[i] as number) >>> shift) & 0xffff;
      const at = counts[d] as number;
      counts[d] = at + 1;
      hiTo[at] = hi[i] as number;
      loTo[at] = lo[i] as number;
      orderTo[at] = order[i] as number;
    }
    [hi, hiTo] = [hiTo, hi];
    [lo, loTo] = [loTo, lo];
    [order, orderTo] = [orderTo, order];
  }
  return order;
}
