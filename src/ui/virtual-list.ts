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
 * The window arithmetic is pure and lives in list-window.ts.
 */
import { listWindow, positionForKey, type ScrollAlign, scrollTopFor, type WindowInput } from './list-window';
import './virtual-list.css';

export type { ScrollAlign } from './list-window';

/** Defaults of `VirtualListOptions`. */
export const VIRTUAL_LIST_DEFAULTS = {
  overscan: 6, // rows rendered beyond each edge of the viewport
  maxHeight: 8_000_000, // px: the tallest the list element is made; longer lists scroll scaled
  fallbackViewport: 1_000, // px of viewport assumed while the scroller is hidden (display: none)
} as const;

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
