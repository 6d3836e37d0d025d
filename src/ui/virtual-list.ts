/**
 * A virtualised list: an `<ol>` or `<ul>` of any length of which only the rows on screen (plus a few
 * either side) exist in the DOM. Rows have one fixed height; each is an `<li>` placed with a transform
 * and carries `aria-posinset` / `aria-setsize`, so a screen reader still hears "12 of 100,000".
 *
 * Keyboard: one row is the tab stop (roving tabindex); Arrow Up/Down, Home/End and Page Up/Down move
 * focus between rows, scrolling rows into existence as needed. The row holding focus is kept in the DOM
 * even when scrolled away, so focus is never lost.
 *
 * Rows are keyed (`keyOf`, e.g. an incident or actor id): while an item stays rendered it keeps its
 * `<li>`, even when a new order moves it, so a checkbox someone just clicked still stands for the same
 * item afterwards. The focused row is never detached (moving it would drop focus): others move around it.
 *
 * A list taller than browsers can lay out (Chromium stops at ~33.5M px) is drawn at most `maxHeight`
 * tall and scrolled proportionally in its middle part: see `listWindow`.
 *
 * The window arithmetic is pure (`listWindow`, `scrollTopFor`) and tested without a DOM.
 */
import './virtual-list.css';

/** Defaults of `VirtualListOptions`. */
export const VIRTUAL_LIST_DEFAULTS = {
  overscan: 6, // rows rendered beyond each edge of the viewport
  maxHeight: 8_000_000, // px: the tallest the list element is made; longer lists scroll scaled
  fallbackViewport: 1_000, // px of viewport assumed while the scroller is hidden (display: none)
} as const;

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

export interface VirtualListOptions {
  /** Height of every row, in CSS px (the row's content must fit: rows are clipped to it). */
  readonly rowHeight: number;
  /** The scrolling element the list sits in (the list itself must not scroll). */
  readonly scroller: HTMLElement;
  readonly overscan?: number;
  readonly maxHeight?: number;
  /** A stable key for the item at `position` (default: the position itself). */
  keyOf?(position: number): number;
  /** Fills a new, empty `<li>` with a row's nodes and returns the element that takes focus. */
  createRow(item: HTMLLIElement): HTMLElement;
  /** Shows the item at `position` in a row made by `createRow` (called when a row changes position or data). */
  renderRow(item: HTMLLIElement, position: number): void;
}

interface Row {
  readonly item: HTMLLIElement;
  readonly focusTarget: HTMLElement;
  /** Where the row's item currently is in the list. */
  position: number;
}

/**
 * Renders `count` rows of `list` virtually. Call `setCount` when the data changes (it re-renders the rows
 * shown), `scrollToIndex` to bring a row into view, `destroy` to detach listeners.
 */
export class VirtualList {
  private count = 0;
  private active = 0; // the roving tab stop
  private pending: { position: number; align: ScrollAlign } | null = null; // asked while hidden
  private readonly rows = new Map<number, Row>(); // rendered rows by key
  private readonly spare: Row[] = []; // rows out of view, for reuse
  private readonly overscan: number;
  private readonly maxHeight: number;
  private readonly resizeObserver: ResizeObserver | null;
  private readonly onScroll = () => this.update();
  private readonly onKeyDown = (event: KeyboardEvent) => this.keyDown(event);
  private readonly onFocusIn = (event: FocusEvent) => this.focusIn(event);

  private readonly list: HTMLElement;

  constructor(
    list: HTMLOListElement | HTMLUListElement,
    private readonly options: VirtualListOptions,
  ) {
    this.list = list;
    if (!(options.rowHeight > 0)) throw new RangeError(`Invalid row height: ${options.rowHeight}`);
    this.overscan = options.overscan ?? VIRTUAL_LIST_DEFAULTS.overscan;
    this.maxHeight = options.maxHeight ?? VIRTUAL_LIST_DEFAULTS.maxHeight;
    list.classList.add('virtual-list');
    options.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.list.addEventListener('keydown', this.onKeyDown);
    this.list.addEventListener('focusin', this.onFocusIn);
    // Showing a hidden panel, or resizing the window, changes how many rows fit.
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(this.onScroll);
    this.resizeObserver?.observe(options.scroller);
  }

