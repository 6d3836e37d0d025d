/**
 * The shareable view: filters and the open incident, to and from URL query parameters.
 *
 * Parameters: `from`, `to` (YYYY-MM-DD, inclusive local dates), `actor` (repeatable), `role`
 * (perpetrator | target), `attr` (confirmed = confirmed or claimed only), `type` (repeatable ACLED event
 * type, or `none`), `id` (the open incident), `story` (the id the story being followed was started from)
 * and `step` (1-based step of that story; 1 when left out). Works on `[name, value]` pairs so it needs no DOM;
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
  /** The story being followed, or null. */
  readonly story: StoryStep | null;
}

/** A step of a story: the story is named by the incident it was started from. */
export interface StoryStep {
  readonly start: IncidentId;
  /** 1-based. */
  readonly step: number;
}

export const INITIAL_VIEW: ViewState = { filter: NO_FILTER, selected: null, story: null };

/** The parameter names this module reads and writes. */
export const VIEW_PARAMS = ['from', 'to', 'actor', 'role', 'attr', 'type', 'id', 'story', 'step'] as const;

/** What a dataset offers, to check URL values against. */
export interface ViewVocabulary {
  readonly actors: ReadonlySet<string>;
  readonly ids: { has(id: string): boolean };
  /** The number of steps in the story started from `id`; 0 when that incident has no story to follow. */
  readonly storyLength?: (id: string) => number;
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
  if (view.story !== null) pairs.push(['story', view.story.start], ['step', String(view.story.step)]);
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
  let story: string | null = null;
  let step: string | null = null;

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
      case 'story':
        story = value;
        break;
      case 'step':
        step = value;
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
  const filter = { from, to, actors, role, attribution, types };
  return { view: { filter, selected, story: decodeStory(story, step, vocabulary, ignore) }, notices };
}

/** The story and step parameters (the last of each), checked against the dataset's stories. */
function decodeStory(
  story: string | null,
  step: string | null,
  vocabulary: ViewVocabulary,
  ignore: (name: string, value: string, why: string) => void,
): StoryStep | null {
  if (story === null) {
    if (step !== null) ignore('step', step, 'there is no story parameter to step through');
    return null;
  }
  const length = vocabulary.storyLength?.(story) ?? Number.POSITIVE_INFINITY;
  if (!vocabulary.ids.has(story) || length === 0) {
    ignore(
      'story',
      story,
      vocabulary.ids.has(story)
        ? 'this incident has no story to follow'
        : 'no incident in this dataset has this id',
    );
    if (step !== null) ignore('step', step, 'there is no story to step through');
    return null;
  }
  const start = story as IncidentId;
  if (step === null) return { start, step: 1 };
  const n = /^[1-9]\d{0,8}$/.test(step) ? Number(step) : Number.NaN;
  if (!(n <= length)) {
    ignore(
      'step',
      step,
      Number.isFinite(length)
        ? `this story has steps 1 to ${length}; showing step 1`
        : 'not a step number from 1; showing step 1',
    );
    return { start, step: 1 };
  }
  return { start, step: n };
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
