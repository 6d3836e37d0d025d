// @vitest-environment happy-dom
/**
 * Time uncertainty drawn (issue 8.4): incidents dated to a week, a month or a range are drawn on the timeline
 * as spans from the first to the last day they may fall on, not as points; a one-day incident is not.
 */
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/domain/date';
import { TimelineData } from '../../src/ui/timeline-data';
import { type PlotGeometry, plotNodes, spanLanes } from '../../src/ui/timeline-draw';

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

// 0: one day; 1: "late December" as a range; 2 and 3: the month of March 2020, twice; 4: an ISO week.
const first = Int32Array.from([
  day('2020-01-03'),
  day('2019-12-20'),
  day('2020-03-01'),
  day('2020-03-01'),
  day('2020-03-09'),
]);
const last = Int32Array.from([
  day('2020-01-03'),
  day('2019-12-31'),
  day('2020-03-31'),
  day('2020-03-31'),
  day('2020-03-15'),
]);
const all = [0, 1, 2, 3, 4];

/** 1 px per day from 1 Dec 2019. */
const geometry: PlotGeometry = { x: (d) => d - day('2019-12-01'), width: 200, barsHeight: 52 };

describe('TimelineData spans', () => {
  it('groups the counted multi-day incidents by range, in date order, and leaves one-day incidents out', () => {
    const data = new TimelineData();
    data.set(first, last, all);
    const { spans, more } = data.visibleSpans(day('2019-12-01'), day('2020-04-30'), 10);
    expect(more).toBe(0);
    expect(spans).toEqual([
      { from: day('2019-12-20'), to: day('2019-12-31'), count: 1 },
      { from: day('2020-03-01'), to: day('2020-03-31'), count: 2 },
      { from: day('2020-03-09'), to: day('2020-03-15'), count: 1 },
    ]);
  });

  it('keeps only spans overlapping the view, at most `max`, and counts the rest', () => {
    const data = new TimelineData();
    data.set(first, last, all);
    expect(data.visibleSpans(day('2020-01-01'), day('2020-02-01'), 10).spans).toEqual([]);
    const capped = data.visibleSpans(day('2019-12-01'), day('2020-04-30'), 1);
    expect(capped.spans).toHaveLength(1);
    expect(capped.more).toBe(2);
  });

  it('follows the filter: spans of incidents filtered out are not drawn', () => {
    const data = new TimelineData();
    data.set(first, last, [0, 4]);
    expect(data.visibleSpans(day('2019-12-01'), day('2020-04-30'), 10).spans).toHaveLength(1);
  });
});

describe('plotNodes', () => {
  const data = new TimelineData();
  data.set(first, last, all);
  const { spans } = data.visibleSpans(day('2019-12-01'), day('2020-04-30'), 10);
  const bins = data.visibleBins('day', day('2019-12-01'), day('2020-04-30'));
  const nodes = plotNodes(bins, spans, 'day', null, geometry);
  const spanGroups = nodes.filter((n) => n.getAttribute('class')?.includes('tl-span'));

  it('draws "late December" as a line from its first to its last day, with a title', () => {
    expect(spanGroups).toHaveLength(3);
    const late = spanGroups[0];
    const line = late?.querySelector('line.tl-span-line');
    expect(Number(line?.getAttribute('x1'))).toBeCloseTo(geometry.x(day('2019-12-20')) + 1);
    expect(Number(line?.getAttribute('x2'))).toBeCloseTo(geometry.x(day('2020-01-01')) - 1);
    expect(late?.querySelectorAll('line.tl-span-end')).toHaveLength(2);
    expect(late?.querySelector('title')?.textContent).toBe(
      '20 Dec \u2013 31 Dec 2019: 1 incident dated to this range',
    );
  });

  it('puts the week inside March on a lane below the month', () => {
    expect(spanLanes(spans, geometry)).toEqual([0, 0, 1]);
  });

  it('leaves room above the bars for the span lanes', () => {
    const bars = nodes.filter((n) => n.getAttribute('class')?.startsWith('tl-bar'));
    expect(bars.length).toBeGreaterThan(0);
    const tops = bars.map((b) => Number(b.getAttribute('y')));
    expect(Math.min(...tops)).toBeGreaterThanOrEqual(4 + 2 * 5); // two lanes used
  });
});

describe('plotNodes reusing the nodes of the last render', () => {
  const data = new TimelineData();
  data.set(first, last, all);
  const view = [day('2019-12-01'), day('2020-04-30')] as const;
  const drawn = () => {
    const { spans } = data.visibleSpans(view[0], view[1], 10);
    return { spans, bins: data.visibleBins('day', view[0], view[1]) };
  };
  const spanLine = (node: Element | undefined) => node?.querySelector('line.tl-span-line');

  it('moves a reused span to the range it now draws, and retitles it', () => {
    const before = drawn();
    const nodes = plotNodes(before.bins, before.spans, 'day', null, geometry);
    const firstSpan = nodes.find((n) => n.getAttribute('class')?.includes('tl-span'));
    // Only the March incidents counted: the first span is now the month of March, not late December.
    data.set(first, last, [3, 4]);
    const after = drawn();
    const again = plotNodes(after.bins, after.spans, 'day', null, geometry, nodes);
    const reused = again.find((n) => n.getAttribute('class')?.includes('tl-span'));
    expect(reused).toBe(firstSpan);
    const span = after.spans[0];
    if (!span) throw new Error('no span');
    expect(Number(spanLine(reused)?.getAttribute('x1'))).toBeCloseTo(geometry.x(span.from) + 1);
    expect(Number(spanLine(reused)?.getAttribute('x2'))).toBeCloseTo(geometry.x(span.to + 1) - 1);
    expect(reused?.querySelector('title')?.textContent).toMatch(/^1 Mar .*: 1 incident dated to this range$/);
    data.set(first, last, all);
  });
});
