/**
 * The names' layout for one view, without an object per label or per box: the greedy placement of
 * label-placement.ts run over the labels' fixed facts, held in typed arrays (`LabelTable`, built when the
 * labels change), with the collision boxes filed in a grid of typed arrays reused from one layout to the next.
 * A pan or a zoom lays out every name again (hundreds of them): the allocations of the object version were a
 * good part of what fills the collector between two pans.
 *
 * Two passes, as before (and as `placeLabels` then `placeLabelCandidates` would give, which the tests check):
 * 1. The incident places among themselves, by priority: each keeps its one box if no kept place is within
 *    `margin` of it. Every place takes part, on screen or not, as its markers do.
 * 2. The basemap's names around the obstacles — the map's controls, the places kept and a square of
 *    `markerRadius` around every place's point — by priority: each takes its first candidate box clear of the
 *    obstacles and `margin` away from the names kept. Names with no box on screen take no part.
 *
 * Pure: screen pixels in, one side per label out; no Leaflet, no DOM.
 */

/** What a label names; it sets the style, the anchor and the rank. */
export type LabelKind = 'place' | 'country' | 'capital' | 'town' | 'water';

/** A label's fixed facts: its point in Web-Mercator units (0..1), its text's width in px, its standing. */
export interface LabelGeometry {
  readonly kind: LabelKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The zoom from which it may show. */
  readonly minZoom: number;
  /** Higher wins a collision. */
  readonly priority: number;
}

export interface LayoutOptions {
  readonly lineHeight: number; // px, of every label
  readonly margin: number; // px kept free around each label
  readonly markerRadius: number; // px, half the square an incident marker keeps free of basemap names
  readonly placeOffset: number; // px from an incident marker to its place label
  readonly dotOffset: number; // px from a town's point to its name
}

/** The view laid out: the world's size in px at its zoom, and the world px of the container's top left. */
export interface LabelView {
  readonly zoom: number;
  readonly scale: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A box in container px. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a town's name sits from its point, in the order its boxes are tried (basemap-labels.css styles each). */
export const SIDES = [
  'right',
  'above-right',
  'below-right',
  'left',
  'above-left',
  'below-left',
  'above',
  'below',
] as const;

const PLACE = 0;
const CENTRED = 1; // country and water names, centred on their point
const DOTTED = 2; // capitals and towns, beside their dot
const SHAPE: Record<LabelKind, number> = {
  place: PLACE,
  country: CENTRED,
  water: CENTRED,
  capital: DOTTED,
  town: DOTTED,
};

/** The labels' facts in columns, and the order each pass serves them in (by priority, then as given). */
export class LabelTable {
  readonly size: number;
  readonly shape: Uint8Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly width: Float64Array;
  readonly minZoom: Float64Array;
  /** The places, then the other names, each by priority (highest first); ties keep the labels' order. */
  readonly places: Int32Array;
  readonly names: Int32Array;

