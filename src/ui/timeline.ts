/**
 * The timeline under the map: a histogram of incidents over time with a brush for the date filter.
 *
 * A DOM/SVG adapter (no Leaflet). Bars are counted by `domain/histogram`, the visible span is a `Viewport`,
 * and the brush and its two handles are HTML elements over the SVG so they can take focus and act as ARIA
 * sliders. Day numbers are local calendar days (see `domain/date.ts`); ranges are inclusive whole days.
 *
 * Gestures on the plot (pointer events: mouse, pen and touch): drag the brush to move it, drag a handle to
 * resize it, drag on empty plot to draw a new range, tap a bar to select its bin, shift-drag (or middle-drag)
 * to pan, wheel to zoom around the pointer (shift-wheel or a sideways wheel pans). `onRangeChange` fires once
 * per gesture on pointer up, and 400 ms after the last key on a handle, never while dragging; meanwhile
 * `onRangePreview` hears the range as it is drawn, at most once a frame, so the map can follow the brush.
 */
import './timeline.css';
import type { DayNumber } from '../domain/date';
import { type Bin, type BinUnit, chooseBinUnit, type DayRange } from '../domain/histogram';
import { type DragMode, dragRange, keyRange, sliderBounds } from './timeline-brush';
import { type DateSpan, TimelineData } from './timeline-data';
import {
  axisNodes,
  buildTimeline,
  describeTimeline,
  fillReadout,
  markShown,
  type PlotGeometry,
  plotNodes,
  setChildren,
  setSliderValue,
  type TimelineParts,
} from './timeline-draw';
import { unionRange, Viewport } from './timeline-viewport';

/** What the timeline tells its owner. */
export interface TimelineOptions {
  /** The user chose a date range (inclusive day numbers). Called once per gesture or burst of keys. */
  onRangeChange(range: { from: DayNumber; to: DayNumber } | null): void;
  /**
   * The range being dragged or keyed, not chosen yet: at most once a frame while it changes. `null` when the
   * gesture ends without a new choice (the range chosen before stands); a choice is told by `onRangeChange`
   * alone.
   */
  onRangePreview?(range: { from: DayNumber; to: DayNumber } | null): void;
}

/** Sizes and timings; the pixel heights match `timeline.css`. */
const LAYOUT = {
  barsHeight: 52, // px: bar area; also the height of the brush and handles
  handleWidth: 24, // px: touch target of a handle, centred on its range edge (as in timeline.css)
  axisHeight: 20, // px: axis line, ticks and labels under the bars
  minBarWidth: 5, // px: the bin unit is the finest giving at most width / minBarWidth bins
  zoomStep: 2, // factor per Zoom in / Zoom out press
  panStep: 0.5, // share of the view moved by Earlier / Later
  wheelZoomRate: 0.002, // zoom = exp(rate × wheel px); pinch gestures arrive as ctrl+wheel with small deltas
  pinchZoomRate: 0.01,
  tapSlop: 4, // px: a pointer that moves less than this taps instead of dragging
  keyCommitDelay: 400, // ms after the last key on a handle before onRangeChange
  maxSpans: 200, // distinct date ranges drawn as spans in one view, the earliest first
} as const;

interface Gesture {
  pointerId: number;
  mode: DragMode | 'pan';
  downX: number; // px from the plot's left edge
  downDay: number; // fractional day under the pointer at pointer down
  moved: boolean; // went past tapSlop: a drag, not a tap
  range: DayRange; // the range when the gesture began
  viewStart: number; // the view's start when the gesture began (panning)
}

function sameRange(a: DayRange | null, b: DayRange | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}

/** A histogram of incidents over time with a date-range brush. See the module comment for gestures. */
export class Timeline {
  private readonly dom: TimelineParts;
  private readonly unlisteners: (() => void)[] = [];
  private readonly resizeObserver: ResizeObserver | null = null;
  private readonly viewport = new Viewport();

  private readonly data = new TimelineData();
  private bins: Bin[] = []; // the bins last drawn, for tapping a bar
  private dataVersion = 0; // counts changes of the counted incidents
  /** What the plot last drew, so a new range over the same bars only re-marks them. */
  private plot: { key: string; nodes: SVGElement[]; spans: DateSpan[] } | null = null;
  private range: DayRange | null = null; // the committed date filter
  private draft: DayRange | null = null; // being dragged or keyed, not yet committed
  private previewed: DayRange | null = null; // the draft last told to onRangePreview
  private width = 0; // px, of the plot
  private gesture: Gesture | null = null;
  private keyTimer: ReturnType<typeof setTimeout> | null = null;
  private frame = 0; // requestAnimationFrame id of a pending render, 0 = none
  private undrawn = false; // new data not drawn yet (`setData` with `draw: false`)

