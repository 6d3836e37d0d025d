/**
 * Major rivers and lakes of the region (Natural Earth 1:50m, public domain, extracted by
 * scripts/extract-basemap.ts into geodata/places/middle-east-water.geojson), and the names of the Tigris and
 * the Euphrates. The 1:50m lines are generalised: close in, they can stray a few kilometres from the banks.
 */
import waterUrl from '../../geodata/places/middle-east-water.geojson?url';
import type { BasemapCanvas, VectorStyle } from './basemap-canvas';
import type { LabelLayer, MapLabel } from './basemap-labels';
import { prepareShapes } from './vector-shapes';

/** How the water is drawn: lakes under rivers, both over the land and under coasts and borders. */
export const WATER_STYLE = {
  lake: { fill: '#c9dce8' },
  river: { stroke: '#7fa8c2', weight: 1.6 },
} satisfies Record<string, VectorStyle>;

const LABEL_MIN_ZOOM = 6; // river names from this zoom

type WaterFeature = GeoJSON.Feature<GeoJSON.Geometry, { kind?: string; label?: string }>;

/** Fetches the water file and draws it on `vectors` (as `lake` and `river`); river names go to `labels`. */
export async function addWater(
  vectors: Pick<BasemapCanvas<keyof typeof WATER_STYLE>, 'set'>,
  labels: LabelLayer,
): Promise<void> {
  const response = await fetch(waterUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${waterUrl}`);
  const water = (await response.json()) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    WaterFeature['properties']
  >;
  const rings: GeoJSON.Position[][] = [];
  const lines: GeoJSON.Position[][] = [];
  for (const { geometry: g } of water.features) {
    if (g.type === 'Polygon') rings.push(...g.coordinates);
    else if (g.type === 'MultiPolygon') rings.push(...g.coordinates.flat());
    else if (g.type === 'LineString') lines.push(g.coordinates);
    else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
  }
  vectors.set('lake', prepareShapes(rings, true));
  vectors.set('river', prepareShapes(lines, false));
  const names: MapLabel[] = [];
  for (const f of water.features) {
    if (f.geometry.type !== 'Point' || typeof f.properties?.label !== 'string') continue;
    const [lon = NaN, lat = NaN] = f.geometry.coordinates;
    names.push({ text: f.properties.label, lon, lat, kind: 'water', minZoom: LABEL_MIN_ZOOM });
  }
  labels.add(names);
}
