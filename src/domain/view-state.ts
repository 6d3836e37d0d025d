/**
 * The shareable view: filters and the open incident, to and from URL query parameters.
 *
 * Parameters: `from`, `to` (YYYY-MM-DD, inclusive local dates), `actor` (repeatable), `role`
 * (perpetrator | target), `attr` (confirmed = confirmed or claimed only), `type` (repeatable ACLED event
 * type, or `none`), `id` (the open incident). Works on `[name, value]` pairs so it needs no DOM;
 * parameters it does not own (such as `data`) are left to the caller.
 *
 * Decoding never throws: a parameter that cannot be used is dropped with a notice saying which and why.
 */
import { dayFromIso, isoFromDay } from './date';
import {
  type AttributionFilter,
  type IncidentFilter,
  NO_FILTER,
  type RoleFilter,
  TYPE_KEYS,
  type TypeKey,
} from './filter';
import type { IncidentId } from './incident';

export interface ViewState {
  readonly filter: IncidentFilter;
  /** The incident whose popup is open, or null. */
  readonly selected: IncidentId | null;
}

export const INITIAL_VIEW: ViewState = { filter: NO_FILTER, selected: null };

/** The parameter names this module reads and writes. */
export const VIEW_PARAMS = ['from', 'to', 'actor', 'role', 'attr', 'type', 'id'] as const;

/** What a dataset offers, to check URL values against. */
export interface ViewVocabulary {
  readonly actors: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

/** Encodes the view as query pairs in a stable order; default values are left out. */
export function encodeView(view: ViewState): [string, string][] {
  const { filter } = view;
  const pairs: [string, string][] = [];
  if (filter.from !== null) pairs.push(['from', isoFromDay(filter.from)]);
  if (filter.to !== null) pairs.push(['to', isoFromDay(filter.to)]);
  for (const actor of filter.actors) pairs.push(['actor', actor]);
  if (filter.role !== 'any') pairs.push(['role', filter.role]);
  if (filter.attribution !== 'any') pairs.push(['attr', filter.attribution]);
  for (const type of filter.types) pairs.push(['type', type]);
  if (view.selected !== null) pairs.push(['id', view.selected]);
  return pairs;
}

export interface DecodedView {
  readonly view: ViewState;
  /** One sentence per ignored parameter. */
  readonly notices: string[];
}

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/** Decodes query pairs into a view, checking values against what the dataset contains. */
export function decodeView(
  pairs: Iterable<readonly [string, string]>,
  vocabulary: ViewVocabulary,
): DecodedView {
  const notices: string[] = [];
  const ignore = (name: string, value: string, why: string) =>
    notices.push(`Ignored ${name}=${quote(value)}: ${why}.`);
  let from: number | null = null;
  let to: number | null = null;
  const actors: string[] = [];
  const types: TypeKey[] = [];
  let role: RoleFilter = 'any';
  let attribution: AttributionFilter = 'any';
  let selected: IncidentId | null = null;

  for (const [name, value] of pairs) {
    switch (name) {
      case 'from':
      case 'to': {
        const day = dayFromIso(value);
        if (day === null) ignore(name, value, 'not a real date in the form YYYY-MM-DD');
        else if (name === 'from') from = day;
        else to = day;
        break;
      }
      case 'actor':
        if (!vocabulary.actors.has(value))
          ignore(name, value, 'no incident in this dataset names this actor');
        else if (!actors.includes(value)) actors.push(value);
        break;
      case 'type':
        if (!(TYPE_KEYS as readonly string[]).includes(value)) {
          ignore(name, value, `not an event type (use one of: ${TYPE_KEYS.join('; ')})`);
        } else if (!types.includes(value as TypeKey)) types.push(value as TypeKey);
        break;
      case 'role':
        if (value === 'perpetrator' || value === 'target') role = value;
        else ignore(name, value, 'role must be perpetrator or target');
        break;
      case 'attr':
        if (value === 'confirmed') attribution = 'confirmed';
        else ignore(name, value, 'attr must be confirmed');
        break;
      case 'id':
        if (vocabulary.ids.has(value)) selected = value as IncidentId;
        else ignore(name, value, 'no incident in this dataset has this id');
        break;
      default:
        break;
    }
  }
  if (from !== null && to !== null && from > to) {
    notices.push(
      `Ignored from=${isoFromDay(from)} and to=${isoFromDay(to)}: the range ends before it starts.`,
    );
    from = null;
    to = null;
  }
  return { view: { filter: { from, to, actors, role, attribution, types }, selected }, notices };
}

/** True when the two filters select the same incidents by construction (same values, order-insensitive). */
export function sameFilter(a: IncidentFilter, b: IncidentFilter): boolean {
  const sameSet = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v) => y.includes(v));
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.role === b.role &&
    a.attribution === b.attribution &&
    sameSet(a.actors, b.actors) &&
    sameSet(a.types, b.types)
  );
}
