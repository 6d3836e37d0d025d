/**
 * Paints the dense cells of a `DensityGrid` on the point canvas's 2D context (or its painting worker's,
 * point-paint.ts): a shaded square per cell with its count written in it (`ctx.fillText`, numbers only).
 * The cells go to the painter as plain arrays (`denseCells`). Runs after the dots were put on the canvas
 * as ImageData, and before the open incident's ring, which goes on top.
 *
 * The shades are a light-to-dark purple ramp (ColorBrewer Purples, classes 3–9, the fifth a little darker):
 * one hue varying in lightness, so it reads in grey and with every common colour-vision deficiency, and
 * stays apart from the event-type colours of the dots (Okabe–Ito) and from the pale blue sea. Counts are
 * dark on the four light shades and white on the three dark ones, at a contrast of 4.5:1 or more over
 * both the land (#f3f0e8) and the sea (#d5e3ea) of the basemap. Squares are a little translucent so the
 * coast, rivers, borders and town names of the basemap still show through; the names of incident places
 * are DOM labels above the canvas and may cover part of a count.
 *
 * Nothing of the grid is fully opaque: on this canvas, fully opaque pixels are incident dots (and the open
 * incident's ring is its only near-black ink), which tests/e2e/large.test.ts relies on to find them.
 */
import { type DensityGrid, formatCount, shadeOf } from './density-grid';

export const DENSITY_LOOK = {
  inset: 1, // px cut from each side of a square, so neighbouring cells read apart
  // Light to dark: fill, its opacity, and the count's colour on it.
  shades: [
    { fill: '#dadaeb', alpha: 0.66, text: '#2d1a4d' },
    { fill: '#bcbddc', alpha: 0.68, text: '#2d1a4d' },
    { fill: '#9e9ac8', alpha: 0.7, text: '#2d1a4d' },
    { fill: '#807dba', alpha: 0.74, text: '#2d1a4d' },
    { fill: '#5e3c99', alpha: 0.8, text: '#ffffff' },
    { fill: '#54278f', alpha: 0.82, text: '#ffffff' },
    { fill: '#3f007d', alpha: 0.84, text: '#ffffff' },
  ],
  textAlpha: 0.94, // of the counts: with the square's, short of fully opaque (see above)
  font: '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
} as const;

/**
 * The counted squares of a drawing, as plain arrays that a worker can be sent: where each sits (CSS px
 * from the canvas's top-left corner), its count and its shade.
 */
export interface DenseCells {
  /** Side of a square, CSS px. */
  readonly cellSize: number;
  readonly left: Float64Array;
  readonly top: Float64Array;
  readonly count: Uint32Array;
  /** Index into `DENSITY_LOOK.shades`. */
  readonly shade: Uint8Array;
}

/**
 * The cells of `grid` holding `atLeast` points or more, shaded on a log scale from `atLeast` to the
 * densest cell in the grid.
 */
export function denseCells(grid: DensityGrid, atLeast: number): DenseCells {
  const { counts, cellSize } = grid;
  let n = 0;
  for (let cell = 0; cell < counts.length; cell++) if ((counts[cell] as number) >= atLeast) n++;
  const cells = {
    cellSize,
    left: new Float64Array(n),
    top: new Float64Array(n),
    count: new Uint32Array(n),
    shade: new Uint8Array(n),
  };
  const steps = DENSITY_LOOK.shades.length;
  for (let cell = 0, k = 0; cell < counts.length; cell++) {
    const count = counts[cell] as number;
    if (count < atLeast) continue;
    cells.left[k] = grid.cellLeft(cell);
    cells.top[k] = grid.cellTop(cell);
    cells.count[k] = count;
    cells.shade[k] = shadeOf(count, atLeast, grid.maxCount, steps);
    k++;
  }
  return cells;
}

/** The 2D context of a canvas or of an OffscreenCanvas: what painting the squares needs of either. */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'setTransform'
  | 'fillRect'
  | 'fillText'
  | 'fillStyle'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

/**
 * Paints every cell of `grid` holding `atLeast` points or more (see `denseCells`), at `ratio` device px per
 * CSS px. Returns how many cells it painted.
 */
export function paintDensity(
  context: PaintContext,
  grid: DensityGrid,
  atLeast: number,
  ratio: number,
): number {
  return paintDenseCells(context, denseCells(grid, atLeast), ratio);
}

/** Paints `cells`, each a shaded square with its count written in it, at `ratio` device px per CSS px. */
export function paintDenseCells(context: PaintContext, cells: DenseCells, ratio: number): number {
  const { cellSize, left, top, count, shade } = cells;
  const { inset, shades, textAlpha, font } = DENSITY_LOOK;
  const n = count.length;
  if (n === 0) return 0;
  context.save();
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const side = cellSize - 2 * inset;
  // One fill style at a time: setting a colour costs more than a square.
  shades.forEach(({ fill, alpha }, s) => {
    context.fillStyle = fill;
    context.globalAlpha = alpha;
    for (let k = 0; k < n; k++)
      if (shade[k] === s)
        context.fillRect((left[k] as number) + inset, (top[k] as number) + inset, side, side);
  });
  context.globalAlpha = textAlpha;
  context.font = font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const half = cellSize / 2;
  for (const text of new Set(shades.map((s) => s.text))) {
    context.fillStyle = text;
    for (let k = 0; k < n; k++) {
      if (shades[shade[k] as number]?.text !== text) continue;
      const label = formatCount(count[k] as number);
      context.fillText(label, (left[k] as number) + half, (top[k] as number) + half + 0.5);
    }
  }
  context.restore();
  return n;
}
