/**
 * A uniform grid over points on the screen, for "which drawn point is under the pointer?" when points are
 * pixels on a canvas rather than elements. Pure: no DOM, no Leaflet.
 *
 * Layout: `columns × rows` square cells of `cellSize` px, each a singly linked list of slots threaded
 * through one array: `head[cell]` is the cell's last slot (or -1) and `next[slot]` the slot before it in
 * the same cell (or -1). Building is one pass over the points with no sorting, which matters when it runs
 * on every redraw of a million points. A slot is a position in the caller's `xs`/`ys` arrays; the grid
 * never copies coordinates, so the caller must not change those arrays while the grid is in use.
 */

export class ScreenGrid {
  private constructor(
    private readonly xs: Float32Array,
    private readonly ys: Float32Array,
    private readonly cellSize: number,
    private readonly columns: number,
    private readonly rows: number,
    /** Per cell: its highest slot, or -1 when empty. */
    private readonly head: Int32Array,
    /** Per slot: the next lower slot in the same cell, or -1 (may be longer than `size`). */
    private readonly next: Int32Array,
    /** How many points the grid holds. */
    readonly size: number,
  ) {}

  /**
   * Indexes the first `count` points (`xs[k]`, `ys[k]` in px) of a `width × height` px rectangle whose
   * top-left is (0, 0). Points outside it are put in the nearest edge cell, so they can still be found.
   * A `cellSize` near the usual query radius keeps queries to a 3 × 3 block of cells. The arrays of
   * `previous`, a grid that is no longer used, are reused when big enough (a redraw builds a new grid
   * each time, and allocating for a million points each time costs collector pauses).
   */
  static build(
    xs: Float32Array,
    ys: Float32Array,
    count: number,
    width: number,
    height: number,
    cellSize: number,
    previous?: ScreenGrid | null,
  ): ScreenGrid {
    if (!(cellSize > 0)) throw new Error(`ScreenGrid cell size must be > 0 px, got ${cellSize}`);
    if (!(width >= 0 && height >= 0))
      throw new Error(`ScreenGrid size must not be negative, got ${width} × ${height} px`);
    if (!Number.isInteger(count) || count < 0 || count > xs.length || count > ys.length)
      throw new Error(`ScreenGrid count ${count} does not fit xs (${xs.length}) and ys (${ys.length})`);
    const columns = Math.max(1, Math.ceil(width / cellSize));
    const rows = Math.max(1, Math.ceil(height / cellSize));
    const cells = columns * rows;
    const head = previous && previous.head.length === cells ? previous.head : new Int32Array(cells);
    head.fill(-1);
    const next = previous && previous.next.length >= count ? previous.next : new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const col = clamp(Math.floor((xs[k] as number) / cellSize), columns);
      const row = clamp(Math.floor((ys[k] as number) / cellSize), rows);
      const cell = row * columns + col;
      next[k] = head[cell] as number;
      head[cell] = k;
    }
    return new ScreenGrid(xs, ys, cellSize, columns, rows, head, next, count);
  }

  /**
   * The slot of the point nearest to (x, y) within `radius` px (inclusive), or -1 when there is none.
   * Of points at the same distance the highest slot wins: drawn last, it is the one on top.
   */
  nearest(x: number, y: number, radius: number): number {
    if (!(radius >= 0)) throw new Error(`ScreenGrid query radius must be ≥ 0 px, got ${radius}`);
    const { cellSize, columns, rows, head, next, xs, ys } = this;
    const col0 = clamp(Math.floor((x - radius) / cellSize), columns);
    const col1 = clamp(Math.floor((x + radius) / cellSize), columns);
    const row0 = clamp(Math.floor((y - radius) / cellSize), rows);
    const row1 = clamp(Math.floor((y + radius) / cellSize), rows);
    let best = -1;
    let bestDistance = radius * radius;
    for (let row = row0; row <= row1; row++) {
      for (let col = col0; col <= col1; col++) {
        for (let slot = head[row * columns + col] as number; slot >= 0; slot = next[slot] as number) {
          const dx = (xs[slot] as number) - x;
          const dy = (ys[slot] as number) - y;
          const distance = dx * dx + dy * dy;
          if (distance < bestDistance || (distance === bestDistance && slot > best)) {
            best = slot;
            bestDistance = distance;
          }
        }
      }
    }
    return best;
  }
}

/** `i` limited to 0 .. n - 1. */
function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
