/**
 * One symbol per ACLED event type: a shape and a colour (Okabe–Ito palette, distinguishable with common
 * colour-vision deficiencies; the shape carries the meaning on its own). Used by markers and the legend.
 */
import type { EventType } from '../domain/incident';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface EventSymbol {
  readonly label: string;
  readonly color: string;
  /** SVG path in a 24×24 box centred on (12, 12). */
  readonly path: string;
}

const burst =
  'M12 1.5l2.6 5.2 5.6-1.7-1.7 5.6 5 2.4-5 2.4 1.7 5.6-5.6-1.7L12 22.5l-2.6-5.2-5.6 1.7 1.7-5.6-5-2.4 5-2.4-1.7-5.6 5.6 1.7z';

export const EVENT_SYMBOLS: Record<EventType | 'unknown', EventSymbol> = {
  'Explosions/Remote violence': { label: 'Explosions / remote violence', color: '#D55E00', path: burst },
  Battles: { label: 'Battles', color: '#CC79A7', path: 'M12 2l10 10-10 10L2 12z' },
  'Violence against civilians': {
    label: 'Violence against civilians',
    color: '#0072B2',
    path: 'M12 2.5l10 18H2z',
  },
  Protests: { label: 'Protests', color: '#009E73', path: 'M4 4h16v16H4z' },
  Riots: { label: 'Riots', color: '#E69F00', path: 'M12 2l9.5 6.9-3.6 11.1H6.1L2.5 8.9z' },
  'Strategic developments': {
    label: 'Strategic developments',
    color: '#56B4E9',
    path: 'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z',
  },
  unknown: { label: 'Type not given', color: '#777777', path: 'M12 5a7 7 0 1 1 0 14a7 7 0 1 1 0-14z' },
};

/** The symbol for an event type; `null` (not given) has its own grey symbol. */
export function symbolFor(eventType: EventType | null): EventSymbol {
  return EVENT_SYMBOLS[eventType ?? 'unknown'];
}

/** A decorative SVG of the symbol (`aria-hidden`): the accessible name lives on the marker or legend row. */
export function createSymbolSvg(symbol: EventSymbol, size = 24): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', symbol.path);
  path.setAttribute('fill', symbol.color);
  path.setAttribute('stroke', '#ffffff');
  path.setAttribute('stroke-width', '1.5');
  path.setAttribute('stroke-linejoin', 'round');
  svg.appendChild(path);
  return svg;
}
