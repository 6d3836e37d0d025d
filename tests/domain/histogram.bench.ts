/**
 * histogram() against the obvious per-bin scan, on 1M synthetic incidents over ten years.
 * Run with `npx vitest bench --run tests/domain/histogram.bench.ts`.
 */
import { bench, describe } from 'vitest';
import { dayFromIso } from '../../src/domain/date';
import { type Bin, type BinUnit, histogram } from '../../src/domain/histogram';
import { seededRandom } from '../support/random';

const COUNT = 1_000_000;
const FROM = dayFromIso('2015-01-01') as number;
const SPAN = 3653; // days: ten years

const random = seededRandom;

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
