/**
 * The map legend: one row per event-type symbol in the data, how the symbols show the firmness of the
 * perpetrator attribution, what the dashed circles mean and, while dense areas are drawn as counts, what
 * the numbers mean. A Leaflet control whose content is built from DOM nodes.
 */
import L from 'leaflet';
import { el } from '../dom/el';
import { ATTRIBUTION_LEGEND } from '../domain/attribution';
import type { EventType } from '../domain/incident';
import { ATTRIBUTION_SAMPLE, createSymbolSvg, symbolFor } from './symbols';

/** Adds a collapsible legend for `eventTypes` (null = type not given) to `map`. */
export function addLegend(map: L.Map, eventTypes: readonly (EventType | null)[], open: boolean): L.Control {
  const LegendControl = L.Control.extend({
    onAdd() {
      const types = el('ul', { attrs: { 'aria-labelledby': 'legend-types' } });
      for (const type of eventTypes) {
        const symbol = symbolFor(type);
        types.append(el('li', { className: 'legend-row' }, createSymbolSvg(symbol, 18), symbol.label));
      }
      const attribution = el('ul', { attrs: { 'aria-labelledby': 'legend-attribution' } });
      for (const { drawing, label } of ATTRIBUTION_LEGEND) {
        attribution.append(
          el(
            'li',
            { className: 'legend-row', attrs: { 'data-attribution': drawing } },
            createSymbolSvg(ATTRIBUTION_SAMPLE, 18, drawing),
            label,
          ),
        );
      }
      const details = el(
        'details',
        { className: 'map-legend' },
        el('summary', {}, 'Legend'),
        el('h3', { className: 'legend-heading', attrs: { id: 'legend-types' } }, 'What happened'),
        types,
        el('h3', { className: 'legend-heading', attrs: { id: 'legend-attribution' } }, 'Who did it'),
        attribution,
        el(
          'p',
          { className: 'legend-note' },
          el('span', { className: 'legend-uncertainty', attrs: { 'aria-hidden': 'true' } }),
          ' Dashed circle or hollow dot: location approximate',
        ),
        // Shown by map.css only while the point canvas draws counts (class incident-points-grid on the map).
        el(
          'p',
          { className: 'legend-note legend-grid-note' },
          el('span', { className: 'legend-grid-sample', attrs: { 'aria-hidden': 'true' } }),
          ' Numbers: incidents in a square; click to zoom in',
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
