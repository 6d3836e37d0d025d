/**
 * Moves the map to a story's step: a flight (or a jump when the reader prefers reduced motion) to the
 * incident, at a zoom that keeps its neighbours in the chain near, then a callback once the map is still.
 *
 * The incident lands low in the map, not in its centre, so the popup that opens above it fits without
 * Leaflet panning again (a second pan racing the popup's own auto-pan can leave the popup cut off).
 */
import L from 'leaflet';

const DEFAULTS = {
  minZoom: 6, // a step never shows less detail than this
  maxZoom: 7, // nor zooms in so far that the rest of the chain is far off screen
  duration: 0.9, // s, of the flight
  anchor: 0.78, // share of the map's height, from the top, where the incident lands: room for its popup
};

/** Flies `map` to `[lat, lon]` and calls `done` when it has arrived. Returns a cancel function. */
export function flyToStep(map: L.Map, lat: number, lon: number, done: () => void): () => void {
  // The story bar may have just appeared or grown above the map: measure the map before aiming.
  map.invalidateSize({ pan: false });
  const zoom = Math.min(DEFAULTS.maxZoom, Math.max(DEFAULTS.minZoom, map.getZoom()));
  const target = L.latLng(lat, lon);
  const size = map.getSize();
  const landing = L.point(size.x / 2, size.y * DEFAULTS.anchor);
  const centre = map.unproject(map.project(target, zoom).subtract(landing.subtract(size.divideBy(2))), zoom);
  if (zoom === map.getZoom() && map.latLngToContainerPoint(target).distanceTo(landing) < 2) {
    done();
    return () => {};
  }
  let frame = 0;
  // Leaflet is still finishing the flight inside `moveend`: open the popup once it has.
  const arrived = () => {
    frame = requestAnimationFrame(done);
  };
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
    map.setView(centre, zoom, { animate: false });
    arrived();
    return () => cancelAnimationFrame(frame);
  }
  map.flyTo(centre, zoom, { duration: DEFAULTS.duration });
  // Listen only now: flyTo first stops any pan still running (the last popup's), which fires a moveend.
  map.once('moveend', arrived);
  return () => {
    map.off('moveend', arrived);
    cancelAnimationFrame(frame);
  };
}
