/**
 * The map legend: one row per event-type symbol in the data, and what the dashed circles mean.
 * A Leaflet control whose content is built from DOM nodes.
 */
import L from 'leaflet';
import { el } from '../dom/el';
import type { EventType } from '../domain/incident';
import { createSymbolSvg, symbolFor } from './symbols';

/** Adds a collapsible legend for `eventTypes` (null = type not given) to `map`. */
export function addLegend(map: L.Map, eventTypes: readonly (EventType | null)[], open: boolean): L.Control {
  const LegendControl = L.Control.extend({
    onAdd() {
      const rows = eventTypes.map((type) => {
        const symbol = symbolFor(type);
        return el('li', { className: 'legend-row' }, createSymbolSvg(symbol, 18), symbol.label);
      });
      const details = el(
        'details',
        { className: 'map-legend' },
        el('summary', {}, 'Legend'),
        el('ul', {}, ...rows),
        el(
          'p',
          { className: 'legend-note' },
          el('span', { className: 'legend-uncertainty', attrs: { 'aria-hidden': 'true' } }),
          ' Dashed circle or hollow dot: location approximate',
        ),
      );
      details.open = open;
      L.DomEvent.disableClickPropagation(details);
      L.DomEvent.disableScrollPropagation(details);
      return details;
    },
  });
  return new LegendControl({ position: 'bottomright' }).addTo(map);
}
