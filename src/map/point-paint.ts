/**
 * Paints the point canvas's drawing (point-canvas.ts) on a 2D context: no Leaflet and no DOM, so it is
 * tested with a stand-in context. The layer decides what is drawn (which points as dots and where, which
 * squares as counts, the open incident); the painter keeps the pixels.
 *
 * - Dots are stamped into an ImageData buffer (point-raster.ts), the painter's own, and only the tiles of
 *   it that hold dots are copied to the canvas (InkTiles).
 * - Only what the last paint covered is cleared first (the dots' tiles, the squares, the ring).
 * - The counted squares go over the dots (density-paint.ts), the open incident's disc and ring on top.
 * - A request without dots paints the last dots again (another incident opened, same view).
 */
import { CountStamps, type DenseCells, type PaintContext, paintDenseCells } from './density-paint';
import {
  buildStamp,
  type DotGeometry,
  type DotStyle,
  InkTiles,
  type Stamp,
  stampPoints,
  stampReach,
} from './point-raster';

/**
 * Dot sizes by how many points are drawn: big enough to aim at, smaller where a million would be a carpet
 * (and each pixel costs ~2 ns). px: coloured disc, white outline, ring width when hollow; a radius of
 * n + 0.5 rasterises round at ratio 1.
 */
export const DOT_TIERS: readonly (DotGeometry & { readonly upTo: number })[] = [
  { upTo: 150_000, radius: 3.5, outline: 1, ring: 1.5 }, // 9 px across
  { upTo: 400_000, radius: 2.5, outline: 1, ring: 1 }, // 7 px
  { upTo: Number.POSITIVE_INFINITY, radius: 1.5, outline: 0, ring: 1 }, // 3 px
];

/** How the open incident is drawn over the others, CSS px. */
export const SELECTED_LOOK = {
  radius: 6, // the disc
  ringRadius: 9, // centre line of the dark ring around it
  ringWidth: 2,
  hollowWidth: 2.5, // the coloured ring when its place is a region
  ink: '#1d1d1b', // the ring's colour: the page's text colour, as on a selected marker
};

/** The tier of dot size for `count` dots. */
export function dotTier(count: number): number {
  return DOT_TIERS.findIndex((tier) => count <= tier.upTo);
}

/** New dots to stamp: `centre[k]` (a pixel of the buffer) gets the stamp of the style of incident `index[k]`. */
export interface PaintDots {
  readonly centre: Int32Array;
  readonly index: Uint32Array;
  /** How many of `centre` and `index` to stamp. */
  readonly count: number;
  /** Index into DOT_TIERS. */
  readonly tier: number;
}

/** What to paint. */
export interface PaintRequest {
  /** Device px of the canvas. */
  readonly width: number;
  readonly height: number;
  /** Device px per CSS px. */
  readonly ratio: number;
  /** The dots, or null for the last ones (of the same size and ratio). */
  readonly dots: PaintDots | null;
  /** The counted squares over them, or null. */
  readonly cells: DenseCells | null;
  /** The open incident: its centre (CSS px from the canvas's corner) and style, or null. */
  readonly selected: { readonly x: number; readonly y: number; readonly style: number } | null;
}

/** The 2D context of a canvas or of an OffscreenCanvas: what painting needs of either. */
export type PointContext = PaintContext &
  Pick<
    CanvasRenderingContext2D,
    | 'createImageData'
    | 'putImageData'
    | 'clearRect'
    | 'beginPath'
    | 'arc'
    | 'fill'
    | 'stroke'
    | 'lineWidth'
    | 'strokeStyle'
  >;

export class PointPainter {
  private image: ImageData | null = null;
  private pixels = new Int32Array(0);
  /** The tiles of `pixels` that may hold dots; the others are clear. */
  private ink = new InkTiles(0, 0);
  /** `stamps[tier][style]`, for the current pixel ratio and buffer width. */
  private stamps: Stamp[][] = [];
  private stampKey = '';
  /** What the last paint covered: rectangles `x, y, width, height` (device px) in a canvas of `paintedSize`. */
  private painted: number[] = [];
  private paintedSize = '';
  /** The counts of the squares, written once each (null where there is no OffscreenCanvas: written each time). */
  private readonly counts = CountStamps.forBrowser();

  constructor(
    private readonly styles: readonly DotStyle[],
    /** The style of each incident (an index into `styles`). */
    private readonly style: Uint8Array,
  ) {}

