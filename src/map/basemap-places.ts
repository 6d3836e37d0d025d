/**
 * Towns and cities for the basemap, from the region files in geodata/places/ (GeoNames, CC BY 4.0, extracted
 * by scripts/extract-basemap.ts). The names of big places come once the countries are drawn; the detail file
 * is fetched the first time the map reaches `DETAIL_ZOOM`, so the first load stays small.
 */
import type L from 'leaflet';
import detailUrl from '../../geodata/places/middle-east-places-detail.tsv?url';
import majorUrl from '../../geodata/places/middle-east-places-major.tsv?url';
import type { LabelLayer, MapLabel } from './basemap-labels';

/** Zoom from which the detail file is needed: its places all have minZoom ≥ 8 (scripts/extract-basemap.ts). */
export const DETAIL_ZOOM = 8;

const COLUMNS = ['name', 'lon', 'lat', 'population', 'minZoom', 'capital'] as const;

/**
 * Reads a places file: `#` comment lines, a header naming the columns above, then one place per line,
 * tab-separated. Throws on a malformed line, naming it (the files are ours, so that is a build bug).
 */
export function parsePlaces(tsv: string): MapLabel[] {
  const lines = tsv.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines;
  if (header !== COLUMNS.join('\t'))
    throw new Error(`Places file header is ${JSON.stringify(header)}, expected ${COLUMNS.join(', ')}`);
  return rows.map((row, i) => {
    const [name = '', lonText, latText, populationText, minZoomText, capitalText] = row.split('\t');
    const [lon, lat, population, minZoom] = [lonText, latText, populationText, minZoomText].map(Number);
    if (
      name.trim() === '' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat) ||
      !Number.isInteger(population) ||
      !Number.isInteger(minZoom) ||
      (capitalText !== '0' && capitalText !== '1')
    )
      throw new Error(`Places file line ${i + 2} (after comments) is malformed: ${JSON.stringify(row)}`);
    return {
      text: name,
      lon: lon as number,
      lat: lat as number,
      kind: capitalText === '1' ? 'capital' : 'town',
      minZoom: minZoom as number,
      rank: population as number,
    };
  });
}

async function fetchPlaces(url: string): Promise<MapLabel[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return parsePlaces(await response.text());
}

/**
 * Adds the big places now and the detail when the map first reaches `DETAIL_ZOOM`. `loaded` resolves when
 * the big places are drawn; `detail` once the detail file is drawn (it stays pending until that zoom).
 */
export function addPlaces(map: L.Map, labels: LabelLayer): { loaded: Promise<void>; detail: Promise<void> } {
  const loaded = fetchPlaces(majorUrl).then((places) => labels.add(places));
  let resolveDetail: () => void = () => {};
  let rejectDetail: (error: unknown) => void = () => {};
  const detail = new Promise<void>((resolve, reject) => {
    resolveDetail = resolve;
    rejectDetail = reject;
  });
  let requested = false;
  const onZoom = () => {
    if (requested || map.getZoom() < DETAIL_ZOOM) return;
    requested = true;
    map.off('zoomend', onZoom);
    fetchPlaces(detailUrl)
      .then((places) => labels.add(places))
      .then(resolveDetail, rejectDetail);
  };
  map.on('zoomend', onZoom);
  // The first view may already be close enough (a fit to nearby incidents).
  void loaded.then(onZoom, () => {});
  return { loaded, detail };
}
