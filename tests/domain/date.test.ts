import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay, isoWeekStart, monthBounds, parseIncidentDate } from '../../src/domain/date';

const day = (iso: string) => {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
};

function parsed(text: string, precision: Parameters<typeof parseIncidentDate>[1] = null) {
  const r = parseIncidentDate(text, precision);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('calendar days', () => {
  it('round-trips YYYY-MM-DD through day numbers', () => {
    for (const iso of ['1970-01-01', '2019-12-31', '2020-02-29', '2020-03-11', '1999-01-01']) {
      expect(isoFromDay(day(iso))).toBe(iso);
    }
  });

  it('rejects dates that do not exist', () => {
    expect(dayFromIso('2024-02-30')).toBeNull();
    expect(dayFromIso('2019-02-29')).toBeNull();
    expect(dayFromIso('2020-13-01')).toBeNull();
    expect(dayFromIso('2020-3-1')).toBeNull();
  });

  it('finds the Monday of an ISO week and the bounds of a month', () => {
    expect(isoFromDay(isoWeekStart(day('2020-03-11')))).toBe('2020-03-09'); // a Wednesday
    expect(isoFromDay(isoWeekStart(day('2020-03-09')))).toBe('2020-03-09');
    expect(isoFromDay(isoWeekStart(day('2020-03-15')))).toBe('2020-03-09'); // a Sunday
    const feb = monthBounds(day('2020-02-10'));
    expect([isoFromDay(feb.first), isoFromDay(feb.last)]).toEqual(['2020-02-01', '2020-02-29']);
  });
});

describe('parseIncidentDate', () => {
  it('keeps the local calendar date of a date-time, whatever its offset', () => {
    const soleimani = parsed('2020-01-03T00:50+03:00');
    expect(isoFromDay(soleimani.firstDay)).toBe('2020-01-03');
    expect(soleimani.start.minutes).toBe(50);
    expect(soleimani.start.offsetMinutes).toBe(180);
    expect(soleimani.precision).toBe('time');
    // The instant used for ordering is 2 January in UTC.
    expect(new Date(soleimani.sortKey).toISOString()).toBe('2020-01-02T21:50:00.000Z');
  });

  it('reads Z and negative offsets and seconds', () => {
    expect(parsed('2020-03-11T16:35:00Z').start.offsetMinutes).toBe(0);
    expect(parsed('2020-03-11T11:35-05:00').start.offsetMinutes).toBe(-300);
    expect(parsed('2020-03-11T11:35').start.offsetMinutes).toBeNull();
  });

  it('covers both end days of an interval', () => {
    const embassy = parsed('2019-12-31/2020-01-01');
    expect(embassy.isInterval).toBe(true);
    expect(embassy.precision).toBe('day');
    expect([isoFromDay(embassy.firstDay), isoFromDay(embassy.lastDay)]).toEqual(['2019-12-31', '2020-01-01']);
  });

  it('widens week precision to the ISO week and month precision to the month', () => {
    const week = parsed('2020-03-11', 'week');
    expect([isoFromDay(week.firstDay), isoFromDay(week.lastDay)]).toEqual(['2020-03-09', '2020-03-15']);
    const month = parsed('2020-03-11', 'month');
    expect([isoFromDay(month.firstDay), isoFromDay(month.lastDay)]).toEqual(['2020-03-01', '2020-03-31']);
    const monthOnly = parsed('2020-02');
    expect(monthOnly.precision).toBe('month');
    expect(isoFromDay(monthOnly.lastDay)).toBe('2020-02-29');
  });

  it.each([
    ['2024-02-30', 'not a real calendar date'],
    ['2020-03-11T25:00+03:00', 'impossible time of day'],
    ['2020-03-11T19:35+15:00', 'impossible UTC offset'],
    ['11/03/2020', 'not an ISO 8601 date'],
    ['2020-03-12/2020-03-11', 'ends before it starts'],
    [' 2020-03-11', 'stray spaces'],
    ['2020/2021/2022', 'more than one "/"'],
    ['March 2020', 'not an ISO 8601 date'],
  ])('rejects %s (%s)', (text, reason) => {
    const r = parseIncidentDate(text, null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('rejects a precision the text contradicts instead of guessing', () => {
    const r = parseIncidentDate('2020-03-11', 'time');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('needs a time of day');
    expect(parseIncidentDate('2020-03', 'day').ok).toBe(false);
  });
});
