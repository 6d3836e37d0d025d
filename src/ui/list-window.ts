/**
 * The arithmetic of a virtualised list (src/ui/virtual-list.ts), pure and tested without a DOM: which rows
 * to render for a scroll position, where to scroll to show a row, where a navigation key leads. All
 * lengths in CSS px; rows are numbered from 0 in list order.
 */

/** What `listWindow` needs to know. All lengths in CSS px. */
export interface WindowInput {
  readonly count: number;
  readonly rowHeight: number;
  /** Top of the visible part, in the list element's own coordinates (negative: the list starts lower). */
  readonly viewportTop: number;
  readonly viewportHeight: number;
  readonly overscan: number;
  readonly maxHeight: number;
}

/** Which rows to render and where. */
export interface ListWindow {
  /** Height to give the list element. */
  readonly height: number;
  /** Rows `start` (inclusive) to `end` (exclusive) are rendered. */
  readonly start: number;
  readonly end: number;
  /** First and last row (inclusive) at least partly inside the viewport; last < first when none. */
  readonly firstVisible: number;
  readonly lastVisible: number;
  /** Row `k` is drawn at `k * rowHeight + shift` within the list element (0 unless scaled). */
  readonly shift: number;
}

/**
 * The window of rows for a scroll position. Unscaled (count × rowHeight ≤ maxHeight) row k sits at
 * k × rowHeight. Scaled, the list is `maxHeight` tall and the viewport's travel over it,
 * [0, maxHeight − viewport], maps linearly onto the travel over the full rows, [0, full − viewport]:
 * rows are drawn shifted by the difference, so every row is reached and the last one ends at the bottom.
 */
export function listWindow(input: WindowInput): ListWindow {
  const { count, rowHeight, viewportHeight, overscan } = input;
  if (!(rowHeight > 0) || count < 0 || !Number.isInteger(count))
    throw new RangeError(`Invalid list: ${count} rows of ${rowHeight} px`);
  const full = count * rowHeight;
  const height = Math.min(full, Math.max(input.maxHeight, viewportHeight));
  const virtualTop = virtualTopFor(input.viewportTop, full, height, viewportHeight);
  const shift = input.viewportTop - virtualTop;
  const firstVisible = Math.max(0, Math.floor(virtualTop / rowHeight));
  const lastVisible = Math.min(count - 1, Math.ceil((virtualTop + viewportHeight) / rowHeight) - 1);
  const start = Math.min(count, Math.max(0, firstVisible - overscan));
  const end = Math.max(start, Math.min(count, lastVisible + 1 + overscan));
  return { height, start, end, firstVisible, lastVisible, shift };
}

/** Where the viewport's top falls among the full rows, for its position over the (maybe scaled) list. */
function virtualTopFor(top: number, full: number, height: number, viewport: number): number {
  if (full <= height || top <= 0) return top;
  const travel = height - viewport;
  if (top >= travel) return top + (full - height);
  return (top * (full - viewport)) / travel;
}

/** The inverse of `virtualTopFor`: the list-relative viewport top that shows full-row offset `virtual`. */
function topForVirtual(virtual: number, full: number, height: number, viewport: number): number {
  if (full <= height || virtual <= 0) return virtual;
  const travel = height - viewport;
  if (virtual >= full - viewport) return virtual - (full - height);
  return (virtual * travel) / (full - viewport);
}

export type ScrollAlign = 'nearest' | 'start' | 'center';

/**
 * The list-relative viewport top that brings row `index` into view: `nearest` moves as little as
 * possible (not at all when the row is already fully visible), `start` puts it at the top, `center` in
 * the middle. Clamped to the list's scroll travel.
 */
export function scrollTopFor(input: WindowInput, index: number, align: ScrollAlign = 'nearest'): number {
  const { count, rowHeight, viewportHeight } = input;
  if (!Number.isInteger(index) || index < 0 || index >= count)
    throw new RangeError(`No row ${index} (have ${count})`);
  const full = count * rowHeight;
  const height = Math.min(full, Math.max(input.maxHeight, viewportHeight));
  const current = virtualTopFor(input.viewportTop, full, height, viewportHeight);
  const rowTop = index * rowHeight;
  let target = current;
  if (align === 'start') target = rowTop;
  else if (align === 'center') target = rowTop - (viewportHeight - rowHeight) / 2;
  else if (rowTop < current) target = rowTop;
  else if (rowTop + rowHeight > current + viewportHeight) target = rowTop + rowHeight - viewportHeight;
  if (target === current) return input.viewportTop;
  target = Math.max(0, Math.min(target, Math.max(0, full - viewportHeight)));
  return topForVirtual(target, full, height, viewportHeight);
}

/** The position `from` moves to for a navigation key, or null when the key is not one of ours. */
export function positionForKey(key: string, from: number, count: number, pageRows: number): number | null {
  const last = count - 1;
  const page = Math.max(1, pageRows);
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = from + 1;
      break;
    case 'ArrowUp':
      to = from - 1;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = last;
      break;
    case 'PageDown':
      to = from + page;
      break;
    case 'PageUp':
      to = from - page;
      break;
    default:
      return null;
  }
  return Math.max(0, Math.min(last, to));
}
