/**
 * The pixel work behind the point canvas: per-incident columns computed once (Web-Mercator x/y and a dot
 * style), dot "stamps", and two tight loops that project and cull the points shown, then stamp them into
 * an RGBA buffer. Pure: no DOM, no Leaflet, so it runs (and is tested, and benchmarked) in Node.
 *
 * Why stamps and not `ctx.arc`: without a GPU a 2D context spends ~1 µs per arc and ~9 µs per
 * `drawImage` (measured in Chromium here), so a million points take seconds; copying precomputed pixels
 * into an `Int32Array` view of `ImageData` costs ~2 ns a pixel, ~15 ns a point. The price is hard (not
 * anti-aliased) dot edges, which a white outline makes hard to notice.
 */
import { ATTRIBUTION_DRAWING, type AttributionDrawing } from '../domain/attribution';
import type { IncidentColumns } from '../domain/columns';
import { TYPE_KEYS } from '../domain/filter';
import { ATTRIBUTIONS, type EventType, LOCATION_PRECISIONS } from '../domain/incident';
import { mercatorX, mercatorY } from '../domain/mercator';
import { EVENT_SYMBOLS, UNKNOWN_BODY } from './symbols';

export { MAX_MERCATOR_LATITUDE, mercatorX, mercatorY } from '../domain/mercator';

/** True when the platform stores a 32-bit integer low byte first (every common browser does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The 32-bit value that writes the bytes R, G, B, A (ImageData's order) when stored into an `Int32Array`
 * view of the pixel buffer. `hex` is `#rrggbb`; `alpha` is 0–255.
 */
export function pixelValue(hex: string, alpha = 255): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new Error(`Expected a colour like "#d55e00", got "${hex}"`);
  const [r, g, b] = [match[1], match[2], match[3]].map((h) => Number.parseInt(h as string, 16)) as [
    number,
    number,
    number,
  ];
  // `|` gives a signed 32-bit integer, which is what an Int32Array stores.
  return LITTLE_ENDIAN ? (alpha << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | alpha;
}

/** How one kind of point looks, in CSS px. */
export interface DotStyle {
  /** Fill colour `#rrggbb`. */
  readonly color: string;
  /** Drawn as a ring (colour) with a see-through middle instead of a filled disc. */
  readonly hollow: boolean;
  /**
   * The perpetrator attribution, as on the DOM markers: `solid`; `dashed` = a pale body in a rim broken
   * into 8 dashes (a hollow ring is dashed); `hatched` = split, the right half white inside the rim (a
   * hollow ring loses its right half); `grey` = a grey body in a rim of the colour (a hollow ring is grey).
   */
  readonly drawing?: AttributionDrawing; // default solid
}

export interface DotGeometry {
  readonly radius: number; // px, the coloured disc (or the outer edge of the ring)
  readonly outline: number; // px, white line around the disc
  readonly ring: number; // px, width of the coloured ring of a hollow dot
}

/** A dot as pixels: `pixels[k]` goes at `centre + offsets[k]` in a buffer of the stride it was built for. */
export interface Stamp {
  readonly offsets: Int32Array;
  readonly pixels: Int32Array;
}

/**
 * The pixels of one dot for a buffer `stride` device pixels wide, at `ratio` device pixels per CSS px.
 * A pixel belongs to the dot when its centre is within the radius; the dot is centred on a pixel centre.
 */
export function buildStamp(style: DotStyle, geometry: DotGeometry, ratio: number, stride: number): Stamp {
  if (!(ratio > 0)) throw new Error(`Device pixel ratio must be > 0, got ${ratio}`);
  const { drawing = 'solid', hollow } = style;
  const color = pixelValue(hollow && drawing === 'grey' ? UNKNOWN_RING : style.color);
  const white = pixelValue('#ffffff');
  // The body inside the rim: the colour, or pale, white or grey to show the attribution.
  const body =
    drawing === 'dashed'
      ? pixelValue(mixWithWhite(style.color, 0.55))
      : drawing === 'grey'
        ? pixelValue(UNKNOWN_BODY)
        : color;
  const disc = geometry.radius * ratio;
  const outer = (geometry.radius + geometry.outline) * ratio;
  const hole = (geometry.radius - geometry.ring) * ratio; // inner edge of the ring, or of the rim
  const reach = stampReach(geometry, ratio);
  const offsets: number[] = [];
  const pixels: number[] = [];
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      const d = Math.hypot(dx, dy);
      const rim = d >= hole;
      // 8 dashes around the rim: odd eighths are gaps.
      const gap =
        drawing === 'dashed' && Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 8) % 2 === 1;
      const rightHalf = drawing === 'hatched' && dx > 0;
      let value: number | null = null;
      if (d >= outer) value = null;
      else if (d >= disc) value = white;
      else if (hollow) value = !rim ? null : gap ? null : rightHalf ? white : color;
      else if (rim) value = gap ? white : color;
      else value = rightHalf ? white : body;
      if (value === null) continue;
      offsets.push(dy * stride + dx);
      pixels.push(value);
    }
  }
  return { offsets: Int32Array.from(offsets), pixels: Int32Array.from(pixels) };
}

