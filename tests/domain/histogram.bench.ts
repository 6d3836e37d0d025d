/**
 * histogram() against the obvious per-bin scan, on 1M synthetic incidents over ten years.
 * Run with `npx vitest bench --run tests/domain/histogram.bench.ts`.
 */
import { bench, describe } from 'vitest';
import { dayFromIso } from '../../src/domain/date';
import { type Bin, type BinUnit, histogram } from '../../src/domain/histogram';

const COUNT = 1_000_000;
const FROM = dayFromIso('2015-01-01') as number;
const SPAN = 3653; // days: ten years

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(42);
const firstDay = new Int32Array(COUNT);
const lastDay = new Int32Array(COUNT);
for (let i = 0; i < COUNT; i++) {
  firstDay[i] = FROM + Math.floor(rand() * SPAN);
  // Most incidents are one day; one in ten spans up to a month (a range or a month-precision date).
  lastDay[i] = (firstDay[i] as number) + (rand() < 0.1 ? Math.floor(rand() * 31) : 0);
}
const indices = Uint32Array.from({ length: COUNT }, (_, i) => i);
const view = { from: FROM, to: FROM + SPAN - 1 };

/** The naive way: for every bin, scan every incident. O(n × bins). */
function naive(unit: BinUnit): Bin[] {
  const bins = histogram(firstDay, lastDay, [], view, unit);
  for (const bin of bins) {
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      if ((firstDay[i] as number) <= bin.end && (lastDay[i] as number) >= bin.start) bin.count++;
    }
  }
  return bins;
}

for (const unit of ['month', 'week'] as const) {
  describe(`1M incidents over ten years, ${unit} bins`, () => {
    bench('histogram()', () => {
      histogram(firstDay, lastDay, indices, view, unit);
    });
    bench('naive per-bin scan', () => naive(unit) && undefined, { iterations: 2, time: 0 });
  });
}
