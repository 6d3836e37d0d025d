/**
 * Local-calendar-date assertions that must hold in every time zone. The `*.tz-*.test.ts` files run them
 * under a fixed TZ (see the tz projects in vite.config.ts); this module only registers the describe blocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay, parseIncidentDate } from '../../src/domain/date';
import { buildIndex, filterIncidents, NO_FILTER } from '../../src/domain/filter';
import { formatIncidentDate } from '../../src/domain/format';
import type { DatePrecision } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';
import { decodeView, encodeView } from '../../src/domain/view-state';

/** The zone a tz project sets, and what `Date` should then report for 3 January 2020. */
export interface Zone {
  /** IANA name, as in the project's TZ. */
  readonly name: string;
  /** `new Date(2020, 0, 3).getTimezoneOffset()` in that zone: minutes *behind* UTC (480 = UTC−8). */
  readonly offsetOn20200103: number;
}

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

function parsed(text: string, precision: DatePrecision | null = null) {
  const r = parseIncidentDate(text, precision);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function loadDataset() {
  const path = join(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson');
  const { incidents, issues } = parseIncidents(JSON.parse(readFileSync(path, 'utf8')), { strict: true });
  if (issues.length > 0) throw new Error(`bundled dataset has issues: ${JSON.stringify(issues)}`);
  return { incidents, index: buildIndex(incidents) };
}

/** Bundled incidents: local first and last day, and the date as shown, identical in every zone. */
const BUNDLED: [id: string, first: string, last: string, shown: string][] = [
  ['taji-rocket-attack-2020-03-11', '2020-03-11', '2020-03-11', '11 Mar 2020, 19:35 (UTC+3)'],
  ['k1-rocket-attack-2019-12-27', '2019-12-27', '2019-12-27', '27 Dec 2019, 19:20 (UTC+3)'],
  ['us-strikes-kataib-hezbollah-2019-12-29', '2019-12-29', '2019-12-29', '29 Dec 2019'],
  ['us-embassy-baghdad-protests-2019-12-31', '2019-12-31', '2020-01-01', '31 Dec 2019 \u2013 1 Jan 2020'],
  ['baghdad-airport-strike-2020-01-03', '2020-01-03', '2020-01-03', '3 Jan 2020'],
  ['boukamal-airstrikes-2020-03-11', '2020-03-11', '2020-03-12', '11 Mar 2020 \u2013 12 Mar 2020'],
];

/** Registers the local-date describe blocks for `zone`. Call once from a tz test file. */
export function describeLocalDates(zone: Zone): void {
  const { incidents, index } = loadDataset();

  describe(`local calendar dates in ${zone.name}`, () => {
    it('runs in the intended time zone', () => {
      expect(new Date(2020, 0, 3).getTimezoneOffset()).toBe(zone.offsetOn20200103);
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone.name);
    });

    it('keeps the day as written, whatever the offset', () => {
      // 00:50 at UTC+3 is still 2 January in UTC and in the Americas; the incident's day is the 3rd.
      const lateNight = parsed('2020-01-03T00:50+03:00');
      expect(isoFromDay(lateNight.firstDay)).toBe('2020-01-03');
      expect(isoFromDay(lateNight.lastDay)).toBe('2020-01-03');
      // 23:30 at UTC−5 is already 3 January in UTC and in Asia; the incident's day is the 2nd.
      expect(isoFromDay(parsed('2020-01-02T23:30-05:00').firstDay)).toBe('2020-01-02');
      expect(isoFromDay(parsed('2020-01-02T23:59Z').firstDay)).toBe('2020-01-02');
      expect(isoFromDay(parsed('2020-01-03').firstDay)).toBe('2020-01-03');
    });

    it('orders instants by UTC whatever the zone', () => {
      expect(parsed('2020-01-03T00:50+03:00').sortKey).toBe(Date.UTC(2020, 0, 2, 21, 50));
      expect(parsed('2020-01-02T23:30-05:00').sortKey).toBe(Date.UTC(2020, 0, 3, 4, 30));
    });

    it.each(BUNDLED)('gives %s the local days %s to %s', (id, first, last) => {
      const incident = incidents.find((i) => i.id === id);
      expect(incident).toBeDefined();
      expect(isoFromDay(incident?.date.firstDay as number)).toBe(first);
      expect(isoFromDay(incident?.date.lastDay as number)).toBe(last);
    });

    it.each(BUNDLED)('shows the date of %s as the same text', (id, _first, _last, shown) => {
      const incident = incidents.find((i) => i.id === id);
      expect(incident && formatIncidentDate(incident.date)).toBe(shown);
    });

    it('finds the airport strike on 3 January 2020 and nothing on 2 January', () => {
      const on = (iso: string) =>
        [...filterIncidents(index, { ...NO_FILTER, from: day(iso), to: day(iso) })].map(
          (i) => incidents[i]?.id,
        );
      expect(on('2020-01-03')).toEqual(['baghdad-airport-strike-2020-01-03']);
      expect(on('2020-01-02')).toEqual([]);
    });

    it('shows inline dates with their own offset', () => {
      expect(formatIncidentDate(parsed('2020-01-03T00:50+03:00'))).toBe('3 Jan 2020, 00:50 (UTC+3)');
      expect(formatIncidentDate(parsed('2020-01-02T23:30-05:00'))).toBe('2 Jan 2020, 23:30 (UTC\u22125)');
    });
  });

  describe(`week and month precision in ${zone.name}`, () => {
    it.each([
      // [date, first day of its ISO week (Monday), last day (Sunday)]
      ['2020-01-01', '2019-12-30', '2020-01-05'],
      ['2020-03-11T19:35+03:00', '2020-03-09', '2020-03-15'],
      // Daylight saving starts (US) on Sunday 2020-03-08 and ends on Sunday 2020-11-01.
      ['2020-03-08', '2020-03-02', '2020-03-08'],
      ['2020-03-09', '2020-03-09', '2020-03-15'],
      ['2020-11-01', '2020-10-26', '2020-11-01'],
      ['2020-11-02', '2020-11-02', '2020-11-08'],
    ])('puts %s in the week %s to %s', (text, first, last) => {
      const date = parsed(text, 'week');
      expect([isoFromDay(date.firstDay), isoFromDay(date.lastDay)]).toEqual([first, last]);
    });

    it('puts a month-precision date in its calendar month', () => {
      const date = parsed('2020-03-08', 'month');
      expect([isoFromDay(date.firstDay), isoFromDay(date.lastDay)]).toEqual(['2020-03-01', '2020-03-31']);
    });
  });

  describe(`shared links in ${zone.name}`, () => {
    it.each(['2019-12-31', '2020-01-01', '2020-01-03', '2020-02-29', '2020-03-08', '2020-11-01'])(
      'keeps from=to=%s through encode and decode',
      (iso) => {
        const vocabulary = { actors: new Set<string>(), ids: new Set<string>() };
        const { view, notices } = decodeView(
          [
            ['from', iso],
            ['to', iso],
          ],
          vocabulary,
        );
        expect(notices).toEqual([]);
        expect(view.filter.from).toBe(day(iso));
        expect(view.filter.to).toBe(day(iso));
        expect(encodeView(view)).toEqual([
          ['from', iso],
          ['to', iso],
        ]);
      },
    );
  });
}
