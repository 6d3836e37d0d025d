/**
 * A Leaflet layer that draws many points on one canvas, for datasets too large for a DOM element per
 * incident. It owns no records: it reads per-incident columns (Web-Mercator x/y, a style number) and a list
 * of incident positions to draw, and answers clicks with a position.
 *
 * - Lives in its own pane (`POINT_PANE`, z-index 450 in map.css): above the basemap's vectors in the
 *   overlay pane (400), below markers, labels and popups (600+). The pane ignores the pointer; clicks are
 *   read from the map's click event, moves from the container's mousemove (hit-tested at most once a
 *   frame, in a task after it, and not at all during a drag), and hit-tested here.
 * - Redraws on moveend, zoomend, viewreset and resize, into a canvas `padding` larger than the map on each
 *   side, so a short pan shows points before the redraw. During a zoom animation the last drawing is
 *   scaled with a CSS transform, as Leaflet's own renderers do.
 * - Draws in device pixels (devicePixelRatio, capped by `maxPixels`) by stamping precomputed dots into an
 *   ImageData buffer (see point-raster.ts), smaller dots when hundreds of thousands are in view, copying
 *   only the tiles that hold dots (InkTiles); the open incident is drawn on top with the 2D context.
 * - The layer decides what is drawn (the bins, the squares' counts, which points are dots and where, the
 *   hit-testing grid); a PointPainter (point-paint.ts) keeps the pixels and paints, clearing only what it
 *   painted last and drawing the squares' counts from an atlas written once (CountStamps).
 * - Each redraw builds a uniform screen grid of the drawn points (screen-grid.ts) for hit-testing.
 * - Dense views are drawn as counts (point-bins.ts, density-grid.ts, density-paint.ts). The shown points
 *   are binned into squares of `cellSize` px, aligned to the world so a pan does not re-cut them, once per
 *   zoom and filter, over the canvas and `binPadding` of it beyond each edge; a redraw inside that window
 *   reads its squares' counts and the points it draws as dots from the bins, and touches no other. The
 *   bins of the view before are kept too, so zooming back to it bins nothing. When
 *   some square holds `gridFrom` points or more (and the map is zoomed out of `dotsFromZoom`), every
 *   square of `dotsBelow` points or more is painted shaded, with its count, instead of its dots; the
 *   points of the other squares stay dots, clickable as ever. A click on a counted square zooms into its
 *   points. The canvas says which it drew: `data-mode="grid" | "dots"` and `data-cells` (counted squares);
 *   the map container has the class `incident-points-grid` while counts are shown (the legend explains them).
 * - The time of the last redraw is kept as the User Timing measure `incident-points:draw` (its detail: the
 *   points in the canvas's squares, the dots drawn, whether the points were binned again, the phases).
 *
 * Keyboard users reach incidents through the list: the canvas is aria-hidden and adds nothing focusable.
 */
import L from 'leaflet';
import { includesSorted } from '../domain/sorted';
import { deviceSize } from './basemap-draw';
import { type CanvasFrame, canvasFrame, placeCanvas, transformCanvas } from './canvas-frame';
import { DensityGrid, pointsOfSquares } from './density-grid';
import { denseCells } from './density-paint';
import { PointBins } from './point-bins';
import { DOT_TIERS, dotTier, type PaintRequest, PointPainter, SELECTED_LOOK } from './point-paint';
import {
  type DotStyle,
  type DrawnPoints,
  type PointColumns,
  projectPoints,
  stampReach,
} from './point-raster';
import { ScreenGrid } from './screen-grid';

/** The map pane the canvas lives in (class `leaflet-incidentPoints-pane`). */
export const POINT_PANE = 'incidentPointsPane';

