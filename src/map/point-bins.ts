/**
 * The points shown, binned once per zoom into the density grid's squares — world-aligned cells of
 * `cellSize` px — over a window of the world around the view. A redraw at the same zoom inside the window
 * then reads the counts of the squares it paints and the positions of the points it draws as dots, and
 * never touches the other points: a pan over a million incidents costs what its squares and its few dots
 * cost, not a projection and a binning of every point (~15–20 ms at 1M). Pure: no DOM, no Leaflet.
 *
 * Layout (compressed sparse rows): the window is `columns × rows` cells, the first being world cell
 * (`column0`, `row0`); a cell's bin is `row * columns + column` (window-relative). `items[start[bin]]` ..
 * `items[start[bin + 1] - 1]` are the positions (into the columns) of its points, ascending.
 */

/** A rectangle of the world at one zoom, in world px (CSS px at `scale`), and the side of a cell. */
export interface BinWindow {
  /** World size in CSS px (Leaflet's `crs.scale(zoom)`, 256 · 2^zoom). */
  readonly scale: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Side of a cell, CSS px. */
  readonly cellSize: number;
}

export class PointBins {
  private constructor(
    /** The order the bins were built from (its identity tells whether they are still current). */
    readonly order: ArrayLike<number>,
    readonly scale: number,
    readonly cellSize: number,
    readonly column0: number,
    readonly row0: number,
    readonly columns: number,
    readonly rows: number,
    /** `bins + 1` offsets into `items`. */
    readonly start: Uint32Array,
    /** Point positions grouped by bin, ascending within each (longer than needed when reused). */
    readonly items: Uint32Array,
    /** The points' Web-Mercator coordinates the bins were built from. */
    private readonly points: { readonly x: Float64Array; readonly y: Float64Array },
    /** Scratch of one entry per point of `order`: its bin, or -1 (kept for the next build). */
    private readonly binOf: Int32Array,
  ) {}

  /**
   * Bins the points at `order` (positions into `x`, `y`: Web Mercator 0..1) that fall in `window`.
   * Two passes over `order` and none over anything else. The arrays of `previous` are reused when they fit
   * (it is no longer valid after), and the scratch of `scratch` (which stays valid: bins need it only while
   * they are built).
   */
  static build(
    points: { readonly x: Float64Array; readonly y: Float64Array },
    order: ArrayLike<number>,
    window: BinWindow,
    previous?: PointBins | null,
    scratch: PointBins | null | undefined = previous,
  ): PointBins {
    const { scale, left, top, width, height, cellSize } = window;
    if (!(cellSize > 0)) throw new Error(`PointBins cell size must be > 0 px, got ${cellSize}`);
    if (!(scale > 0 && width >= 0 && height >= 0 && Number.isFinite(left) && Number.isFinite(top)))
      throw new Error(`PointBins window is not a rectangle: ${JSON.stringify(window)}`);
    const column0 = Math.floor(left / cellSize);
    const row0 = Math.floor(top / cellSize);
    const columns = Math.max(1, Math.ceil((left + width) / cellSize) - column0);
    const rows = Math.max(1, Math.ceil((top + height) / cellSize) - row0);
    const bins = columns * rows;
    const n = order.length;
    const fits = previous != null && previous.start.length === bins + 1;
    const start = fits ? previous.start.fill(0) : new Uint32Array(bins + 1);
    const binOf = scratch != null && scratch.binOf.length >= n ? scratch.binOf : new Int32Array(n);
    // Each pass is a function called once per block of points, not once per build. A build runs once per
    // zoom, so a pass called once would never be hot: every zoom would start its loop in the interpreter
    // and wait for V8 to compile it on the fly (OSR), which it did again at each zoom (4–12 ms of a 100k
    // zoom, against ~1 ms optimized). Called per block, each pass is optimized whole after the first
    // build's few blocks, and stays so. The columns are passed as arrays, not as the `points` object: code
    // that reads an object's field depends on that field's type, and is thrown away when another object of
    // the same shape holds something else there.
    const cellsPerUnit = scale / cellSize;
    for (let from = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      countBins(
        points.x,
        points.y,
        order,
        from,
        to,
        cellsPerUnit,
        column0,
        row0,
        columns,
        rows,
        binOf,
        start,
      );
    }
    for (let bin = 0; bin < bins; bin++) start[bin + 1] = (start[bin + 1] as number) + (start[bin] as number);
    const binned = start[bins] as number;
    const items =
      previous != null && previous.items.length >= binned ? previous.items : new Uint32Array(binned);
    const cursor = start.slice(0, bins);
    for (let from = 0; from < n; from += BLOCK)
      fillBins(order, from, Math.min(n, from + BLOCK), binOf, cursor, items);
    return new PointBins(order, scale, cellSize, column0, row0, columns, rows, start, items, points, binOf);
  }

