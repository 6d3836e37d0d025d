/**
 * How many shown points fall in each square cell of the point canvas, for drawing a dense view as counts
 * instead of a carpet of dots (point-canvas.ts). Pure: no DOM, no Leaflet, so it runs (and is tested and
 * benchmarked) in Node.
 *
 * Layout: the area (the point canvas, in CSS px, top-left at (0, 0)) is covered by `columns × rows` cells
 * of `cellSize` px. Cells are aligned to multiples of `cellSize` in *world* pixels at the current zoom, not
 * to the area's corner, so a pan moves the cells with the map instead of cutting them anew; only a zoom
 * changes them. The first column starts `originX` px left of the area (0 ≤ −originX < cellSize), the
 * first row `originY` px above it; edge cells stick out of the area (into the canvas's padding, out of
 * sight) and count all their points.
 *
 * Per cell, in a flat typed array indexed by `row * columns + column`: its count. The grid is read from
 * the points' bins (point-bins.ts), which the canvas builds once per zoom and filter: making it costs the
 * cells, never the points; the bins also give a cell's points and their bounding box.
 */
import type { PointBins } from './point-bins';

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
    /** World cell (column, row at the grid's zoom) of the first column and row: for `bins.binAt`. */
    readonly column0: number,
    readonly row0: number,
    /** Per cell: how many points it holds. */
    readonly counts: Uint32Array,
    /** How many points the cells hold together. */
    readonly binned: number,
    /** The highest count of any cell (0 when there are no points). */
    readonly maxCount: number,
  ) {}

  /**
   * The cells of `area` with the counts of `bins` (built at the area's zoom and cell size, covering it):
   * no pass over the points, so a pan costs the cells, not the points. An edge cell counts all its points,
   * also those just beyond the area's edge. The counts of `previous`, a grid no longer used, are reused
   * when they fit.
   */
  static fromBins(bins: PointBins, area: GridArea, previous?: DensityGrid | null): DensityGrid {
    const { left, top, width, height, cellSize } = area;
    if (!(width >= 0 && height >= 0))
      throw new Error(`DensityGrid area must not be negative, got ${width} × ${height} px`);
    if (!(Number.isFinite(left) && Number.isFinite(top)))
      throw new Error(`DensityGrid area corner must be finite, got (${left}, ${top})`);
    if (cellSize !== bins.cellSize)
      throw new Error(`DensityGrid cells of ${cellSize} px cannot read bins of ${bins.cellSize} px`);
    const firstColumn = Math.floor(left / cellSize);
    const firstRow = Math.floor(top / cellSize);
    const shiftX = left - firstColumn * cellSize;
    const shiftY = top - firstRow * cellSize;
    const columns = Math.max(1, Math.ceil((width + shiftX) / cellSize));
    const rows = Math.max(1, Math.ceil((height + shiftY) / cellSize));
    const cells = columns * rows;
    const fits = previous != null && previous.counts.length === cells;
    const counts = fits ? previous.counts : new Uint32Array(cells);
    let binned = 0;
    let maxCount = 0;
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const cell = row * columns + column;
        const bin = bins.binAt(firstColumn + column, firstRow + row);
        const count = bin < 0 ? 0 : bins.count(bin);
        counts[cell] = count;
        binned += count;
        if (count > maxCount) maxCount = count;
      }
    }
    return new DensityGrid(
      cellSize,
      columns,
      rows,
      -shiftX,
      -shiftY,
      firstColumn,
      firstRow,
      counts,
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

  /** The bin of `bins` (those the grid was read from) that holds the cell's points. */
  binOf(bins: PointBins, cell: number): number {
    return bins.binAt(this.column0 + (cell % this.columns), this.row0 + Math.floor(cell / this.columns));
  }

  /** Area px of the top edge of the cell's row. */
  cellTop(cell: number): number {
    return this.originY + Math.floor(cell / this.columns) * this.cellSize;
  }

  /** How many points the cells holding fewer than `below` points hold (what `pointsOfSquares` reads). */
  pointsBelow(below: number): number {
    let total = 0;
    for (const n of this.counts) if (n < below) total += n;
    return total;
  }
}

/**
 * The positions of the points in the cells of `grid` (built by `fromBins` from `bins`) that hold
 * fewer than `below` points, read from the bins into `into` and sorted ascending (so they are drawn in
 * storage order). Returns them as a view of `into`, which must have room for them.
 */
export function pointsOfSquares(
  bins: PointBins,
  grid: DensityGrid,
  below: number,
  into: Uint32Array,
): Uint32Array {
  const { columns, rows, counts, column0, row0 } = grid;
  const { start, items } = bins;
  let count = 0;
  let last = -1;
  let sorted = true;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const n = counts[row * columns + column] as number;
      if (n === 0 || n >= below) continue;
      const bin = bins.binAt(column0 + column, row0 + row);
      if (count + n > into.length) throw new Error(`No room for ${count + n} points (have ${into.length})`);
      const end = start[bin + 1] as number;
      for (let slot = start[bin] as number; slot < end; slot++) {
        const position = items[slot] as number;
        if (position < last) sorted = false;
        last = position;
        into[count++] = position;
      }
    }
  }
  const picked = into.subarray(0, count);
  if (!sorted) picked.sort();
  return picked;
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
