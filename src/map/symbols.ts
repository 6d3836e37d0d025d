/**
 * One symbol per ACLED event type: a shape and a colour (Okabe–Ito palette, distinguishable with common
 * colour-vision deficiencies; the shape carries the meaning on its own). Used by markers and the legend.
 *
 * How the symbol is filled says how firm the perpetrator attribution is (`domain/attribution.ts`):
 * solid for confirmed or claimed, a pale body with a dashed outline for suspected, diagonal hatching for
 * disputed, a grey body inside a rim of the type's colour for unknown. Location precision is drawn apart,
 * as dashed circles around the marker.
 */
import type { AttributionDrawing } from '../domain/attribution';
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

/** A neutral symbol for legend rows about attribution, where the event type does not matter. */
export const ATTRIBUTION_SAMPLE: EventSymbol = {
  label: 'Any event type',
  color: '#4f4d48',
  path: EVENT_SYMBOLS['Strategic developments'].path,
};

/** The body of a symbol whose perpetrator is unknown; the type's colour stays as its rim. */
export const UNKNOWN_BODY = '#c8c8c8';

/** Ids for the hatch patterns: each SVG gets its own, as ids must be unique in the page. */
let nextPatternId = 0;

function svgNode<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/**
 * A decorative SVG of the symbol (`aria-hidden`): the accessible name lives on the marker or legend row.
 * `drawing` shows the attribution (see the module comment); the default is solid.
 */
export function createSymbolSvg(
  symbol: EventSymbol,
  size = 24,
  drawing: AttributionDrawing = 'solid',
): SVGSVGElement {
  const svg = svgNode('svg', {
    viewBox: '0 0 24 24',
    width: String(size),
    height: String(size),
    'aria-hidden': 'true',
    focusable: 'false',
    'data-attribution': drawing,
  });
  const shape = (attrs: Record<string, string>) =>
    svgNode('path', { d: symbol.path, 'stroke-linejoin': 'round', ...attrs });
  switch (drawing) {
    case 'solid':
      svg.append(shape({ fill: symbol.color, stroke: '#ffffff', 'stroke-width': '1.5' }));
      break;
    case 'dashed':
      // A white halo under a pale body and a dashed outline in the type's colour.
      svg.append(
        shape({ fill: '#ffffff', stroke: '#ffffff', 'stroke-width': '3.5' }),
        shape({
          fill: symbol.color,
          'fill-opacity': '0.35',
          stroke: symbol.color,
          'stroke-width': '2',
          'stroke-dasharray': '3 2',
        }),
      );
      break;
    case 'hatched': {
      const id = `attribution-hatch-${nextPatternId++}`;
      const pattern = svgNode('pattern', {
        id,
        width: '4',
        height: '4',
        patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)',
      });
      pattern.append(
        svgNode('rect', { width: '4', height: '4', fill: '#ffffff' }),
        svgNode('rect', { width: '2', height: '4', fill: symbol.color }),
      );
      const defs = svgNode('defs', {});
      defs.append(pattern);
      svg.append(
        defs,
        shape({ fill: '#ffffff', stroke: '#ffffff', 'stroke-width': '3' }),
        shape({ fill: `url(#${id})`, stroke: symbol.color, 'stroke-width': '1.5' }),
      );
      break;
    }
    case 'grey':
      svg.append(
        shape({ fill: '#ffffff', stroke: '#ffffff', 'stroke-width': '3.5' }),
        shape({ fill: UNKNOWN_BODY, stroke: symbol.color, 'stroke-width': '2' }),
      );
      break;
  }
  return svg;
}
