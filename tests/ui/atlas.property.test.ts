// @vitest-environment happy-dom
/**
 * The view controller under arbitrary link parameters: whatever a URL holds, decoding it and rendering the
 * view never throws, and the count, the list and the map agree. Regression for issue 6.1: `?from=2021-01-01`
 * (after the data) threw "Invalid range" from the timeline and left "6 of 6" with an empty list.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataset, type Dataset } from '../../src/domain/dataset';
import { dayFromIso } from '../../src/domain/date';
import { type IncidentFilter, NO_FILTER, type TypeKey, typesPresent } from '../../src/domain/filter';
import { datePresets } from '../../src/domain/histogram';
import { parseIncidents } from '../../src/domain/parse';
import { storyLength } from '../../src/domain/story';
import { decodeView, sameFilter } from '../../src/domain/view-state';
import type { IncidentLayer } from '../../src/map/incident-layer';
import type { RelationLayer } from '../../src/map/relation-layer';
import { Atlas } from '../../src/ui/atlas';
import { FiltersPanel } from '../../src/ui/filters-panel';
import { IncidentList } from '../../src/ui/incident-list';
import { runStages } from '../../src/ui/stages';
import { StoryBar } from '../../src/ui/story-bar';
import { Timeline } from '../../src/ui/timeline';

const BUNDLED = resolve(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson');

function bundled(): Dataset {
  const { incidents } = parseIncidents(JSON.parse(readFileSync(BUNDLED, 'utf8')), { file: 'bundled' });
  return createDataset(incidents, 'bundled', { kind: 'bundled' });
}

/** A map layer that records what it was asked to show (a set: ascending), in place of the Leaflet adapter. */
class RecordingLayer {
  shown: number[] = [];
  open: number | null = null;
  setIncidents(indices: ArrayLike<number>): void {
    this.shown = [...new Set(Array.from(indices))].sort((a, b) => a - b);
  }
  openIncident(index: number): void {
    this.open = index;
  }
  close(): void {
    this.open = null;
  }
}

interface Mounted {
  atlas: Atlas;
  /** Each URL written, and how. */
  urls: string[];
  layer: RecordingLayer;
  root: HTMLElement;
  count: HTMLElement;
  clear: HTMLButtonElement;
  timeline: Timeline;
  filter: IncidentFilter;
}

const dataset = bundled();

/** Runs the first render: by default all its stages at once. */
type Start = (atlas: Atlas) => void;
const atOnce: Start = (atlas) => {
  runStages(atlas.start(), true);
};

/** Runs the rest of a render after a change: by default at once. */
type Later = (stages: Generator<void, void, void>) => void;
const laterAtOnce: Later = (stages) => {
  runStages(stages, true);
};

function mount(pairs: [string, string][], start: Start = atOnce, later: Later = laterAtOnce): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  const parts = {
    list: root.appendChild(document.createElement('div')),
    filters: root.appendChild(document.createElement('div')),
    timeline: root.appendChild(document.createElement('div')),
  };
  const count = root.appendChild(document.createElement('p'));
  const clear = root.appendChild(document.createElement('button'));
  const layer = new RecordingLayer();
  const { index } = dataset;
  const { graph } = dataset;
  const vocabulary = {
    actors: new Set(index.actorNames),
    ids: { has: (id: string) => dataset.indexOf(id) !== undefined },
    storyLength: (id: string) => storyLength(graph, dataset.indexOf(id)),
  };
  const decoded = decodeView(pairs, vocabulary);
  let atlas: Atlas | null = null;
  const urls: string[] = [];
  const timeline = new Timeline(parts.timeline, { onRangeChange: (r) => atlas?.setDateRange(r) });
  atlas = new Atlas(
    dataset,
    {
      layer: {
        setIncidents: (i: ArrayLike<number>) => layer.setIncidents(i),
        open: (i: number) => layer.openIncident(i),
        close: () => layer.close(),
      } as unknown as IncidentLayer,
      list: new IncidentList(parts.list, dataset, {
        onChoose: (i) => atlas?.select(i, 'list'),
        failed: (error) => {
          throw error;
        },
      }),
      filters: new FiltersPanel(parts.filters, {
        actorNames: index.actorNames,
        types: typesPresent(index),
        presets: datePresets(index.firstDay, index.lastDay, index.newestFirst),
        onChange: (update) => atlas?.updateFilter(update),
      }),
      timeline,
      count,
      clear,
      writeUrl: (pairs, mode) => urls.push(`${mode} ${new URLSearchParams(pairs)}`),
      later,
      labelPlaces: () => {},
      showMap: () => {},
      failed: (error) => {
        throw error;
      },
      story: {
        graph,
        bar: new StoryBar(root, { onPrevious: () => {}, onNext: () => {}, onExit: () => {} }),
        relations: { show: () => {} } as unknown as RelationLayer,
        // The map "flies" at once: the step opens straight away.
        flyTo: (_i: number, done: () => void) => {
          done();
          return () => {};
        },
      },
    },
    decoded.view,
  );
  start(atlas);
  return { atlas, urls, layer, root, count, clear, timeline, filter: decoded.view.filter };
}

