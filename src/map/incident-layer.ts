/**
 * Draws incidents on a Leaflet map and hides how: callers hand it indices into the incident array
 * (`setIncidents`) and ask it to open one (`open`). Two ways of drawing, chosen by how many are shown:
 *
 * - Up to `domMarkerLimit`: each incident is a focusable DOM marker (a button named by its title), and
 *   uncertainty is drawn, not hidden: an incident located `near` a point or somewhere in a `region` gets a
 *   dashed circle of the radius below around its marker.
 * - Above it: all of them are drawn on one canvas (point-canvas.ts), with no Leaflet layer per incident:
 *   small dots coloured by event type or, where they pile up, shaded squares with their count (a click
 *   zooms into one). Circles would be too many to draw, so a `region` location is drawn as a hollow dot
 *   instead. Clicks are hit-tested on the canvas; keyboard users open incidents from the list, and
 *   `elementOf` is null.
 */
import L from 'leaflet';
import { attributionDrawing } from '../domain/attribution';
import type { Dataset } from '../domain/dataset';
import { withRecords } from '../domain/records';
import { PointCanvas, SELECTED_POINT_REACH } from './point-canvas';
import { DOT_STYLES, type PointColumns, pointColumns } from './point-raster';
import { createSymbolSvg, symbolFor } from './symbols';

export interface IncidentLayerOptions {
  /** The user chose the incident at `index`: click, or Enter/Space on its marker (`byKeyboard`). */
  onSelect(index: number, byKeyboard: boolean): void;
  /** The open popup was closed by the user (close button, Escape, click on the map). */
  onClose(index: number): void;
  /** Builds the popup content for the incident at `index`: at once, or when its records are read. */
  popupContent(index: number): HTMLElement | Promise<HTMLElement>;
  /** Records needed to draw could not be read. */
  failed(error: unknown): void;
}

/** What the layer reads of a dataset: numbers for everything, records for markers' names. */
export type LayerData = Pick<Dataset, 'columns' | 'index' | 'records' | 'idOf'>;

const DEFAULTS = {
  // Incidents shown, most drawn as DOM markers (more go on one canvas). Each marker is an element, plus
  // an SVG circle when uncertain, that Leaflet moves on every zoom. Measured in Chromium on a 2-core
  // machine: a zoom takes ~0.35 s with a few hundred markers, ~0.9 s with 1,000 and ~1.1 s with 1,500,
  // and a filter change that shows 1,000–1,500 of them 0.2–0.35 s; at 10k+ the page freezes.
  domMarkerLimit: 1_000,
  markerSize: 26, // px, square icon box; ≥ 24 px for touch
  nearRadius: 5_000, // m, radius drawn around a `near` location
  regionRadius: 30_000, // m, radius drawn around a `region` location
  popupMaxWidth: 380, // px
  popupHeightShare: 0.6, // of the map's height, so a popup never outgrows a phone screen
  popupMargin: 12, // px kept between an open popup and the map's edge
  popupMarginTop: 116, // px kept at the top, where the zoom buttons, the scale bar and the layers control sit
};

interface Drawn {
  marker: L.Marker;
  uncertainty: L.Circle | null;
}

export class IncidentLayer {
  private readonly group = L.layerGroup();
  private readonly drawn = new Map<number, Drawn>();
  private readonly popup: L.Popup;
  private shown = new Set<number>();
  /** The canvas layer: made when first needed, then kept (with its buffers) for the next switch. */
  private points: PointCanvas | null = null;
  /** True while more than `domMarkerLimit` are shown: `points` is on the map; `shown` and the group are empty. */
  private onCanvas = false;
  private columns: PointColumns | null = null;
  private openIndex: number | null = null;
  /** Counts draws and opens, so records that arrive after a newer one are not used. */
  private drawToken = 0;
  private openToken = 0;
  /** True while the layer itself closes or replaces the popup, so that is not reported as the user's. */
  private closingQuietly = false;

  constructor(
    private readonly map: L.Map,
    private readonly data: LayerData,
    private readonly options: IncidentLayerOptions,
  ) {
    this.popup = L.popup({
      maxWidth: DEFAULTS.popupMaxWidth,
      // Agree with keepPopupInView, so Leaflet's own pan and ours aim at the same place.
      autoPanPaddingTopLeft: L.point(DEFAULTS.popupMargin, DEFAULTS.popupMarginTop),
      autoPanPaddingBottomRight: L.point(DEFAULTS.popupMargin, DEFAULTS.popupMargin),
      className: 'incident-popup-shell',
    });
    this.group.addTo(map);
    map.on('popupclose', this.handlePopupClose);
    map.on('resize', this.handleResize);
  }