/** How far (device px) a stamp of `geometry` reaches from its centre pixel, in each direction. */
export function stampReach(geometry: DotGeometry, ratio: number): number {
  return Math.max(0, Math.ceil((geometry.radius + geometry.outline) * ratio) - 1);
}

/** The ring of a hollow dot whose perpetrator is unknown (too thin for a rim and a grey body). */
const UNKNOWN_RING = '#9a9a9a';

/** `#rrggbb` moved `share` (0..1) of the way to white. */
function mixWithWhite(hex: string, share: number): string {
  const channel = (at: number) => {
    const v = Number.parseInt(hex.slice(at, at + 2), 16);
    return Math.round(v + (255 - v) * share)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

type SymbolKey = EventType | 'unknown';
const SYMBOL_KEYS = Object.keys(EVENT_SYMBOLS) as SymbolKey[];
const DRAWINGS: readonly AttributionDrawing[] = ['solid', 'dashed', 'hatched', 'grey'];

/**
 * Canvas dot styles: for symbol key k, hollow h (1 for a `region` place, else 0) and drawing d (index in
 * `DRAWINGS`), the style is `(2k + h) * 4 + d`.
 */
export const DOT_STYLES: readonly DotStyle[] = SYMBOL_KEYS.flatMap((key) =>
  [false, true].flatMap((hollow) =>
    DRAWINGS.map((drawing) => ({ color: EVENT_SYMBOLS[key].color, hollow, drawing })),
  ),
);

/**
 * Per-incident columns for the canvas, from the dataset's columns (domain/columns.ts) and event-type codes
 * (the filter index's `typeCode`, positions in TYPE_KEYS): [lon, lat] in degrees → Web Mercator 0..1, and
 * a dot style. One pass over typed arrays; no incident object is read.
 */
export function pointColumns(columns: IncidentColumns, typeCode: Uint8Array): PointColumns {
  const n = columns.count;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const style = new Uint8Array(n);
  // Style numbers by code, worked out once: type code → symbol key, attribution code → drawing.
  const symbolOfType = TYPE_KEYS.map((key) => SYMBOL_KEYS.indexOf(key === 'none' ? 'unknown' : key));
  const drawingOf = ATTRIBUTIONS.map((level) => DRAWINGS.indexOf(ATTRIBUTION_DRAWING[level]));
  const region = LOCATION_PRECISIONS.indexOf('region');
  const { lon, lat, precision, attribution } = columns;
  for (let i = 0; i < n; i++) {
    x[i] = mercatorX(lon[i] as number);
    y[i] = mercatorY(lat[i] as number);
    style[i] =
      (2 * (symbolOfType[typeCode[i] as number] as number) + (precision[i] === region ? 1 : 0)) *
        DRAWINGS.length +
      (drawingOf[attribution[i] as number] as number);
  }
  return { x, y, style };
}

/** Where the buffer sits in the world, and how big it is. */
export interface RasterView {
  /** World size in CSS px at the current zoom (Leaflet: `crs.scale(zoom)`, 256 · 2^zoom). */
  readonly scale: number;
  /** World pixel (CSS px, at `scale`) of the buffer's top-left corner. */
  readonly left: number;
  readonly top: number;
  /** Device pixels per CSS px. */
  readonly ratio: number;
  /** Buffer size in device pixels. */
  readonly width: number;
  readonly height: number;
}

/** Per-incident columns, indexed by incident position. */
export interface PointColumns {
  /** `mercatorX(lon)`, 0..1. */
  readonly x: Float64Array;
  /** `mercatorY(lat)`, 0..1. */
  readonly y: Float64Array;
  /** Index into the stamp list. */
  readonly style: Uint8Array;
}

/** The points that fall in the buffer, slot by slot in drawing order (back to front). */
export interface DrawnPoints {
  /** Position of the centre pixel's centre, in CSS px from the buffer's top-left corner. */
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  /** Incident position. */
  readonly index: Uint32Array;
  /** The centre pixel, as an offset into the buffer (`row * width + column`). */
  readonly centre: Int32Array;
}

/**
 * Projects the incidents at `order` (positions into `points`) into the buffer of `view` and keeps those
 * at least `margin` device pixels inside its edges (so a stamp reaching that far never crosses them),
 * recording them in `drawn` in the same order: the last is drawn last, on top. Returns how many were
 * kept. Two passes (this, then `stampPoints`) let the caller pick the dot size from the count.
 * An ascending `order` reads the columns front to back, which at 1M points is ~2× faster than a random one.
 */
export function projectPoints(
  view: RasterView,
  points: PointColumns,
  order: ArrayLike<number>,
  margin: number,
  drawn: DrawnPoints,
): number {
  const n = order.length;
  if (drawn.xs.length < n || drawn.ys.length < n || drawn.index.length < n || drawn.centre.length < n)
    throw new Error(`Room for ${Math.min(drawn.index.length, drawn.centre.length)} drawn points, need ${n}`);
  const { scale, left, top, ratio, width, height } = view;
  const { x: px, y: py } = points;
  const maxX = width - margin;
  const maxY = height - margin;
  let count = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const fx = ((px[i] as number) * scale - left) * ratio; // device px from the buffer's left edge
    const fy = ((py[i] as number) * scale - top) * ratio;
    if (!(fx >= margin && fy >= margin && fx < maxX && fy < maxY)) continue; // also drops NaN
    const cx = fx | 0; // the centre pixel: floor, as fx > 0
    const cy = fy | 0;
    drawn.xs[count] = (cx + 0.5) / ratio;
    drawn.ys[count] = (cy + 0.5) / ratio;
    drawn.index[count] = i;
    drawn.centre[count] = cy * width + cx;
    count++;
  }
  return count;
}

/**
 * Clears `target` (an RGBA buffer viewed as 32-bit pixels) and stamps the first `count` drawn points in
 * slot order, each with `stamps[style[index]]`. The stamps must reach no farther than the margin given
 * to `projectPoints` and be built for the buffer's width, or pixels land on the wrong row. Only the
 * pixels `clear` (a range of indices into `target`, such as the rows the last drawing inked) are cleared
 * when given: with counts drawn instead of most dots, clearing a whole 1920 × 1200 buffer cost more than
 * stamping. Returns the lowest and highest centre stamped (`[Infinity, -Infinity]` for none).
 */
export function stampPoints(
  target: Int32Array,
  drawn: Pick<DrawnPoints, 'centre' | 'index'>,
  count: number,
  style: Uint8Array,
  stamps: readonly Stamp[],
  clear: readonly [number, number] = [0, target.length],
): [number, number] {
  if (count > drawn.centre.length) throw new Error(`${count} points to stamp, ${drawn.centre.length} drawn`);
  target.fill(0, clear[0], clear[1]);
  const { centre, index } = drawn;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const stamp = stamps[style[index[k] as number] as number] as Stamp;
    const offsets = stamp.offsets;
    const pixels = stamp.pixels;
    const c = centre[k] as number;
    if (c < low) low = c;
    if (c > high) high = c;
    for (let j = 0; j < offsets.length; j++) target[c + (offsets[j] as number)] = pixels[j] as number;
  }
  return [low, high];
}

