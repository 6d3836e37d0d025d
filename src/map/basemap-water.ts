/**
 * Major rivers and lakes of the region (Natural Earth 1:50m, public domain, extracted by
 * scripts/extract-basemap.ts into geodata/places/middle-east-water.geojson), and the names of the Tigris and
 * the Euphrates. The 1:50m lines are generalised: close in, they can stray a few kilometres from the banks.
 */
import L from 'leaflet';
import waterUrl from '../../geodata/places/middle-east-water.geojson?url';
import type { LabelLayer, MapLabel } from './basemap-labels';

const STYLE = {
  river: { color: '#7fa8c2', weight: 1.6, opacity: 1, lineCap: 'round', lineJoin: 'round' },
  lake: { stroke: false, fillColor: '#c9dce8', fillOpacity: 1 },
  labelMinZoom: 6, // river names from this zoom
} as const;

type WaterFeature = GeoJSON.Feature<GeoJSON.Geometry, { kind?: string; label?: string }>;

/** Fetches the water file and draws it into `group` on `renderer`; river names go to `labels`. */
export async function addWater(group: L.LayerGroup, renderer: L.Renderer, labels: LabelLayer): Promise<void> {
  const response = await fetch(waterUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${waterUrl}`);
  const water = (await response.json()) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    WaterFeature['properties']
  >;
  const shapes: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: water.features.filter((f) => f.geometry.type !== 'Point'),
  };
  // GeoJSON hands its options to each path it creates, so `renderer` reaches them (the typings omit it).
  group.addLayer(
    L.geoJSON(shapes, {
      style: (f) => (f?.properties?.kind === 'lake' ? STYLE.lake : STYLE.river),
      interactive: false,
      renderer,
    } as L.GeoJSONOptions),
  );
  const names: MapLabel[] = [];
  for (const f of water.features) {
    if (f.geometry.type !== 'Point' || typeof f.properties?.label !== 'string') continue;
    const [lon = NaN, lat = NaN] = f.geometry.coordinates;
    names.push({ text: f.properties.label, lon, lat, kind: 'water', minZoom: STYLE.labelMinZoom });
  }
  labels.add(names);
}
