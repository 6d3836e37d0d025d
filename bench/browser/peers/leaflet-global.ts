/** Leaflet.markercluster is a UMD script that extends the global `L`: set it before importing the plugin. */
import L from 'leaflet';

(window as unknown as { L: typeof L }).L = L;
