/**
 * Not an implementation: Leaflet alone, an empty map the size of the peers' with its default controls and
 * no data. The harness pans and zooms it as it does every implementation: the script that costs is
 * Leaflet's own handling of the drag, its inertia, and the zoom animation, which every map built on Leaflet
 * pays before drawing anything (the redraw floor).
 */
import './leaflet-global';
import { createMap, markPainted, start } from './common';

start(async () => {
  createMap();
  await markPainted();
});
