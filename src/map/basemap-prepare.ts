/**
 * What the offline basemap draws of the countries file, worked out once: land rings, coast and border lines
 * as prepared shapes (vector-shapes.ts: typed arrays, so a worker hands them over without copying) and a
 * point inside each country for its name. Pure: no DOM, no Leaflet. Decoding the TopoJSON and meshing its
 * coasts and borders takes tens of ms at once, which is why the page runs this in a worker
 * (basemap-worker.ts).
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { labelPoint } from './label-placement';
import { prepareShapes, type VectorShapes } from './vector-shapes';

export type CountriesTopology = Topology<{
  countries: GeometryCollection<{ name: string }>;
  land: GeometryCollection;
}>;

/** A country's name and a point inside it (WGS84). */
export interface CountryName {
  readonly text: string;
  readonly lon: number;
  readonly lat: number;
}

export interface PreparedCountries {
  readonly land: VectorShapes;
  /** Lines where a country meets the sea (arcs used by one country only). */
  readonly coast: VectorShapes;
  /** Lines between two countries. */
  readonly border: VectorShapes;
  readonly names: readonly CountryName[];
}

/** The rings ([lon, lat] lists) of a GeoJSON feature or collection of (multi)polygons, holes included. */
function ringsOf(geo: GeoJSON.Feature | GeoJSON.FeatureCollection): number[][][] {
  const features = geo.type === 'FeatureCollection' ? geo.features : [geo];
  return features.flatMap((f) => {
    const g = f.geometry;
    if (g?.type === 'Polygon') return g.coordinates;
    if (g?.type === 'MultiPolygon') return g.coordinates.flat();
    return [];
  });
}

/** The name of each country at a point inside its largest outer ring (label-placement.ts). */
function countryNames(topology: CountriesTopology): CountryName[] {
  const names: CountryName[] = [];
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
    if (point) names.push({ text: f.properties.name, lon: point[0], lat: point[1] });
  }
  return names;
}

/** Everything the basemap draws of `topology` (world-atlas's countries file). */
export function prepareCountries(topology: CountriesTopology): PreparedCountries {
  const { countries, land } = topology.objects;
  if (!countries || !land) throw new Error('the file has no "countries" and "land" objects');
  return {
    land: prepareShapes(ringsOf(feature(topology, land)), true),
    coast: prepareShapes(mesh(topology, countries, (a, b) => a === b).coordinates, false),
    border: prepareShapes(mesh(topology, countries, (a, b) => a !== b).coordinates, false),
    names: countryNames(topology),
  };
}

/** The buffers of `prepared`'s shapes, to transfer rather than copy. */
export function preparedBuffers(prepared: PreparedCountries): ArrayBuffer[] {
  return [prepared.land, prepared.coast, prepared.border].flatMap((s) =>
    [s.x, s.y, s.keep, s.start, s.minX, s.minY, s.maxX, s.maxY].map((a) => a.buffer as ArrayBuffer),
  );
}
