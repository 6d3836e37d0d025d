/**
 * The timeline's DOM: its skeleton, and the SVG nodes of bars and time axis, built from plain values with
 * createElement(NS) and textContent (never markup). Coordinates are pixels within the plot.
 */
import { el } from '../dom/el';
import type { DayNumber } from '../domain/date';
import { formatDay } from '../domain/format';
import { type Bin, type BinUnit, type DayRange, describeBin } from '../domain/histogram';
import { axisTicks } from './timeline-axis';
import type { DateSpan } from './timeline-data';

/** The elements of one timeline, for its adapter to fill and listen to. */
export interface TimelineParts {
  /** `role="group"`; its aria-label summarises the histogram. */
  root: HTMLDivElement;
  /** The range in words, live while dragging. */
  readout: HTMLSpanElement;
  /** Takes every pointer gesture; holds the SVG and, over it, the brush and handles. */
  plot: HTMLDivElement;
  svg: SVGSVGElement;
  bars: SVGGElement;
  axis: SVGGElement;
  brush: HTMLDivElement;
  /** Focusable `role="slider"` elements. */
  handles: Record<'start' | 'end', HTMLDivElement>;
  buttons: Record<'earlier' | 'later' | 'zoomOut' | 'zoomIn' | 'fit', HTMLButtonElement>;
}

/** Pixel geometry shared by bars and axis. */
export interface PlotGeometry {
  /** Maps a (fractional) day number to px from the plot's left edge. */
  x(day: number): number;
  /** Plot width (px). */
  width: number;
  /** Height of the bar area (px); the axis line sits just below it. */
  barsHeight: number;
}

const BAR_TOP_GAP = 4; // px kept free above the tallest bar
const MIN_BAR_HEIGHT = 2; // px: a bin with one incident among thousands stays visible
const LABEL_CHAR_WIDTH = 6.2; // px: rough width of one tick-label character at 11 px
const LABEL_GAP = 6; // px: least space between two tick labels
const SPAN_TOP = 4; // px from the top of the plot to the first span lane
const SPAN_LANE = 5; // px between span lanes
const SPAN_LANES = 3; // lanes at most; further overlapping spans share the last one
const SPAN_TICK = 2; // px: half-height of the end ticks of a span

/** An SVG element with its attributes set. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  return setAttrs(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs);
}

function setAttrs<E extends Element>(node: E, attrs: Record<string, string | number>): E {
  for (const name in attrs) node.setAttribute(name, String(attrs[name]));
  return node;
}

/** The `<title>` child of `node`, made when it has none. */
function titleOf(node: SVGElement): SVGTitleElement {
  const last = node.lastElementChild;
  if (last instanceof SVGTitleElement) return last;
  return node.appendChild(svg('title', {}));
}

/**
 * Makes `parent`'s children exactly `nodes`, in order, moving no node already in its place (the plot reuses
 * its nodes from one render to the next, so usually only the tail changes).
 */
export function setChildren(parent: Element, nodes: readonly Element[]): void {
  const children = parent.children;
  let k = 0;
  while (k < nodes.length && children[k] === nodes[k]) k++;
  while (children.length > k) (parent.lastElementChild as Element).remove();
  for (let j = k; j < nodes.length; j++) parent.appendChild(nodes[j] as Element);
}