/**
 * Plots the points `xy` (x, y Web-Mercator pairs, domain/point-trail.ts) that fall in `view` as squares of
 * `size` device px, writing `value` (pixelValue) into `pixels`, the view's RGBA buffer as 32-bit words.
 * A load's preview: one colour, no outline, no order; a point costs a multiply, an add and a few writes.
 * Returns how many points were plotted.
 */
export function plotTrail(
  pixels: Int32Array,
  view: RasterView,
  xy: Float32Array,
  size: number,
  value: number,
): number {
  const { width, height, ratio } = view;
  const k = view.scale * ratio;
  const left = view.left * ratio + size / 2;
  const top = view.top * ratio + size / 2;
  const maxX = width - size;
  const maxY = height - size;
  let plotted = 0;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const px = Math.round((xy[i] as number) * k - left);
    const py = Math.round((xy[i + 1] as number) * k - top);
    if (px < 0 || py < 0 || px > maxX || py > maxY) continue;
    for (let row = py * width + px, end = row + size * width; row < end; row += width)
      for (let at = row; at < row + size; at++) pixels[at] = value;
    plotted++;
  }
  return plotted;
}

/**
 * Which tiles of a device-px buffer hold ink, so that a drawing of a few scattered dots clears and copies
 * only the tiles around them. Copying every row between the highest and the lowest dot (what the rows
 * alone tell) cost ~1.5 ms per redraw for a handful of dots far apart on a 1380 × 952 canvas, most of a
 * pan's script; the tiles around them are a few kB. Tiles are wide and short (64 × 8 px by default): every
 * row of the buffer is a page of memory of its own (5.5 kB at 1380 px), touching a page for the first time
 * costs a fault, and a dot should touch no more rows than it covers.
 */
