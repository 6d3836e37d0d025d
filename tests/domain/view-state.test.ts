import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/domain/date';
import { NO_FILTER, TYPE_KEYS, type TypeKey } from '../../src/domain/filter';
import type { IncidentId } from '../../src/domain/incident';
import {
  decodeView,
  encodeView,
  INITIAL_VIEW,
  VIEW_PARAMS,
  type ViewState,
  type ViewVocabulary,
} from '../../src/domain/view-state';
import { seededRandom } from '../support/random';

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

const ACTORS = [
  'Kataib Hezbollah',
  "Kata'ib al-Imam Ali",
  'حزب الله',
  'US-led coalition',
  'Popular Mobilization Forces',
  'A&B=C+D %20 #1?',
];
const IDS = ['taji-rocket-attack-2020-03-11', 'baghdad-airport-strike-2020-01-03', 'id with spaces/and?&='];

/** Stories: Taji's has 4 steps, the airport strike's 1 (no story), the escaped id's 2. */
const STORY_LENGTH: Record<string, number> = {
  [IDS[0] as string]: 4,
  [IDS[1] as string]: 0,
  [IDS[2] as string]: 2,
};
const vocabulary: ViewVocabulary = {
  actors: new Set(ACTORS),
  ids: new Set(IDS),
  storyLength: (id) => STORY_LENGTH[id] ?? 0,
};

/** A view from a few changes to the initial one; dates as `YYYY-MM-DD`. */
function view(
  changes: {
    from?: string;
    to?: string;
    actors?: string[];
    role?: 'any' | 'perpetrator' | 'target';
    attribution?: 'any' | 'confirmed';
    types?: TypeKey[];
    selected?: string;
    story?: [string, number];
  } = {},
): ViewState {
  const { from, to, selected, story, ...rest } = changes;
  return {
    filter: {
      ...NO_FILTER,
      ...rest,
      from: from === undefined ? null : day(from),
      to: to === undefined ? null : day(to),
    },
    selected: selected === undefined ? null : (selected as IncidentId),
    story: story === undefined ? null : { start: story[0] as IncidentId, step: story[1] },
  };
}

const random = seededRandom;

/** A random subset of `items` in random order, without repeats. */
function subset<T>(rand: () => number, items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: rand() }))
    .filter(() => rand() < 0.4)
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

/** Random valid views: any mix of parameters, from ≤ to whenever both are set. */
function randomViews(count: number, seed: number): ViewState[] {
  const rand = random(seed);
  const start = day('2015-01-01');
  return Array.from({ length: count }, () => {
    const a = start + Math.floor(rand() * 3653);
    const b = a + Math.floor(rand() * 400);
    const roles = ['any', 'perpetrator', 'target'] as const;
    return {
      filter: {
        from: rand() < 0.6 ? a : null,
        to: rand() < 0.6 ? b : null,
        actors: subset(rand, ACTORS),
        role: roles[Math.floor(rand() * 3)] ?? 'any',
        attribution: rand() < 0.5 ? 'any' : 'confirmed',
        types: subset(rand, TYPE_KEYS),
      },
      selected: rand() < 0.3 ? ((IDS[Math.floor(rand() * IDS.length)] ?? null) as IncidentId | null) : null,
      story: rand() < 0.3 ? { start: IDS[0] as IncidentId, step: 1 + Math.floor(rand() * 4) } : null,
    };
  });
}

const NAMED_VIEWS: [string, ViewState][] = [
  ['the initial view', INITIAL_VIEW],
  ['an open-ended range', view({ from: '2019-12-31' })],
  ['a one-day range', view({ from: '2020-01-03', to: '2020-01-03' })],
  [
    'several actors',
    view({ actors: ['Kataib Hezbollah', 'US-led coalition', 'Popular Mobilization Forces'] }),
  ],
  ['unicode actor names', view({ actors: ["Kata'ib al-Imam Ali", 'حزب الله'] })],
  ['an actor name full of URL syntax', view({ actors: ['A&B=C+D %20 #1?'] })],
  [
    'types with slashes and spaces',
    view({
      types: ['Explosions/Remote violence', 'Violence against civilians', 'Strategic developments', 'none'],
    }),
  ],
  ['role and attribution', view({ role: 'target', attribution: 'confirmed' })],
  ['an open incident whose id needs escaping', view({ selected: 'id with spaces/and?&=' })],
  ['the last step of a story', view({ story: ['taji-rocket-attack-2020-03-11', 4] })],
  ['a story whose start id needs escaping', view({ story: ['id with spaces/and?&=', 2] })],
  [
    'everything at once',
    view({
      from: '2019-12-27',
      to: '2020-03-11',
      actors: ['حزب الله', 'Kataib Hezbollah'],
      role: 'perpetrator',
      attribution: 'confirmed',
      types: ['Riots', 'Explosions/Remote violence'],
      selected: 'taji-rocket-attack-2020-03-11',
      story: ['taji-rocket-attack-2020-03-11', 2],
    }),
  ],
];

