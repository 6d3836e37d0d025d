/**
 * The load report as CSV, for "download the report": one row per issue, in the order found, with the same
 * location the one-line form gives, split into columns a spreadsheet can sort and filter.
 */
import type { LoadIssue } from '../issues';
import { csvText } from './csv';

const COLUMNS = ['file', 'severity', 'feature', 'line', 'id', 'field', 'message'] as const;

/** Chunks of CSV text (header first, CRLF line ends); every cell defused against formula injection. */
export function* exportIssuesCsv(issues: readonly LoadIssue[]): Generator<string> {
  yield `${COLUMNS.join(',')}\r\n`;
  const CHUNK = 2000;
  for (let start = 0; start < issues.length; start += CHUNK) {
    let text = '';
    for (const issue of issues.slice(start, start + CHUNK)) {
      const at = issue.location;
      const cells = [
        issue.file ?? '',
        issue.severity,
        at.kind === 'feature' ? String(at.index + 1) : '', // counted from 1, as in the message
        at.kind === 'line' ? String(at.line) : '',
        at.kind === 'file' ? '' : (at.id ?? ''),
        issue.field ?? '',
        issue.message,
      ];
      text += `${cells.map(csvText).join(',')}\r\n`;
    }
    yield text;
  }
}
