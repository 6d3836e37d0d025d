/**
 * Checks a point read by any format: WGS84 range, and the warnings that catch common mistakes
 * ([0, 0] for "no location", lat/lon swapped, a point outside the stated country, projected metres).
 */
import { countryBox, inBox } from './country-boxes';
import type { RecordIssues } from './record-issues';

/** WGS84 degrees; GeoJSON order is `[lon, lat]`. */
export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

/** The point if it is usable (warnings may be added), or null after reporting why not. */
export function checkPoint(r: RecordIssues, p: LonLat, field: string, country: string | null): LonLat | null {
  const { lon, lat } = p;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
    r.error(field, `[${lon}, ${lat}] must be finite numbers`);
    return null;
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90 ? ' (are they in [lat, lon] order?)' : '';
    // Web Mercator and UTM coordinates are metres: values in the thousands or millions.
    const projected =
      Math.abs(lon) > 1000 || Math.abs(lat) > 1000
        ? ' (these look like projected coordinates in metres; GeoJSON needs WGS84 longitude and latitude in degrees — reproject, e.g. ogr2ogr -t_srs EPSG:4326)'
        : '';
    r.error(
      field,
      `[${lon}, ${lat}] out of range: longitude -180..180, latitude -90..90${swapped}${projected}`,
    );
    return null;
  }
  if (lon === 0 && lat === 0) {
    r.warn(field, '[0, 0] is in the Gulf of Guinea and usually means "no location": check this record');
  }
  const box = country === null ? null : countryBox(country);
  if (box !== null && !inBox(box, lon, lat)) {
    const swapped = inBox(box, lat, lon)
      ? ' (swapped, it would be inside: are latitude and longitude the wrong way round?)'
      : '';
    r.warn(field, `[${lon}, ${lat}] lies outside ${country}, the stated country${swapped}`);
  }
  return p;
}
