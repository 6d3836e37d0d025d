/**
 * Counts of people (killed, injured) that sources may disagree about.
 *
 * A count is a list of reports; `[]` means "not reported", and `0` is a report of none. A single number in
 * the data is one report with no source of its own (the incident's sources stand behind it). Wherever one
 * number is needed (the list, sorting, CSV export, a filter), `pickCount` picks it by a stated rule.
 */

/**
 * One source's figure. It has `value`, or `low` and `high` (low ≤ high), or all three (UCDP's
 * low / best / high). All figures are whole numbers of people ≥ 0.
 */
export interface CountReport {
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Who gives this figure; null for the single-number form. */
  readonly source: string | null;
  /** When the figure was reported, `YYYY-MM-DD`; null when not known. */
  readonly reported: string | null;
  /** The URL exactly as given: untrusted. */
  readonly url: string | null;
  readonly note: string | null;
}

/** All reports of one count, in the order the data lists them. `reports: []` = not reported. */
export interface Count {
  readonly reports: readonly CountReport[];
}

/**
 * How one number is picked from several reports:
 * - `latest` (default): the report with the latest `reported` date. A dated report beats an undated one;
 *   between reports with the same date, or when none is dated, the one listed last wins (data lists
 *   reports oldest first, so the last one is the most recent word).
 * - `highest` / `lowest`: the largest / smallest figure any report gives.
 *
 * A report's figure is its `value` when it has one. A range-only report (`low`–`high`, no value) counts as
 * `high` under `highest`, and as `low` under `latest` and `lowest` (the least the source stands behind).
 */
export type CountRule = 'latest' | 'highest' | 'lowest';
export const COUNT_RULES: readonly CountRule[] = ['latest', 'highest', 'lowest'];

/** What each rule means, for the UI that names the rule in force. */
export const COUNT_RULE_LABEL: Record<CountRule, string> = {
  latest: 'latest report',
  highest: 'highest report',
  lowest: 'lowest report',
};

/** Not reported. */
export const NOT_REPORTED: Count = { reports: [] };

/** The single-number form: `null` → not reported, `n` → one report of `n` with no source of its own. */
export function countFrom(n: number | null): Count {
  if (n === null) return NOT_REPORTED;
  return {
    reports: [{ value: n, low: null, high: null, source: null, reported: null, url: null, note: null }],
  };
}

/** The figure a report stands for under `rule` (see `CountRule`). */
export function reportFigure(report: CountReport, rule: CountRule = 'latest'): number | null {
  if (report.value !== null) return report.value;
  return rule === 'highest' ? (report.high ?? report.low) : (report.low ?? report.high);
}

/** True when the count is exactly one report with no source: it was written as a plain number. */
export function isSingleFigure(count: Count): boolean {
  const [only] = count.reports;
  return count.reports.length === 1 && only !== undefined && only.source === null && only.low === null;
}

/** One number for `count` by `rule` (default `latest`); null when nothing was reported. */
export function pickCount(count: Count, rule: CountRule = 'latest'): number | null {
  let best: number | null = null;
  let bestDate: string | null = null;
  for (const report of count.reports) {
    const figure = reportFigure(report, rule);
    if (figure === null) continue;
    if (best === null) {
      best = figure;
      bestDate = report.reported;
    } else if (rule === 'highest') best = Math.max(best, figure);
    else if (rule === 'lowest') best = Math.min(best, figure);
    // latest: ISO dates compare as text; undated never beats dated; `>=` lets the later-listed win ties.
    else if (
      report.reported === null ? bestDate === null : bestDate === null || report.reported >= bestDate
    ) {
      best = figure;
      bestDate = report.reported;
    }
  }
  return best;
}