/** The list's items, as incident titles in order. */
function listedTitles(root: HTMLElement): string[] {
  return [...root.querySelectorAll('ol[aria-label="Incidents"] li button .item-title')].map(
    (n) => n.textContent ?? '',
  );
}

const mounted: Mounted[] = [];
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: 600, height: 72 }),
  );
});
afterEach(() => {
  for (const m of mounted.splice(0)) {
    m.timeline.destroy();
    m.root.remove();
  }
  vi.restoreAllMocks();
});

function open(pairs: [string, string][], start?: Start, later?: Later): Mounted {
  const m = mount(pairs, start, later);
  mounted.push(m);
  return m;
}

function expectConsistent(m: Mounted): void {
  const n = m.layer.shown.length;
  expect(m.count.textContent).toBe(`${n} of 6 incidents`);
  // The map shows the same incidents as the list, which shows them newest first.
  const listed = Array.from(m.atlas.visible());
  expect([...listed].sort((a, b) => a - b)).toEqual(m.layer.shown);
  expect(listedTitles(m.root)).toEqual(listed.map((i) => dataset.records.peek(i)?.title));
}

describe('Atlas: a date filter outside the data (issue 6.1)', () => {
  it.each([
    [[['from', '2021-01-01']]],
    [[['to', '2019-01-01']]],
    [[['from', '9999-12-31']]],
    [[['to', '1900-01-01']]],
  ] as [string, string][][][])('renders %j as 0 of 6 with Clear filters enabled', (pairs) => {
    const m = open(pairs);
    expect(m.count.textContent).toBe('0 of 6 incidents');
    expect(m.layer.shown).toEqual([]);
    expect(listedTitles(m.root)).toEqual([]);
    expect(m.clear.disabled).toBe(false);
    m.clear.click();
    expect(m.count.textContent).toBe('6 of 6 incidents');
    expect(listedTitles(m.root)).toHaveLength(6);
  });

  it('draws the brush where the range lies, past the end of the data', () => {
    const m = open([['from', '2021-01-01']]);
    const brush = m.root.querySelector<HTMLElement>('.tl-brush');
    expect(brush?.hidden).toBe(false);
    const start = m.root.querySelector('[role="slider"][aria-label="Range start"]');
    expect(start?.getAttribute('aria-valuetext')).toBe('1 Jan 2021');
  });
});

