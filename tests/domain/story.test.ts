import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIncidentDate } from '../../src/domain/date';
import type { IncidentId, Relation } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';
import {
  buildRelationGraph,
  type Chain,
  chainOf,
  isStory,
  RELATION_KIND,
  RELATION_KINDS,
  relationBetween,
  relationGraphOf,
  type StoryIncident,
  slotOf,
  storyLength,
} from '../../src/domain/story';

const root = resolve(import.meta.dirname, '..', '..');
const bundled = parseIncidents(
  JSON.parse(readFileSync(resolve(root, 'geodata/incidents.geojson'), 'utf8')),
).incidents;
const positionOf = new Map(bundled.map((incident, i) => [incident.id as string, i]));
const graph = buildRelationGraph(bundled, positionOf);

const TAJI = 'taji-rocket-attack-2020-03-11';
const K1 = 'k1-rocket-attack-2019-12-27';
const US_STRIKES = 'us-strikes-kataib-hezbollah-2019-12-29';
const EMBASSY = 'us-embassy-baghdad-protests-2019-12-31';
const AIRPORT = 'baghdad-airport-strike-2020-01-03';
const BOUKAMAL = 'boukamal-airstrikes-2020-03-11';

const at = (id: string) => {
  const i = positionOf.get(id);
  if (i === undefined) throw new Error(`no incident ${id} in the bundled dataset`);
  return i;
};
const ids = (positions: readonly number[], incidents: readonly StoryIncident[] = bundled) =>
  positions.map((p) => incidents[p]?.id);
const links = (chain: Chain, incidents: readonly StoryIncident[] = bundled) =>
  chain.links.map((l) => `${incidents[l.from]?.id} -${l.kind}-> ${incidents[l.to]?.id}`);

/** A small made-up dataset: `[id, date, [[relation, other id], …]]`. */
function dataset(rows: [string, string, [Relation, string][]][]): {
  incidents: StoryIncident[];
  positions: Map<string, number>;
} {
  const incidents = rows.map(([id, date, related]) => {
    const parsed = parseIncidentDate(date, null);
    if (!parsed.ok) throw new Error(`bad test date ${date}`);
    return {
      id: id as IncidentId,
      date: parsed.value,
      related: related.map(([relation, other]) => ({ relation, id: other as IncidentId })),
    };
  });
  return { incidents, positions: new Map(incidents.map((x, i) => [x.id as string, i])) };
}

describe('the chain of the bundled incidents', () => {
  it('steps from K-1 through the US strikes and the embassy to the airport strike, in time order', () => {
    const chain = chainOf(graph, at(K1));
    expect(ids(chain.steps)).toEqual([K1, US_STRIKES, EMBASSY, AIRPORT]);
    expect(chain.truncated).toBe(false);
  });

  it('has Taji as the news event that frames the chain, not as a step', () => {
    expect(ids(chainOf(graph, at(K1)).framing)).toEqual([TAJI]);
  });

  it('shows Boukamal only as not related', () => {
    const chain = chainOf(graph, at(K1));
    expect(ids(chain.notRelated)).toEqual([BOUKAMAL]);
    expect(ids([...chain.steps, ...chain.framing])).not.toContain(BOUKAMAL);
  });

  it('is the same story whichever member it is asked for', () => {
    const fromK1 = chainOf(graph, at(K1));
    for (const id of [TAJI, US_STRIKES, EMBASSY, AIRPORT]) {
      const chain = chainOf(graph, at(id));
      expect(chain.steps).toEqual(fromK1.steps);
      expect(chain.framing).toEqual(fromK1.framing);
      expect(chain.notRelated).toEqual(fromK1.notRelated);
    }
  });

  it('draws each relation once, from cause to effect, whichever end states it', () => {
    expect(links(chainOf(graph, at(AIRPORT)))).toEqual([
      `${K1} -causal-> ${US_STRIKES}`,
      `${K1} -context-> ${TAJI}`,
      `${US_STRIKES} -causal-> ${EMBASSY}`,
      `${EMBASSY} -sequence-> ${AIRPORT}`,
      `${TAJI} -notRelated-> ${BOUKAMAL}`,
    ]);
  });

  it('gives Boukamal no story of its own: only the incident it is not related to', () => {
    const chain = chainOf(graph, at(BOUKAMAL));
    expect(ids(chain.steps)).toEqual([BOUKAMAL]);
    expect(ids(chain.notRelated)).toEqual([TAJI]);
    expect(links(chain)).toEqual([`${BOUKAMAL} -notRelated-> ${TAJI}`]);
    expect(isStory(chain)).toBe(false);
    expect(isStory(chainOf(graph, at(TAJI)))).toBe(true);
  });

  it('counts the steps of the story to follow from an incident: 0 when it has none or does not exist', () => {
    expect(storyLength(graph, at(TAJI))).toBe(4);
    expect(storyLength(graph, at(AIRPORT))).toBe(4);
    expect(storyLength(graph, at(BOUKAMAL))).toBe(0);
    expect(storyLength(graph, undefined)).toBe(0);
    expect(storyLength(graph, 6)).toBe(0);
  });

  it("names a relation as either end states it, inverting the other end's statement", () => {
    const incident = (id: string) => bundled[at(id)] as StoryIncident;
    expect(relationBetween(incident(AIRPORT), incident(EMBASSY))).toBe('follows');
    expect(relationBetween(incident(EMBASSY), incident(AIRPORT))).toBe('followedBy');
    expect(relationBetween(incident(K1), incident(US_STRIKES))).toBe('prompted');
    expect(relationBetween(incident(AIRPORT), incident(K1))).toBeNull();
    const { incidents } = dataset([
      ['a', '2020-01-01', [['ledTo', 'b']]],
      ['b', '2020-01-02', []],
    ]);
    expect(relationBetween(incidents[1] as StoryIncident, incidents[0] as StoryIncident)).toBe(
      'resultedFrom',
    );
  });
});

