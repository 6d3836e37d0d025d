/**
 * Names written on the map — incident places, countries, towns and rivers — with greedy collision
 * avoidance recomputed after every zoom or pan (label-layout.ts). Two passes keep the incidents readable:
 * the labels of incident places are placed first, among themselves only; the basemap's names are then
 * placed around them, never over an incident marker nor under a map control. Basemap names live in their
 * own pane under the incidents. A layout touches the DOM only for the names it shows and those it stops
 * showing.
 */
import L from 'leaflet';
import './basemap-labels.css';
import {
  type LabelKind,
  LabelLayout,
  LabelTable,
  type LabelView,
  type Rect,
  SIDES,
  shownBoxes,
} from './label-layout';
import { mercatorX, mercatorY } from './point-raster';

export type { LabelKind } from './label-layout';

/** A name to write on the map at [lon, lat]. Text is untrusted and only ever set as textContent. */
export interface MapLabel {
  readonly text: string;
  readonly lon: number;
  readonly lat: number;
  readonly kind: LabelKind;
  /** The zoom from which it may show (collisions may still hide it); 0 when unset. */
  readonly minZoom?: number;
  /** Rank among labels of the same kind: higher wins a collision (for towns, the population). */
  readonly rank?: number;
}

const OPTIONS = {
  pane: 'basemapLabelsPane', // under the incident points (450) and markers (600), over the vectors (400)
  paneZIndex: 420,
  lineHeight: 16, // px, of every label
  margin: 4, // px kept free around each label
  markerRadius: 11, // px, half the box an incident marker keeps free of basemap names
  placeOffset: 18, // px from an incident marker to its place label (map.css)
  dotOffset: 7, // px from a town's point to its name (basemap-labels.css)
  countryMinZoom: 3,
  /** CSS font of each kind, to measure label widths (basemap-labels.css and map.css must agree). */
  font: {
    place: '600 12px system-ui, sans-serif',
    country: '11px system-ui, sans-serif', // upper case, letter-spaced: widened below
    capital: '600 12px system-ui, sans-serif',
    town: '11px system-ui, sans-serif',
    water: 'italic 11px system-ui, sans-serif',
  } satisfies Record<LabelKind, string>,
  /** Base priority of each kind: incident places first, then capitals, big cities over country names. */
  priority: { place: 4e9, capital: 3e9, country: 1e6, water: 2e5, town: 0 } satisfies Record<
    LabelKind,
    number
  >,
};

/** True when boxes `a` and `b` overlap. */
function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

interface DrawnLabel {
  readonly label: MapLabel;
  /** Its element once first shown (a div with the name in a span), kept while the label is. */
  element: HTMLElement | null;
  /** The zoom and pixel origin its element was placed for ('' when not placed). */
  placedFor: string;
  /** The side its element was last given (`data-side`, names only; '' when none). */
  side: string;
  readonly width: number;
  /** Web-Mercator x and y (0..1) of the label's point, worked out once. */
  readonly x: number;
  readonly y: number;
}

let measureContext: CanvasRenderingContext2D | null | undefined;
/** Width in px of `text` in `font`; a per-character estimate when canvas text metrics are unavailable. */
function textWidth(text: string, font: string, letterSpacing = 0): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  const spacing = letterSpacing * text.length;
  if (measureContext === null) return text.length * 6.6 + spacing;
  measureContext.font = font;
  return measureContext.measureText(text).width + spacing;
}

/**
 * Puts a label's element at its layer point for a world of `scale` px and pixel origin `origin`: its world
 * px, rounded as Leaflet's latLngToLayerPoint, minus the origin.
 */
function placeElement(d: DrawnLabel, element: HTMLElement, scale: number, origin: L.Point): void {
  L.DomUtil.setPosition(
    element,
    L.point(Math.round(d.x * scale) - origin.x, Math.round(d.y * scale) - origin.y),
  );
}

/** What a label's element was placed for: a zoom and the map's pixel origin at it. */
function placedKey(zoom: number, origin: L.Point): string {
  return `${zoom} ${origin.x} ${origin.y}`;
}

/** A label's element: a div holding the name in a span (textContent, never HTML), hidden from assistive tech. */
function labelElement(label: MapLabel): HTMLElement {
  const element = document.createElement('div');
  // leaflet-zoom-animated: moves with the map's zoom animation, as Leaflet's own markers do.
  element.className = `map-label map-label-${label.kind} leaflet-zoom-animated`;
  element.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  text.textContent = label.text;
  element.append(text);
  return element;
}