  /** Whether these bins hold `order` at `scale` and every cell that the world-px rectangle touches. */
  covers(
    order: ArrayLike<number>,
    scale: number,
    left: number,
    top: number,
    width: number,
    height: number,
  ): boolean {
    const c = this.cellSize;
    return (
      order === this.order &&
      scale === this.scale &&
      Math.floor(left / c) >= this.column0 &&
      Math.floor(top / c) >= this.row0 &&
      Math.ceil((left + width) / c) <= this.column0 + this.columns &&
      Math.ceil((top + height) / c) <= this.row0 + this.rows
    );
  }

  /** The bin of world cell (column, row), or -1 outside the window. */
  binAt(column: number, row: number): number {
    const c = column - this.column0;
    const r = row - this.row0;
    return c >= 0 && c < this.columns && r >= 0 && r < this.rows ? r * this.columns + c : -1;
  }

  /** The bounding box of a bin's points in world px, `[minX, minY, maxX, maxY]` (infinite when empty). */
  boxOf(bin: number): [number, number, number, number] {
    const { x, y } = this.points;
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const end = this.start[bin + 1] as number;
    for (let slot = this.start[bin] as number; slot < end; slot++) {
      const i = this.items[slot] as number;
      const wx = (x[i] as number) * this.scale;
      const wy = (y[i] as number) * this.scale;
      box[0] = Math.min(box[0], wx);
      box[1] = Math.min(box[1], wy);
      box[2] = Math.max(box[2], wx);
      box[3] = Math.max(box[3], wy);
    }
    return box;
  }

  /** How many points a bin holds. */
  count(bin: number): number {
    return (this.start[bin + 1] as number) - (this.start[bin] as number);
  }
}

/** Points per call of a pass (see `build`). */
const BLOCK = 1024;

/**
 * Pass 1, over `order[from]` .. `order[to - 1]`: each point's bin in `binOf` (-1 outside the window, also
 * NaN), and in `start[bin + 1]` its count.
 */
function countBins(
  x: Float64Array,
  y: Float64Array,
  order: ArrayLike<number>,
  from: number,
  to: number,
  cellsPerUnit: number,
  column0: number,
  row0: number,
  columns: number,
  rows: number,
  binOf: Int32Array,
  start: Uint32Array,
): void {
  for (let k = from; k < to; k++) {
    const i = order[k] as number;
    const column = Math.floor((x[i] as number) * cellsPerUnit) - column0;
    const row = Math.floor((y[i] as number) * cellsPerUnit) - row0;
    const inside = column >= 0 && column < columns && row >= 0 && row < rows; // false for NaN
    // One store for both cases: a store only the first point outside would reach has no type feedback,
    // and reaching it would throw the optimized loop away.
    const bin = inside ? row * columns + column : -1;
    binOf[k] = bin;
    if (inside) start[bin + 1] = (start[bin + 1] as number) + 1;
  }
}

/**
 * Pass 2, over `order[from]` .. `order[to - 1]`: each position into its bin's next slot (`cursor`), so
 * ascending stays ascending.
 */
function fillBins(
  order: ArrayLike<number>,
  from: number,
  to: number,
  binOf: Int32Array,
  cursor: Uint32Array,
  items: Uint32Array,
): void {
  for (let k = from; k < to; k++) {
    const bin = binOf[k] as number;
    if (bin < 0) continue;
    const slot = cursor[bin] as number;
    items[slot] = order[k] as number;
    cursor[bin] = slot + 1;
  }
}
