import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../src/domain/date';
import {
  addUnits,
  type Bin,
  type BinUnit,
  chooseBinUnit,
  datePresets,
  describeBin,
  histogram,
  maxBinCount,
  unitStart,
} from '../../src/domain/histogram';

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** Columns from `YYYY-MM-DD` or `YYYY-MM-DD/YYYY-MM-DD` dates, and the indices of all rows. */
function columns(dates: string[]) {
  const firstDay = new Int32Array(dates.length);
  const lastDay = new Int32Array(dates.length);
  dates.forEach((text, i) => {
    const [a, b = a] = text.split('/') as [string, string?];
    firstDay[i] = day(a);
    lastDay[i] = day(b as string);
  });
  return { firstDay, lastDay, indices: dates.map((_, i) => i) };
}

/** Bins as readable `[start, end, count]` triples. */
function readable(bins: Bin[]): [string, string, number][] {
  return bins.map((b) => [isoFromDay(b.start), isoFromDay(b.end), b.count]);
}

function run(dates: string[], from: string, to: string, unit: BinUnit): [string, string, number][] {
  const { firstDay, lastDay, indices } = columns(dates);
  return readable(histogram(firstDay, lastDay, indices, { from: day(from), to: day(to) }, unit));
}

describe('histogram', () => {
  it('counts a one-day incident in the bin of its day', () => {
    expect(run(['2020-03-11'], '2020-03-10', '2020-03-12', 'day')).toEqual([
      ['2020-03-10', '2020-03-10', 0],
      ['2020-03-11', '2020-03-11', 1],
      ['2020-03-12', '2020-03-12', 0],
    ]);
  });

  it('counts an interval incident once in every bin it overlaps', () => {
    expect(run(['2019-12-31/2020-01-02'], '2019-12-30', '2020-01-03', 'day').map((b) => b[2])).toEqual([
      0, 1, 1, 1, 0,
    ]);
    expect(run(['2020-01-30/2020-03-02'], '2020-01-01', '2020-04-30', 'month').map((b) => b[2])).toEqual([
      1, 1, 1, 0,
    ]);
  });

  it('counts an interval incident once in a bin that holds all of it', () => {
    expect(run(['2020-03-02/2020-03-05', '2020-03-20'], '2020-03-01', '2020-03-31', 'month')).toEqual([
      ['2020-03-01', '2020-03-31', 2],
    ]);
  });

  it('aligns weekly bins to ISO weeks, Monday to Sunday', () => {
    // 11 March 2020 was a Wednesday; its ISO week runs from Monday 9 to Sunday 15 March.
    const bins = run(['2020-03-11', '2020-03-16'], '2020-03-11', '2020-03-20', 'week');
    expect(bins).toEqual([
      ['2020-03-09', '2020-03-15', 1],
      ['2020-03-16', '2020-03-22', 1],
    ]);
  });

  it('aligns monthly and yearly bins to the calendar, including February of a leap year', () => {
    expect(run(['2020-02-29'], '2020-02-10', '2020-03-05', 'month')).toEqual([
      ['2020-02-01', '2020-02-29', 1],
      ['2020-03-01', '2020-03-31', 0],
    ]);
    expect(run(['2019-12-27', '2020-03-11'], '2019-06-01', '2020-02-01', 'year')).toEqual([
      ['2019-01-01', '2019-12-31', 1],
      ['2020-01-01', '2020-12-31', 1],
    ]);
  });

  it('counts incidents reaching into the edge bins from outside the view', () => {
    expect(run(['2019-01-01/2020-03-03'], '2020-03-02', '2020-03-03', 'day').map((b) => b[2])).toEqual([
      1, 1,
    ]);
  });

  it('ignores incidents wholly outside the bins and rows not in the indices', () => {
    const { firstDay, lastDay } = columns(['2020-03-11', '2020-03-11', '2021-01-01']);
    const view = { from: day('2020-03-01'), to: day('2020-03-31') };
    expect(histogram(firstDay, lastDay, [1, 2], view, 'month').map((b) => b.count)).toEqual([1]);
  });

  it('agrees with counting each bin by scanning every incident', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648; // a small LCG: the same data every run
      return seed / 2_147_483_648;
    };
    const n = 500;
    const firstDay = new Int32Array(n);
    const lastDay = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      firstDay[i] = day('2019-06-01') + Math.floor(next() * 400);
      lastDay[i] = (firstDay[i] as number) + (next() < 0.3 ? Math.floor(next() * 60) : 0);
    }
    const indices = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
    const view = { from: day('2019-09-10'), to: day('2020-04-20') };
    for (const unit of ['day', 'week', 'month', 'year'] as const) {
      for (const bin of histogram(firstDay, lastDay, indices, view, unit)) {
        const expected = indices.filter(
          (i) => (firstDay[i] as number) <= bin.end && (lastDay[i] as number) >= bin.start,
        ).length;
        expect(bin.count, `${unit} ${isoFromDay(bin.start)}`).toBe(expected);
      }
    }
  });

  it('still counts correctly over a view of more than 11,000 years', () => {
    const { firstDay, lastDay, indices } = columns(['2020-03-11', '9000-06-30/9001-01-01']);
    const bins = histogram(firstDay, lastDay, indices, { from: 0, to: 5_000_000 }, 'year'); // 1970 to 15659
    expect(bins).toHaveLength(15659 - 1970 + 1);
    expect(bins.filter((b) => b.count > 0).map((b) => isoFromDay(b.start))).toEqual([
      '2020-01-01',
      '9000-01-01',
      '9001-01-01',
    ]);
  });

  it('throws on a view that ends before it starts, naming both days', () => {
    const { firstDay, lastDay, indices } = columns(['2020-03-11']);
    expect(() => histogram(firstDay, lastDay, indices, { from: 10, to: 9 }, 'day')).toThrow(/10.*9/);
  });
});

