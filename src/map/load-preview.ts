/**
 * A load's preview: the incidents of a streamed file drawn as they are read (load-client `onPoints`), so a
 * large file shows where its incidents lie long before its store is ready. Plain small squares of one
 * colour, no symbols and no interaction: a sketch of what is coming, replaced by the dataset's own layer
 * when it mounts (`clear`).
 *
 * - One canvas in a pane of its own, under the incidents' (`PREVIEW_PANE`), `padding` larger than the map on each side; each piece of points is
 *   plotted into its pixel buffer (point-raster.ts `plotTrail`) and the buffer put once a frame.
 * - Redrawn whole, from the points kept, when the view changes; scaled with a zoom animation as the other
 *   canvases are (canvas-frame.ts).
 * - With `fitFirst`, the first points to arrive move the map to them when none of them is in view (a
 *   file about somewhere else); the dataset's own fit follows when it mounts.
 * - Marks `incident-atlas:first-points` when the first points are painted.
 */
import L from 'leaflet';
import { deviceSize } from './basemap-draw';
import { type CanvasFrame, canvasFrame, placeCanvas, transformCanvas } from './canvas-frame';
import { pixelValue, plotTrail } from './point-raster';

const DEFAULTS = {
  padding: 0.25,
  maxPixels: 4_000_000,
  size: 2, // CSS px per square
  colour: pixelValue('#2c5d87', 150),
  fitMaxZoom: 7,
};

export const FIRST_POINTS_MARK = 'incident-atlas:first-points';

/** The map pane of the preview (class `leaflet-loadPreview-pane`, map.css): just under the incidents' own. */
const PREVIEW_PANE = 'loadPreviewPane';

export class LoadPreviewLayer extends L.Layer {
  private readonly canvas = L.DomUtil.create('canvas', 'load-preview');
  private readonly pieces: Float32Array[] = [];
  /** Pieces plotted into `image`; the rest wait for the next frame. */
  private plotted = 0;
  /** The frame being plotted into, and the frame of what the canvas shows (placed when it is put). */
  private frame: CanvasFrame | null = null;
  private drawn: CanvasFrame | null = null;
  private image: ImageData | null = null;
  private pixels: Int32Array | null = null;
  private pending = 0;
  private fitNext = false;
  private marked = false;

  constructor() {
    super();
    this.canvas.setAttribute('aria-hidden', 'true');
  }

  /** Points read so far (x, y Web-Mercator pairs). With `fitFirst`, the first piece may move the map. */
  add(xy: Float32Array, options: { fitFirst?: boolean } = {}): void {
    if (xy.length < 2) return;
    if (this.pieces.length === 0) this.fitNext = options.fitFirst === true;
    this.pieces.push(xy);
    if (this.fitNext) {
      this.fitNext = false;
      if (this.fitTo(xy)) return; // the move redraws everything
    }
    this.schedule();
  }

  /** Forgets every point and blanks the canvas (the dataset's own layer has taken over, or the load failed). */
  clear(): void {
    this.pieces.length = 0;
    this.plotted = 0;
    this.fitNext = false;
    if (this.pending !== 0) cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.frame = null;
    this.drawn = null;
    this.image = null;
    this.pixels = null;
    this.canvas.width = 0;
    this.canvas.height = 0;
  }

  /** Points held (for tests). */
  get size(): number {
    let n = 0;
    for (const piece of this.pieces) n += piece.length / 2;
    return n;
  }

  override onAdd(map: L.Map): this {
    (map.getPane(PREVIEW_PANE) ?? map.createPane(PREVIEW_PANE)).appendChild(this.canvas);
    this.redraw();
    return this;
  }

  override onRemove(): this {
    if (this.pending !== 0) cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.canvas.remove();
    this.frame = null;
    this.drawn = null;
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return {
      moveend: this.redraw,
      zoomend: this.redraw,
      viewreset: this.redraw,
      resize: this.redraw,
      zoomanim: this.handleZoomAnim,
    };
  }

  /** Moves the map to `xy` when none of it is in view; true when it moved. */
  private fitTo(xy: Float32Array): boolean {
    const map = this._map;
    if (!map) return false;
    let minX = 1;
    let minY = 1;
    let maxX = 0;
    let maxY = 0;
    const scale = map.options.crs?.scale(map.getZoom()) ?? 256 * 2 ** map.getZoom();
    const view = map.getPixelBounds();
    let inView = false;
    for (let i = 0; i + 1 < xy.length; i += 2) {
      const x = xy[i] as number;
      const y = xy[i + 1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (!inView) inView = view.contains([x * scale, y * scale]);
    }
    if (inView) return false;
    const corner = (x: number, y: number) => map.unproject([x * scale, y * scale], map.getZoom());
    map.fitBounds(L.latLngBounds(corner(minX, maxY), corner(maxX, minY)), {
      maxZoom: DEFAULTS.fitMaxZoom,
      animate: false,
    });
    return true;
  }

  private schedule(): void {
    if (this.pending === 0 && this._map) this.pending = requestAnimationFrame(this.paint);
  }

  /** Plots the pieces not yet plotted and puts the buffer: once a frame at most. */
  private readonly paint = (): void => {
    this.pending = 0;
    const { image, pixels, frame } = this;
    if (image === null || pixels === null || frame === null) {
      this.redraw();
      return;
    }
    const view = {
      scale: frame.scale,
      left: frame.left,
      top: frame.top,
      ratio: frame.ratio,
      width: image.width,
      height: image.height,
    };
    const size = Math.max(1, Math.round(DEFAULTS.size * frame.ratio));
    for (; this.plotted < this.pieces.length; this.plotted++)
      plotTrail(pixels, view, this.pieces[this.plotted] as Float32Array, size, DEFAULTS.colour);
    if (this.drawn !== frame) {
      // Placed only now, with its new pixels: moved earlier, the old drawing would show a frame misplaced.
      placeCanvas(this.canvas, frame);
      this.drawn = frame;
    }
    this.canvas.getContext('2d')?.putImageData(image, 0, 0);
    if (!this.marked && this.pieces.length > 0) {
      this.marked = true;
      // The frame being made shows them; a task queued now runs after it is painted.
      requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_POINTS_MARK), 0));
    }
  };

  /** A fresh canvas for the current view, every point plotted again in the next frame. */
  private readonly redraw = (): void => {
    const map = this._map;
    if (!map) return;
    if (this.pieces.length === 0) {
      this.frame = null;
      return;
    }
    const frame = canvasFrame(map, DEFAULTS.padding, DEFAULTS.maxPixels);
    const { width, height } = deviceSize(frame);
    this.frame = frame;
    this.image = new ImageData(width, height);
    this.pixels = new Int32Array(this.image.data.buffer);
    this.plotted = 0;
    this.schedule();
  };

  private readonly handleZoomAnim = (event: L.LeafletEvent): void => {
    const { center, zoom } = event as L.ZoomAnimEvent;
    if (this._map && this.drawn) transformCanvas(this._map, this.canvas, this.drawn, center, zoom);
  };
}