const DEFAULTS = {
  padding: 0.25, // of the map's width and height, drawn beyond each edge
  hitRadius: 8, // px from a point's centre that a click or hover still counts as on it
  touchHitRadius: 16, // px, the same for a finger
  maxPixels: 16_777_216, // device px in the canvas (64 MB of RGBA); past it the pixel ratio is lowered
  drawMeasure: 'incident-points:draw', // User Timing name of the last redraw
  // Counts instead of dots where they pile up. Measured on 100k generated incidents (scripts/generate,
  // which like ACLED puts many on the same town) at zooms 5–13 with 9 px dots: in a 56 px square holding
  // 1–2 points, 11–19 % of the dots are hidden by another (centre pixel overdrawn, mostly by a neighbour's
  // dot); holding 3–4, 38 %; 8–11, 79 %; 64 or more, 99 %. Where a square holds 10 or more, the dots there
  // tell little but "many": the view switches to counts.
  cellSize: 56, // CSS px, side of a counted square (≥ 44 px, a comfortable click or tap target)
  gridFrom: 10, // points in the densest square that switch a view to counts
  dotsBelow: 3, // with counts on, a square with fewer points shows its dots (isolated incidents stay visible)
  // Always dots from this zoom on (or the map's deepest, if lower): a square is then ~200 m at 35° N, and
  // what still piles up shares a spot that no zoom separates; counting it would leave no way to its dots.
  dotsFromZoom: 15,
  zoomPadding: 40, // px kept around a square's points when zooming into them
  binPadding: 1, // the window binned at once reaches this share of the canvas beyond each of its edges
};

/** How far above a point (px) a popup's tip should sit so it clears the selected point's ring. */
export const SELECTED_POINT_REACH = SELECTED_LOOK.ringRadius + SELECTED_LOOK.ringWidth / 2;

export interface PointCanvasOptions {
  /** The looks of the points; `columns.style[i]` indexes this list. */
  readonly styles: readonly DotStyle[];
  /** The user clicked or tapped on the drawn point of the incident at `index`. */
  onSelect(index: number): void;
}

/** Where the last drawing sits (canvas-frame.ts), and how it was drawn. */
interface Frame extends CanvasFrame {
  /** Dense squares are drawn as counts (`density` says where), not as dots. */
  readonly grid: boolean;
}

/** What a redraw tells its measure (`incident-points:draw`), besides the mode, the squares and the paint. */
interface DrawDetail {
  readonly drawn: number;
  readonly zoom: number;
  readonly dots: number;
  readonly rebin: boolean;
  readonly phases: Record<string, number>;
}

/** The layer's canvas: ignored by assistive technology (keyboard users reach incidents through the list). */
function pointsCanvas(): HTMLCanvasElement {
  const canvas = L.DomUtil.create('canvas', 'incident-points leaflet-zoom-animated');
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}

export class PointCanvas extends L.Layer {
  private map: L.Map | null = null;
  private canvas: HTMLCanvasElement | null = null;
  /** The positions of the shown incidents, ascending. */
  private order: ArrayLike<number> = new Uint32Array(0);
  private drawn: DrawnPoints = {
    xs: new Float32Array(0),
    ys: new Float32Array(0),
    index: new Uint32Array(0),
    centre: new Int32Array(0),
  };
  /** How many of `drawn` the last drawing drew, and in which tier of dot size. */
  private dots = 0;
  private tier = 0;
  private grid: ScreenGrid | null = null;
  /** The shown points binned by square at the zoom of the last drawing, around its view. */
  private bins: PointBins | null = null;
  /**
   * The bins the drawing had before (another zoom, or another window): zooming back needs no binning. Its
   * arrays are reused for the next bins when it does not serve (the scratch of binning is shared).
   */
  private spareBins: PointBins | null = null;
  /** The squares of the last drawing and their counts (always built: it picks dots or counts). */
  private density: DensityGrid | null = null;
  /** Scratch: the positions to draw as dots, ascending (room for those of the last drawings: `makeRoom`). */
  private picked = new Uint32Array(0);
  /** The last drawing: what hit-testing reads. */
  private frame: Frame | null = null;
  private selected: number | null = null;
  /** Keeps the pixels and paints them (made on first use). */
  private painter: PointPainter | null = null;
  /** The last mouse move over the map (not dragging), to hit-test in the next frame. */
  private hoverAt: MouseEvent | null = null;
  /** The pointer is over a point or a counted square (the map has `incident-points-hover`). */
  private hovering = false;
  /** The frame, then the task after it, that will hit-test (0 when none is asked for). */
  private hoverFrame = 0;
  private hoverTask = 0;

