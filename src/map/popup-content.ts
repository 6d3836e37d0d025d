/**
 * The popup of one incident as a DOM node: what happened, when, where, who (and how sure), the toll, and who
 * says so. Built from text nodes only, so it is safe with hostile data and testable without a map.
 */
import { append, el } from '../dom/el';
import { isoFromDay } from '../domain/date';
import {
  ATTRIBUTION_MEANING,
  formatActor,
  formatCountReportLines,
  formatDatePrecision,
  formatIncidentDate,
  formatPlace,
  LOCATION_PRECISION_LABEL,
  RELATION_LABEL,
  SOURCE_KIND_LABEL,
} from '../domain/format';
import type { Incident, IncidentId, Source } from '../domain/incident';
import { safeLink } from '../domain/safe-url';

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
  const link = safeLink(source.url);
  const href = link?.href ?? null;
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
    // Credentials in a source URL are never sent anywhere by a click: the link leaves them out, and says so.
    link?.removedCredentials
      ? el('span', { className: 'source-url-note' }, ' (link without the user name and password in the data)')
      : null,
  );
}

/** Characters of a summary shown before "Show all": setting megabytes of text blocks the page for seconds. */
export const SUMMARY_PREVIEW_CHARS = 2000;

/**
 * The start of `text`: at most `max` UTF-16 units, ending at a space in its last fifth when there is one,
 * and never between the halves of a surrogate pair.
 */
export function summaryStart(text: string, max: number = SUMMARY_PREVIEW_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const space = text.lastIndexOf(' ', max);
  if (space >= max * 0.8) end = space;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate whose low half lies past the cut
  return text.slice(0, end);
}

/** The summary paragraph: all of it when short, else its start and a "Show all" button that adds the rest. */
function summaryBlock(summary: string): HTMLElement {
  const start = summaryStart(summary);
  if (start.length === summary.length) return el('p', { className: 'summary' }, summary);
  const text = el('p', { className: 'summary', attrs: { 'data-truncated': 'true' } }, `${start}\u2026`);
  const rest = summary.length - start.length;
  const button = el(
    'button',
    { className: 'button-link summary-more', attrs: { type: 'button' } },
    `Show all (${rest.toLocaleString('en-US')} more characters)`,
  );
  button.addEventListener('click', (event) => {
    event.stopPropagation(); // a click inside the popup must not reach the map
    text.textContent = summary;
    text.removeAttribute('data-truncated');
    button.remove();
    text.focus({ preventScroll: true });
  });
  text.setAttribute('tabindex', '-1'); // takes focus when the button that had it goes away
  return el('div', { className: 'summary-block' }, text, button);
}

/** `list` with `items` appended: data-sized lists are never spread into a call (the stack holds ~100k). */
function listOf<T extends HTMLElement>(list: T, items: readonly HTMLElement[]): T {
  append(list, items);
  return list;
}

function fact(term: string, ...value: (Node | string)[]): [HTMLElement, HTMLElement] {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

/** One figure as text; conflicting reports as a list, one report per line, in the order they came out. */
function countValue(lines: readonly string[]): Node | string {
  if (lines.length === 1) return lines[0] as string;
  return listOf(
    el('ul', { className: 'count-reports' }),
    lines.map((line) => el('li', {}, line)),
  );
}

/** The attributes a format carries beyond ours (ACLED tags, UCDP precision codes…), as a definition list. */
function attributeList(attributes: Incident['attributes']): HTMLDListElement {
  const list = el('dl', { className: 'attributes' });
  for (const a of attributes) list.append(...fact(a.label, a.value)); // one label and one value each
  return list;
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
      : listOf(
          el('ul', { className: 'actors' }),
          incident.actors.map((a) =>
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
    ...fact('Killed', countValue(formatCountReportLines(incident.fatalities, 'killed'))),
    ...fact('Injured', countValue(formatCountReportLines(incident.injured, 'injured'))),
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
    incident.summary === '' ? null : summaryBlock(incident.summary),
    incident.attributes.length === 0 ? null : attributeList(incident.attributes),
    el('h3', {}, 'Sources'),
    incident.sources.length === 0
      ? el('p', { className: 'warning' }, 'No source given.')
      : listOf(el('ol', { className: 'sources' }), incident.sources.map(sourceItem)),
    // The story section (popup-chain.ts), when given, lists the related incidents in their chain instead.
    chain !== null ? chain : related.length === 0 ? null : el('h3', {}, 'Related incidents'),
    chain !== null || related.length === 0 ? null : listOf(el('ul', { className: 'related' }), related),
    el('p', { className: 'muted small' }, `id ${incident.id}`),
  );
}