/** Builds the timeline's elements (not yet in the document). `height` = SVG height (px). */
export function buildTimeline(height: number): TimelineParts {
  const button = (text: string, name: string) =>
    el(
      'button',
      { className: 'tl-button', attrs: { type: 'button', 'aria-label': name, title: name } },
      text,
    );
  const handle = (part: 'start' | 'end', name: string) =>
    el('div', {
      className: 'tl-handle',
      attrs: { role: 'slider', tabindex: '0', 'aria-label': name, 'data-tl-part': part },
    });
  const buttons = {
    earlier: button('\u2039', 'Earlier'),
    later: button('\u203a', 'Later'),
    zoomOut: button('\u2212', 'Zoom out'),
    zoomIn: button('+', 'Zoom in'),
    fit: button('Fit', 'Fit to data'),
  };
  const handles = { start: handle('start', 'Range start'), end: handle('end', 'Range end') };
  const readout = el('span', { className: 'tl-readout' });
  const brush = el('div', { className: 'tl-brush', attrs: { 'data-tl-part': 'body' } });
  const bars = svg('g', { class: 'tl-bars' });
  const axis = svg('g', { class: 'tl-axis', 'aria-hidden': 'true' });
  const root = svg('svg', { class: 'tl-svg', height });
  root.append(bars, axis);
  const plot = el('div', { className: 'tl-plot' }, root, brush, handles.start, handles.end);
  const toolbar = el('div', { className: 'tl-toolbar' }, readout, ...Object.values(buttons));
  const group = el(
    'div',
    { className: 'tl', attrs: { role: 'group', 'aria-label': 'Timeline' } },
    toolbar,
    plot,
  );
  return { root: group, readout, plot, svg: root, bars, axis, brush, handles, buttons };
}

/** `11 Mar 2020`, `16 Jan – 3 Feb 2020`, `27 Dec 2019 – 11 Mar 2020`. */
export function formatRange(r: DayRange): string {
  const from = formatDay(r.from);
  const to = formatDay(r.to);
  if (r.from === r.to) return to;
  const year = (text: string) => text.slice(text.lastIndexOf(' ')); // " 2020"
  return `${year(from) === year(to) ? from.slice(0, -year(from).length) : from} \u2013 ${to}`;
}

/** The timeline's accessible name: `Timeline: incidents per month, 6 incidents from 27 Dec 2019 to 11 Mar 2020`. */
export function describeTimeline(unit: BinUnit, count: number, extent: DayRange | null): string {
  const what =
    count === 0 || extent === null
      ? 'no incidents'
      : `${count.toLocaleString('en-US')} incident${count === 1 ? '' : 's'} from ${formatDay(extent.from)} to ${formatDay(extent.to)}`;
  return `Timeline: incidents per ${unit}, ${what}`;
}

/** Writes the range in words (`16 Jan – 3 Feb 2020 · 19 days`), or the data's extent when there is none. */
export function fillReadout(readout: HTMLElement, shown: DayRange | null, extent: DayRange | null): void {
  if (shown) {
    const days = el('span', { className: 'tl-readout-days' }, ` \u00b7 ${shown.to - shown.from + 1} days`);
    readout.replaceChildren(formatRange(shown), days);
  } else {
    readout.textContent = extent ? `All dates (${formatRange(extent)})` : 'No incidents';
  }
}

/** Sets a day slider's ARIA value: day numbers, with the date in words (`11 Mar 2020`) as its text. */
export function setSliderValue(
  handle: HTMLElement,
  value: DayNumber,
  bounds: { min: DayNumber; max: DayNumber },
): void {
  handle.setAttribute('aria-valuemin', String(bounds.min));
  handle.setAttribute('aria-valuemax', String(bounds.max));
  handle.setAttribute('aria-valuenow', String(value));
  handle.setAttribute('aria-valuetext', formatDay(value));
}

/**
 * One `<rect class="tl-bar">` per bin, scaled so the tallest bin fills the bar area below `top` px, each
 * with a `<title>` (`Mar 2020: 2 incidents`). With a range, bins overlapping it get `tl-bar--in`, the others
 * `tl-bar--out`.
 */