  constructor(
    private readonly columns: PointColumns,
    private readonly config: PointCanvasOptions,
  ) {
    super();
  }

  /**
   * Draws the incidents at `indices` (positions into the columns), in any order. They are drawn in
   * storage order (a later one in the file over an earlier one where dots overlap), not in the order
   * given: reading the columns front to back halves a redraw at 1M points (see projectPoints). Positions
   * given ascending (a filter's `Selection.ascending`) are taken as they are, with one sequential check.
   */
  setIndices(indices: ArrayLike<number>): void {
    const count = this.columns.x.length;
    this.order = isAscending(indices, count) ? indices : ascendingUnique(indices, count);
    this.redraw(true);
  }

  /** Whether the incident at `index` is among those drawn. */
  has(index: number): boolean {
    return includesSorted(this.order, index);
  }

  /** Highlights the incident at `index` (which should be among those drawn), or none. */
  setSelected(index: number | null): void {
    if (index === this.selected) return;
    this.selected = index;
    const { frame } = this;
    if (frame !== null) this.paint(frame, false, performance.now(), null);
  }

  override onAdd(map: L.Map): this {
    if (map.options.crs !== L.CRS.EPSG3857)
      throw new Error(
        `PointCanvas projects with Web Mercator; the map uses ${String(map.options.crs?.code)}`,
      );
    this.map = map;
    if (this.canvas === null) this.canvas = pointsCanvas();
    (map.getPane(POINT_PANE) ?? map.createPane(POINT_PANE)).appendChild(this.canvas);
    // Not map events: the basemap's canvas swallowed the mouseout that Leaflet would report, and a map
    // mousemove makes Leaflet measure the container (a forced layout) for every move of a drag.
    L.DomEvent.on(map.getContainer(), 'mouseleave', this.handleMouseLeave);
    L.DomEvent.on(map.getContainer(), 'mousemove', this.handleMouseMove as L.DomEvent.EventHandlerFn);
    this.redraw(true);
    return this;
  }

  override onRemove(map: L.Map): this {
    cancelAnimationFrame(this.hoverFrame);
    clearTimeout(this.hoverTask);
    this.hoverFrame = 0;
    this.hoverTask = 0;
    this.hoverAt = null;
    this.hovering = false;
    L.DomEvent.off(map.getContainer(), 'mouseleave', this.handleMouseLeave);
    L.DomEvent.off(map.getContainer(), 'mousemove', this.handleMouseMove as L.DomEvent.EventHandlerFn);
    map.getContainer().classList.remove('incident-points-hover', 'incident-points-grid');
    if (this.canvas) L.DomUtil.remove(this.canvas);
    this.frame = null; // no hit-testing until drawn again
    this.selected = null;
    this.map = null;
    // The canvas, the painter's pixel buffer, the drawn-point arrays and the grid are kept for the next
    // add: the first paint into a new or resized canvas costs ~40 ms at 1920 × 1200 px (it allocates the
    // backing store), and fresh arrays for a million points cost collector pauses.
    return this;
  }

