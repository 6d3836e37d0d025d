/**
 * Messages above the map: what could not be loaded (where and why), link parameters that were ignored,
 * and failures. Every message is built from text nodes and can be dismissed.
 *
 * Lists are bounded: a notice shows at most a few hundred lines however many items it is given (a file can
 * have 200,000 problems, a link 10,000 repeated parameters), says how many more there are, and the load
 * report offers the whole list as a CSV download and on the clipboard. No list is spread into a call.
 */
import { append, el } from '../dom/el';
import { countSkipped, formatIssue, type LoadIssue } from '../domain/issues';
import { countText, formatGroup, groupIssues, issuesCsvLines, issuesText } from './load-report';

type Tone = 'error' | 'warning' | 'info';

const LIMITS = {
  listed: 300, // lines of the load report shown on the page, per severity
  groups: 50, // reasons shown in "Problems by reason"
  groupFrom: 20, // problems from which the report starts with the reasons and their counts
  listItems: 10, // items shown by `showList` unless the caller says otherwise
  revokeAfter: 10_000, // ms a download's object URL stays valid: long enough for the browser to read it
};

/**
 * `<ul>` of the first `max` of `items` and, when fewer than `total` are shown, a last line
 * `… and 9,990 more ${noun}`. A list taller than the notice's box scrolls, and is focusable so it
 * scrolls by keyboard too.
 */
function cappedList(
  items: readonly string[],
  max: number,
  { className = '', total = items.length, noun = '' } = {},
): HTMLUListElement {
  const ul = el('ul', { className });
  const shown = Math.min(items.length, max);
  for (let i = 0; i < shown; i++) ul.appendChild(el('li', {}, items[i] as string));
  if (total > shown) {
    const more = `\u2026 and ${n(total - shown)} more${noun === '' ? '' : ` ${noun}`}`;
    ul.appendChild(el('li', { className: 'notice-more' }, more));
  }
  if (ul.childElementCount > 6) ul.setAttribute('tabindex', '0');
  return ul;
}

/** The first `max` issues as lines, without formatting the ones left out. */
function firstLines(issues: readonly LoadIssue[], max: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(issues.length, max); i++) lines.push(formatIssue(issues[i] as LoadIssue));
  return lines;
}

