/**
 * Tick marks and labels for the timeline's time axis: years, months, weeks or days, whichever keeps the
 * labels about {@link MIN_TICK_GAP} pixels apart. Pure (no DOM), so it can be tested on its own.
 */
import { type DayNumber, partsFromDay } from '../domain/date';
import { formatDay } from '../domain/format';
import { addUnits, type BinUnit, unitStart } from '../domain/histogram';

/** A tick on the axis: the first day of a unit and its text (`2020`, `Mar`, `Dec 2019`, `11 Mar`). */
export interface Tick {
  day: DayNumber;
  label: string;
}

/** Pixels wanted between labelled ticks (a `27 Dec 2019` label is about 60 px at 11 px). */
export const MIN_TICK_GAP = 64;

/** Candidate tick intervals, finest first: every `step` units of `unit`. */
const TICK_STEPS: readonly { unit: BinUnit; step: number }[] = [
  { unit: 'day', step: 1 },
  { unit: 'day', step: 2 },
  { unit: 'week', step: 1 },
  { unit: 'week', step: 2 },
  { unit: 'month', step: 1 },
  { unit: 'month', step: 2 },
  { unit: 'month', step: 3 },
  { unit: 'month', step: 6 },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((step) => ({ unit: 'year' as const, step })),
];

/** Average length of a unit (days), to estimate tick spacing. */
const AVERAGE_UNIT_DAYS: Record<BinUnit, number> = { day: 1, week: 7, month: 30.44, year: 365.25 };

function isAligned(day: DayNumber, unit: BinUnit, step: number): boolean {
  const mod = (n: number) => ((n % step) + step) % step;
  switch (unit) {
    case 'day':
      return mod(day) === 0;
    case 'week':
      return mod((day + 3) / 7) === 0; // Mondays: day + 3 is a multiple of 7 (day 0 was a Thursday)
    case 'month':
      return mod(partsFromDay(day).month - 1) === 0;
    case 'year':
      return mod(partsFromDay(day).year) === 0;
  }
}

function label(day: DayNumber, unit: BinUnit, withYear: boolean): string {
  const [dayOfMonth, month, year] = formatDay(day).split(' ') as [string, string, string]; // "11 Mar 2020"
  if (unit === 'year') return year;
  if (unit === 'month') {
    if (month === 'Jan') return year;
    return withYear ? `${month} ${year}` : month;
  }
  return withYear ? `${dayOfMonth} ${month} ${year}` : `${dayOfMonth} ${month}`;
}

/**
 * Ticks for a view from day `start` to day `end` (fractional days, end exclusive) drawn `width` px wide.
 * The first tick, and the first in each new year, carry the year so the axis never loses it.
 */
export function axisTicks(start: number, end: number, width: number): Tick[] {
  const pxPerDay = width / (end - start);
  const last = TICK_STEPS[TICK_STEPS.length - 1] as { unit: BinUnit; step: number };
  const { unit, step } =
    TICK_STEPS.find((s) => s.step * AVERAGE_UNIT_DAYS[s.unit] * pxPerDay >= MIN_TICK_GAP) ?? last;
  const ticks: Tick[] = [];
  let previousYear = Number.NaN;
  for (let day = unitStart(Math.floor(start), unit); day < end; day = addUnits(day, unit, 1)) {
    if (day < start || !isAligned(day, unit, step)) continue;
    const year = partsFromDay(day).year;
    ticks.push({ day, label: label(day, unit, year !== previousYear) });
    previousYear = year;
  }
  return ticks;
}