/** Encodes and decodes through a query string, as a shared link does. */
function throughQueryString(original: ViewState) {
  const query = new URLSearchParams(encodeView(original)).toString();
  return decodeView([...new URLSearchParams(query)], vocabulary);
}

describe('encodeView then decodeView', () => {
  it.each(NAMED_VIEWS)('gives back %s from the query pairs', (_name, original) => {
    expect(decodeView(encodeView(original), vocabulary)).toEqual({ view: original, notices: [] });
  });

  it.each(NAMED_VIEWS)('gives back %s through a URLSearchParams string', (_name, original) => {
    expect(throughQueryString(original)).toEqual({ view: original, notices: [] });
  });

  it('gives back each of 500 random views, directly and through a query string', () => {
    for (const original of randomViews(500, 7)) {
      const label = JSON.stringify(original);
      expect(decodeView(encodeView(original), vocabulary), label).toEqual({ view: original, notices: [] });
      expect(throughQueryString(original), label).toEqual({ view: original, notices: [] });
    }
  });
});

describe('encodeView', () => {
  it('writes nothing for the initial view', () => {
    expect(encodeView(INITIAL_VIEW)).toEqual([]);
  });

  it('leaves out parameters at their default values', () => {
    expect(encodeView(view({ actors: ['Kataib Hezbollah'] }))).toEqual([['actor', 'Kataib Hezbollah']]);
    expect(encodeView(view({ to: '2020-01-01' }))).toEqual([['to', '2020-01-01']]);
  });

  it('writes parameters in a stable order, repeating actor and type', () => {
    const [, everything] = NAMED_VIEWS[NAMED_VIEWS.length - 1] as [string, ViewState];
    expect(encodeView(everything)).toEqual([
      ['from', '2019-12-27'],
      ['to', '2020-03-11'],
      ['actor', 'حزب الله'],
      ['actor', 'Kataib Hezbollah'],
      ['role', 'perpetrator'],
      ['attr', 'confirmed'],
      ['type', 'Riots'],
      ['type', 'Explosions/Remote violence'],
      ['id', 'taji-rocket-attack-2020-03-11'],
      ['story', 'taji-rocket-attack-2020-03-11'],
      ['step', '2'],
    ]);
    expect(new Set(encodeView(everything).map(([name]) => name))).toEqual(new Set(VIEW_PARAMS));
  });

  it('escapes slashes, spaces and URL syntax in a query string', () => {
    const query = new URLSearchParams(
      encodeView(view({ actors: ['A&B=C+D %20 #1?'], types: ['Explosions/Remote violence'] })),
    ).toString();
    expect(query).toBe('actor=A%26B%3DC%2BD+%2520+%231%3F&type=Explosions%2FRemote+violence');
  });
});

