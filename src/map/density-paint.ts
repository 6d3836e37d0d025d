/**
 * Paints the dense cells of a `DensityGrid` on the point canvas's 2D context (through its painter,
 * point-paint.ts): a shaded square per cell with its count in it (numbers only), drawn from an atlas on which
 * each count is written once (`CountStamps`), or written with `fillText` where there is none. The cells go
 * to the painter as plain arrays (`denseCells`). Runs after the dots were put on the canvas as ImageData,
 * and before the open incident's ring, which goes on top.
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
 * The counted squares of a drawing, as plain arrays: where each sits (CSS px from the canvas's top-left
 * corner), its count and its shade.
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
  | 'drawImage'
  | 'measureText'
  | 'clearRect'
  | 'fillStyle'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

/** The canvas the counts are written on (an OffscreenCanvas in a browser), and drawn from. */
export interface AtlasCanvas {
  getContext(kind: '2d'): PaintContext | null;
}

/** Where a count is written on the atlas: `width` × `height` device px at (`x`, `y`), centred on its text. */
export interface CountStamp {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The counts of the squares, each written once on one canvas (an atlas, packed in rows) and drawn from there,
 * so a redraw copies a few pixels per square instead of writing its text: `fillText` shapes the text on every
 * call, a pan over the same squares writes the same counts again, and their text was most of what painting
 * the squares cost (0.6–0.9 ms of a pan's 20 squares; 0.3–0.4 ms with the atlas). One canvas, not one per
 * count: making a canvas and a bitmap per count cost more than the text (~0.08 ms each, 4 ms for a zoom's
 * 49 new counts). When the atlas is full, or the pixel ratio changes, it is cleared and filled again.
 */
export class CountStamps {
  private readonly stamps = new Map<string, CountStamp>();
  private readonly context: PaintContext;
  private ratio = 0;
  /** The next free place: along the current row, at its top. */
  private nextX = 0;
  private nextY = 0;
  private clears = 0;

  constructor(
    /** The atlas, `size` × `size` device px. */
    readonly canvas: AtlasCanvas,
    private readonly size: number,
  ) {
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('No 2D context to write the counts on');
    this.context = context;
  }

  /** An atlas on an OffscreenCanvas, or null where there is none (the counts are then written as text). */
  static forBrowser(size = 1024): CountStamps | null {
    return typeof OffscreenCanvas === 'undefined'
      ? null
      : new CountStamps(new OffscreenCanvas(size, size) as unknown as AtlasCanvas, size);
  }

  /** Counts the clears: places taken before one are no longer what they were. */
  get generation(): number {
    return this.clears;
  }

  /** How many counts are on the atlas. */
  get count(): number {
    return this.stamps.size;
  }

  /** Where `label` in `colour` at `ratio` device px per CSS px is on the atlas (written there if it was not). */
  get(label: string, colour: string, ratio: number): CountStamp {
    if (ratio !== this.ratio) {
      this.clear();
      this.ratio = ratio;
    }
    const key = `${label} ${colour}`;
    const kept = this.stamps.get(key);
    if (kept !== undefined) return kept;
    const { context, size } = this;
    const { font } = DENSITY_LOOK;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.font = font;
    // CSS px, with room each side for the glyphs' smoothing; even device sizes keep the centre whole.
    const width = Math.min(
      size,
      2 * Math.ceil(((Math.ceil(context.measureText(label).width) + 4) * ratio) / 2),
    );
    const height = Math.min(size, 2 * Math.ceil((18 * ratio) / 2));
    if (this.nextX + width > size) {
      this.nextX = 0;
      this.nextY += height;
    }
    if (this.nextY + height > size) this.clear();
    const stamp = { x: this.nextX, y: this.nextY, width, height };
    this.nextX += width;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = colour;
    context.fillText(label, (stamp.x + width / 2) / ratio, (stamp.y + height / 2) / ratio + 0.5);
    this.stamps.set(key, stamp);
    return stamp;
  }

  /** Empties the atlas. */
  private clear(): void {
    this.context.setTransform(1, 0, 0, 1, 0, 0);
    this.context.clearRect(0, 0, this.size, this.size);
    this.stamps.clear();
    this.nextX = 0;
    this.nextY = 0;
    this.clears++;
  }
}

/**
 * Paints `cells`, each a shaded square with its count in it, at `ratio` device px per CSS px: the counts
 * drawn from `stamps` when given, else written as text.
 */
export function paintDenseCells(
  context: PaintContext,
  cells: DenseCells,
  ratio: number,
  stamps: CountStamps | null = null,
): number {
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
  const half = cellSize / 2;
  const places = stamps === null ? null : placesOf(stamps, cells, ratio);
  if (stamps !== null && places !== null) {
    // In device px, each on whole pixels (a count drawn between pixels would be resampled, blurred). All
    // are written on the atlas before any is drawn: drawing from a canvas that changed since copies it.
    context.setTransform(1, 0, 0, 1, 0, 0);
    for (let k = 0; k < n; k++) {
      const { x, y, width, height } = places[k] as CountStamp;
      const dx = Math.round(((left[k] as number) + half) * ratio - width / 2);
      const dy = Math.round(((top[k] as number) + half) * ratio - height / 2);
      context.drawImage(stamps.canvas as CanvasImageSource, x, y, width, height, dx, dy, width, height);
    }
    context.restore();
    return n;
  }
  context.font = font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
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

/**
 * The places of the counts of `cells` on the atlas, writing those not there yet; null when they do not all
 * fit on it at once (they are then written as text).
 */
function placesOf(stamps: CountStamps, cells: DenseCells, ratio: number): CountStamp[] | null {
  const { count, shade } = cells;
  const { shades } = DENSITY_LOOK;
  const take = () =>
    Array.from(count, (c, k) =>
      stamps.get(formatCount(c), shades[shade[k] as number]?.text ?? shades[0].text, ratio),
    );
  const before = stamps.generation;
  const places = take();
  if (stamps.generation === before) return places;
  // The atlas was emptied on the way (full, or a new ratio): once more on the empty atlas.
  const again = stamps.generation;
  const retaken = take();
  return stamps.generation === again ? retaken : null;
}
