/**
 * Moves the map to a story's step: a flight (or a jump when the reader prefers reduced motion) to the
 * incident, at a zoom that keeps its neighbours in the chain near, then a callback once the map is still.
 */
import L from 'leaflet';

const DEFAULTS = {
  minZoom: 6, // a step never shows less detail than this
  maxZoom: 7, // nor zooms in so far that the rest of the chain is far off screen
  duration: 0.9, // s, of the flight
};

/** Flies `map` to `[lat, lon]` and calls `done` when it has arrived. Returns a cancel function. */
export function flyToStep(map: L.Map, lat: number, lon: number, done: () => void): () => void {
  const zoom = Math.min(DEFAULTS.maxZoom, Math.max(DEFAULTS.minZoom, map.getZoom()));
  const target = L.latLng(lat, lon);
  const here = map.latLngToContainerPoint(target);
  const centre = map.getSize().divideBy(2);
  if (zoom === map.getZoom() && here.distanceTo(centre) < 2) {
    done();
    return () => {};
  }
  map.once('moveend', done);
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches)
    map.setView(target, zoom, { animate: false });
  else map.flyTo(target, zoom, { duration: DEFAULTS.duration });
  return () => map.off('moveend', done);
}
