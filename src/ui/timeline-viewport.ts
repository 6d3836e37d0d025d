/**
 * Which span of time the timeline shows, and the rules for zooming, panning and fitting it.
 * Pure (no DOM). Days are local calendar day numbers (see `domain/date.ts`); the view is kept in
 * fractional days with `end` exclusive, so zooming and panning are smooth while ranges stay whole days.
 */
import type { DayRange } from '../domain/histogram';

/** Zoom and fit limits. */
export const VIEWPORT_DEFAULTS = {
  minDays: 7, // days: the deepest zoom
  minFitDays: 14, // days: a fitted view never spans less (6 incidents over a few days still get room)
  fitPadding: 0.06, // fraction of the fitted span added on each side
  maxDaysFloor: 3653, // days: zooming out may always reach ten years …
  maxContentMultiple: 4, // … or four times the content's span, whichever is more
} as const;

const MS_PER_DAY = 86_400_000;

/** The smallest range holding both, or whichever is not null. */
export function unionRange(a: DayRange | null, b: DayRange | null): DayRange | null {
  if (a === null) return b;
  if (b === null) return a;
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}

/**
 * The visible span of the timeline. It never drifts away from its content (the data's extent and the
 * selected range): the view's centre stays within the content.
 */
export class Viewport {
  /** First visible instant, in fractional day numbers. */
  start = 0;
  /** End of the view (exclusive), in fractional day numbers. */
  end = 0;
  private content: DayRange | null = null;

  /** Days shown (fractional). */
  get span(): number {
    return this.end - this.start;
  }

  /** The days the view must stay near: the data's extent joined with the selected range. */
  setContent(content: DayRange | null): void {
    this.content = content;
    this.set(this.start, this.end);
  }

  /** The widest the view may be (days). */
  maxDays(): number {
    const c = this.content;
    const contentDays = c ? c.to + 1 - c.from : 0;
    return Math.max(VIEWPORT_DEFAULTS.maxDaysFloor, VIEWPORT_DEFAULTS.maxContentMultiple * contentDays);
  }

  /** Sets the view, clamping its span to the zoom limits and its centre to the content. */
  set(start: number, end: number): void {
    const span = Math.min(Math.max(end - start, VIEWPORT_DEFAULTS.minDays), this.maxDays());
    let center = (start + end) / 2;
    const c = this.content;
    if (c) center = Math.min(Math.max(center, c.from), c.to + 1);
    this.start = center - span / 2;
    this.end = center + span / 2;
  }

  /** Shows `days` with padding, at least minFitDays wide; with nothing to show, the 30 days up to today. */
  fit(days: DayRange | null): void {
    const today = Math.floor(Date.now() / MS_PER_DAY);
    const { from, to } = days ?? { from: today - 29, to: today };
    const span = to + 1 - from;
    const total = Math.max(VIEWPORT_DEFAULTS.minFitDays, span * (1 + 2 * VIEWPORT_DEFAULTS.fitPadding));
    const center = (from + to + 1) / 2;
    this.set(center - total / 2, center + total / 2);
  }

  /** True when all of `range` is visible. */
  contains(range: DayRange): boolean {
    return range.from >= this.start && range.to + 1 <= this.end;
  }

  /** Widens the view (never narrows it) until all of `range` is visible, with a little padding. */
  reveal(range: DayRange): void {
    if (this.contains(range)) return;
    const start = Math.min(this.start, range.from);
    const end = Math.max(this.end, range.to + 1);
    const pad = (end - start) * VIEWPORT_DEFAULTS.fitPadding;
    this.set(start - pad, end + pad);
  }

  /** Pans the least distance that brings `day` into view (a keyboard-moved handle stays visible). */
  follow(day: number): void {
    if (day < this.start) this.set(day, day + this.span);
    else if (day + 1 > this.end) this.set(day + 1 - this.span, day + 1);
  }

  /** Zooms by `factor` (< 1 zooms in) keeping the instant `pivot` (fractional day) where it is on screen. */
  zoom(factor: number, pivot = (this.start + this.end) / 2): void {
    const span = Math.min(Math.max(this.span * factor, VIEWPORT_DEFAULTS.minDays), this.maxDays());
    const share = (pivot - this.start) / this.span; // where the pivot sits, 0 = left edge
    this.set(pivot - share * span, pivot + (1 - share) * span);
  }

  /** Moves the view by `days` (negative = earlier). */
  pan(days: number): void {
    this.set(this.start + days, this.end + days);
  }

  /** Whether zooming in, zooming out, panning earlier and panning later would change anything. */
  abilities(): { zoomIn: boolean; zoomOut: boolean; earlier: boolean; later: boolean } {
    const c = this.content;
    const center = (this.start + this.end) / 2;
    const epsilon = 1e-6;
    return {
      zoomIn: this.span > VIEWPORT_DEFAULTS.minDays + epsilon,
      zoomOut: this.span < this.maxDays() - epsilon,
      earlier: c !== null && center > c.from + epsilon,
      later: c !== null && center < c.to + 1 - epsilon,
    };
  }
}
