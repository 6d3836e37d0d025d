/**
 * The story section of an incident's popup, as a DOM node: its chain (domain/story.ts) as a short list in
 * time order with dates, each entry opening that incident; the incidents that frame it; those sources call
 * not related; and a "Follow the story" button when there is a story to follow. An entry directly related to
 * the popup's incident says how ("Prompted by: …"), so this section can stand in for a plain list of related
 * incidents. Text nodes only.
 */
import './popup-chain.css';
import { el } from '../dom/el';
import { isoFromDay } from '../domain/date';
import { formatDay, RELATION_LABEL } from '../domain/format';
import type { Incident, IncidentId } from '../domain/incident';
import { type Chain, isStory, relationBetween } from '../domain/story';

export interface PopupChainLinks {
  /** The shareable href that opens an incident (e.g. `?id=…` with the current view). */
  hrefOf(id: IncidentId): string;
  /** Called when an entry is followed; the default navigation is prevented. */
  open(index: number): void;
  /** Starts following the story from the chain's start; null = no button (e.g. already following it). */
  follow: (() => void) | null;
}

const DEFAULTS = {
  maxEntries: 12, // incidents listed per group; a longer chain says how many more it has
};

/** Builds the story section for `chain` (its `start` is the incident of the popup); null when it has no links. */
export function buildPopupChain(
  chain: Chain,
  /** The incident at a position (every member of the chain must be at hand). */
  incidentAt: (index: number) => Incident | undefined,
  links: PopupChainLinks,
): HTMLElement | null {
  if (chain.links.length === 0) return null;
  const headingId = `popup-chain-${encodeURIComponent(incidentAt(chain.start)?.id ?? String(chain.start))}`;
  const entry = (index: number): HTMLLIElement => {
    const incident = incidentAt(index);
    if (incident === undefined) throw new Error(`No incident at hand at index ${index}`);
    const day = incident.date.start.day;
    const when = el('time', { attrs: { datetime: isoFromDay(day) } }, formatDay(day));
    if (index === chain.start) {
      return el(
        'li',
        { className: 'chain-entry is-current', attrs: { 'aria-current': 'true' } },
        when,
        ' ',
        el('strong', {}, incident.title),
      );
    }
    const own = incidentAt(chain.start);
    // (Not related needs no label: its group's heading says so.)
    const stated = own === undefined ? null : relationBetween(own, incident);
    const relation = stated === 'notRelatedTo' ? null : stated;
    const a = el('a', { attrs: { href: links.hrefOf(incident.id) } }, incident.title);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      // Opening replaces this popup's content; a click bubbling on to the map would close the new one.
      event.stopPropagation();
      links.open(index);
    });
    return el(
      'li',
      { className: 'chain-entry' },
      when,
      ' ',
      relation === null ? null : el('span', { className: 'relation' }, `${RELATION_LABEL[relation]}: `),
      a,
    );
  };
  const group = (tag: 'ol' | 'ul', className: string, indices: readonly number[]): HTMLElement[] => {
    const shown = indices.slice(0, DEFAULTS.maxEntries);
    const more = indices.length - shown.length;
    return [
      el(tag, { className }, ...shown.map(entry)),
      more > 0 ? el('p', { className: 'muted small' }, `and ${more} more`) : null,
    ].filter((x) => x !== null);
  };

  let button: HTMLButtonElement | null = null;
  const follow = links.follow;
  if (follow !== null && isStory(chain)) {
    button = el(
      'button',
      { className: 'button follow-story', attrs: { type: 'button' } },
      'Follow the story',
    );
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      follow();
    });
  }
  return el(
    'section',
    { className: 'popup-chain', attrs: { 'aria-labelledby': headingId } },
    el('h3', { attrs: { id: headingId } }, 'The story, in time order'),
    ...group('ol', 'chain-steps', chain.steps),
    chain.framing.length === 0 ? null : el('h4', {}, 'Framed by'),
    ...group('ul', 'chain-framing', chain.framing),
    chain.notRelated.length === 0 ? null : el('h4', {}, 'Not related (per sources)'),
    ...group('ul', 'chain-not-related', chain.notRelated),
    chain.truncated
      ? el(
          'p',
          { className: 'muted small' },
          'Part of a longer chain: only the nearest incidents are listed.',
        )
      : null,
    button,
  );
}