  constructor(labels: readonly LabelGeometry[]) {
    const n = labels.length;
    this.size = n;
    this.shape = new Uint8Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.width = new Float64Array(n);
    this.minZoom = new Float64Array(n);
    const places: number[] = [];
    const names: number[] = [];
    labels.forEach((label, i) => {
      this.shape[i] = SHAPE[label.kind];
      this.x[i] = label.x;
      this.y[i] = label.y;
      this.width[i] = label.width;
      this.minZoom[i] = label.minZoom;
      (label.kind === 'place' ? places : names).push(i);
    });
    // Array.prototype.sort is stable: equal priorities keep the labels' order, as placeLabelCandidates does.
    const byPriority = (a: number, b: number) =>
      (labels[b] as LabelGeometry).priority - (labels[a] as LabelGeometry).priority;
    this.places = Int32Array.from(places.sort(byPriority));
    this.names = Int32Array.from(names.sort(byPriority));
  }
}

/**
 * The candidate boxes of label `i` of `table` anchored at container px (ax, ay), best first, written into
 * `out` as x, y, width, height; returns how many (1, or 8 for a capital or a town, in the order of `SIDES`).
 * Their offsets match basemap-labels.css and map.css.
 */
export function candidateBoxes(
  table: LabelTable,
  i: number,
  ax: number,
  ay: number,
  options: LayoutOptions,
  out: Float64Array,
): number {
  const h = options.lineHeight;
  const w = table.width[i] as number;
  switch (table.shape[i]) {
    case PLACE:
      return box(out, 0, ax + options.placeOffset, ay - h / 2, w, h);
    case DOTTED: {
      // The cardinal boxes include the dot.
      const gap = options.dotOffset;
      box(out, 0, ax - 3, ay - h / 2, w + gap + 3, h); // right
      box(out, 1, ax + 1, ay - h - 1, w + 2, h); // above-right
      box(out, 2, ax + 1, ay + 1, w + 2, h); // below-right
      box(out, 3, ax - gap - w, ay - h / 2, w + gap + 3, h); // left
      box(out, 4, ax - 3 - w, ay - h - 1, w + 2, h); // above-left
      box(out, 5, ax - 3 - w, ay + 1, w + 2, h); // below-left
      box(out, 6, ax - w / 2, ay - h - 3, w, h + 6); // above
      return box(out, 7, ax - w / 2, ay - 3, w, h + 6); // below
    }
    default:
      return box(out, 0, ax - w / 2, ay - h / 2, w, h);
  }
}

/** The boxes the labels of `table` showed in at `view`, from a layout's `out` (sides; -1 for none). */
export function shownBoxes(
  table: LabelTable,
  view: LabelView,
  sides: Int8Array,
  options: LayoutOptions,
): Rect[] {
  const boxes = new Float64Array(4 * SIDES.length);
  const shown: Rect[] = [];
  for (let i = 0; i < table.size; i++) {
    const side = sides[i] as number;
    if (side < 0) continue;
    const ax = Math.round((table.x[i] as number) * view.scale) - view.left;
    const ay = Math.round((table.y[i] as number) * view.scale) - view.top;
    candidateBoxes(table, i, ax, ay, options, boxes);
    const k = 4 * side;
    shown.push({
      x: boxes[k] as number,
      y: boxes[k + 1] as number,
      width: boxes[k + 2] as number,
      height: boxes[k + 3] as number,
    });
  }
  return shown;
}

function box(out: Float64Array, k: number, x: number, y: number, width: number, height: number): number {
  out[4 * k] = x;
  out[4 * k + 1] = y;
  out[4 * k + 2] = width;
  out[4 * k + 3] = height;
  return k + 1;
}

/**
 * Boxes filed by the square cells of `CELL` px they touch, so a collision test looks at the few boxes near
 * the one tested. The cells cover the view and `REACH` px around it; a box farther out is filed under the
 * cells at the edge (clamping keeps every overlap findable, since it keeps the order of coordinates).
 * Linked lists in typed arrays, emptied in place: a layout allocates nothing here once they are big enough.
 */
export class BoxGrid {
  private columns = 0;
  private rows = 0;
  private head = new Int32Array(0);
  private next = new Int32Array(64); // per filing: the next filing in its cell, or -1
  private boxOf = new Int32Array(64); // per filing: its box
  private boxes = new Float64Array(64); // x, y, width, height per box
  private filings = 0;
  private count = 0;

  /** Empties the grid, sized for a view of `width` × `height` px. */
  reset(width: number, height: number): void {
    const columns = Math.floor((width + REACH) / CELL) - Math.floor(-REACH / CELL) + 1;
    const rows = Math.floor((height + REACH) / CELL) - Math.floor(-REACH / CELL) + 1;
    if (columns * rows > this.head.length) this.head = new Int32Array(columns * rows);
    this.columns = columns;
    this.rows = rows;
    this.head.fill(-1, 0, columns * rows);
    this.filings = 0;
    this.count = 0;
  }

  add(x: number, y: number, width: number, height: number): void {
    const b = this.count++;
    if (4 * this.count > this.boxes.length) this.boxes = grown(this.boxes, 4 * this.count);
    this.boxes[4 * b] = x;
    this.boxes[4 * b + 1] = y;
    this.boxes[4 * b + 2] = width;
    this.boxes[4 * b + 3] = height;
    const c1 = this.column(x + width);
    const r1 = this.row(y + height);
    for (let r = this.row(y); r <= r1; r++) {
      for (let c = this.column(x); c <= c1; c++) {
        const f = this.filings++;
        if (this.filings > this.next.length) {
          this.next = grown(this.next, this.filings);
          this.boxOf = grown(this.boxOf, this.filings);
        }
        const cell = r * this.columns + c;
        this.next[f] = this.head[cell] as number;
        this.boxOf[f] = b;
        this.head[cell] = f;
      }
    }
  }