  /**
   * Paints `request` on `context`, whose canvas measures `request.width` × `request.height` and holds what
   * this painter painted last, or less. Only that is cleared (when it is less than half the canvas): a
   * full clear writes every pixel, ~1 ms for a 1380 × 952 canvas, for a drawing that is mostly empty.
   * Returns the squares painted.
   */
  paint(context: PointContext, request: PaintRequest): number {
    const { width, height, ratio, dots } = request;
    if (dots !== null) this.stamp(context, dots, width, height, ratio);
    else if (this.image?.width !== width || this.image.height !== height)
      throw new Error(`No dots painted at ${width} × ${height} px to paint again`);
    const image = this.image as ImageData;
    this.clear(context, width, height);
    const painted: number[] = [];
    for (const [x, y, w, h] of this.ink.rectangles()) {
      context.putImageData(image, 0, 0, x, y, w, h);
      painted.push(x, y, w, h);
    }
    const { cells, selected } = request;
    const count = cells === null ? 0 : paintDenseCells(context, cells, ratio, this.counts);
    if (cells !== null) for (let k = 0; k < count; k++) painted.push(...cellBox(cells, k, ratio));
    if (selected !== null) {
      this.paintSelected(context, selected, ratio);
      const reach = SELECTED_LOOK.ringRadius + SELECTED_LOOK.ringWidth;
      painted.push(...deviceBox(selected.x - reach, selected.y - reach, 2 * reach, ratio));
    }
    this.painted = painted;
    this.paintedSize = `${width} ${height}`;
    return count;
  }

  /** Clears what the last paint covered, or the whole canvas when that is most of it or unknown. */
  private clear(context: PointContext, width: number, height: number): void {
    const { painted } = this;
    let area = 0;
    for (let k = 0; k < painted.length; k += 4)
      area += (painted[k + 2] as number) * (painted[k + 3] as number);
    if (this.paintedSize !== `${width} ${height}` || area > (width * height) / 2) {
      context.clearRect(0, 0, width, height);
      return;
    }
    for (let k = 0; k < painted.length; k += 4)
      context.clearRect(
        painted[k] as number,
        painted[k + 1] as number,
        painted[k + 2] as number,
        painted[k + 3] as number,
      );
  }

  /** Clears the tiles the last dots inked, stamps `dots`, and keeps the tiles inked now. */
  private stamp(context: PointContext, dots: PaintDots, width: number, height: number, ratio: number): void {
    if (this.image?.width !== width || this.image.height !== height) {
      this.image = context.createImageData(width, height);
      this.pixels = new Int32Array(this.image.data.buffer);
      this.ink = new InkTiles(width, height);
    }
    const stampKey = `${ratio} ${width}`;
    if (stampKey !== this.stampKey) {
      this.stamps = DOT_TIERS.map((tier) =>
        this.styles.map((style) => buildStamp(style, tier, ratio, width)),
      );
      this.stampKey = stampKey;
    }
    const tier = DOT_TIERS[dots.tier];
    const stamps = this.stamps[dots.tier];
    if (tier === undefined || stamps === undefined) throw new Error(`No dot size ${dots.tier}`);
    this.ink.clear(this.pixels);
    stampPoints(this.pixels, dots, dots.count, this.style, stamps, [0, 0]);
    this.ink.mark(dots.centre, dots.count, stampReach(tier, ratio));
  }

  /** The open incident's disc and ring, over everything else. */
  private paintSelected(
    context: PointContext,
    selected: NonNullable<PaintRequest['selected']>,
    ratio: number,
  ): void {
    const style = this.styles[selected.style];
    if (style === undefined) return;
    const { x, y } = selected;
    const look = SELECTED_LOOK;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.beginPath();
    context.arc(x, y, look.ringRadius, 0, 2 * Math.PI);
    context.fillStyle = '#ffffff';
    context.fill();
    context.lineWidth = look.ringWidth;
    context.strokeStyle = look.ink;
    context.stroke();
    context.beginPath();
    if (style.hollow) {
      context.arc(x, y, look.radius - look.hollowWidth / 2, 0, 2 * Math.PI);
      context.lineWidth = look.hollowWidth;
      context.strokeStyle = style.color;
      context.stroke();
    } else {
      context.arc(x, y, look.radius, 0, 2 * Math.PI);
      context.fillStyle = style.color;
      context.fill();
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
  }
}

/** The device-px box of a square of `side` CSS px at (`x`, `y`), one pixel wider each way for smoothing. */
function deviceBox(x: number, y: number, side: number, ratio: number): [number, number, number, number] {
  const left = Math.floor(x * ratio) - 1;
  const top = Math.floor(y * ratio) - 1;
  const size = Math.ceil(side * ratio) + 3;
  return [left, top, size, size];
}

/** The device-px box of the `k`-th counted square of `cells` (its count is written inside it). */
function cellBox(cells: DenseCells, k: number, ratio: number): [number, number, number, number] {
  return deviceBox(cells.left[k] as number, cells.top[k] as number, cells.cellSize, ratio);
}
