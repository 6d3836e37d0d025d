import { describe, expect, it } from 'vitest';
import { parseIncidentDate } from '../../src/domain/date';
import {
  formatActor,
  formatCount,
  formatDatePrecision,
  formatIncidentDate,
  formatOffset,
  formatPlace,
} from '../../src/domain/format';
import type { DatePrecision } from '../../src/domain/incident';

function fmt(text: string, precision: DatePrecision | null = null): string {
  const r = parseIncidentDate(text, precision);
  if (!r.ok) throw new Error(r.reason);
  return formatIncidentDate(r.value);
}

describe('formatIncidentDate', () => {
  it('shows a local time with its UTC offset', () => {
    expect(fmt('2020-03-11T19:35+03:00')).toBe('11 Mar 2020, 19:35 (UTC+3)');
    expect(fmt('2020-03-11T19:35+05:30')).toBe('11 Mar 2020, 19:35 (UTC+5:30)');
    expect(fmt('2020-03-11T16:35Z')).toBe('11 Mar 2020, 16:35 (UTC)');
    expect(fmt('2020-03-11T19:35')).toBe('11 Mar 2020, 19:35 (local time)');
  });

  it('shows days, day ranges, weeks and months', () => {
    expect(fmt('2020-01-03')).toBe('3 Jan 2020');
    expect(fmt('2019-12-31/2020-01-01')).toBe('31 Dec 2019 \u2013 1 Jan 2020');
    expect(fmt('2020-03-11', 'week')).toBe('week of 9 Mar 2020');
    expect(fmt('2020-03-11', 'month')).toBe('March 2020');
    expect(fmt('2020-03/2020-04', 'month')).toBe('March 2020 \u2013 April 2020');
  });

  it('names how exact the date is', () => {
    const p = (t: string, pr: DatePrecision | null = null) => {
      const r = parseIncidentDate(t, pr);
      if (!r.ok) throw new Error(r.reason);
      return formatDatePrecision(r.value);
    };
    expect(p('2020-03-11T19:35+03:00')).toBe('exact time');
    expect(p('2020-01-03')).toBe('day');
    expect(p('2019-12-31/2020-01-01')).toBe('2-day span');
    expect(p('2020-03-11', 'week')).toBe('week');
    expect(p('2020-03-11', 'month')).toBe('month');
  });
});

describe('other facts', () => {
  it('says "not reported" for null counts and keeps zero as zero', () => {
    expect(formatCount(null)).toBe('not reported');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(3)).toBe('3');
  });

  it('writes an actor with role and attribution', () => {
    expect(formatActor({ name: 'Kataib Hezbollah', role: 'perpetrator', attribution: 'suspected' })).toBe(
      'Kataib Hezbollah \u2014 perpetrator, suspected',
    );
  });

  it('writes offsets and places', () => {
    expect(formatOffset(-240)).toBe('UTC\u22124');
    expect(formatPlace({ name: 'Camp Taji', admin1: 'Baghdad', country: 'Iraq' })).toBe(
      'Camp Taji, Baghdad, Iraq',
    );
    expect(formatPlace({ name: 'Boukamal', admin1: null, country: 'Syria' })).toBe('Boukamal, Syria');
  });
});