  /** True when the box comes closer than `gap` px to a box filed here. */
  hits(x: number, y: number, width: number, height: number, gap: number): boolean {
    const { boxes } = this;
    const c0 = this.column(x - gap);
    const c1 = this.column(x + width + gap);
    const r1 = this.row(y + height + gap);
    for (let r = this.row(y - gap); r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (let f = this.head[r * this.columns + c] as number; f >= 0; f = this.next[f] as number) {
          const b = 4 * (this.boxOf[f] as number);
          const bx = boxes[b] as number;
          const by = boxes[b + 1] as number;
          if (
            x < bx + (boxes[b + 2] as number) + gap &&
            bx < x + width + gap &&
            y < by + (boxes[b + 3] as number) + gap &&
            by < y + height + gap
          )
            return true;
        }
      }
    }
    return false;
  }

  private column(v: number): number {
    return clamp(Math.floor((v + REACH) / CELL), this.columns);
  }

  private row(v: number): number {
    return clamp(Math.floor((v + REACH) / CELL), this.rows);
  }
}

const CELL = 64; // px, side of a cell
const REACH = 2048; // px beyond each edge of the view covered by cells of their own

function clamp(i: number, size: number): number {
  return i < 0 ? 0 : i >= size ? size - 1 : i;
}

function grown<T extends Int32Array | Float64Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(atLeast, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/** The scratch of a layout, kept between layouts so that one allocates nothing once they are big enough. */
export class LabelLayout {
  private readonly kept = new BoxGrid();
  private readonly blocked = new BoxGrid();
  private readonly boxes = new Float64Array(4 * SIDES.length);

  constructor(private readonly options: LayoutOptions) {}

  /**
   * Lays out the labels of `table` in `view`, clear of `obstacles` (container px). Writes, per label, the
   * index of the candidate box it shows in (0 for a place shown), or -1 when it is not shown, into `out`.
   */
  run(table: LabelTable, view: LabelView, obstacles: readonly Rect[], out: Int8Array): void {
    const { options, kept, blocked, boxes } = this;
    const { zoom, scale, left, top, width: w, height: h } = view;
    const { margin, markerRadius: r } = options;
    out.fill(-1, 0, table.size);
    const onScreen = (k: number) =>
      (boxes[4 * k] as number) + (boxes[4 * k + 2] as number) > 0 &&
      (boxes[4 * k] as number) < w &&
      (boxes[4 * k + 1] as number) + (boxes[4 * k + 3] as number) > 0 &&
      (boxes[4 * k + 1] as number) < h;

    // Pass 1: the incident places among themselves; the obstacles of pass 2 as they go.
    kept.reset(w, h);
    blocked.reset(w, h);
    for (const o of obstacles) blocked.add(o.x, o.y, o.width, o.height);
    for (let k = 0; k < table.places.length; k++) {
      const i = table.places[k] as number;
      if (zoom < (table.minZoom[i] as number)) continue;
      const ax = Math.round((table.x[i] as number) * scale) - left;
      const ay = Math.round((table.y[i] as number) * scale) - top;
      blocked.add(ax - r, ay - r, 2 * r, 2 * r);
      candidateBoxes(table, i, ax, ay, options, boxes);
      const x = boxes[0] as number;
      const y = boxes[1] as number;
      const width = boxes[2] as number;
      const height = boxes[3] as number;
      if (kept.hits(x, y, width, height, margin)) continue;
      kept.add(x, y, width, height);
      blocked.add(x, y, width, height);
      if (onScreen(0)) out[i] = 0;
    }

    // Pass 2: the basemap's names.
    kept.reset(w, h);
    for (let k = 0; k < table.names.length; k++) {
      const i = table.names[k] as number;
      if (zoom < (table.minZoom[i] as number)) continue;
      const ax = Math.round((table.x[i] as number) * scale) - left;
      const ay = Math.round((table.y[i] as number) * scale) - top;
      const textWidth = table.width[i] as number;
      // Every box of a name reaches ≤ its width + 10 px across and 22 px up or down: skip one far off.
      if (ax < -textWidth - 16 || ax > w + textWidth + 16 || ay < -32 || ay > h + 32) continue;
      const count = candidateBoxes(table, i, ax, ay, options, boxes);
      let seen = false;
      for (let c = 0; c < count && !seen; c++) seen = onScreen(c);
      if (!seen) continue;
      for (let c = 0; c < count; c++) {
        const x = boxes[4 * c] as number;
        const y = boxes[4 * c + 1] as number;
        const width = boxes[4 * c + 2] as number;
        const height = boxes[4 * c + 3] as number;
        if (kept.hits(x, y, width, height, margin) || blocked.hits(x, y, width, height, 0)) continue;
        kept.add(x, y, width, height);
        out[i] = c;
        break;
      }
    }
  }
}
