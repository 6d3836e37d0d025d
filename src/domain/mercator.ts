/**
 * Web Mercator (EPSG:3857) as fractions of the world's square, 0..1 on each axis: what Leaflet projects to
 * pixels (`fraction * 256 * 2 ** zoom`). Pure, so the loading worker projects with it too.
 */

/** Leaflet's `SphericalMercator.MAX_LATITUDE`: the latitude (degrees) where Web Mercator's square world ends. */
export const MAX_MERCATOR_LATITUDE = 85.0511287798;

/**
 * Web-Mercator x of a longitude (degrees), as a fraction of the world's width: -180° → 0, 180° → 1.
 * Leaflet's EPSG:3857 pixel x at zoom z is `mercatorX(lon) * 256 * 2 ** z`.
 */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/**
 * Web-Mercator y of a latitude (degrees), as a fraction of the world's height: 85.05° N → 0, the equator
 * → 0.5, 85.05° S → 1 (y grows southwards, like screen pixels). With φ the latitude in radians,
 * y = 1/2 − ln(tan(π/4 + φ/2)) / 2π, written as ln((1 + sin φ) / (1 − sin φ)) / 4π, which is what Leaflet
 * computes. Latitudes beyond ±85.05° are clamped, as Leaflet does.
 */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}
