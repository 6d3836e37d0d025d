/**
 * The page's map: made from a chunk of its own (with Leaflet and the basemap), which the page fetches while
 * its first script starts the load, so that script stays small. The map handles a size change in a task of
 * its own, not inside the ResizeObserver's callback, which runs in the frame: the redraws a resize brings
 * (basemap, names, points; ~20–40 ms at a million) would lengthen that frame's task.
 */
import L from 'leaflet';

export { addBasemap } from './basemap';
export { LoadPreviewLayer } from './load-preview';

/** The map in `element`, centred on the region of the bundled report. */
export function makeMap(element: HTMLElement): L.Map {
  const map = L.map(element, { center: [33.5, 43], zoom: 5, minZoom: 2, worldCopyJump: true });
  let resizePending = false;
  new ResizeObserver(() => {
    if (resizePending) return;
    resizePending = true;
    setTimeout(() => {
      resizePending = false;
      map.invalidateSize();
    }, 0);
  }).observe(element);
  return map;
}
