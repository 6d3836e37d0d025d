/**
 * What the timeline counts: the date columns of all incidents, the incidents passing the other filters,
 * and their histogram per bin unit, counted once per unit and cached until the data changes.
 * Pure (no DOM). Days are local calendar day numbers (see `domain/date.ts`).
 */
import {
  type Bin,
  type BinUnit,
  type DayRange,
  dayExtent,
  histogram,
  maxBinCount,
} from '../domain/histogram';

/** Above this many bins over the whole data, count only the visible span on each request instead. */
const MAX_CACHED_BINS = 20_000;

/** The timeline's data and its cached histograms. */
export class TimelineData {
  /** First local day of every incident (all of them; `indices` point into it). */
  firstDay: Int32Array = new Int32Array(0);
  /** Last local day of every incident (inclusive). */
  lastDay: Int32Array = new Int32Array(0);
  /** The incidents passing the non-date filters: the ones counted. */
  indices: ArrayLike<number> = [];
  /** First and last day over all incidents; null when there are none. */
  extent: DayRange | null = null;
  /** First and last day over the counted incidents; null when none pass. */
  countedExtent: DayRange | null = null;
  private readonly cache = new Map<BinUnit, Bin[]>(); // per unit, over `extent`

  /** Replaces the data; returns true when the columns are new arrays (a new dataset, not a new filter). */
  set(firstDay: Int32Array, lastDay: Int32Array, indices: ArrayLike<number>): boolean {
    if (firstDay.length !== lastDay.length) {
      throw new Error(`firstDay has ${firstDay.length} rows but lastDay has ${lastDay.length}`);
    }
    const newDataset = firstDay !== this.firstDay || lastDay !== this.lastDay;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.indices = indices;
    this.countedExtent = dayExtent(firstDay, lastDay, indices);
    this.cache.clear();
    if (newDataset) this.extent = columnExtent(firstDay, lastDay);
    return newDataset;
  }

  /** The bins of `unit` with incidents that overlap the view `start`..`end` (fractional days, end exclusive). */
  visibleBins(unit: BinUnit, start: number, end: number): Bin[] {
    const e = this.extent;
    if (e === null) return [];
    let bins = this.cache.get(unit);
    if (bins === undefined && maxBinCount(e.to + 1 - e.from, unit) <= MAX_CACHED_BINS) {
      bins = histogram(this.firstDay, this.lastDay, this.indices, e, unit);
      this.cache.set(unit, bins);
    }
    if (bins === undefined) {
      const from = Math.max(e.from, Math.floor(start));
      const to = Math.min(e.to, Math.ceil(end));
      bins = from <= to ? histogram(this.firstDay, this.lastDay, this.indices, { from, to }, unit) : [];
    }
    return bins.filter((b) => b.count > 0 && b.end + 1 > start && b.start < end);
  }
}

/** First and last day over every row of the columns, or null when there are none. */
function columnExtent(firstDay: Int32Array, lastDay: Int32Array): DayRange | null {
  if (firstDay.length === 0) return null;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < firstDay.length; i++) {
    from = Math.min(from, firstDay[i] as number);
    to = Math.max(to, lastDay[i] as number);
  }
  return { from, to };
}
