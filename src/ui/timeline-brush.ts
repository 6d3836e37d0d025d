/**
 * Brush arithmetic for the timeline: how a drag or a key press turns the current date range into the next.
 * Pure (no DOM). Days are local calendar day numbers (see `domain/date.ts`); ranges are inclusive.
 */
import { type DayNumber, monthBounds } from '../domain/date';
import { addUnits, type DayRange } from '../domain/histogram';

/** What a drag started on: a handle, the brush body, or empty plot (draws a new range). */
export type DragMode = 'start' | 'end' | 'body' | 'draw';

/**
 * The range a drag gives. `range` is the range when the drag began; `downDay` and `pointerDay` are the
 * fractional days under the pointer then and now. Handles snap to the nearest day boundary and cannot
 * cross each other; the body moves by whole days; drawing covers both days pointed at.
 */
export function dragRange(mode: DragMode, range: DayRange, downDay: number, pointerDay: number): DayRange {
  const boundary = Math.round(pointerDay); // the day boundary nearest the pointer
  switch (mode) {
    case 'start':
      return { from: Math.min(boundary, range.to), to: range.to };
    case 'end':
      return { from: range.from, to: Math.max(boundary - 1, range.from) };
    case 'body': {
      const from = range.from + Math.round(pointerDay - downDay);
      return { from, to: from + range.to - range.from };
    }
    case 'draw': {
      const a = Math.floor(downDay);
      const b = Math.floor(pointerDay);
      return { from: Math.min(a, b), to: Math.max(a, b) };
    }
  }
}

/**
 * Bounds of one handle as a two-thumb ARIA slider: each handle stops at the other one and at the data's
 * extent (widened to the range itself when the range reaches beyond the data).
 */
export function sliderBounds(
  part: 'start' | 'end',
  range: DayRange,
  extent: DayRange | null,
): { min: DayNumber; max: DayNumber } {
  if (part === 'start') return { min: Math.min(extent?.from ?? range.from, range.from), max: range.to };
  return { min: range.from, max: Math.max(extent?.to ?? range.to, range.to) };
}

/**
 * The same day of the month `n` months later, clamped to that month's end (30 Jan + 1 → 29 Feb 2020);
 * a month's last day goes to the other month's last day (29 Feb + 1 → 31 Mar), so month ends stay ends.
 */
export function addMonths(day: DayNumber, n: number): DayNumber {
  const { first, last } = monthBounds(day);
  const target = monthBounds(addUnits(day, 'month', n));
  return day === last ? target.last : Math.min(target.first + day - first, target.last);
}

/**
 * The range after pressing `key` (a `KeyboardEvent.key`) on a handle: arrows move a day, PageUp/PageDown a
 * month, Home/End go to the data's extent. Returns null when the key changes nothing (at a bound) and
 * undefined when it is not a slider key.
 */
export function keyRange(
  key: string,
  part: 'start' | 'end',
  range: DayRange,
  extent: DayRange | null,
): DayRange | null | undefined {
  const value = part === 'start' ? range.from : range.to;
  const { min, max } = sliderBounds(part, range, extent);
  let target: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      target = value - 1;
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      target = value + 1;
      break;
    case 'PageDown':
      target = addMonths(value, -1);
      break;
    case 'PageUp':
      target = addMonths(value, 1);
      break;
    case 'Home':
      target = extent?.from ?? min;
      break;
    case 'End':
      target = extent?.to ?? max;
      break;
    default:
      return undefined;
  }
  const day = Math.min(Math.max(target, min), max);
  if (day === value) return null;
  return part === 'start' ? { from: day, to: range.to } : { from: range.from, to: day };
}
