/**
 * How firm an incident's perpetrator attribution is, for drawing it (map symbols, canvas dots, legend) and
 * for saying it in words (the list). Pure.
 *
 * The level is the firmest attribution of any actor whose role is `perpetrator`, in the order of
 * `ATTRIBUTIONS` (confirmed, claimed, suspected, disputed, unknown); an incident that names no perpetrator is
 * `unknown`. So one claimed perpetrator beside a suspected one makes the incident "claimed": someone has
 * owned it, whoever else is suspected.
 */
import { ATTRIBUTIONS, type Attribution, type Incident } from './incident';

/** The firmest perpetrator attribution of an incident (see the module comment). */
export type AttributionLevel = Attribution;

/** How a level is drawn: solid (confirmed, claimed), dashed outline, hatched / split, or grey. */
export type AttributionDrawing = 'solid' | 'dashed' | 'hatched' | 'grey';

export const ATTRIBUTION_DRAWING: Record<AttributionLevel, AttributionDrawing> = {
  confirmed: 'solid',
  claimed: 'solid',
  suspected: 'dashed',
  disputed: 'hatched',
  unknown: 'grey',
};

/** The level in words, for lists and accessible names: `perpetrator suspected`. */
export const ATTRIBUTION_LEVEL_LABEL: Record<AttributionLevel, string> = {
  confirmed: 'perpetrator confirmed',
  claimed: 'perpetrator claimed',
  suspected: 'perpetrator suspected',
  disputed: 'perpetrator disputed',
  unknown: 'perpetrator unknown',
};

/** The drawings in legend order, each with what it means. */
export const ATTRIBUTION_LEGEND: readonly { drawing: AttributionDrawing; label: string }[] = [
  { drawing: 'solid', label: 'Perpetrator confirmed or claimed' },
  { drawing: 'dashed', label: 'Perpetrator suspected' },
  { drawing: 'hatched', label: 'Attribution disputed or denied' },
  { drawing: 'grey', label: 'Perpetrator unknown or not named' },
];

/** The firmest attribution among the incident's perpetrators, or `unknown` when it names none. */
export function attributionLevel(incident: Pick<Incident, 'actors'>): AttributionLevel {
  let best = ATTRIBUTIONS.length - 1; // unknown
  for (const actor of incident.actors) {
    if (actor.role !== 'perpetrator') continue;
    best = Math.min(best, ATTRIBUTIONS.indexOf(actor.attribution));
  }
  return ATTRIBUTIONS[best] as AttributionLevel;
}

/** How the incident's attribution is drawn: `attributionLevel` mapped through `ATTRIBUTION_DRAWING`. */
export function attributionDrawing(incident: Pick<Incident, 'actors'>): AttributionDrawing {
  return ATTRIBUTION_DRAWING[attributionLevel(incident)];
}
