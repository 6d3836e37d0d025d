import { describe, expect, it } from 'vitest';
import { type Count, type CountReport, countFrom, NOT_REPORTED, pickCount } from '../../src/domain/counts';
import { formatCountReports } from '../../src/domain/format';

const report = (r: Partial<CountReport>): CountReport => ({
  value: null,
  low: null,
  high: null,
  source: 'S',
  reported: null,
  url: null,
  note: null,
  ...r,
});
const count = (...reports: Partial<CountReport>[]): Count => ({ reports: reports.map(report) });

describe('pickCount', () => {
  it('gives null for a count nobody reported and keeps 0 as zero', () => {
    expect(pickCount(NOT_REPORTED)).toBeNull();
    expect(pickCount(countFrom(0))).toBe(0);
    expect(pickCount(countFrom(3), 'highest')).toBe(3);
  });

  it('picks the report with the latest reported date by default, whatever the list order', () => {
    const c = count(
      { value: 26, reported: '2020-03-12' },
      { value: 18, reported: '2020-03-11' },
      { value: 0, reported: '2020-03-11' },
    );
    expect(pickCount(c)).toBe(26);
  });

  it('lets a dated report beat an undated one, and the last-listed win a tie', () => {
    expect(pickCount(count({ value: 5, reported: '2020-01-01' }, { value: 9 }))).toBe(5);
    expect(pickCount(count({ value: 5 }, { value: 9 }))).toBe(9);
    expect(pickCount(count({ value: 5, reported: '2020-01-01' }, { value: 7, reported: '2020-01-01' }))).toBe(
      7,
    );
  });

  it('picks the highest and lowest figure, counting a range by its high or low end', () => {
    const c = count({ value: 18 }, { low: 10, high: 40 }, { value: 0 });
    expect(pickCount(c, 'highest')).toBe(40);
    expect(pickCount(c, 'lowest')).toBe(0);
    expect(pickCount(count({ low: 10, high: 40 }), 'latest')).toBe(10);
  });

  it('uses the best value of a UCDP low/best/high report under every rule', () => {
    const c = count({ value: 5, low: 3, high: 7 });
    expect([pickCount(c, 'latest'), pickCount(c, 'highest'), pickCount(c, 'lowest')]).toEqual([5, 5, 5]);
  });
});

describe('formatCountReports', () => {
  it('shows conflicting reports side by side with source and date', () => {
    const c = count(
      { value: 18, source: 'SOHR', reported: '2020-03-11' },
      { value: 26, source: 'SOHR via AFP', reported: '2020-03-12' },
      { value: 0, source: 'Syrian state media' },
    );
    expect(formatCountReports(c, 'killed')).toBe(
      '18 killed \u2014 SOHR, 11 Mar 2020 \u00b7 26 killed \u2014 SOHR via AFP, 12 Mar 2020 \u00b7 none \u2014 Syrian state media',
    );
  });

  it('shows a single figure as before, and a range with its best value', () => {
    expect(formatCountReports(countFrom(3), 'killed')).toBe('3');
    expect(formatCountReports(countFrom(0), 'killed')).toBe('0');
    expect(formatCountReports(NOT_REPORTED, 'killed')).toBe('not reported');
    expect(formatCountReports(count({ value: 5, low: 3, high: 7, source: 'UCDP GED' }), 'killed')).toBe(
      '5 (3\u20137) killed \u2014 UCDP GED',
    );
  });
});