export function barNodes(
  bins: readonly Bin[],
  unit: BinUnit,
  shown: DayRange | null,
  g: PlotGeometry,
  top = 0,
  reuse: readonly SVGRectElement[] = [],
): SVGRectElement[] {
  let maxCount = 1;
  for (const b of bins) maxCount = Math.max(maxCount, b.count);
  const usable = g.barsHeight - BAR_TOP_GAP - top;
  return bins.map((b, k) => {
    const x0 = g.x(b.start);
    const x1 = g.x(b.end + 1);
    const height = Math.max(MIN_BAR_HEIGHT, (b.count / maxCount) * usable);
    const attrs = {
      class: barClass(b, shown),
      x: x0.toFixed(2),
      y: (g.barsHeight - height).toFixed(2),
      width: Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)).toFixed(2), // 1 px gap between wide bars
      height: height.toFixed(2),
    };
    const old = reuse[k];
    const rect = old ? setAttrs(old, attrs) : svg('rect', attrs);
    titleOf(rect).textContent = describeBin(b, unit);
    return rect;
  });
}

function barClass(bin: Bin, shown: DayRange | null): string {
  if (shown === null) return 'tl-bar';
  return bin.start <= shown.to && bin.end >= shown.from ? 'tl-bar tl-bar--in' : 'tl-bar tl-bar--out';
}

function spanClass(span: DayRange, shown: DayRange | null): string {
  const out = shown !== null && (span.to < shown.from || span.from > shown.to);
  return out ? 'tl-span tl-span--out' : 'tl-span';
}

/**
 * Marks the nodes of {@link plotNodes} (drawn for these `bins` and `spans`, in that order) in or out of the
 * range `shown`: what a new date range changes when the bars stay. Bounded by the nodes, not the incidents.
 */
export function markShown(
  nodes: readonly SVGElement[],
  bins: readonly Bin[],
  spans: readonly DateSpan[],
  shown: DayRange | null,
): void {
  if (nodes.length !== bins.length + spans.length) {
    throw new Error(`${nodes.length} nodes drawn for ${bins.length} bins and ${spans.length} spans`);
  }
  nodes.forEach((node, k) => {
    const cls =
      k < bins.length
        ? barClass(bins[k] as Bin, shown)
        : spanClass(spans[k - bins.length] as DateSpan, shown);
    if (node.getAttribute('class') !== cls) node.setAttribute('class', cls);
  });
}

/** Where each span's lines were last drawn (`x0 x1 y`), so a redraw that does not move them skips them. */
const spanDrawnAt = new WeakMap<SVGGElement, string>();

/** The lane (0 = top) of each span: the first lane free at its start, else the last lane. */
export function spanLanes(spans: readonly DateSpan[], g: PlotGeometry): number[] {
  const laneEnds: number[] = []; // px where each lane's last span ends
  return spans.map((span) => {
    const x0 = g.x(span.from);
    let lane = laneEnds.findIndex((end) => end + 2 <= x0);
    if (lane < 0) lane = laneEnds.length < SPAN_LANES ? laneEnds.length : SPAN_LANES - 1;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? Number.NEGATIVE_INFINITY, g.x(span.to + 1));
    return lane;
  });
}

/**
 * Incidents dated to a week, a month or a range, drawn as spans above the bars: a line with an end tick
 * at each end from the first to the last day it may fall on, in up to three lanes, each with a `<title>`
 * (`31 Dec 2019 – 1 Jan 2020: 1 incident dated to this range`). `tl-span--out` when outside the range shown.
 */