describe('Atlas under arbitrary link parameters (property)', () => {
  const actors = dataset.index.actorNames;
  const ids = Array.from({ length: dataset.count }, (_, i) => dataset.idOf(i));
  const isoDate = fc
    .record({
      y: fc.integer({ min: 1, max: 9999 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .map(
      ({ y, m, d }) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    );
  const value = (known: readonly string[]) =>
    fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 }), isoDate);
  const pair = fc.oneof(
    fc.tuple(fc.constantFrom('from', 'to'), fc.oneof(isoDate, fc.string({ maxLength: 12 }))),
    fc.tuple(fc.constant('actor'), value(actors)),
    fc.tuple(
      fc.constant('type'),
      value(['Riots', 'Protests', 'Battles', 'none', 'Explosions/Remote violence']),
    ),
    fc.tuple(fc.constant('role'), value(['perpetrator', 'target', 'party'])),
    fc.tuple(fc.constant('attr'), value(['confirmed', 'any'])),
    fc.tuple(fc.constant('id'), value(ids)),
    fc.tuple(fc.constant('story'), value(ids)),
    fc.tuple(
      fc.constant('step'),
      fc.oneof(fc.constantFrom('1', '2', '4', '5', '0', '-1'), fc.string({ maxLength: 4 })),
    ),
  );

  it('never throws, and the count, the list and the map agree', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        const m = open(pairs as [string, string][]);
        expectConsistent(m);
        expect(m.clear.disabled).toBe(sameFilter(m.atlas.currentFilter(), NO_FILTER));
        m.timeline.destroy();
        m.root.remove();
        mounted.pop();
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('Atlas: a change while the first render is still in stages', () => {
  const actors = dataset.index.actorNames;
  const filter = fc.record({
    from: fc.option(fc.integer({ min: 18_200, max: 18_400 }), { nil: null }),
    to: fc.constant(null),
    actors: fc.subarray([...actors], { maxLength: 2 }),
    role: fc.constantFrom('any', 'perpetrator', 'target'),
    attribution: fc.constantFrom('any', 'confirmed'),
    types: fc.constant([]),
  }) as fc.Arbitrary<IncidentFilter>;

  /** What a person sees: the count, the map, the list, the timeline's name and the brush. */
  const seen = (m: Mounted) => ({
    count: m.count.textContent,
    map: m.layer.shown,
    list: listedTitles(m.root),
    timeline: m.root.querySelector('.tl[role="group"]')?.getAttribute('aria-label'),
    start: m.root.querySelector('[role="slider"][aria-label="Range start"]')?.getAttribute('aria-valuenow'),
    actors: [...m.root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map(
      (box) => `${box.value} ${box.checked}`,
    ),
  });

  it('ends as if the change came after it: the stages left over do nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), filter, (done, next) => {
        let rest: Generator<void, void, void> | null = null;
        const staged = open([], (atlas) => {
          rest = atlas.start();
          for (let k = 0; k < done && !rest.next().done; k++) {
            // the first `done` stages
          }
        });
        staged.atlas.setFilter(next);
        for (const _ of rest as unknown as Generator<void, void, void>) {
          // the stages left over, after the change
        }
        const direct = open([]);
        direct.atlas.setFilter(next);
        expect(seen(staged)).toEqual(seen(direct));
        expectConsistent(staged);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('shows the points and the count of a change at once, the rest later, and drops the rest of a superseded one', () => {
    const waiting: Generator<void, void, void>[] = [];
    const m = open([], atOnce, (stages) => waiting.push(stages));
    const timelineName = () => m.root.querySelector('.tl[role="group"]')?.getAttribute('aria-label');
    const before = timelineName();
    const kh = { ...NO_FILTER, actors: ['Kataib Hezbollah'] };
    m.atlas.setFilter(kh);
    expect(m.count.textContent).toBe(`${m.layer.shown.length} of 6 incidents`); // at once
    expect(timelineName()).toBe(before); // not yet
    m.atlas.setFilter(NO_FILTER); // a second change before the first one's rest has run
    expect(waiting).toHaveLength(2);
    for (const _ of waiting[0] as Generator<void, void, void>) {
      // the first change's rest: superseded, it does nothing
    }
    expect(timelineName()).toBe(before);
    for (const _ of waiting[1] as Generator<void, void, void>) {
      // the second change's rest
    }
    const direct = open([]);
    expect(seen(m)).toEqual(seen(direct));
    m.atlas.setFilter(kh);
    for (const _ of waiting[2] as Generator<void, void, void>) {
      // now the rest of this change runs
    }
    expect(timelineName()).not.toBe(before);
    expect(timelineName()).toMatch(/^Timeline: incidents per \w+, \d incidents? from/);
  });

  it('builds a change made in the filters panel on the filter in force, not on what the panel last drew', () => {
    const waiting: Generator<void, void, void>[] = [];
    const m = open([], atOnce, (stages) => waiting.push(stages));
    const from = m.root.querySelector<HTMLInputElement>('#filter-from') as HTMLInputElement;
    // A date change whose rest (the panel's counts and values among it) has not run yet...
    from.value = '2020-03-01';
    from.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const dated = m.atlas.currentFilter();
    expect(dated.from).not.toBeNull();
    expect(waiting).toHaveLength(1);
    // ...then an event type is chosen in the panel, which still shows the counts from before the change.
    const box = m.root.querySelector<HTMLInputElement>('input[name="type"]') as HTMLInputElement;
    box.click();
    const type = box.value as TypeKey;
    expect(m.atlas.currentFilter()).toEqual({ ...dated, types: [type] }); // the dates are kept
    for (const stages of waiting)
      for (const _ of stages) {
        // the rests: the first one superseded
      }
    const direct = open([]);
    direct.atlas.setFilter({ ...dated, types: [type] });
    expect(seen(m)).toEqual(seen(direct));
  });

  it('shows a range being dragged on the timeline, with no history entry, until the drag ends', () => {
    const m = open([]);
    const march = { from: dayFromIso('2020-03-01') as number, to: dayFromIso('2020-03-31') as number };
    const direct = open([]);
    direct.atlas.setDateRange(march);
    m.atlas.previewDateRange(march);
    expect(m.count.textContent).toBe(direct.count.textContent); // the list, the map and the count follow
    expect(m.count.textContent).not.toBe('6 of 6 incidents');
    expectConsistent(m);
    expect(m.atlas.currentFilter()).toEqual(NO_FILTER); // the view is what was chosen, not what is dragged
    expect(m.urls).toEqual([]);
    m.atlas.previewDateRange(null); // the drag ended without a choice
    expect(m.count.textContent).toBe('6 of 6 incidents');
    expectConsistent(m);
    m.atlas.previewDateRange(march);
    m.atlas.setDateRange(march); // the drag ended on March: one history entry
    expect(m.urls).toEqual(direct.urls);
    expect(m.urls).toHaveLength(1);
    expect(seen(m)).toEqual(seen(direct));
  });

  it('shows nothing of the data until its first stage, and all of it after the last', () => {
    let rest: Generator<void, void, void> | null = null;
    const m = open([], (atlas) => {
      rest = atlas.start();
    });
    expect(m.layer.shown).toEqual([]);
    expect(m.count.textContent).toBe('');
    const stages = rest as unknown as Generator<void, void, void>;
    stages.next(); // the scan and the list
    expect(listedTitles(m.root)).toHaveLength(6);
    expect(m.layer.shown).toEqual([]);
    expect(m.count.textContent).toBe(''); // the count comes with the points it promises
    stages.next();
    expect(m.layer.shown).toHaveLength(6);
    expect(m.count.textContent).toBe('6 of 6 incidents');
    for (const _ of stages) {
      // the rest
    }
    expect(m.root.querySelector('.tl[role="group"]')?.getAttribute('aria-label')).toMatch(/6 incidents from/);
  });
});