  /** Attached by Leaflet on add and detached on remove, so every `on` has its `off`. */
  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return {
      moveend: this.handleViewChange,
      zoomend: this.handleViewChange,
      viewreset: this.handleViewChange,
      resize: this.handleViewChange,
      zoom: this.handleZoom,
      zoomanim: this.handleZoomAnim,
      click: this.handleClick,
    };
  }

  /** The incident drawn nearest to `containerPoint` within `radius` px, or null. */
  pointAt(containerPoint: L.Point, radius = DEFAULTS.hitRadius): number | null {
    const { map, grid, frame } = this;
    if (map === null || grid === null || frame === null || map.getZoom() !== frame.zoom) return null;
    const p = map.containerPointToLayerPoint(containerPoint).subtract(frame.min);
    const slot = grid.nearest(p.x, p.y, radius);
    return slot < 0 ? null : (this.drawn.index[slot] as number);
  }

  /**
   * Room for `n` points drawn as dots. Sized to what is drawn, not to what is shown: counted squares hold
   * most of a million points, and a fit view draws a few thousand dots (arrays for every shown incident
   * were 20 MB at 1M). Grows by a quarter more than asked, so a pan does not reallocate each time.
   */
  private makeRoom(n: number): void {
    if (this.picked.length >= n) return;
    const size = Math.min(Math.ceil(n * 1.25) + 1024, Math.max(n, this.order.length));
    this.drawn = {
      xs: new Float32Array(size),
      ys: new Float32Array(size),
      index: new Uint32Array(size),
      centre: new Int32Array(size),
    };
    this.picked = new Uint32Array(size);
  }

  /** Draws the current view; unless `force`, skips a view identical to the last one drawn. */
  private redraw(force: boolean): void {
    const { map } = this;
    if (map === null) return;
    const started = performance.now();
    const at = canvasFrame(map, DEFAULTS.padding, DEFAULTS.maxPixels);
    // The key tells one view from another, so zoomend + moveend for one change draw once.
    if (!force && this.frame?.key === at.key) return;
    const { zoom, scale, left, top, width, height, ratio } = at;
    const device = deviceSize(at);
    const t0 = performance.now();
    const { cellSize, binPadding } = DEFAULTS;
    // Binned once per zoom and filter over a window around the view; pans inside it reuse the bins, and a
    // zoom back to the view before reuses that view's.
    let { bins } = this;
    let rebin = false;
    if (bins === null || !bins.covers(this.order, scale, left, top, width, height)) {
      const spare = this.spareBins;
      this.spareBins = bins;
      if (spare?.covers(this.order, scale, left, top, width, height)) bins = spare;
      else {
        const window = {
          scale,
          left: left - width * binPadding,
          top: top - height * binPadding,
          width: width * (1 + 2 * binPadding),
          height: height * (1 + 2 * binPadding),
          cellSize,
        };
        bins = PointBins.build(this.columns, this.order, window, spare, bins ?? spare);
        rebin = true;
      }
      this.bins = bins;
    }
    const t1 = performance.now();
    const area = { left, top, width, height, cellSize };
    const density = DensityGrid.fromBins(bins, area, this.density);
    this.density = density;
    const grid = zoom < this.dotsFromZoom(map) && density.maxCount >= DEFAULTS.gridFrom;
    // The points to draw as dots: all of them, or with counts on, those of the sparse squares only.
    const below = grid ? DEFAULTS.dotsBelow : Number.POSITIVE_INFINITY;
    this.makeRoom(density.pointsBelow(below));
    const picked = pointsOfSquares(bins, density, below, this.picked);
    const view = { scale, left, top, ratio, width: device.width, height: device.height };
    // Culled with the biggest dot's reach (the points lost are in the padding, out of sight).
    const margin = Math.max(...DOT_TIERS.map((tier) => stampReach(tier, ratio)));
    const dots = projectPoints(view, this.columns, picked, margin, this.drawn);
    this.dots = dots;
    this.tier = dotTier(dots);
    const t2 = performance.now();
    const { xs, ys } = this.drawn;
    this.grid = ScreenGrid.build(xs, ys, dots, width, height, DEFAULTS.hitRadius, this.grid);
    const t3 = performance.now();
    const frame: Frame = { ...at, grid };
    this.frame = frame;
    // The measure's detail splits the time (ms), for DevTools and tests/e2e/large.test.ts. `drawn` counts
    // the points in the canvas's squares, whether drawn as dots or counted.
    const phases = {
      setup: t0 - started,
      bin: t1 - t0, // 0 for a pan inside the binned window
      pick: t2 - t1, // counts of the squares, and projecting the points drawn as dots
      grid: t3 - t2,
    };
    this.paint(frame, true, started, { drawn: density.binned, zoom, dots, rebin, phases });
  }

  /**
   * Paints the drawing of `frame`, with the dots of the last `redraw` when `withDots`, else those painted
   * last. With a redraw's `detail`, the measure `incident-points:draw` is taken, from `started`.
   */
  private paint(frame: Frame, withDots: boolean, started: number, detail: DrawDetail | null): void {
    const { map, canvas, density, selected } = this;
    if (map === null || canvas === null) return;
    const t0 = performance.now();
    placeCanvas(canvas, frame);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('PointCanvas: this browser gives no 2D canvas context');
    const { width, height } = deviceSize(frame);
    const cells = frame.grid && density !== null ? denseCells(density, DEFAULTS.dotsBelow) : null;
    this.painter ??= new PointPainter(this.config.styles, this.columns.style);
    const { centre, index } = this.drawn;
    const count = this.painter.paint(context, {
      width,
      height,
      ratio: frame.ratio,
      dots: withDots ? { centre, index, count: this.dots, tier: this.tier } : null,
      cells,
      selected: selected === null ? null : this.selectedAt(selected, frame),
    });
    canvas.dataset.mode = frame.grid ? 'grid' : 'dots';
    canvas.dataset.cells = String(count);
    map.getContainer().classList.toggle('incident-points-grid', frame.grid);
    if (detail === null) return;
    const end = performance.now();
    const phases = { ...detail.phases, paint: end - t0 };
    performance.clearMeasures(DEFAULTS.drawMeasure);
    performance.measure(DEFAULTS.drawMeasure, {
      start: started,
      end,
      detail: { ...detail, mode: canvas.dataset.mode, cells: count, phases },
    });
  }

  /** Where the open incident goes on the canvas of `frame` (CSS px), with its style. */
  private selectedAt(selected: number, frame: Frame): PaintRequest['selected'] {
    const { x, y, style } = this.columns;
    const { ratio } = frame;
    // The centre of the pixel the stamp is centred on, as in projectPoints().
    return {
      x: (Math.floor(((x[selected] as number) * frame.scale - frame.left) * ratio) + 0.5) / ratio,
      y: (Math.floor(((y[selected] as number) * frame.scale - frame.top) * ratio) + 0.5) / ratio,
      style: style[selected] as number,
    };
  }

  /** Scales and shifts the last drawing to where it belongs at (center, zoom), as Leaflet's renderers do. */
  private transformTo(center: L.LatLng, zoom: number): void {
    const { map, canvas, frame } = this;
    if (map !== null && canvas !== null && frame !== null) transformCanvas(map, canvas, frame, center, zoom);
  }

  private readonly handleViewChange = (): void => this.redraw(false);

  private readonly handleZoom = (): void => {
    if (this.map) this.transformTo(this.map.getCenter(), this.map.getZoom());
  };

  private readonly handleZoomAnim = (event: L.LeafletEvent): void => {
    const { center, zoom } = event as L.ZoomAnimEvent;
    this.transformTo(center, zoom);
  };

  /** The counted square under `containerPoint`, or -1 (none there, or dots only). */
  private countedCellAt(containerPoint: L.Point): number {
    const { map, density, frame } = this;
    if (map === null || density === null || frame === null || !frame.grid || map.getZoom() !== frame.zoom)
      return -1;
    const p = map.containerPointToLayerPoint(containerPoint).subtract(frame.min);
    const cell = density.cellAt(p.x, p.y);
    return cell >= 0 && (density.counts[cell] as number) >= DEFAULTS.dotsBelow ? cell : -1;
  }

  /** The zoom from which every point is drawn as a dot. */
  private dotsFromZoom(map: L.Map): number {
    return Math.min(DEFAULTS.dotsFromZoom, map.getMaxZoom());
  }

  /**
   * Zooms to show the points of a counted square: fits their bounds with `zoomPadding`, at least one zoom
   * level in and no farther than `dotsFromZoom` (where points on one spot, whose bounds fit any zoom, are
   * dots). Leaflet animates a change of up to 4 levels and jumps beyond.
   */
  private zoomInto(cell: number): void {
    const { map, density, bins, frame } = this;
    if (map === null || density === null || bins === null || frame === null) return;
    // The box of the square's points, world px, then canvas px.
    const box = bins.boxOf(density.binOf(bins, cell));
    const [minX, minY, maxX, maxY] = [
      box[0] - frame.left,
      box[1] - frame.top,
      box[2] - frame.left,
      box[3] - frame.top,
    ];
    const at = (x: number, y: number) => map.layerPointToLatLng(frame.min.add([x, y]));
    const bounds = L.latLngBounds(at(minX, maxY), at(maxX, minY));
    const padding = L.point(2 * DEFAULTS.zoomPadding, 2 * DEFAULTS.zoomPadding);
    const fit = map.getBoundsZoom(bounds, false, padding);
    const zoom = Math.max(frame.zoom + 1, Math.min(fit, this.dotsFromZoom(map)));
    map.setView(at((minX + maxX) / 2, (minY + maxY) / 2), zoom);
  }

  private readonly handleClick = (event: L.LeafletEvent): void => {
    const { originalEvent, containerPoint } = event as L.LeafletMouseEvent;
    const touch = 'pointerType' in originalEvent && originalEvent.pointerType === 'touch';
    const index = this.pointAt(containerPoint, touch ? DEFAULTS.touchHitRadius : DEFAULTS.hitRadius);
    if (index !== null) {
      this.config.onSelect(index);
      return;
    }
    const cell = this.countedCellAt(containerPoint);
    if (cell >= 0) this.zoomInto(cell);
  };

  /** Remembers where the mouse is and hit-tests once per animation frame. */
  private readonly handleMouseMove = (event: MouseEvent): void => {
    // Not while dragging the map (a frame is asked for only to drop the hover look once), nor over a
    // control (the legend) or the popup covering points.
    const target = event.buttons === 0 && event.target instanceof Element ? event.target : null;
    const overMap = target !== null && target.closest('.leaflet-control, .leaflet-popup') === null;
    this.hoverAt = overMap ? event : null;
    if (this.hoverFrame !== 0 || this.hoverTask !== 0 || !(overMap || this.hovering)) return;
    // Hit-tested in a task after the next frame: the map's position on the page is read once the frame
    // has laid the page out, not forcing a layout (the pointer's move restyles what it hovers) in between.
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      this.hoverTask = window.setTimeout(this.updateHover, 0);
    });
  };

  private readonly handleMouseLeave = (): void => {
    this.hoverAt = null;
    this.hovering = false;
    this.map?.getContainer().classList.remove('incident-points-hover');
  };

  private readonly updateHover = (): void => {
    this.hoverTask = 0;
    // Measured once a frame, not once a mouse event.
    const at = this.hoverAt === null ? null : this.map?.mouseEventToContainerPoint(this.hoverAt);
    const over = at != null && (this.pointAt(at) !== null || this.countedCellAt(at) >= 0);
    this.hovering = over;
    this.map?.getContainer().classList.toggle('incident-points-hover', over);
  };
}

/** Whether `indices` are strictly ascending positions below `count` (one sequential read). */
function isAscending(indices: ArrayLike<number>, count: number): boolean {
  let last = -1;
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k] as number;
    if (!(index > last)) return false;
    last = index;
  }
  return last < count;
}

/** `indices` as ascending positions, each once; throws on a position outside `0 .. count - 1`. */
function ascendingUnique(indices: ArrayLike<number>, count: number): Uint32Array {
  const shown = new Uint8Array(count);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k] as number;
    if (!(index >= 0 && index < count)) throw new Error(`No incident at index ${index} (have ${count})`);
    shown[index] = 1;
  }
  let n = 0;
  for (let i = 0; i < count; i++) n += shown[i] as number;
  const order = new Uint32Array(n);
  for (let i = 0, k = 0; i < count; i++) if (shown[i] === 1) order[k++] = i;
  return order;
}
