/**
 * The load report's text, kept bounded however many problems a file has: problems grouped by reason with
 * counts, and the whole list as CSV or plain text for download and copy. Pure (no DOM), so it is tested
 * in Node with 150,000 problems; the notice that shows it lives in `notices.ts`.
 *
 * Never spreads the problem list into a call (`f(...issues)`): a spread passes every element as an
 * argument on the stack, and ~120k arguments overflow it ("Maximum call stack size exceeded").
 */
import { formatIssue, issueLocation, type LoadIssue } from '../domain/issues';

/** Problems that share a severity, field and message. */
export interface IssueGroup {
  readonly severity: LoadIssue['severity'];
  readonly field: string | null;
  readonly message: string;
  /** How many problems share this reason. */
  count: number;
  /** What they are counted in: `feature`, `line` (CSV rows), or `time` when they mix or concern the file. */
  unit: 'feature' | 'line' | 'time';
}

/** The record kind an issue is located at, read from its location text (`feature 3`, `line 5`, `file`). */
function unitOf(issue: LoadIssue): IssueGroup['unit'] {
  const at = issueLocation(issue);
  return at.startsWith('feature ') ? 'feature' : at.startsWith('line ') ? 'line' : 'time';
}

/**
 * A message's reason without the values it quotes: `"2024-02-30" is not a real calendar date` and
 * `"2024-13-01" is not…` are one reason, as are `[34.86, 33.80] lies outside Lebanon` and `[34.70, 30.64]…`.
 */
export function reasonOf(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\[[^\]]*\]/g, '[…]');
}

/** Groups `issues` by severity, field and reason, errors first, then by count (largest first). */
export function groupIssues(issues: readonly LoadIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const reason = reasonOf(issue.message);
    // \u0000 cannot occur in a field path, so the key is unambiguous.
    const key = `${issue.severity}\u0000${issue.field ?? ''}\u0000${reason}`;
    const group = groups.get(key);
    const unit = unitOf(issue);
    if (group) {
      group.count++;
      if (group.unit !== unit) group.unit = 'time';
    } else {
      groups.set(key, {
        severity: issue.severity,
        field: issue.field,
        message: reason,
        count: 1,
        unit,
      });
    }
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || b.count - a.count,
  );
}

/** `properties.sources: no source given — 150,000 features`, `… — 3 times`. */
export function formatGroup(group: IssueGroup): string {
  const field = group.field === null ? '' : `${group.field}: `;
  return `${field}${group.message} \u2014 ${countText(group.count, group.unit)}`;
}

/** `1,234 problems` */
export function countText(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The issue's file name: the issue's own (once issues carry one), else `fallback`. */
function fileOf(issue: LoadIssue, fallback: string): string {
  const own = (issue as { readonly file?: unknown }).file;
  return typeof own === 'string' ? own : fallback;
}

/**
 * A CSV field: quoted when it holds a comma, quote or line break, and prefixed with `'` when it starts
 * like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR), so opening the file never runs data as a formula.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The CSV header row of {@link issuesCsvLines}. */
export const CSV_HEADER = 'file,location,field,severity,message\r\n';

/**
 * One CSV line (ending in CRLF, RFC 4180) per issue: file, location (`feature 3 (id x)`, `line 5`,
 * `file`), field, severity, message. An array of lines rather than one string, to hand to `Blob`.
 */
export function issuesCsvLines(issues: readonly LoadIssue[], file: string): string[] {
  const lines: string[] = [CSV_HEADER];
  for (const issue of issues) {
    const cells = [
      fileOf(issue, file),
      issueLocation(issue),
      issue.field ?? '',
      issue.severity,
      issue.message,
    ];
    lines.push(`${cells.map(csvField).join(',')}\r\n`);
  }
  return lines;
}

/** Every issue as one line of text (`formatIssue`), for the clipboard. */
export function issuesText(issues: readonly LoadIssue[]): string {
  const lines: string[] = [];
  for (const issue of issues) lines.push(formatIssue(issue));
  return lines.join('\n');
}