describe('decodeView', () => {
  it.each([
    ['from', '2020-13-01'],
    ['from', '2024-02-30'],
    ['from', 'yesterday'],
    ['to', '2020-1-3'],
    ['to', ' 2020-01-03'],
    ['actor', 'Nobody at all'],
    ['actor', 'kataib hezbollah'],
    ['id', 'no-such-incident'],
    ['role', 'bystander'],
    ['role', 'any'],
    ['role', 'party'],
    ['attr', 'suspected'],
    ['attr', 'claimed'],
    ['type', 'Explosions'],
    ['type', 'riots'],
    ['type', ''],
    ['story', 'no-such-incident'],
    ['story', 'baghdad-airport-strike-2020-01-03'],
    ['step', '2'],
  ])('ignores %s=%j with a notice naming the parameter and value', (name, value) => {
    const { view: decoded, notices } = decodeView([[name, value]], vocabulary);
    expect(decoded).toEqual(INITIAL_VIEW);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`${name}=${JSON.stringify(value)}`);
  });

  it('keeps the usable parameters when another is ignored', () => {
    const { view: decoded, notices } = decodeView(
      [
        ['from', '2020-01-01'],
        ['actor', 'Nobody at all'],
        ['actor', 'Kataib Hezbollah'],
        ['type', 'Explosions'],
        ['type', 'Riots'],
      ],
      vocabulary,
    );
    expect(decoded).toEqual(view({ from: '2020-01-01', actors: ['Kataib Hezbollah'], types: ['Riots'] }));
    expect(notices).toHaveLength(2);
  });

  it('ignores both ends of a range that ends before it starts, and says so', () => {
    const { view: decoded, notices } = decodeView(
      [
        ['from', '2020-03-11'],
        ['to', '2020-01-01'],
        ['actor', 'Kataib Hezbollah'],
      ],
      vocabulary,
    );
    expect(decoded).toEqual(view({ actors: ['Kataib Hezbollah'] }));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('from=2020-03-11');
    expect(notices[0]).toContain('to=2020-01-01');
  });

  it('keeps a range whose ends are the same day', () => {
    const { view: decoded, notices } = decodeView(
      [
        ['from', '2020-01-03'],
        ['to', '2020-01-03'],
      ],
      vocabulary,
    );
    expect(decoded).toEqual(view({ from: '2020-01-03', to: '2020-01-03' }));
    expect(notices).toEqual([]);
  });

  it('drops repeated actors and types, keeping the first order', () => {
    const { view: decoded, notices } = decodeView(
      [
        ['actor', 'حزب الله'],
        ['actor', 'Kataib Hezbollah'],
        ['actor', 'حزب الله'],
        ['type', 'none'],
        ['type', 'none'],
      ],
      vocabulary,
    );
    expect(decoded.filter.actors).toEqual(['حزب الله', 'Kataib Hezbollah']);
    expect(decoded.filter.types).toEqual(['none']);
    expect(notices).toEqual([]);
  });

  it('leaves parameters it does not own, such as data, silently alone', () => {
    const { view: decoded, notices } = decodeView(
      [
        ['data', 'https://example.org/incidents.geojson'],
        ['utm_source', 'newsletter'],
        ['from', '2020-01-01'],
      ],
      vocabulary,
    );
    expect(decoded).toEqual(view({ from: '2020-01-01' }));
    expect(notices).toEqual([]);
  });

  it.each([
    ['0', 'steps 1 to 4'],
    ['5', 'steps 1 to 4'],
    ['-1', 'steps 1 to 4'],
    ['2.5', 'steps 1 to 4'],
    ['02', 'steps 1 to 4'],
    ['two', 'steps 1 to 4'],
    ['', 'steps 1 to 4'],
  ])('follows a story at step 1 when step=%j is not one of its steps, and says so', (step, why) => {
    const { view: decoded, notices } = decodeView(
      [
        ['story', 'taji-rocket-attack-2020-03-11'],
        ['step', step],
      ],
      vocabulary,
    );
    expect(decoded).toEqual(view({ story: ['taji-rocket-attack-2020-03-11', 1] }));
    expect(notices).toEqual([`Ignored step=${JSON.stringify(step)}: this story has ${why}; showing step 1.`]);
  });

  it('starts a story without a step at step 1', () => {
    expect(decodeView([['story', 'taji-rocket-attack-2020-03-11']], vocabulary)).toEqual({
      view: view({ story: ['taji-rocket-attack-2020-03-11', 1] }),
      notices: [],
    });
  });

  it('ignores the step too, with its own notice, when the story id is bad', () => {
    const { view: decoded, notices } = decodeView(
      [
        ['story', 'no-such-incident'],
        ['step', '3'],
        ['id', 'taji-rocket-attack-2020-03-11'],
      ],
      vocabulary,
    );
    expect(decoded).toEqual(view({ selected: 'taji-rocket-attack-2020-03-11' }));
    expect(notices).toEqual([
      'Ignored story="no-such-incident": no incident in this dataset has this id.',
      'Ignored step="3": there is no story to step through.',
    ]);
  });

  it('accepts any step number from 1 when the vocabulary cannot count steps', () => {
    const plain = { actors: vocabulary.actors, ids: vocabulary.ids };
    const pairs: [string, string][] = [
      ['story', 'taji-rocket-attack-2020-03-11'],
      ['step', '9'],
    ];
    expect(decodeView(pairs, plain)).toEqual({
      view: view({ story: ['taji-rocket-attack-2020-03-11', 9] }),
      notices: [],
    });
  });
});