/** The labels of one map; add with `add`, set all of a kind with `replace`, remove all with `remove`. */
export class LabelLayer {
  private drawn: DrawnLabel[] = [];
  /**
   * The shown names' elements: incident places in the marker pane, the basemap's in their own. Plain
   * elements placed by this layer, not one Leaflet marker each: a marker per name cost its add and remove as
   * names came and went, and a projection of its own at every step of a zoom (2–3 ms of each 100k zoom).
   */
  private readonly placeBox = L.DomUtil.create('div', 'map-labels map-labels-place');
  private readonly basemapBox = L.DomUtil.create('div', 'map-labels map-labels-basemap');
  /** The view and labels of the last layout: zoomend, moveend and resize of one change lay out once. */
  private laidOut = '';
  /** Bumped when the labels change, so the next layout runs even in the same view. */
  private version = 0;
  /** The boxes of the map's controls (container px), measured when the map or a corner of controls changes size. */
  private controls: Rect[] | null = null;
  private readonly resizes = new ResizeObserver(() => this.controlsResized());
  /** The labels' facts for the layout, made again when the labels change (null until needed). */
  private table: LabelTable | null = null;
  private readonly placer = new LabelLayout(OPTIONS);
  /** The view of the last layout, and per label the box it showed in (-1: not shown). */
  private view: LabelView | null = null;
  private sides = new Int8Array(0);
  /** Per label, 1 while its element is on the map. */
  private shown = new Uint8Array(0);

  /**
   * `scaleMaxWidth` is the widest the map's scale bar gets (px): names keep clear of that much, so the bar
   * changing width as the map moves never moves them.
   */
  constructor(
    private readonly map: L.Map,
    private readonly scaleMaxWidth = 0,
  ) {
    const pane = map.getPane(OPTIONS.pane) ?? map.createPane(OPTIONS.pane);
    pane.style.zIndex = String(OPTIONS.paneZIndex);
    pane.style.pointerEvents = 'none';
    map.getPanes().markerPane.append(this.placeBox);
    pane.append(this.basemapBox);
    map.on('zoomend moveend resize', this.layout);
    map.on('zoomanim', this.animateZoom);
    // Measuring the controls in a layout would force the browser to lay out the page in the middle of
    // each pan; a ResizeObserver reports after its own layout instead.
    const container = map.getContainer();
    this.resizes.observe(container);
    for (const corner of container.querySelectorAll('.leaflet-control-container > div'))
      this.resizes.observe(corner);
  }

  add(labels: readonly MapLabel[]): void {
    for (const label of labels) this.drawn.push(this.draw(label));
    this.table = null;
    this.version++;
    this.layout();
  }

  /**
   * Makes `labels` the labels of `kind`, in that order, with one layout: a label drawn already (same text,
   * point, rank and zoom) keeps its element, so a new filter moves only the names that changed.
   */
  replace(kind: LabelKind, labels: readonly MapLabel[]): void {
    const key = (l: MapLabel) => JSON.stringify([l.text, l.lon, l.lat, l.rank ?? 0, l.minZoom ?? 0]);
    const old = new Map<string, DrawnLabel[]>();
    const others: DrawnLabel[] = [];
    for (const d of this.drawn) {
      if (d.label.kind !== kind) others.push(d);
      else {
        const k = key(d.label);
        old.set(k, [...(old.get(k) ?? []), d]);
      }
    }
    const next = labels.map((label) => {
      if (label.kind !== kind)
        throw new Error(`A ${label.kind} label among the ${kind} labels: ${label.text}`);
      return old.get(key(label))?.shift() ?? this.draw(label);
    });
    for (const left of old.values()) for (const d of left) this.forget(d);
    this.drawn = [...others, ...next];
    this.table = null;
    this.version++;
    this.layout();
  }

  /** Takes a label's element off the map. */
  private forget(d: DrawnLabel): void {
    d.element?.remove();
  }

  private draw(label: MapLabel): DrawnLabel {
    const letterSpacing = label.kind === 'country' ? 11 * 0.08 : 0;
    const text = label.kind === 'country' ? label.text.toUpperCase() : label.text;
    return {
      label,
      element: null,
      placedFor: '',
      side: '',
      width: textWidth(text, OPTIONS.font[label.kind], letterSpacing),
      x: mercatorX(label.lon),
      y: mercatorY(label.lat),
    };
  }

  /** Shows or hides every name but the incident places (for the online map, whose tiles have their own). */
  showBasemapNames(show: boolean): void {
    if (show) this.map.getPane(OPTIONS.pane)?.append(this.basemapBox);
    else this.basemapBox.remove();
    this.version++;
  }

  remove(): void {
    this.map.off('zoomend moveend resize', this.layout);
    this.map.off('zoomanim', this.animateZoom);
    this.resizes.disconnect();
    this.placeBox.remove();
    this.basemapBox.remove();
    this.drawn = [];
  }