  /**
   * Computes ahead what drawing on the canvas needs (every incident's projected position and style), for a
   * dataset too large for markers, so the first draw is not one long task with it. Once per dataset.
   */
  prepare(): void {
    if (this.data.columns.count > DEFAULTS.domMarkerLimit) this.pointColumns();
  }

  /** Shows exactly the incidents at `indices` (positions in the incident array), removing the others. */
  setIncidents(indices: ArrayLike<number>): void {
    const token = ++this.drawToken;
    if (indices.length > DEFAULTS.domMarkerLimit) {
      this.drawOnCanvas(indices);
      return;
    }
    // A marker is named by its title: draw once the shown incidents' records are at hand.
    const wanted = Array.from(indices);
    withRecords(
      this.data.records,
      wanted,
      () => {
        if (token === this.drawToken) this.drawAsMarkers(wanted);
      },
      (error) => this.options.failed(error),
    );
  }

  private drawAsMarkers(indices: readonly number[]): void {
    this.removeCanvas();
    const next = new Set<number>();
    for (let i = 0; i < indices.length; i++) next.add(indices[i] as number);
    for (const index of this.shown) if (!next.has(index)) this.remove(index);
    for (const index of next) if (!this.shown.has(index)) this.add(index);
    this.shown = next;
    if (this.openIndex !== null && !next.has(this.openIndex)) this.close();
  }

  private pointColumns(): PointColumns {
    this.columns ??= pointColumns(this.data.columns, this.data.index.typeCode);
    return this.columns;
  }

  private drawOnCanvas(indices: ArrayLike<number>): void {
    for (const index of this.shown) this.remove(index);
    this.shown = new Set();
    this.points ??= new PointCanvas(this.pointColumns(), {
      styles: DOT_STYLES,
      onSelect: (index) => this.options.onSelect(index, false),
    });
    this.points.setIndices(indices);
    if (!this.onCanvas) {
      this.onCanvas = true;
      this.points.addTo(this.map);
      this.setPopupOffset();
    }
    if (this.openIndex !== null && !this.points.has(this.openIndex)) this.close();
    else this.markSelected(this.openIndex, true);
  }

  private removeCanvas(): void {
    if (!this.onCanvas) return;
    this.onCanvas = false;
    this.points?.remove();
    this.setPopupOffset();
  }

  /** Opens the popup of the incident at `index`, panning it into view; `focus` moves keyboard focus into it. */
  open(index: number, focus = false): void {
    const { count, lat, lon } = this.data.columns;
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw new Error(`No incident at index ${index} (have ${count})`);
    this.markSelected(this.openIndex, false);
    this.openIndex = index;
    this.markSelected(index, true);
    const token = ++this.openToken;
    const made = this.options.popupContent(index);
    if (made instanceof Promise) {
      made.then(
        (content) => {
          if (token === this.openToken && this.openIndex === index)
            this.showPopup([lat[index] as number, lon[index] as number], content, focus);
        },
        (error) => this.options.failed(error),
      );
    } else this.showPopup([lat[index] as number, lon[index] as number], made, focus);
  }