describe('the chain of any dataset', () => {
  it('finds a relation stated only by the other incident', () => {
    const { incidents, positions } = dataset([
      ['a', '2020-01-01', [['ledTo', 'b']]],
      ['b', '2020-01-02', []],
    ]);
    const chain = chainOf(buildRelationGraph(incidents, positions), 1);
    expect(ids(chain.steps, incidents)).toEqual(['a', 'b']);
    expect(links(chain, incidents)).toEqual(['a -causal-> b']);
  });

  it('orders by start day, then time of day, a date without a time first', () => {
    const { incidents, positions } = dataset([
      ['evening', '2020-01-02T21:00+03:00', [['follows', 'morning']]],
      ['morning', '2020-01-02T08:00+03:00', [['follows', 'day']]],
      ['day', '2020-01-02', [['follows', 'before']]],
      ['before', '2020-01-01T23:59+03:00', []],
    ]);
    const chain = chainOf(buildRelationGraph(incidents, positions), 0);
    expect(ids(chain.steps, incidents)).toEqual(['before', 'day', 'morning', 'evening']);
  });

  it('ends in a cycle of relations', () => {
    const { incidents, positions } = dataset([
      ['a', '2020-01-01', [['prompted', 'b']]],
      ['b', '2020-01-02', [['prompted', 'c']]],
      ['c', '2020-01-03', [['prompted', 'a']]],
    ]);
    const chain = chainOf(buildRelationGraph(incidents, positions), 2);
    expect(ids(chain.steps, incidents)).toEqual(['a', 'b', 'c']);
    expect(chain.links).toHaveLength(3);
  });

  it('skips ids that name no loaded incident, and relations of an incident to itself', () => {
    const { incidents, positions } = dataset([
      [
        'a',
        '2020-01-01',
        [
          ['prompted', 'missing'],
          ['followedBy', 'a'],
          ['notRelatedTo', 'gone'],
        ],
      ],
    ]);
    const chain = chainOf(buildRelationGraph(incidents, positions), 0);
    expect(chain).toEqual({ start: 0, steps: [0], framing: [], notRelated: [], links: [], truncated: false });
  });

  it('does not grow through a not-related incident', () => {
    const { incidents, positions } = dataset([
      ['a', '2020-01-01', [['ledTo', 'b']]],
      ['b', '2020-01-02', [['notRelatedTo', 'c']]],
      ['c', '2020-01-03', [['ledTo', 'd']]],
      ['d', '2020-01-04', []],
    ]);
    const chain = chainOf(buildRelationGraph(incidents, positions), 0);
    expect(ids(chain.steps, incidents)).toEqual(['a', 'b']);
    expect(ids(chain.notRelated, incidents)).toEqual(['c']);
  });

  it('makes the context-linked incidents the steps when nothing causal or sequential links them', () => {
    const { incidents, positions } = dataset([
      ['later', '2020-02-01', [['context', 'earlier']]],
      ['earlier', '2020-01-01', []],
    ]);
    const chain = chainOf(buildRelationGraph(incidents, positions), 0);
    expect(ids(chain.steps, incidents)).toEqual(['earlier', 'later']);
    expect(links(chain, incidents)).toEqual(['earlier -context-> later']);
    expect(chain.framing).toEqual([]);
  });

  it('stops at maxIncidents in a huge component and says so', () => {
    const n = 10_000;
    const rows: [string, string, [Relation, string][]][] = Array.from({ length: n }, (_, i) => [
      `i${i}`,
      '2020-01-01',
      i + 1 < n ? [['followedBy', `i${i + 1}`]] : [],
    ]);
    const { incidents, positions } = dataset(rows);
    const chain = chainOf(buildRelationGraph(incidents, positions), 5_000, { maxIncidents: 50 });
    expect(chain.steps).toHaveLength(50);
    expect(chain.truncated).toBe(true);
    expect(chain.steps).toContain(5_000);
    for (const link of chain.links) {
      expect(chain.steps).toContain(link.from);
      expect(chain.steps).toContain(link.to);
    }
  });

  it('throws with the offending index for a position outside the dataset', () => {
    expect(() => chainOf(graph, 99)).toThrow('No incident at index 99 (have 6)');
  });

  it('keeps tables for the linked incidents only: two links among a million incidents cost three slots', () => {
    const n = 1_000_000;
    const timeKey = new Float64Array(n);
    timeKey[999_999] = 10; // the latest of the three
    timeKey[5] = 30;
    timeKey[70] = 20;
    const causal = RELATION_KINDS.indexOf('causal');
    const big = relationGraphOf(
      Uint32Array.of(999_999, 70),
      Uint32Array.of(70, 5),
      Uint8Array.of(causal, causal),
      timeKey,
    );
    expect(big.size).toBe(n);
    expect([...big.linked]).toEqual([5, 70, 999_999]);
    expect(big.offsets).toHaveLength(4);
    expect([...big.timeKey]).toEqual([30, 20, 10]);
    expect(slotOf(big, 70)).toBe(1);
    expect(slotOf(big, 6)).toBe(-1);
    expect(chainOf(big, 5).steps).toEqual([999_999, 70, 5]); // in time order
    expect(chainOf(big, 6)).toMatchObject({ steps: [6], framing: [], notRelated: [], links: [] }); // no link
    expect(() =>
      relationGraphOf(Uint32Array.of(1), Uint32Array.of(n), Uint8Array.of(causal), timeKey),
    ).toThrow(`Link 0 joins 1 and ${n} (have ${n} incidents)`);
  });

  it('for any graph: members and not-related are disjoint, every link touches a member, steps are in time order', () => {
    const relations = Object.keys(RELATION_KIND) as Relation[];
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.integer({ min: 1, max: 28 }), { minLength: n, maxLength: n }),
              fc.array(
                fc.tuple(
                  fc.integer({ min: 0, max: n }),
                  fc.integer({ min: 0, max: n }),
                  fc.constantFrom(...relations),
                ),
                { maxLength: 30 },
              ),
            ),
          ),
        ([n, days, edges]) => {
          const rows: [string, string, [Relation, string][]][] = days.map((d, i) => [
            `n${i}`,
            `2020-01-${String(d).padStart(2, '0')}`,
            edges.filter(([from]) => from === i).map(([, to, rel]) => [rel, `n${to}`]), // n${n} is missing
          ]);
          const { incidents, positions } = dataset(rows);
          const g = buildRelationGraph(incidents, positions);
          for (let start = 0; start < n; start++) {
            const chain = chainOf(g, start);
            const members = new Set([...chain.steps, ...chain.framing]);
            expect(members.has(start)).toBe(true);
            for (const x of chain.notRelated) expect(members.has(x)).toBe(false);
            for (const l of chain.links) expect(members.has(l.from) || members.has(l.to)).toBe(true);
            const stepDays = chain.steps.map((s) => days[s] as number);
            expect(stepDays).toEqual([...stepDays].sort((a, b) => a - b));
          }
        },
      ),
    );
  });
});