  /**
   * Keeps the controls' new boxes. A control that grew over a name shown would hide it: lay out again
   * now; otherwise the new boxes count from the next move.
   */
  private controlsResized(): void {
    const before = this.controls ?? [];
    const controls = this.controlBoxes();
    this.controls = controls;
    // Only the boxes that changed can have grown over a name (the last layout kept names off the others).
    const changed = controls.filter((c, i) => {
      const b = before[i];
      return b === undefined || b.x !== c.x || b.y !== c.y || b.width !== c.width || b.height !== c.height;
    });
    if (this.shownBoxes().some((b) => changed.some((c) => overlaps(b, c)))) {
      this.version++;
      this.layout();
    }
  }

  /** Boxes of the map's controls (zoom, scale, layers, legend, credits), in container pixels. */
  private controlBoxes(): Rect[] {
    const container = this.map.getContainer();
    const origin = container.getBoundingClientRect();
    return [...container.querySelectorAll('.leaflet-control')].map((control) => {
      const r = control.getBoundingClientRect();
      const scale = control.classList.contains('leaflet-control-scale');
      const width = scale ? Math.max(r.width, this.scaleMaxWidth) : r.width;
      return { x: r.left - origin.left, y: r.top - origin.top, width, height: r.height };
    });
  }

  /** The boxes of the names the last layout showed (container px of its view). */
  private shownBoxes(): Rect[] {
    const { table, view, sides } = this;
    return table === null || view === null ? [] : shownBoxes(table, view, sides, OPTIONS);
  }

  /** The labels' facts for the layout, made again after the labels changed. */
  private labelTable(): LabelTable {
    if (this.table !== null) return this.table;
    const table = new LabelTable(
      this.drawn.map(({ label, x, y, width }) => ({
        kind: label.kind,
        x,
        y,
        width,
        minZoom: label.kind === 'country' ? OPTIONS.countryMinZoom : (label.minZoom ?? 0),
        priority: OPTIONS.priority[label.kind] + (label.rank ?? 0),
      })),
    );
    this.table = table;
    this.sides = new Int8Array(table.size);
    this.shown = Uint8Array.from(this.drawn, (d) => (d.element?.parentNode ? 1 : 0));
    return table;
  }

  private readonly layout = (): void => {
    const { map } = this;
    const zoom = map.getZoom();
    const size = map.getSize();
    // Container px of a label: its world px (rounded, as Leaflet's latLngToContainerPoint) minus `offset`.
    const scale = map.options.crs?.scale(zoom) ?? 256 * 2 ** zoom;
    const offset = map.getPixelOrigin().add(map.containerPointToLayerPoint([0, 0]));
    const key = [zoom, offset.x, offset.y, size.x, size.y, this.version].join(' ');
    if (key === this.laidOut) return;
    this.laidOut = key;
    const table = this.labelTable();
    if (this.controls === null) this.controls = this.controlBoxes(); // before the first ResizeObserver report
    const view = { zoom, scale, left: offset.x, top: offset.y, width: size.x, height: size.y };
    this.view = view;
    const { sides, shown, drawn } = this;
    this.placer.run(table, view, this.controls, sides);
    // The pixel origin changes only with the zoom: a name still shown after a pan is not touched.
    const origin = map.getPixelOrigin();
    const placedFor = placedKey(zoom, origin);
    for (let i = 0; i < drawn.length; i++) {
      const d = drawn[i] as DrawnLabel;
      const side = sides[i] as number;
      if (side < 0) {
        if (shown[i] === 1) d.element?.remove();
        shown[i] = 0;
        continue;
      }
      shown[i] = 1;
      if (d.element === null) d.element = labelElement(d.label);
      const { element } = d;
      if (d.placedFor !== placedFor) {
        d.placedFor = placedFor;
        placeElement(d, element, scale, origin);
      }
      const box = d.label.kind === 'place' ? this.placeBox : this.basemapBox;
      if (element.parentNode !== box) box.append(element);
      const name = d.label.kind === 'place' ? '' : (SIDES[side] as string);
      if (name !== d.side) {
        d.side = name;
        element.setAttribute('data-side', name);
      }
    }
  };

  /**
   * Moves the shown names to where they will be at the end of a zoom, in one pass: the new pixel origin is
   * worked out once (as Leaflet's `_getNewPixelOrigin`), and the CSS transition of the zoom carries them.
   * They are then placed for the zoom's end: the layout after it moves only the names it newly shows.
   */
  private readonly animateZoom = (event: L.ZoomAnimEvent): void => {
    const { map } = this;
    const scale = map.options.crs?.scale(event.zoom) ?? 256 * 2 ** event.zoom;
    const half = map.getSize().divideBy(2);
    const origin = map
      .project(event.center, event.zoom)
      .subtract(half)
      .add(L.DomUtil.getPosition(map.getPanes().mapPane))
      .round();
    const placedFor = placedKey(event.zoom, origin);
    const { drawn, shown } = this;
    for (let i = 0; i < shown.length; i++) {
      const d = drawn[i] as DrawnLabel;
      if (shown[i] !== 1 || d.element === null) continue;
      d.placedFor = placedFor;
      placeElement(d, d.element, scale, origin);
    }
  };
}
