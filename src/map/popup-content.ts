/**
 * The popup of one incident as a DOM node: what happened, when, where, who (and how sure), the toll, and who
 * says so. Built from text nodes only, so it is safe with hostile data and testable without a map.
 */
import { el } from '../dom/el';
import { isoFromDay } from '../domain/date';
import {
  ATTRIBUTION_MEANING,
  formatActor,
  formatCount,
  formatDatePrecision,
  formatIncidentDate,
  formatPlace,
  LOCATION_PRECISION_LABEL,
  RELATION_LABEL,
  SOURCE_KIND_LABEL,
} from '../domain/format';
import type { Incident, IncidentId, Source } from '../domain/incident';
import { safeHttpUrl } from '../domain/safe-url';

export interface PopupLinks {
  /** Title of a related incident, or null when it is not loaded. */
  titleOf(id: IncidentId): string | null;
  /** The shareable href that opens an incident (e.g. `?id=…` with the current view). */
  hrefOf(id: IncidentId): string;
  /** Called when a related-incident link is followed; the default navigation is prevented. */
  open(id: IncidentId): void;
  /** The incident's story section (its chain of related incidents), or null: see popup-chain.ts. */
  chain?(incident: Incident): Node | null;
}

function sourceItem(source: Source): HTMLLIElement {
  const href = safeHttpUrl(source.url);
  const name = href
    ? el('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, source.name)
    : el('span', { className: 'source-name' }, source.name);
  const detail = [SOURCE_KIND_LABEL[source.kind]];
  if (source.published !== null) detail.push(source.published);
  return el(
    'li',
    {},
    name,
    ' ',
    el('span', { className: 'source-kind' }, `(${detail.join(', ')})`),
    // A URL that is not http(s) is still shown, as text, so nothing the data says is hidden.
    source.url !== null && href === null
      ? el('span', { className: 'source-url-text' }, ` ${source.url}`)
      : null,
  );
}

function fact(term: string, ...value: (Node | string)[]): [HTMLElement, HTMLElement] {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

/** Builds the popup node for `incident`. */
export function buildPopupContent(incident: Incident, links: PopupLinks): HTMLElement {
  const headingId = `popup-title-${encodeURIComponent(incident.id)}`;
  const { date } = incident;
  const when = el(
    'time',
    // Machine-readable start: the exact text for a time, else the first day the incident may fall on.
    {
      attrs: {
        datetime: date.precision === 'time' && !date.isInterval ? date.text : isoFromDay(date.firstDay),
      },
    },
    formatIncidentDate(date),
  );
  const actors =
    incident.actors.length === 0
      ? el('span', { className: 'muted' }, 'none named')
      : el(
          'ul',
          { className: 'actors' },
          ...incident.actors.map((a) =>
            el(
              'li',
              {
                className: `attribution-${a.attribution}`,
                attrs: { title: ATTRIBUTION_MEANING[a.attribution] },
              },
              formatActor(a),
            ),
          ),
        );
  const what = [incident.eventType, incident.subEventType].filter((t) => t !== null).join(' \u2014 ');
  const facts = el(
    'dl',
    { className: 'facts' },
    ...fact('When', when, el('span', { className: 'muted' }, ` \u00b7 ${formatDatePrecision(date)}`)),
    ...fact(
      'Where',
      formatPlace(incident.place),
      el('span', { className: 'muted' }, ` \u00b7 ${LOCATION_PRECISION_LABEL[incident.locationPrecision]}`),
    ),
    ...fact('What', what === '' ? 'type not given' : what),
    ...fact('Who', actors),
    ...fact('Killed', formatCount(incident.fatalities)),
    ...fact('Injured', formatCount(incident.injured)),
  );

  const related = incident.related.flatMap((rel) => {
    const title = links.titleOf(rel.id);
    if (title === null) return [];
    const a = el('a', { className: 'related-link', attrs: { href: links.hrefOf(rel.id) } }, title);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      // Opening replaces this popup's content, detaching the link; a click that bubbled on to the map
      // would then look like a click outside the popup and close the new one.
      event.stopPropagation();
      links.open(rel.id);
    });
    return [el('li', {}, el('span', { className: 'relation' }, `${RELATION_LABEL[rel.relation]}: `), a)];
  });

  const chain = links.chain?.(incident) ?? null;
  return el(
    'article',
    { className: 'incident-popup', attrs: { 'aria-labelledby': headingId, 'data-incident-id': incident.id } },
    el('h2', { className: 'popup-title', attrs: { id: headingId, tabindex: '-1' } }, incident.title),
    facts,
    incident.summary === '' ? null : el('p', { className: 'summary' }, incident.summary),
    el('h3', {}, 'Sources'),
    incident.sources.length === 0
      ? el('p', { className: 'warning' }, 'No source given.')
      : el('ol', { className: 'sources' }, ...incident.sources.map(sourceItem)),
    // The story section (popup-chain.ts), when given, lists the related incidents in their chain instead.
    ...(chain !== null
      ? [chain]
      : [
          related.length === 0 ? null : el('h3', {}, 'Related incidents'),
          related.length === 0 ? null : el('ul', { className: 'related' }, ...related),
        ]),
    el('p', { className: 'muted small' }, `id ${incident.id}`),
  );
}
