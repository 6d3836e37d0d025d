import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../src/domain/date';
import { axisTicks } from '../../src/ui/timeline-axis';
import { addMonths, dragRange, keyRange, sliderBounds } from '../../src/ui/timeline-brush';
import { Viewport } from '../../src/ui/timeline-viewport';

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

function iso(range: { from: number; to: number } | null | undefined): string {
  return range ? `${isoFromDay(range.from)}/${isoFromDay(range.to)}` : String(range);
}

const JANUARY = { from: day('2020-01-01'), to: day('2020-01-31') };

describe('dragRange', () => {
  it('resizes from a handle to the nearest day boundary, never past the other handle', () => {
    expect(iso(dragRange('start', JANUARY, 0, day('2020-01-10') + 0.4))).toBe('2020-01-10/2020-01-31');
    expect(iso(dragRange('end', JANUARY, 0, day('2020-01-10') + 0.6))).toBe('2020-01-01/2020-01-10');
    expect(iso(dragRange('start', JANUARY, 0, day('2020-03-01')))).toBe('2020-01-31/2020-01-31');
  });

  it('moves the whole range by whole days', () => {
    const down = day('2020-01-15') + 0.5;
    expect(iso(dragRange('body', JANUARY, down, down + 3.4))).toBe('2020-01-04/2020-02-03');
  });

  it('draws a range covering both days pointed at, in either direction', () => {
    const a = day('2020-01-20') + 0.9;
    const b = day('2020-01-05') + 0.1;
    expect(iso(dragRange('draw', JANUARY, a, b))).toBe('2020-01-05/2020-01-20');
  });
});

describe('keyRange', () => {
  const extent = { from: day('2019-12-27'), to: day('2020-03-11') };

  it('moves a handle a day with the arrows and a month with Page Up / Page Down', () => {
    expect(iso(keyRange('ArrowLeft', 'start', JANUARY, extent))).toBe('2019-12-31/2020-01-31');
    expect(iso(keyRange('ArrowRight', 'end', JANUARY, extent))).toBe('2020-01-01/2020-02-01');
    expect(iso(keyRange('PageUp', 'end', JANUARY, extent))).toBe('2020-01-01/2020-02-29');
  });

  it('goes to the data extent with Home and End', () => {
    expect(iso(keyRange('Home', 'start', JANUARY, extent))).toBe('2019-12-27/2020-01-31');
    expect(iso(keyRange('End', 'end', JANUARY, extent))).toBe('2020-01-01/2020-03-11');
  });

  it('stops at the bounds (null) and ignores other keys (undefined)', () => {
    expect(keyRange('Home', 'start', extent, extent)).toBeNull();
    expect(keyRange('PageUp', 'end', extent, extent)).toBeNull();
    expect(keyRange('a', 'end', JANUARY, extent)).toBeUndefined();
  });

  it('bounds each handle by the other one, like a two-thumb slider', () => {
    expect(sliderBounds('start', JANUARY, extent)).toEqual({ min: extent.from, max: JANUARY.to });
    expect(sliderBounds('end', JANUARY, extent)).toEqual({ min: JANUARY.from, max: extent.to });
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, clamped to shorter months, and keeps month ends at month ends', () => {
    expect(isoFromDay(addMonths(day('2020-01-30'), 1))).toBe('2020-02-29');
    expect(isoFromDay(addMonths(day('2020-02-29'), 1))).toBe('2020-03-31');
    expect(isoFromDay(addMonths(day('2020-03-11'), -1))).toBe('2020-02-11');
    expect(isoFromDay(addMonths(day('2020-01-15'), -1))).toBe('2019-12-15');
  });
});

describe('Viewport', () => {
  it('fits a short dataset with at least 14 days', () => {
    const v = new Viewport();
    v.fit({ from: day('2020-03-11'), to: day('2020-03-11') });
    expect(v.span).toBe(14);
    expect(v.start).toBeLessThan(day('2020-03-11'));
    expect(v.end).toBeGreaterThan(day('2020-03-12'));
  });

  it('pads a fitted dataset on both sides', () => {
    const v = new Viewport();
    v.fit({ from: day('2019-12-27'), to: day('2020-03-11') });
    expect(v.start).toBeLessThan(day('2019-12-27'));
    expect(v.end).toBeGreaterThan(day('2020-03-12'));
  });

  it('zooms around a pivot that stays put', () => {
    const v = new Viewport();
    v.set(0, 100);
    v.zoom(0.5, 20);
    expect([v.start, v.end]).toEqual([10, 60]);
  });

  it('does not zoom in past a week', () => {
    const v = new Viewport();
    v.set(0, 10);
    v.zoom(0.1);
    expect(v.span).toBe(7);
    expect(v.abilities().zoomIn).toBe(false);
  });

  it('does not pan away from its content', () => {
    const v = new Viewport();
    v.setContent({ from: 0, to: 99 });
    v.set(0, 50);
    v.pan(1000);
    expect((v.start + v.end) / 2).toBe(100);
    expect(v.abilities().later).toBe(false);
    expect(v.abilities().earlier).toBe(true);
  });

  it('widens to reveal a range outside it, and pans to follow a day', () => {
    const v = new Viewport();
    v.set(0, 50);
    v.reveal({ from: 80, to: 89 });
    expect(v.start).toBeLessThanOrEqual(0);
    expect(v.end).toBeGreaterThanOrEqual(90);
    v.set(0, 50);
    v.follow(60);
    expect([v.start, v.end]).toEqual([11, 61]);
  });
});

describe('axisTicks', () => {
  it('labels years when zoomed out', () => {
    const ticks = axisTicks(day('2015-01-01'), day('2025-01-01'), 800);
    expect(ticks.map((t) => t.label)).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
  });

  it('labels months, with the year on the first tick and on January', () => {
    const ticks = axisTicks(day('2019-11-15'), day('2020-04-15'), 400);
    expect(ticks.map((t) => t.label)).toEqual(['Dec 2019', '2020', 'Feb', 'Mar', 'Apr']);
  });

  it('labels days when zoomed in, with the year where it changes', () => {
    const ticks = axisTicks(day('2019-12-30'), day('2020-01-03'), 800);
    expect(ticks.map((t) => t.label)).toEqual(['30 Dec 2019', '31 Dec', '1 Jan 2020', '2 Jan']);
  });

  it('puts weekly ticks on Mondays', () => {
    const ticks = axisTicks(day('2020-01-01'), day('2020-03-01'), 600);
    expect(ticks.length).toBeGreaterThan(3);
    for (const t of ticks) expect(new Date(t.day * 86_400_000).getUTCDay()).toBe(1);
  });
});