export function spanNodes(
  spans: readonly DateSpan[],
  lanes: readonly number[],
  shown: DayRange | null,
  g: PlotGeometry,
  reuse: readonly SVGGElement[] = [],
): SVGGElement[] {
  return spans.map((span, k) => {
    const y = SPAN_TOP + (lanes[k] ?? 0) * SPAN_LANE + 0.5;
    let x0 = g.x(span.from) + 1; // 1 px inside the first day, so neighbouring spans stay apart
    let x1 = g.x(span.to + 1) - 1;
    if (x1 - x0 < 3) [x0, x1] = [(x0 + x1) / 2 - 1.5, (x0 + x1) / 2 + 1.5];
    const f = (n: number) => n.toFixed(2);
    const lines = [
      { class: 'tl-span-line', x1: f(x0), x2: f(x1), y1: y, y2: y },
      { class: 'tl-span-end', x1: f(x0), x2: f(x0), y1: y - SPAN_TICK, y2: y + SPAN_TICK },
      { class: 'tl-span-end', x1: f(x1), x2: f(x1), y1: y - SPAN_TICK, y2: y + SPAN_TICK },
    ];
    const old = reuse[k];
    let group: SVGGElement;
    if (old) {
      group = setAttrs(old, { class: spanClass(span, shown) });
      // Another filter mostly changes counts, not where spans lie: lines already there are left alone.
      const where = `${f(x0)} ${f(x1)} ${y}`;
      if (spanDrawnAt.get(old) !== where) {
        for (let j = 0; j < lines.length; j++)
          setAttrs(old.children[j] as SVGLineElement, lines[j] as Record<string, string | number>);
        spanDrawnAt.set(old, where);
      }
    } else {
      group = svg('g', { class: spanClass(span, shown) });
      group.append(...lines.map((attrs) => svg('line', attrs)));
      spanDrawnAt.set(group, `${f(x0)} ${f(x1)} ${y}`);
    }
    const n = span.count.toLocaleString('en-US');
    titleOf(group).textContent =
      `${formatRange(span)}: ${n} incident${span.count === 1 ? '' : 's'} dated to this range`;
    return group;
  });
}

/**
 * What the plot shows: the bars of `bins` and, above them, the `spans` of incidents dated to more than one
 * day, with the bars scaled into the room the spans leave. Bounded by the bins and spans given. The nodes of
 * the last render, given as `reuse`, are updated in place rather than made anew.
 */
export function plotNodes(
  bins: readonly Bin[],
  spans: readonly DateSpan[],
  unit: BinUnit,
  shown: DayRange | null,
  g: PlotGeometry,
  reuse: readonly SVGElement[] = [],
): SVGElement[] {
  const lanes = spanLanes(spans, g);
  let used = 0;
  for (const lane of lanes) used = Math.max(used, lane + 1);
  const top = used === 0 ? 0 : SPAN_TOP + used * SPAN_LANE;
  const oldBars = reuse.filter((node): node is SVGRectElement => node instanceof SVGRectElement);
  const oldSpans = reuse.filter((node): node is SVGGElement => node instanceof SVGGElement);
  const nodes: SVGElement[] = barNodes(bins, unit, shown, g, top, oldBars);
  for (const node of spanNodes(spans, lanes, shown, g, oldSpans)) nodes.push(node);
  return nodes;
}

/**
 * The axis under the bars for the view `start`..`end` (fractional days, end exclusive): a line, a tick
 * per unit from {@link axisTicks}, and labels left-aligned after their tick, skipped where they would
 * collide with the previous label or run off the right edge.
 */
export function axisNodes(start: number, end: number, g: PlotGeometry): SVGElement[] {
  const y = g.barsHeight + 0.5; // half-pixel: crisp 1 px lines
  const nodes: SVGElement[] = [svg('line', { class: 'tl-axis-line', x1: 0, x2: g.width, y1: y, y2: y })];
  let labelEnd = Number.NEGATIVE_INFINITY; // px: right edge of the last label drawn
  for (const tick of axisTicks(start, end, g.width)) {
    const x = Math.round(g.x(tick.day)) + 0.5;
    nodes.push(svg('line', { class: 'tl-tick', x1: x, x2: x, y1: y, y2: y + 5 }));
    const left = x + 3;
    const right = left + tick.label.length * LABEL_CHAR_WIDTH;
    if (left < labelEnd + LABEL_GAP || right > g.width) continue;
    const text = svg('text', { class: 'tl-tick-label', x: left, y: g.barsHeight + 15 });
    text.textContent = tick.label;
    nodes.push(text);
    labelEnd = right;
  }
  return nodes;
}