/** `partly-bad.geojson` (or `data="fixtures/partly-bad.geojson"`) → `partly-bad-problems.csv`; anything unsafe in a file name becomes `_`. */
export function problemsFileName(name: string): string {
  const base = (
    name
      .replace(/^\w+="(.*)"$/s, '$1') // a quoted link parameter, data="…": its value
      .replace(/[?#].*$/s, '')
      .split(/[/\\]/)
      .filter((part) => part !== '')
      .pop() ?? 'dataset'
  )
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 60);
  return `${base.replace(/\.(geo)?json$|\.csv$/i, '') || 'dataset'}-problems.csv`;
}

export class Notices {
  constructor(private readonly container: HTMLElement) {}

  /** Adds a notice; `key` replaces an earlier notice with the same key. Returns its element. */
  show(key: string, tone: Tone, heading: string, ...body: (Node | string)[]): HTMLElement {
    this.remove(key);
    const dismiss = el('button', { className: 'button-link', attrs: { type: 'button' } }, 'Dismiss');
    const notice = el('section', {
      className: `notice notice-${tone}`,
      attrs: { 'data-notice': key, role: tone === 'error' ? 'alert' : 'status', 'aria-label': heading },
    });
    append(notice, [el('h2', {}, heading)]);
    append(notice, body);
    append(notice, [el('div', { className: 'notice-actions' }, dismiss)]);
    dismiss.addEventListener('click', () => notice.remove());
    this.container.appendChild(notice);
    return notice;
  }

  /**
   * A notice listing `items`, of which at most `max` are shown, then `… and 9,990 more`. For lists whose
   * length the user controls, such as the ignored parameters of a link.
   */
  showList(
    key: string,
    tone: Tone,
    heading: string,
    items: readonly string[],
    max: number = LIMITS.listItems,
  ): HTMLElement {
    return this.show(key, tone, heading, cappedList(items, max));
  }

  remove(key: string): void {
    for (const node of this.container.querySelectorAll(`[data-notice="${CSS.escape(key)}"]`)) node.remove();
  }

  /**
   * The load report for the dataset called `name`: how many features were skipped, the problems by reason
   * with counts (for long reports), the first few hundred problems, and the whole list to download as CSV
   * or copy. Bounded work and DOM for any number of issues.
   */
  showLoadReport(name: string, loaded: number, issues: readonly LoadIssue[]): void {
    this.remove('load');
    if (issues.length === 0) return;
    const skipped = countSkipped(issues);
    let warnings = 0;
    for (const issue of issues) if (issue.severity === 'warning') warnings++;
    const heading =
      skipped > 0
        ? `${n(skipped)} feature${skipped === 1 ? '' : 's'} could not be loaded from ${name}; ${n(loaded)} loaded.`
        : `${countText(loaded, 'incident')} loaded from ${name}, with ${countText(warnings, 'warning')}.`;
    this.show('load', skipped > 0 ? 'warning' : 'info', heading, this.report(name, issues));
  }

  /**
   * The alert for a dataset that could not be loaded at all: `message`, then the bounded report of its
   * `issues` (if any), then `after` (such as a link back to the bundled data). Bounded for any number of issues.
   */
  showLoadFailed(
    name: string,
    message: string,
    issues: readonly LoadIssue[],
    after: Node | null = null,
  ): HTMLElement {
    const report = issues.length > 0 ? this.report(name, issues) : '';
    const parts: (Node | string)[] = [el('p', {}, message), report];
    if (after) parts.push(after);
    return this.show('load-failed', 'error', 'The dataset could not be loaded', ...parts);
  }

  /**
   * The body of a load report: the problems by reason with counts (for long reports), the first few hundred
   * errors, then the warnings (folded away when there are errors), and Download / Copy for all of them.
   */
  private report(name: string, issues: readonly LoadIssue[]): HTMLElement {
    const errors = issues.filter((i) => i.severity === 'error');
    const warnings = issues.filter((i) => i.severity === 'warning');
    const list = (items: readonly LoadIssue[]) =>
      cappedList(firstLines(items, LIMITS.listed), LIMITS.listed, {
        className: 'notice-issues',
        total: items.length,
      });
    const more = (items: readonly LoadIssue[]) =>
      items.length > LIMITS.listed
        ? el(
            'p',
            { className: 'notice-note' },
            `The first ${n(LIMITS.listed)} are listed; download or copy the whole list.`,
          )
        : null;

    const body = el('div', { className: 'notice-report' }); // a handful of parts, never one per issue
    const grouped = issues.length >= LIMITS.groupFrom;
    if (grouped) body.append(this.reasons(issues));
    // With the reasons summarised above, each problem's own line is one click away rather than a wall of
    // text pushing the map down; short reports list their lines directly.
    const lines = grouped
      ? el(
          'details',
          { className: 'notice-lines' },
          el('summary', {}, `Each problem (${countText(issues.length, 'line')})`),
        )
      : body;
    if (errors.length > 0) append(lines, [list(errors), more(errors)]);
    if (warnings.length > 0) {
      const items = [list(warnings), more(warnings)];
      if (errors.length > 0) {
        const details = el('details', {}, el('summary', {}, countText(warnings.length, 'warning')));
        append(details, items);
        lines.append(details);
      } else {
        append(lines, items);
      }
    }
    if (grouped) body.append(lines);
    body.append(this.reportActions(name, issues));
    return body;
  }

  /** "Problems by reason": the largest groups with their counts. */
  private reasons(issues: readonly LoadIssue[]): HTMLElement {
    const groups = groupIssues(issues);
    const lines: string[] = [];
    for (let i = 0; i < Math.min(groups.length, LIMITS.groups); i++) {
      const group = groups[i];
      if (group) lines.push(`${group.severity === 'error' ? 'Skipped' : 'Warning'}: ${formatGroup(group)}`);
    }
    const ul = cappedList(lines, LIMITS.groups, {
      className: 'notice-reasons',
      total: groups.length,
      noun: 'reasons',
    });
    return el('div', { className: 'notice-reasons-box' }, el('h3', {}, 'Problems by reason'), ul);
  }

  /** Download as CSV and Copy, with a live line saying what happened. */
  private reportActions(name: string, issues: readonly LoadIssue[]): HTMLElement {
    const total = countText(issues.length, 'problem');
    const download = el(
      'button',
      { className: 'button', attrs: { type: 'button' } },
      `Download all ${total} (CSV)`,
    );
    const copy = el('button', { className: 'button', attrs: { type: 'button' } }, 'Copy all');
    const status = el('span', { className: 'notice-status', attrs: { 'aria-live': 'polite' } });
    download.addEventListener('click', () => {
      const blob = new Blob(issuesCsvLines(issues, name), { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = el('a', { attrs: { href: url, download: problemsFileName(name) } });
      link.click();
      // Revoked once the browser has had time to read it; a revoke in the same task can cancel the download.
      setTimeout(() => URL.revokeObjectURL(url), LIMITS.revokeAfter);
      status.textContent = `Downloading ${total}.`;
    });
    copy.addEventListener('click', () => {
      const done = (text: string) => {
        status.textContent = text;
      };
      if (!navigator.clipboard) {
        done('This browser does not allow copying here; use Download instead.');
        return;
      }
      navigator.clipboard.writeText(issuesText(issues)).then(
        () => done(`Copied ${total}.`),
        () => done('The browser refused to copy; use Download instead.'),
      );
    });
    return el('div', { className: 'notice-actions notice-report-actions' }, download, copy, status);
  }
}

function n(count: number): string {
  return count.toLocaleString('en-US');
}
