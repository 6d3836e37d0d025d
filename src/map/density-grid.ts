/**
 * How many drawn points fall in each square cell of the screen, for drawing a dense view as counts instead
 * of a carpet of dots (point-canvas.ts). Pure: no DOM, no Leaflet, so it runs (and is tested and
 * benchmarked) in Node.
 *
 * Layout: the area (the point canvas, in CSS px, top-left at (0, 0)) is covered by `columns × rows` cells
 * of `cellSize` px. Cells are aligned to multiples of `cellSize` in *world* pixels at the current zoom, not
 * to the area's corner, so a pan moves the cells with the map instead of cutting them anew; only a zoom
 * changes them. The first column starts `originX` px left of the area (0 ≤ −originX < cellSize), the
 * first row `originY` px above it; edge cells stick out of the area and count only its points.
 *
 * Per cell, in flat typed arrays indexed by `row * columns + column`: the count and the bounding box of its
 * points (area px). Per point slot: its cell, or -1 when the point lies outside the area. Building is one
 * pass over the points' coordinates with no sorting and no object per point.
 */
import type { DrawnPoints } from './point-raster';

/** Where the area sits in the world and how it is cut. */
export interface GridArea {
  /** World pixel (CSS px at the current zoom: Leaflet's `crs.scale(zoom)`) of the area's top-left corner. */
  readonly left: number;
  readonly top: number;
  /** Size of the area, CSS px. */
  readonly width: number;
  readonly height: number;
  /** Side of a cell, CSS px. */
  readonly cellSize: number;
}

export class DensityGrid {
  private constructor(
    /** Side of a cell, CSS px. */
    readonly cellSize: number,
    readonly columns: number,
    readonly rows: number,
    /** Area px of the first column's left edge and the first row's top edge (both in (−cellSize, 0]). */
    readonly originX: number,
    readonly originY: number,
    /** Per cell: how many points it holds. */
    readonly counts: Uint32Array,
    /** Per cell: the bounding box of its points, area px (`+Infinity` / `−Infinity` when empty). */
    readonly minX: Float32Array,
    readonly minY: Float32Array,
    readonly maxX: Float32Array,
    readonly maxY: Float32Array,
    /** Per point slot: its cell, or -1 (outside the area, or NaN). Longer than `size` when reused. */
    readonly cellOf: Int32Array,
    /** How many point slots were binned (the `count` given to `build`). */
    readonly size: number,
    /** How many of them landed in a cell. */
    readonly binned: number,
    /** The highest count of any cell (0 when there are no points). */
    readonly maxCount: number,
  ) {}

  /**
   * Bins the first `count` points (`xs[k]`, `ys[k]`: CSS px from the area's top-left corner, as
   * `projectPoints` records them) into the cells of `area`. A point outside `[0, width) × [0, height)` is
   * in no cell. The arrays of `previous`, a grid no longer used, are reused when they fit (a redraw builds
   * a grid each time, and fresh arrays for a million points cost collector pauses).
   */
  static build(
    xs: Float32Array,
    ys: Float32Array,
    count: number,
    area: GridArea,
    previous?: DensityGrid | null,
  ): DensityGrid {
    const { left, top, width, height, cellSize } = area;
    if (!(cellSize > 0)) throw new Error(`DensityGrid cell size must be > 0 px, got ${cellSize}`);
    if (!(width >= 0 && height >= 0))
      throw new Error(`DensityGrid area must not be negative, got ${width} × ${height} px`);
    if (!(Number.isFinite(left) && Number.isFinite(top)))
      throw new Error(`DensityGrid area corner must be finite, got (${left}, ${top})`);
    if (!Number.isInteger(count) || count < 0 || count > xs.length || count > ys.length)
      throw new Error(`DensityGrid count ${count} does not fit xs (${xs.length}) and ys (${ys.length})`);
    // How far the area's edge lies inside its first column / row, px (0 ≤ shift < cellSize).
    const shiftX = left - Math.floor(left / cellSize) * cellSize;
    const shiftY = top - Math.floor(top / cellSize) * cellSize;
    const columns = Math.max(1, Math.ceil((width + shiftX) / cellSize));
    const rows = Math.max(1, Math.ceil((height + shiftY) / cellSize));
    const cells = columns * rows;
    const fits = previous != null && previous.counts.length === cells;
    const counts = fits ? previous.counts : new Uint32Array(cells);
    const minX = fits ? previous.minX : new Float32Array(cells);
    const minY = fits ? previous.minY : new Float32Array(cells);
    const maxX = fits ? previous.maxX : new Float32Array(cells);
    const maxY = fits ? previous.maxY : new Float32Array(cells);
    counts.fill(0);
    minX.fill(Number.POSITIVE_INFINITY);
    minY.fill(Number.POSITIVE_INFINITY);
    maxX.fill(Number.NEGATIVE_INFINITY);
    maxY.fill(Number.NEGATIVE_INFINITY);
    const cellOf =
      previous != null && previous.cellOf.length >= count ? previous.cellOf : new Int32Array(count);
    const perPx = 1 / cellSize; // cells per px
    let binned = 0;
    for (let k = 0; k < count; k++) {
      const x = xs[k] as number;
      const y = ys[k] as number;
      // The comparisons also drop NaN.
      if (!(x >= 0 && x < width && y >= 0 && y < height)) {
        cellOf[k] = -1;
        continue;
      }
      // Both terms are ≥ 0 and small, so `| 0` floors them (faster than Math.floor, and than dividing).
      const cell = (((y + shiftY) * perPx) | 0) * columns + (((x + shiftX) * perPx) | 0);
      cellOf[k] = cell;
      counts[cell] = (counts[cell] as number) + 1;
      if (x < (minX[cell] as number)) minX[cell] = x;
      if (x > (maxX[cell] as number)) maxX[cell] = x;
      if (y < (minY[cell] as number)) minY[cell] = y;
      if (y > (maxY[cell] as number)) maxY[cell] = y;
      binned++;
    }
    let maxCount = 0;
    for (let cell = 0; cell < cells; cell++)
      if ((counts[cell] as number) > maxCount) maxCount = counts[cell] as number;
    return new DensityGrid(
      cellSize,
      columns,
      rows,
      -shiftX,
      -shiftY,
      counts,
      minX,
      minY,
      maxX,
      maxY,
      cellOf,
      count,
      binned,
      maxCount,
    );
  }

