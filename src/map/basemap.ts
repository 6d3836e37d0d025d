/**
 * The offline basemap: land, coastlines and country borders from Natural Earth (world-atlas 1:50m
 * TopoJSON, served from our own origin); the major rivers and lakes of the region; towns and cities from
 * GeoNames whose names follow the zoom (basemap-places.ts); country names; the names of the places in the
 * data; a scale bar. It needs no network beyond the page's own origin. OpenStreetMap tiles are offered as an
 * online alternative.
 *
 * Start-up: the countries file is the first draw (`ready`); the water and the big places come right after
 * it (about 8 kB gzipped together) and the detail places (about 11 kB) only once the map reaches zoom 8.
 */
import L from 'leaflet';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { BasemapCanvas, type VectorStyle } from './basemap-canvas';
import { LabelLayer, type MapLabel } from './basemap-labels';
import { addPlaces } from './basemap-places';
import type { PreparedCountries } from './basemap-prepare';
import { addWater, WATER_STYLE } from './basemap-water';

export type { MapLabel } from './basemap-labels';

/** The vectors, drawn in this order (the river and lake styles are basemap-water.ts's). */
const STYLE = {
  land: { fill: '#f3f0e8' },
  ...WATER_STYLE,
  coast: { stroke: '#8fa9b8', weight: 1 },
  border: { stroke: '#a59d8f', weight: 1, dash: [3, 2] },
} satisfies Record<string, VectorStyle>;

/** Credits of the offline layers. Static text of ours (never data), so it may be HTML. */
const OFFLINE_ATTRIBUTION = [
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>',
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a> (<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener noreferrer">CC BY 4.0</a>)',
].join(', ');
const OSM =
  '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors';

export interface Basemap {
  /** Replaces the labels of the places in the data. */
  setPlaceLabels(labels: readonly MapLabel[]): void;
  /** Resolves when the countries are drawn; rejects with a readable message when they cannot be. */
  readonly ready: Promise<void>;
  /** The layers control, where other modules add their overlays (such as "Relations"). */
  readonly layers: L.Control.Layers;
  /**
   * Resolves when the rivers and the big places are drawn too (after `ready`, so they never delay the first
   * draw); rejects with a readable message when they cannot be.
   */
  readonly detail: Promise<void>;
  /**
   * Resolves when the names of smaller towns are drawn, which happens the first time the map reaches zoom 8
   * (pending until then); rejects with a readable message when they cannot be.
   */
  readonly townDetail: Promise<void>;
}

const SCALE_MAX_WIDTH = 120; // px, the scale bar's widest (its lines are border-box)

/**
 * The countries prepared for drawing (basemap-prepare.ts) by a worker of their own: decoding the TopoJSON
 * and meshing its coasts and borders would hold the page for tens of ms while the data loads.
 */
function preparedInWorker(url: string): Promise<PreparedCountries> {
  type Answer = { ok: true; prepared: PreparedCountries } | { ok: false; message: string };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./basemap-worker.ts', import.meta.url), {
      type: 'module',
      name: 'basemap',
    });
    worker.onmessage = (event: MessageEvent<Answer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.prepared);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'its worker failed'));
    };
    worker.postMessage({ url: new URL(url, document.baseURI).href });
  });
}

/** Adds the offline basemap (default) and an OpenStreetMap choice to `map`, with a layer switcher. */
export function addBasemap(map: L.Map): Basemap {
  // One canvas of our own for all basemap vectors, each kind traced as one path (basemap-canvas.ts).
  const vectors = new BasemapCanvas(STYLE);
  const offline = L.layerGroup([vectors], { attribution: OFFLINE_ATTRIBUTION });
  const osm = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: OSM,
  });
  offline.addTo(map);
  const layers = L.control
    .layers(
      { 'Offline map (Natural Earth)': offline, 'OpenStreetMap (online)': osm },
      {},
      { position: 'topright' },
    )
    .addTo(map);
  // Top left, under the zoom buttons: the bottom corners hold the attribution and the legend, which wrap on a phone.
  // Updated once a move ends, not on each of the ~40 move events of a pan.
  const scale = L.control
    .scale({ position: 'topleft', maxWidth: SCALE_MAX_WIDTH, updateWhenIdle: true })
    .addTo(map);
  // As wide as the bar gets, always: its corner then keeps its size as the bar changes after a move, and the
  // names' ResizeObserver (which measures every control, a forced layout of ~1 ms) is not woken by each pan.
  scale.getContainer()?.style.setProperty('width', `${SCALE_MAX_WIDTH}px`);
  const labels = new LabelLayer(map, SCALE_MAX_WIDTH);

  const ready = preparedInWorker(countriesUrl)
    .then((prepared) => {
      vectors.setAll([
        ['land', prepared.land],
        ['coast', prepared.coast],
        ['border', prepared.border],
      ]);
      // The names in the task after the first draw.
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          labels.add(prepared.names.map((name) => ({ ...name, kind: 'country' as const })));
          resolve();
        }, 0),
      );
    })
    .catch((error: unknown) => {
      throw new Error(
        `The offline basemap could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
      );
    });

  const unreadable = (what: string) => (error: unknown) => {
    throw new Error(
      `The ${what} could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
    );
  };
  // After the first draw, so they never delay it: water under the borders, then the big places.
  const afterFirstDraw = ready.catch(() => undefined);
  const detail = afterFirstDraw.then(() => addWater(vectors, labels).catch(unreadable('rivers and lakes')));
  const places = afterFirstDraw.then(() => addPlaces(map, labels));
  const townDetail = places.then((p) => p.detail).catch(unreadable('names of smaller towns'));
  const bigPlaces = places.then((p) => p.loaded).catch(unreadable('town names'));
  // The names belong to the offline map: over OpenStreetMap tiles they would double the tiles' own.
  offline.on('add', () => labels.showBasemapNames(true));
  offline.on('remove', () => labels.showBasemapNames(false));

  return {
    ready,
    layers,
    detail: Promise.all([detail, bigPlaces]).then(() => undefined),
    townDetail,
    setPlaceLabels(placeLabels) {
      labels.replace('place', placeLabels);
    },
  };
}