describe('calendar units', () => {
  it('finds the start of the unit holding a day', () => {
    const d = day('2020-03-11');
    expect(isoFromDay(unitStart(d, 'day'))).toBe('2020-03-11');
    expect(isoFromDay(unitStart(d, 'week'))).toBe('2020-03-09');
    expect(isoFromDay(unitStart(d, 'month'))).toBe('2020-03-01');
    expect(isoFromDay(unitStart(d, 'year'))).toBe('2020-01-01');
  });

  it('steps by whole units across year ends', () => {
    expect(isoFromDay(addUnits(day('2019-12-27'), 'month', 1))).toBe('2020-01-01');
    expect(isoFromDay(addUnits(day('2020-01-15'), 'month', -1))).toBe('2019-12-01');
    expect(isoFromDay(addUnits(day('2019-12-31'), 'week', 1))).toBe('2020-01-06');
    expect(isoFromDay(addUnits(day('2020-07-01'), 'year', 1))).toBe('2021-01-01');
  });
});

describe('chooseBinUnit', () => {
  it('picks days when every day fits', () => {
    expect(chooseBinUnit(90, 100)).toBe('day');
  });

  it('picks the finest coarser unit when days do not fit', () => {
    expect(chooseBinUnit(365, 100)).toBe('week');
    expect(chooseBinUnit(365 * 5, 100)).toBe('month');
    expect(chooseBinUnit(365 * 30, 100)).toBe('year');
  });

  it('falls back to years when nothing fits', () => {
    expect(chooseBinUnit(365 * 1000, 10)).toBe('year');
  });

  it('never yields more bins than allowed, wherever the span starts', () => {
    for (const span of [10, 29, 60, 200, 800, 3000]) {
      for (const maxBins of [5, 20, 60]) {
        const unit = chooseBinUnit(span, maxBins);
        if (maxBinCount(span, unit) > maxBins) continue; // only 'year' may overflow, by design
        for (let from = day('2019-12-25'); from < day('2020-01-10'); from++) {
          const bins = histogram(
            new Int32Array(0),
            new Int32Array(0),
            [],
            { from, to: from + span - 1 },
            unit,
          );
          expect(bins.length).toBeLessThanOrEqual(maxBins);
        }
      }
    }
  });

  it('rejects a maxBins below one', () => {
    expect(() => chooseBinUnit(30, 0)).toThrow(/30, 0/);
  });
});

describe('datePresets', () => {
  const { firstDay, lastDay, indices } = columns([
    '2019-12-27',
    '2019-12-29',
    '2019-12-31/2020-01-01',
    '2020-01-03',
    '2020-01-08',
    '2020-03-11',
  ]);
  const presets = datePresets(firstDay, lastDay, indices);

  it('offers the whole extent of the data', () => {
    expect(presets.all).toEqual({ from: day('2019-12-27'), to: day('2020-03-11') });
  });

  it('offers the last 30 days, ending on the last day of the data', () => {
    expect(presets.last30).toEqual({ from: day('2020-02-11'), to: day('2020-03-11') });
  });

  it('offers the month with most incidents, with a readable label', () => {
    // December has 3 and January 3 (the New Year's Eve interval counts in both): the later month wins.
    expect(presets.busiestMonth).toEqual({
      from: day('2020-01-01'),
      to: day('2020-01-31'),
      label: 'January 2020',
    });
  });

  it('picks a month that clearly has most incidents', () => {
    const c = columns(['2020-01-05', '2020-03-01', '2020-03-11', '2020-04-02']);
    expect(datePresets(c.firstDay, c.lastDay, c.indices).busiestMonth?.label).toBe('March 2020');
  });

  it('offers nothing for empty data', () => {
    expect(datePresets(firstDay, lastDay, [])).toEqual({ all: null, last30: null, busiestMonth: null });
  });
});

describe('describeBin', () => {
  it('names the unit and the count for a bar tooltip', () => {
    const march = { start: day('2020-03-01'), end: day('2020-03-31'), count: 2 };
    expect(describeBin(march, 'month')).toBe('Mar 2020: 2 incidents');
    expect(describeBin({ ...march, count: 1 }, 'year')).toBe('2020: 1 incident');
    expect(describeBin({ ...march, count: 101_466 }, 'year')).toBe('2020: 101,466 incidents');
    expect(describeBin({ start: day('2020-03-09'), end: day('2020-03-15'), count: 0 }, 'week')).toBe(
      'Week of 9 Mar 2020: 0 incidents',
    );
    expect(describeBin({ start: day('2020-03-11'), end: day('2020-03-11'), count: 3 }, 'day')).toBe(
      '11 Mar 2020: 3 incidents',
    );
  });
});