  /** The cell under (x, y) (area px), or -1 outside the cells. */
  cellAt(x: number, y: number): number {
    const column = Math.floor((x - this.originX) / this.cellSize);
    const row = Math.floor((y - this.originY) / this.cellSize);
    if (!(column >= 0 && column < this.columns && row >= 0 && row < this.rows)) return -1;
    return row * this.columns + column;
  }

  /** Area px of the left edge of the cell's column. */
  cellLeft(cell: number): number {
    return this.originX + (cell % this.columns) * this.cellSize;
  }

  /** Area px of the top edge of the cell's row. */
  cellTop(cell: number): number {
    return this.originY + Math.floor(cell / this.columns) * this.cellSize;
  }
}

/**
 * Keeps, at the front of `drawn` and in their order, the first `count` drawn points that are *not* in a
 * cell of `grid` holding `atLeast` points or more (those are drawn as a count instead); returns how many
 * were kept. Points in no cell are kept. `grid` must have been built from the same `count` points.
 */
export function keepSparse(drawn: DrawnPoints, count: number, grid: DensityGrid, atLeast: number): number {
  if (count !== grid.size) throw new Error(`keepSparse: ${count} drawn points, the grid binned ${grid.size}`);
  const { xs, ys, index, centre } = drawn;
  const { cellOf, counts } = grid;
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const cell = cellOf[k] as number;
    if (cell >= 0 && (counts[cell] as number) >= atLeast) continue;
    if (kept !== k) {
      xs[kept] = xs[k] as number;
      ys[kept] = ys[k] as number;
      index[kept] = index[k] as number;
      centre[kept] = centre[k] as number;
    }
    kept++;
  }
  return kept;
}

/**
 * Which of `steps` shades (0 = lightest) a cell of `count` points gets, on a log scale from `low` (shade 0)
 * to `high` (the darkest): counts of dense areas span decades, and equal ratios should look equally far
 * apart. Counts outside [low, high] get the end shades; when `high ≤ low` every count gets shade 0.
 */
export function shadeOf(count: number, low: number, high: number, steps: number): number {
  if (!(Number.isInteger(steps) && steps > 0))
    throw new Error(`Expected a whole number of shades, got ${steps}`);
  if (!(low > 0)) throw new Error(`The lowest count of the shade scale must be > 0, got ${low}`);
  if (!(high > low) || !(count > low)) return 0;
  if (count >= high) return steps - 1;
  // The tiny nudge keeps exact powers on their own shade: ln(1000) / ln(10000) · 4 is 2.9999….
  const share = Math.log(count / low) / Math.log(high / low);
  return Math.min(steps - 1, Math.floor(share * steps + 1e-9));
}

/**
 * A count in at most four characters, rounded down so it never claims more than there are: 38, 999,
 * 1.2k (1,200–1,299), 12k, 999k, 1.2M, 12M. Whole numbers ≥ 0 only.
 */
export function formatCount(n: number): string {
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`Expected a whole count ≥ 0, got ${n}`);
  if (n < 1_000) return String(n);
  if (n < 10_000) return withTenths(Math.floor(n / 100), 'k');
  if (n < 1_000_000) return `${Math.floor(n / 1_000)}k`;
  if (n < 10_000_000) return withTenths(Math.floor(n / 100_000), 'M');
  return `${Math.floor(n / 1_000_000)}M`;
}

/** `tenths` / 10 with one decimal unless it is 0, then `unit`: 12 → "1.2k", 10 → "1k". */
function withTenths(tenths: number, unit: string): string {
  const whole = Math.floor(tenths / 10);
  const tenth = tenths % 10;
  return tenth === 0 ? `${whole}${unit}` : `${whole}.${tenth}${unit}`;
}