  /** Builds the timeline and appends it to `container`. */
  constructor(
    container: HTMLElement,
    private readonly options: TimelineOptions,
  ) {
    this.dom = buildTimeline(LAYOUT.barsHeight + LAYOUT.axisHeight);
    container.append(this.dom.root);
    const { plot, handles, buttons } = this.dom;
    this.listen(plot, 'pointerdown', this.onPointerDown);
    this.listen(plot, 'pointermove', this.onPointerMove);
    this.listen(plot, 'pointerup', this.onPointerUp);
    this.listen(plot, 'pointercancel', this.onPointerCancel);
    this.listen(plot, 'wheel', this.onWheel, { passive: false });
    for (const part of ['start', 'end'] as const) {
      this.listen(handles[part], 'keydown', (event) => this.onHandleKey(part, event));
      this.listen(handles[part], 'blur', () => this.flushKeys());
    }
    const { earlier, later, zoomOut, zoomIn, fit } = buttons;
    this.onButton(earlier, () => this.viewport.pan(-LAYOUT.panStep * this.viewport.span));
    this.onButton(later, () => this.viewport.pan(LAYOUT.panStep * this.viewport.span));
    this.onButton(zoomOut, () => this.viewport.zoom(LAYOUT.zoomStep));
    this.onButton(zoomIn, () => this.viewport.zoom(1 / LAYOUT.zoomStep));
    this.onButton(fit, () => this.viewport.fit(this.data.extent));

    this.width = plot.getBoundingClientRect().width;
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver((entries) => {
        this.width = entries[0]?.contentRect.width ?? this.width;
        this.requestRender();
      });
      this.resizeObserver.observe(plot);
    }
    this.viewport.fit(null);
    this.render();
  }

  /**
   * firstDay/lastDay: columns for ALL incidents (indices into them); `indices` = incidents passing the
   * non-date filters (drawn as bars). New column arrays (a new dataset) refit the view; new indices keep it.
   * With `draw: false` the new data is counted but drawn only by the next `setRange` or `drawPending` (at a
   * million incidents counting and drawing take ~20 ms each: a caller can give each a task of its own).
   */
  setData(
    firstDay: Int32Array,
    lastDay: Int32Array,
    indices: ArrayLike<number>,
    { draw = true }: { readonly draw?: boolean } = {},
  ): void {
    const changed = this.data.set(firstDay, lastDay, indices);
    if (changed === 'same') return; // a change of dates alone: setRange redraws what moved
    this.dataVersion++;
    if (changed === 'dataset') {
      const content = unionRange(this.data.extent, this.range);
      this.viewport.setContent(content);
      this.viewport.fit(content);
    }
    if (draw) this.render();
    else this.undrawn = true;
  }

  /** Draws data that `setData` was told not to draw yet (nothing when there is none). */
  drawPending(): void {
    if (this.undrawn) this.render();
  }

  /** The current date filter (inclusive day numbers), or null = no date filter. Never calls back. */
  setRange(range: { from: DayNumber; to: DayNumber } | null): void {
    if (range !== null && !(range.to >= range.from)) {
      throw new Error(`Invalid range: from ${range.from} is after to ${range.to}`);
    }
    if (sameRange(range, this.range)) return; // an echo of our own change: keep any pending keys
    this.range = range && { from: range.from, to: range.to };
    if (this.gesture === null) this.cancelKeys();
    this.previewed = null; // the owner shows this range now: there is no preview left to end
    this.viewport.setContent(unionRange(this.data.extent, this.range));
    if (range) this.viewport.reveal(range);
    this.render();
  }

  /** Removes the timeline and every listener, observer, timer and animation frame it added. */
  destroy(): void {
    for (const unlisten of this.unlisteners.splice(0)) unlisten();
    this.resizeObserver?.disconnect();
    this.cancelKeys();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.gesture = null;
    this.dom.root.remove();
  }

  private listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, options);
    this.unlisteners.push(() => target.removeEventListener(type, handler, options));
  }

  /** Buttons stay focusable when they can do nothing (aria-disabled), so keyboard users keep their place. */
  private onButton(target: HTMLButtonElement, action: () => void): void {
    this.listen(target, 'click', () => {
      if (target.getAttribute('aria-disabled') === 'true') return;
      action();
      this.render();
    });
  }

  /** The range as the user currently sees it: the draft while dragging or keying, else the committed one. */
  private shown(): DayRange | null {
    return this.draft ?? this.range;
  }

  private commit(next: DayRange): void {
    this.cancelKeys();
    this.draft = null;
    const changed = !sameRange(next, this.range);
    if (changed) this.range = next;
    this.render();
    if (changed) {
      this.previewed = null; // the choice replaces the preview
      this.options.onRangeChange({ from: next.from, to: next.to });
    } else this.endPreview();
  }

  /** Tells the owner of the draft drawn, once per new draft (from a render, so at most once a frame). */
  private preview(): void {
    const { draft } = this;
    if (draft === null || sameRange(draft, this.previewed) || !this.options.onRangePreview) return;
    // The first preview of a gesture is only sent when it differs from the range chosen before.
    if (this.previewed === null && sameRange(draft, this.range)) return;
    this.previewed = draft;
    this.options.onRangePreview({ from: draft.from, to: draft.to });
  }

  /** The gesture ended without a new choice: the owner shows the range chosen before again. */
  private endPreview(): void {
    if (this.previewed === null) return;
    this.previewed = null;
    this.options.onRangePreview?.(null);
  }

  // --- Pointer and wheel ----------------------------------------------------------------------------

  private xOf(day: number): number {
    return ((day - this.viewport.start) / this.viewport.span) * this.width;
  }

  /** The fractional day under `x` px from the plot's left edge. */
  private dayAt(x: number): number {
    return this.viewport.start + (x / Math.max(this.width, 1)) * this.viewport.span;
  }

  private pointerX(event: MouseEvent): number {
    return event.clientX - this.dom.plot.getBoundingClientRect().left;
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (this.gesture !== null || (event.button !== 0 && event.button !== 1)) return;
    const target = (event.target as Element).closest('[data-tl-part]');
    const part = target?.getAttribute('data-tl-part') as DragMode | undefined;
    const range = this.shown() ?? this.data.extent;
    let mode: Gesture['mode'] = event.shiftKey || event.button === 1 ? 'pan' : (part ?? 'draw');
    if (range === null && mode !== 'pan') mode = 'draw';
    if (event.button === 1) event.preventDefault(); // no middle-click autoscroll
    this.flushKeys();
    const x = this.pointerX(event);
    const { pointerId } = event;
    const { start } = this.viewport;
    const at = { downX: x, downDay: this.dayAt(x), range: range ?? { from: 0, to: 0 }, viewStart: start };
    this.gesture = { pointerId, mode, moved: false, ...at };
    this.dom.plot.setPointerCapture?.(event.pointerId);
    this.dom.root.classList.add('tl--dragging');
  };

  private readonly onPointerMove = (event: PointerEvent): void => {
    const g = this.gesture;
    if (g === null || event.pointerId !== g.pointerId) return;
    const x = this.pointerX(event);
    if (!g.moved && Math.abs(x - g.downX) < LAYOUT.tapSlop) return;
    g.moved = true;
    if (g.mode === 'pan') {
      const start = g.viewStart - ((x - g.downX) / Math.max(this.width, 1)) * this.viewport.span;
      this.viewport.pan(start - this.viewport.start);
    } else {
      this.draft = dragRange(g.mode, g.range, g.downDay, this.dayAt(x));
    }
    this.requestRender();
  };

  private readonly onPointerUp = (event: PointerEvent): void => {
    const g = this.gesture;
    if (g === null || event.pointerId !== g.pointerId) return;
    const draft = this.draft;
    this.endGesture();
    if (g.mode !== 'pan' && g.moved && draft) {
      this.commit(draft);
    } else if (g.mode === 'draw' && !g.moved) {
      // A tap on a bar selects its bin.
      const day = Math.floor(g.downDay);
      const bin = this.bins.find((b) => b.start <= day && day <= b.end);
      if (bin) this.commit({ from: bin.start, to: bin.end });
      else this.render();
    } else {
      this.render();
    }
    this.endPreview(); // nothing when a choice was made
  };

  private readonly onPointerCancel = (event: PointerEvent): void => {
    if (this.gesture?.pointerId === event.pointerId) this.endGesture();
    this.render();
    this.endPreview();
  };

  private endGesture(): void {
    this.gesture = null;
    this.draft = null;
    this.dom.root.classList.remove('tl--dragging');
  }

  private readonly onWheel = (event: WheelEvent): void => {
    if (this.width <= 0) return;
    event.preventDefault();
    const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.width : 1; // lines, pages → px
    const dx = event.deltaX * scale;
    const dy = event.deltaY * scale;
    if (event.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      this.viewport.pan(((event.shiftKey && dx === 0 ? dy : dx) / this.width) * this.viewport.span);
    } else {
      const rate = event.ctrlKey ? LAYOUT.pinchZoomRate : LAYOUT.wheelZoomRate;
      this.viewport.zoom(Math.exp(dy * rate), this.dayAt(this.pointerX(event)));
    }
    this.requestRender();
  };

  // --- Keyboard -------------------------------------------------------------------------------------

  private onHandleKey(part: 'start' | 'end', event: KeyboardEvent): void {
    const current = this.shown() ?? this.data.extent;
    if (current === null || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = keyRange(event.key, part, current, this.data.extent);
    if (next !== undefined) event.preventDefault(); // a slider key, even at a bound: never scroll the page
    if (!next) return;
    this.draft = next;
    this.viewport.follow(part === 'start' ? next.from : next.to);
    this.render();
    if (this.keyTimer !== null) clearTimeout(this.keyTimer);
    this.keyTimer = setTimeout(() => this.flushKeys(), LAYOUT.keyCommitDelay);
  }

  /** Commits a range still waiting for its key burst to end (after the delay, on blur, on a new gesture). */
  private flushKeys(): void {
    if (this.keyTimer === null) return;
    this.keyTimer = null;
    if (this.draft) this.commit(this.draft);
  }

  private cancelKeys(): void {
    if (this.keyTimer === null) return;
    clearTimeout(this.keyTimer);
    this.keyTimer = null;
    if (this.gesture === null) this.draft = null;
  }

  // --- Rendering ------------------------------------------------------------------------------------

  private requestRender(): void {
    if (this.frame !== 0) return;
    if (typeof requestAnimationFrame === 'undefined') {
      this.render();
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.undrawn = false;
    const shown = this.shown();
    const unit = chooseBinUnit(this.viewport.span, Math.max(1, Math.floor(this.width / LAYOUT.minBarWidth)));
    this.dom.svg.setAttribute('width', String(Math.max(this.width, 0)));
    this.renderPlot(unit, shown);
    this.renderBrush(shown);
    this.renderText(unit, shown);
    this.preview();
  }

  private renderPlot(unit: BinUnit, shown: DayRange | null): void {
    const { start, end, span } = this.viewport;
    const geometry: PlotGeometry = {
      x: (day) => ((day - start) / span) * this.width,
      width: this.width,
      barsHeight: LAYOUT.barsHeight,
    };
    const key = `${this.dataVersion} ${unit} ${start} ${end} ${this.width}`;
    if (this.plot?.key === key) {
      markShown(this.plot.nodes, this.bins, this.plot.spans, shown);
      return;
    }
    this.bins = this.data.visibleBins(unit, start, end);
    const { spans } = this.data.visibleSpans(start, end, LAYOUT.maxSpans);
    const nodes = plotNodes(this.bins, spans, unit, shown, geometry, this.plot?.nodes);
    this.plot = { key, nodes, spans };
    setChildren(this.dom.bars, nodes);
    this.dom.axis.replaceChildren(...axisNodes(start, end, geometry));
  }

  private renderBrush(shown: DayRange | null): void {
    const ends = shown ?? this.data.extent; // with no date filter the handles rest on the data's extent
    const x0 = ends ? this.xOf(ends.from) : 0;
    const x1 = ends ? this.xOf(ends.to + 1) : 0;
    const clamp = (x: number) => Math.min(Math.max(x, 0), this.width);
    this.dom.brush.hidden = shown === null || x1 < 0 || x0 > this.width;
    this.dom.brush.style.left = `${clamp(x0)}px`;
    this.dom.brush.style.width = `${Math.max(2, clamp(x1) - clamp(x0))}px`;
    // On a brush narrower than one handle, push the handles apart so their touch targets do not overlap,
    // keeping both over the plot.
    const spread = Math.max(0, (LAYOUT.handleWidth - (clamp(x1) - clamp(x0))) / 2);
    const right = Math.max(0, clamp(x1) + spread - this.width); // px the end handle would stick out
    const left = Math.max(0, spread + right - clamp(x0)); // px the start handle would stick out
    const centres = { start: clamp(x0) - spread - right + left, end: clamp(x1) + spread - right + left };
    for (const part of ['start', 'end'] as const) {
      const handle = this.dom.handles[part];
      handle.hidden = ends === null;
      if (ends === null) continue;
      const x = part === 'start' ? x0 : x1;
      handle.style.left = `${centres[part]}px`;
      handle.classList.toggle('tl-handle--idle', shown === null);
      handle.classList.toggle('tl-handle--beyond', x < 0 || x > this.width);
      const value = part === 'start' ? ends.from : ends.to;
      setSliderValue(handle, value, sliderBounds(part, ends, this.data.extent));
    }
  }

  private renderText(unit: BinUnit, shown: DayRange | null): void {
    const { root, readout, buttons } = this.dom;
    root.setAttribute(
      'aria-label',
      describeTimeline(unit, this.data.indices.length, this.data.countedExtent),
    );
    fillReadout(readout, shown, this.data.extent);
    readout.classList.toggle('tl-readout--live', this.draft !== null);
    const can = this.viewport.abilities();
    for (const name of ['earlier', 'later', 'zoomIn', 'zoomOut'] as const) {
      buttons[name].setAttribute('aria-disabled', String(!can[name]));
    }
    buttons.fit.setAttribute('aria-disabled', String(this.data.extent === null));
  }
}