export class InkTiles {
  readonly columns: number;
  readonly rows: number;
  /** One flag per tile, row by row. */
  private readonly inked: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    /** Width of a tile, device px. */
    readonly tileWidth = 64,
    /** Height of a tile, device px. */
    readonly tileHeight = 8,
  ) {
    if (
      !(Number.isInteger(width) && width >= 0 && Number.isInteger(height) && height >= 0) ||
      !(Number.isInteger(tileWidth) && tileWidth >= 1 && Number.isInteger(tileHeight) && tileHeight >= 1)
    )
      throw new Error(
        `InkTiles need a whole size and whole tiles ≥ 1 px, got ${width} × ${height}, tiles ${tileWidth} × ${tileHeight}`,
      );
    this.columns = Math.ceil(width / tileWidth);
    this.rows = Math.ceil(height / tileHeight);
    this.inked = new Uint8Array(this.columns * this.rows);
  }

  /** Marks the tiles that the first `count` stamps centred at `centre` (pixel indices) reach, `reach` px out. */
  mark(centre: Int32Array, count: number, reach: number): void {
    const { width, height, tileWidth, tileHeight, columns, inked } = this;
    if (width === 0 || height === 0) return;
    for (let k = 0; k < count; k++) {
      const c = centre[k] as number;
      const y = Math.floor(c / width);
      const x = c - y * width;
      const left = Math.floor(Math.max(0, x - reach) / tileWidth);
      const right = Math.floor(Math.min(width - 1, x + reach) / tileWidth);
      const top = Math.floor(Math.max(0, y - reach) / tileHeight);
      const bottom = Math.floor(Math.min(height - 1, y + reach) / tileHeight);
      for (let row = top; row <= bottom; row++)
        for (let column = left; column <= right; column++) inked[row * columns + column] = 1;
    }
  }

  /**
   * The inked area as rectangles `[x, y, width, height]` (device px, inside the buffer): per row of tiles,
   * one for each run of inked tiles side by side, so that a canvas full of dots is a rectangle per row.
   */
  rectangles(): [number, number, number, number][] {
    const { width, height, tileWidth, tileHeight, columns, rows, inked } = this;
    const out: [number, number, number, number][] = [];
    for (let row = 0; row < rows; row++) {
      const y = row * tileHeight;
      const h = Math.min(tileHeight, height - y);
      for (let column = 0; column < columns; column++) {
        if (inked[row * columns + column] === 0) continue;
        const first = column;
        while (column + 1 < columns && inked[row * columns + column + 1] === 1) column++;
        const x = first * tileWidth;
        out.push([x, y, Math.min(width, (column + 1) * tileWidth) - x, h]);
      }
    }
    return out;
  }

  /** Zeroes the pixels of the inked tiles in `target` (the buffer, as 32-bit pixels) and forgets them. */
  clear(target: Int32Array): void {
    const { width } = this;
    for (const [x, y, w, h] of this.rectangles())
      for (let row = y; row < y + h; row++) target.fill(0, row * width + x, row * width + x + w);
    this.inked.fill(0);
  }

  /** Whether no tile is inked. */
  get empty(): boolean {
    return this.inked.indexOf(1) < 0;
  }
}
