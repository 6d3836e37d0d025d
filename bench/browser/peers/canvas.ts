/** Peer: plain Leaflet, one L.circleMarker per incident on a canvas renderer (preferCanvas). */
import L from 'leaflet';
import { createMap, loadData, markPainted, popupNode, select, start } from './common';

const COLORS: Record<string, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#d35400',
  'Violence against civilians': '#8e44ad',
  Protests: '#2471a3',
  Riots: '#b7950b',
  'Strategic developments': '#1e8449',
};

start(async () => {
  const map = createMap({ preferCanvas: true });
  const data = await loadData();
  map.fitBounds(data.bounds, { padding: [48, 48], animate: false });
  const markers = data.features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const color = COLORS[f.properties.eventType ?? ''] ?? '#777777';
    return L.circleMarker([lat, lon], {
      radius: 4,
      weight: 1,
      color: '#ffffff',
      fillColor: color,
      fillOpacity: 0.9,
    }).bindPopup(() => popupNode(f));
  });
  const group = L.featureGroup(markers).addTo(map);
  let shown = markers.length;
  window.__bench = {
    count: () => shown,
    async filter(from, actors) {
      const kept = select(data, from, actors);
      group.clearLayers();
      for (const i of kept) group.addLayer(markers[i] as L.CircleMarker);
      shown = kept.length;
      return shown;
    },
  };
  await markPainted();
});