  private showPopup(at: L.LatLngTuple, content: HTMLElement, focus: boolean): void {
    this.fitPopupToMap();
    this.closingQuietly = true;
    // Escape closes the popup from anywhere inside it (Leaflet only listens while the map itself has focus).
    content.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.map.closePopup(this.popup);
    });
    this.popup.setLatLng(at).setContent(content);
    this.setPopupOffset();
    this.map.openPopup(this.popup);
    this.closingQuietly = false;
    if (focus)
      this.popup.getElement()?.querySelector<HTMLElement>('.popup-title')?.focus({ preventScroll: true });
    // Leaflet's autoPan skips while the map is still settling (first load, a resize); check once laid out.
    requestAnimationFrame(() => this.keepPopupInView());
  }

  /** Points the popup's tip just above the marker, or the canvas point; moves an open popup to match. */
  private setPopupOffset(): void {
    const above = this.onCanvas ? SELECTED_POINT_REACH : DEFAULTS.markerSize / 2;
    if (this.popup.options.offset instanceof L.Point && this.popup.options.offset.y === -above) return;
    this.popup.options.offset = L.point(0, -above);
    if (this.map.hasLayer(this.popup)) this.popup.update();
  }

  /** Sizes the popup for the map's current size, so it never outgrows a phone screen. */
  private fitPopupToMap(): void {
    const size = this.map.getSize();
    const { popupHeightShare, popupMarginTop, popupMargin, popupMaxWidth } = DEFAULTS;
    this.popup.options.maxHeight = Math.round(
      Math.min(size.y * popupHeightShare, size.y - popupMarginTop - 60),
    );
    this.popup.options.maxWidth = Math.min(popupMaxWidth, size.x - 2 * popupMargin - 40);
  }

  /** The map changed size (layout settling, rotation, a panel switch): refit the open popup. */
  private readonly handleResize = (): void => {
    if (this.openIndex === null || !this.map.hasLayer(this.popup)) return;
    this.fitPopupToMap();
    this.popup.update();
    this.keepPopupInView();
  };

  /** Pans the map so the whole open popup is inside it, with a margin. */
  private keepPopupInView(): void {
    const element = this.popup.getElement();
    if (!element || !this.map.hasLayer(this.popup)) return;
    const box = element.getBoundingClientRect();
    const frame = this.map.getContainer().getBoundingClientRect();
    const m = DEFAULTS.popupMargin;
    const dx =
      box.left < frame.left + m ? box.left - frame.left - m : Math.max(0, box.right - frame.right + m);
    const top = DEFAULTS.popupMarginTop;
    const dy =
      box.top < frame.top + top ? box.top - frame.top - top : Math.max(0, box.bottom - frame.bottom + m);
    if (dx !== 0 || dy !== 0) this.map.panBy([dx, dy], { animate: false });
  }

  /** Closes the popup without reporting it as the user's doing. */
  close(): void {
    this.openToken++;
    if (this.openIndex === null) return;
    this.closingQuietly = true;
    this.map.closePopup(this.popup);
    this.closingQuietly = false;
    this.markSelected(this.openIndex, false);
    this.openIndex = null;
  }

  /** The marker element of a shown incident (for focus), or null; always null while drawing on the canvas. */
  elementOf(index: number): HTMLElement | null {
    if (this.onCanvas) return null;
    return this.drawn.get(index)?.marker.getElement() ?? null;
  }

  destroy(): void {
    this.map.off('popupclose', this.handlePopupClose);
    this.map.off('resize', this.handleResize);
    this.close();
    this.group.remove();
    this.drawn.clear();
    this.removeCanvas();
    this.points = null;
    this.columns = null;
  }

  private readonly handlePopupClose = (event: L.PopupEvent): void => {
    if (event.popup !== this.popup || this.closingQuietly || this.openIndex === null) return;
    const index = this.openIndex;
    this.markSelected(index, false);
    this.openIndex = null;
    this.elementOf(index)?.focus({ preventScroll: true });
    this.options.onClose(index);
  };

  private markSelected(index: number | null, selected: boolean): void {
    if (index === null) return;
    if (this.onCanvas) {
      if (selected) this.points?.setSelected(this.points.has(index) ? index : null);
      else this.points?.setSelected(null);
      return;
    }
    this.elementOf(index)?.classList.toggle('is-selected', selected);
  }

  private add(index: number): void {
    let drawn = this.drawn.get(index);
    if (drawn === undefined) {
      drawn = this.create(index);
      this.drawn.set(index, drawn);
    }
    if (drawn.uncertainty) this.group.addLayer(drawn.uncertainty);
    this.group.addLayer(drawn.marker);
    if (index === this.openIndex) this.markSelected(index, true);
  }

  private remove(index: number): void {
    const drawn = this.drawn.get(index);
    if (drawn === undefined) return;
    this.group.removeLayer(drawn.marker);
    if (drawn.uncertainty) this.group.removeLayer(drawn.uncertainty);
  }

  private create(index: number): Drawn {
    const incident = this.data.records.peek(index);
    if (incident === undefined) throw new Error(`The record of incident ${index} is not at hand`);
    const symbol = symbolFor(incident.eventType);
    const size = DEFAULTS.markerSize;
    const icon = L.divIcon({
      className: 'incident-marker',
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
    const marker = L.marker([incident.lat, incident.lon], {
      icon,
      keyboard: true,
      title: incident.title,
      riseOnHover: true,
    });
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      // Leaflet gives a keyboard marker tabindex=0 and role=button; the title is its accessible name.
      element.setAttribute('aria-label', incident.title);
      element.dataset.incidentId = incident.id;
      element.replaceChildren(createSymbolSvg(symbol, size, attributionDrawing(incident)));
    });
    marker.on('click', () => this.options.onSelect(index, false));
    marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
      const key = event.originalEvent.key;
      if (key === 'Enter' || key === ' ') {
        event.originalEvent.preventDefault();
        this.options.onSelect(index, true);
      }
    });
    const radius =
      incident.locationPrecision === 'region'
        ? DEFAULTS.regionRadius
        : incident.locationPrecision === 'near'
          ? DEFAULTS.nearRadius
          : 0;
    const uncertainty =
      radius === 0
        ? null
        : L.circle([incident.lat, incident.lon], {
            radius,
            interactive: false,
            color: symbol.color,
            weight: 1.5,
            dashArray: '4 4',
            fillOpacity: 0.08,
          });
    return { marker, uncertainty };
  }
}
