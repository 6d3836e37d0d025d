/**
 * The offline basemap: land, coastlines and country borders from Natural Earth (world-atlas 1:50m
 * TopoJSON, served from our own origin), country names, and the names of the places in the data. It needs
 * no network beyond the page's own origin. OpenStreetMap tiles are offered as an online alternative.
 */
import L from 'leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { labelPoint, placeLabels } from './label-placement';

const STYLE = {
  land: { stroke: false, fillColor: '#f3f0e8', fillOpacity: 1 },
  coast: { color: '#8fa9b8', weight: 1, opacity: 1 },
  border: { color: '#a59d8f', weight: 1, opacity: 1, dashArray: '3 2' },
  charWidth: 6.6, // px, average glyph width of label text at 12 px, for collision boxes
  labelHeight: 16, // px
  countryLabelMinZoom: 3,
};

const NATURAL_EARTH =
  'Basemap: <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>';
const OSM =
  '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors';

/** A name to write on the map at [lon, lat]. Text is untrusted and only ever set as textContent. */
export interface MapLabel {
  readonly text: string;
  readonly lon: number;
  readonly lat: number;
  readonly kind: 'country' | 'place';
}

interface DrawnLabel {
  readonly label: MapLabel;
  readonly marker: L.Marker;
}

/** Map labels with greedy collision avoidance, recomputed after every zoom or pan. */
class LabelLayer {
  private drawn: DrawnLabel[] = [];
  private readonly group = L.layerGroup();

  constructor(private readonly map: L.Map) {
    this.group.addTo(map);
    map.on('zoomend moveend resize', this.layout);
  }

  add(labels: readonly MapLabel[]): void {
    for (const label of labels) {
      const icon = L.divIcon({ className: `map-label map-label-${label.kind}`, iconSize: undefined });
      const marker = L.marker([label.lat, label.lon], { icon, interactive: false, keyboard: false });
      marker.on('add', () => {
        const element = marker.getElement();
        if (element) {
          const text = document.createElement('span');
          text.textContent = label.text;
          element.replaceChildren(text);
          element.setAttribute('aria-hidden', 'true');
        }
      });
      this.drawn.push({ label, marker });
    }
    this.layout();
  }

  clear(kind: MapLabel['kind']): void {
    this.drawn = this.drawn.filter((d) => {
      if (d.label.kind === kind) this.group.removeLayer(d.marker);
      return d.label.kind !== kind;
    });
  }

  private readonly layout = (): void => {
    const zoom = this.map.getZoom();
    const size = this.map.getSize();
    const candidates = this.drawn.filter(
      (d) => d.label.kind === 'place' || zoom >= STYLE.countryLabelMinZoom,
    );
    const boxes = candidates.map((d) => {
      const p = this.map.latLngToContainerPoint([d.label.lat, d.label.lon]);
      const width = d.label.text.length * STYLE.charWidth;
      // Place labels sit to the right of their incident marker; country labels are centred.
      const x = d.label.kind === 'place' ? p.x + 18 : p.x - width / 2;
      return {
        x,
        y: p.y - STYLE.labelHeight / 2,
        width,
        height: STYLE.labelHeight,
        priority: d.label.kind === 'place' ? 2 : 1,
      };
    });
    const visible = placeLabels(boxes, 4);
    const shown = new Set<DrawnLabel>();
    candidates.forEach((d, i) => {
      const box = boxes[i];
      const onScreen =
        box !== undefined &&
        box.x + box.width > 0 &&
        box.x < size.x &&
        box.y + box.height > 0 &&
        box.y < size.y;
      if (visible[i] && onScreen) shown.add(d);
    });
    for (const d of this.drawn) {
      if (shown.has(d)) this.group.addLayer(d.marker);
      else this.group.removeLayer(d.marker);
    }
  };

  destroy(): void {
    this.map.off('zoomend moveend resize', this.layout);
    this.group.remove();
  }
}

type CountriesTopology = Topology<{
  countries: GeometryCollection<{ name: string }>;
  land: GeometryCollection;
}>;

export interface Basemap {
  /** Replaces the labels of the places in the data. */
  setPlaceLabels(labels: readonly MapLabel[]): void;
  /** Resolves when the offline layers are drawn; rejects with a readable message when they cannot be. */
  readonly ready: Promise<void>;
  /** The layers control, where other modules add their overlays (such as "Relations"). */
  readonly layers: L.Control.Layers;
}

function countryLabels(topology: CountriesTopology): MapLabel[] {
  const labels: MapLabel[] = [];
  for (const f of feature(topology, topology.objects.countries).features) {
    const g = f.geometry;
    if (!g || !f.properties?.name) continue;
    const outerRings =
      g.type === 'Polygon'
        ? [g.coordinates[0] ?? []]
        : g.type === 'MultiPolygon'
          ? g.coordinates.map((p) => p[0] ?? [])
          : [];
    const point = labelPoint(outerRings);
    if (point) labels.push({ text: f.properties.name, lon: point[0], lat: point[1], kind: 'country' });
  }
  return labels;
}

/** Adds the offline basemap (default) and an OpenStreetMap choice to `map`, with a layer switcher. */
export function addBasemap(map: L.Map): Basemap {
  // One canvas for all basemap vectors: thousands of coastline vertices are cheap there, costly as SVG.
  const renderer = L.canvas({ padding: 0.5 });
  const offline = L.layerGroup([], { attribution: NATURAL_EARTH });
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
  const labels = new LabelLayer(map);

  const ready = fetch(countriesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<CountriesTopology>;
    })
    .then((topology) => {
      const { countries, land } = topology.objects;
      // GeoJSON hands its options to each path it creates, so `renderer` reaches them (the typings omit it).
      const vector = (style: L.PathOptions) =>
        ({ style: () => style, interactive: false, renderer }) as L.GeoJSONOptions;
      offline.addLayer(L.geoJSON(feature(topology, land), vector(STYLE.land)));
      offline.addLayer(
        L.geoJSON(
          mesh(topology, countries, (a, b) => a === b),
          vector(STYLE.coast),
        ),
      );
      offline.addLayer(
        L.geoJSON(
          mesh(topology, countries, (a, b) => a !== b),
          vector(STYLE.border),
        ),
      );
      labels.add(countryLabels(topology));
    })
    .catch((error: unknown) => {
      throw new Error(
        `The offline basemap could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
      );
    });

  return {
    ready,
    layers,
    setPlaceLabels(placeLabels) {
      labels.clear('place');
      labels.add(placeLabels);
    },
  };
}
