/** Peer: Leaflet.markercluster with chunkedLoading, one L.marker per incident. */
import './leaflet-global';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import { createMap, loadData, markFirstPainted, markPainted, popupNode, select, start } from './common';

const icon = L.icon({
  iconUrl,
  iconRetinaUrl,
  shadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  popupAnchor: [1, -34],
  shadowSize: [41, 41],
});

start(async () => {
  const map = createMap();
  let chunksDone: (() => void) | null = null;
  let firstChunk = true;
  const cluster = L.markerClusterGroup({
    chunkedLoading: true,
    chunkProgress: (processed, total) => {
      // The first chunk's clusters are on the map: the first incidents are shown.
      if (firstChunk) markFirstPainted();
      firstChunk = false;
      if (processed >= total) chunksDone?.();
    },
  });
  /** Adds markers in chunks; resolves when the last chunk is in. */
  const addAll = (markers: L.Marker[]) =>
    new Promise<void>((done) => {
      if (markers.length === 0) return done();
      chunksDone = () => {
        chunksDone = null;
        done();
      };
      cluster.addLayers(markers);
    });
  const data = await loadData();
  map.fitBounds(data.bounds, { padding: [48, 48], animate: false });
  const markers = data.features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return L.marker([lat, lon], { icon, title: f.properties.title }).bindPopup(() => popupNode(f));
  });
  map.addLayer(cluster);
  await addAll(markers);
  let shown = markers.length;
  window.__bench = {
    count: () => shown,
    async filter(from, actors) {
      const kept = select(data, from, actors);
      cluster.clearLayers();
      await addAll(kept.map((i) => markers[i] as L.Marker));
      shown = kept.length;
      return shown;
    },
  };
  await markPainted();
});
