/**
 * What the timeline counts: the date columns of all incidents, the incidents passing the other filters,
 * and their histogram per bin unit, counted once per unit and cached until the data changes.
 * Pure (no DOM). Days are local calendar day numbers (see `domain/date.ts`).
 */
import { type Bin, type BinUnit, type DayRange, histogram, maxBinCount } from '../domain/histogram';

/** Above this many bins over the whole data, count only the visible span on each request instead. */
const MAX_CACHED_BINS = 20_000;

/**
 * Incidents whose date covers several days (a week, a month, a range) sharing one first and last day:
 * drawn as one span on the timeline, since "late December" is not a point in time.
 */
export interface DateSpan extends DayRange {
  /** How many counted incidents have exactly this range. */
  count: number;
}

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
  /** Counted incidents that cover more than one day, grouped by range, ordered by first then last day. */
  private spans: DateSpan[] = [];

  /**
   * Replaces the data. Returns `'dataset'` when the columns are new arrays (a new dataset), `'counted'` when
   * only the counted incidents changed (a new filter), `'same'` when `indices` is the array counted already.
   */
  set(firstDay: Int32Array, lastDay: Int32Array, indices: ArrayLike<number>): 'dataset' | 'counted' | 'same' {
    if (firstDay.length !== lastDay.length) {
      throw new Error(`firstDay has ${firstDay.length} rows but lastDay has ${lastDay.length}`);
    }
    const newDataset = firstDay !== this.firstDay || lastDay !== this.lastDay;
    if (!newDataset && indices === this.indices) return 'same'; // the same counted incidents: nothing to redo
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.indices = indices;
    const { spans, extent } = groupSpans(firstDay, lastDay, indices);
    this.countedExtent = extent;
    this.cache.clear();
    this.spans = spans;
    // Counting every incident (a permutation of them all), the counted extent is the data's.
    if (newDataset)
      this.extent = indices.length === firstDay.length ? extent : columnExtent(firstDay, lastDay);
    return newDataset ? 'dataset' : 'counted';
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

  /**
   * The spans that overlap the view `start`..`end` (fractional days, end exclusive), at most `max` of them
   * (the earliest), and how many more overlap it. Bounded work per call: one pass over the distinct ranges.
   */
  visibleSpans(start: number, end: number, max: number): { spans: DateSpan[]; more: number } {
    const spans: DateSpan[] = [];
    let more = 0;
    for (const span of this.spans) {
      if (span.from >= end || span.to + 1 <= start) continue;
      if (spans.length < max) spans.push(span);
      else more++;
    }
    return { spans, more };
  }
}

/**
 * In one pass over the counted incidents: those covering more than one day, one entry per distinct range,
 * in date order; and their first and last day (null when none are counted).
 */
function groupSpans(
  firstDay: Int32Array,
  lastDay: Int32Array,
  indices: ArrayLike<number>,
): { spans: DateSpan[]; extent: DayRange | null } {
  const byRange = new Map<number, DateSpan>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const from = firstDay[i] as number;
    const to = lastDay[i] as number;
    if (from < min) min = from;
    if (to > max) max = to;
    if (to <= from) continue;
    // Day numbers fit in ±2^26 (years ±180,000), so the pair packs exactly into one double.
    const key = from * 2 ** 27 + (to - from);
    const span = byRange.get(key);
    if (span) span.count++;
    else byRange.set(key, { from, to, count: 1 });
  }
  const spans = [...byRange.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  return { spans, extent: indices.length === 0 ? null : { from: min, to: max } };
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