  /**
   * The list now has `count` rows: re-renders every row shown (their data may have changed). `active`,
   * when given, becomes the tab stop: pass the new position of the focused item so it keeps focus.
   */
  setCount(count: number, active?: number): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Invalid row count: ${count}`);
    this.count = count;
    this.active = Math.min(active ?? this.active, Math.max(0, count - 1));
    this.update(true);
  }

  /** Re-renders the rows shown without changing the count (their data changed). */
  refresh(): void {
    this.update(true);
  }

  /** Scrolls so row `position` is in view (see `scrollTopFor`) and renders it. */
  scrollToIndex(position: number, align: ScrollAlign = 'nearest'): void {
    if (position < 0 || position >= this.count) return;
    if (this.options.scroller.clientHeight === 0) {
      // Hidden (another panel shows on a phone): scroll when it is shown again.
      this.pending = { position, align };
      this.update();
      return;
    }
    this.pending = null;
    const input = this.measure();
    const top = scrollTopFor(input, position, align);
    if (top !== input.viewportTop) this.options.scroller.scrollTop += top - input.viewportTop;
    this.update();
  }

  /** Makes `position` the tab stop (the row Tab reaches), without moving focus or scrolling. */
  setTabStop(position: number): void {
    if (position < 0 || position >= this.count) return;
    this.active = position;
    this.update();
  }

  /** Makes `position` the tab stop, scrolls it into view and focuses it. */
  focusRow(position: number): void {
    if (position < 0 || position >= this.count) return;
    this.active = position;
    this.scrollToIndex(position);
    this.rowAtPosition(position)?.focusTarget.focus({ preventScroll: true });
  }

  /** The row element at `position` when it is rendered. */
  rowAt(position: number): HTMLLIElement | null {
    return this.rowAtPosition(position)?.item ?? null;
  }

  /** Positions of the rows in the DOM, in order. */
  renderedPositions(): number[] {
    return [...this.rows.values()].map((row) => row.position).sort((a, b) => a - b);
  }

  destroy(): void {
    this.options.scroller.removeEventListener('scroll', this.onScroll);
    this.list.removeEventListener('keydown', this.onKeyDown);
    this.list.removeEventListener('focusin', this.onFocusIn);
    this.resizeObserver?.disconnect();
  }

  /** The scroll state, in the list's coordinates. */
  private measure(): WindowInput {
    const { scroller, rowHeight } = this.options;
    let viewportTop = 0;
    let viewportHeight = scroller.clientHeight;
    if (viewportHeight > 0 && this.list.isConnected) {
      const listTop = this.list.getBoundingClientRect().top;
      viewportTop = scroller.getBoundingClientRect().top + scroller.clientTop - listTop;
    } else viewportHeight = VIRTUAL_LIST_DEFAULTS.fallbackViewport; // hidden: render as if shown
    return {
      count: this.count,
      rowHeight,
      viewportTop,
      viewportHeight,
      overscan: this.overscan,
      maxHeight: this.maxHeight,
    };
  }

  private update(dataChanged = false): void {
    const { rowHeight } = this.options;
    if (this.pending !== null && this.options.scroller.clientHeight > 0) {
      const { position, align } = this.pending;
      this.pending = null;
      if (position < this.count) this.scrollToIndex(position, align); // renders
      if (!dataChanged) return;
    }
    const input = this.measure();
    const w = listWindow(input);
    this.list.style.height = `${w.height}px`;
    const focused = this.list.contains(document.activeElement);
    // The tab stop follows the view unless someone is on it.
    if (
      !focused &&
      w.lastVisible >= w.firstVisible &&
      (this.active < w.firstVisible || this.active > w.lastVisible)
    )
      this.active = w.firstVisible;
    const wanted: number[] = [];
    if (this.count > 0 && this.active < w.start) wanted.push(this.active);
    for (let p = w.start; p < w.end; p++) wanted.push(p);
    if (this.count > 0 && this.active >= w.end) wanted.push(this.active);

    const keyOf = this.options.keyOf ?? ((position: number) => position);
    const keys = wanted.map(keyOf);
    const keep = new Set(keys);
    for (const [key, row] of this.rows) {
      if (keep.has(key)) continue;
      this.rows.delete(key);
      row.item.remove();
      this.spare.push(row);
    }
    const ordered: HTMLLIElement[] = [];
    wanted.forEach((position, k) => {
      const key = keys[k] as number;
      let row = this.rows.get(key);
      const fresh = row === undefined;
      if (row === undefined) {
        row = this.spare.pop() ?? this.createRow();
        this.rows.set(key, row);
      }
      if (fresh || dataChanged || row.position !== position) {
        row.position = position;
        row.item.setAttribute('aria-posinset', String(position + 1));
        this.options.renderRow(row.item, position);
      }
      row.item.setAttribute('aria-setsize', String(this.count));
      const top = Math.max(0, Math.min(w.height - rowHeight, position * rowHeight + w.shift));
      row.item.style.transform = `translateY(${top}px)`;
      row.focusTarget.tabIndex = position === this.active ? 0 : -1;
      ordered.push(row.item);
    });
    this.order(ordered);
  }

  /** Puts the list's children in `items` order without ever detaching the one that holds focus. */
  private order(items: readonly HTMLLIElement[]): void {
    const children = this.list.children;
    if (children.length === items.length && items.every((item, k) => children[k] === item)) return;
    const anchor = items.find((item) => item.contains(document.activeElement)) ?? null;
    let k = 0;
    if (anchor !== null) {
      for (; items[k] !== anchor; k++) this.list.insertBefore(items[k] as HTMLLIElement, anchor);
      k++;
      if (anchor.parentNode !== this.list) this.list.appendChild(anchor); // not in the list yet
    }
    for (; k < items.length; k++) this.list.appendChild(items[k] as HTMLLIElement);
  }

  private rowAtPosition(position: number): Row | undefined {
    const key = (this.options.keyOf ?? ((p: number) => p))(position);
    const row = this.rows.get(key);
    return row?.position === position ? row : undefined;
  }

  private createRow(): Row {
    const item = document.createElement('li');
    item.style.height = `${this.options.rowHeight}px`;
    return { item, focusTarget: this.options.createRow(item), position: -1 };
  }

  private positionOf(node: EventTarget | null): number | null {
    for (const row of this.rows.values()) if (row.item.contains(node as Node)) return row.position;
    return null;
  }

  private focusIn(event: FocusEvent): void {
    const position = this.positionOf(event.target);
    if (position === null || position === this.active) return;
    this.rowAtPosition(this.active)?.focusTarget.setAttribute('tabindex', '-1');
    this.active = position;
    this.rowAtPosition(position)?.focusTarget.setAttribute('tabindex', '0');
  }

  private keyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || this.count === 0) return;
    const from = this.positionOf(event.target);
    if (from === null) return;
    const page = Math.floor(this.measure().viewportHeight / this.options.rowHeight) - 1;
    const to = positionForKey(event.key, from, this.count, page);
    if (to === null) return;
    event.preventDefault();
    this.focusRow(to);
  }
}
