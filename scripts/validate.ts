/**
 * `npm run validate -- [--json] [--strict] <file>...`: checks GeoJSON and CSV files (ACLED, UCDP GED, generic) with
 * the same code the app uses (the streaming importer, scripts/read-input.ts: no file is ever one string),
 * prints one line per problem and a summary line.
 *
 * Exit status: 0 every record of every file loaded; 1 something was skipped (or a CSV needs a column
 * mapping); 2 a file could not be read at all (missing, empty, not UTF-8, not data). Bad input never
 * prints a stack trace. `--json` prints `{ files: [{ file, format, total, loaded, skipped, readable,
 * issues: [{ severity, location, field, message, text }] }] }` instead. `--strict` holds GeoJSON to the
 * bundled dataset's standard (every field, at least one source).
 */
import type { ImportResult } from '../src/domain/import/result';
import { formatIssue } from '../src/domain/issues';
import { readInput } from './read-input';

/** One file checked: its name and what the importer made of it. */
export interface FileReport {
  readonly file: string;
  /** What reading it gave: incidents, or a columnar store (`npm run convert` of a large CSV). */
  readonly result: Pick<ImportResult, 'format' | 'total' | 'skipped' | 'readable' | 'issues'>;
}

/** Reads `file` as the app does, into a columnar store where it streams (nothing of it is kept). */
async function readFile(file: string, strict: boolean): Promise<FileReport> {
  return { file, result: await readInput(file, { strict }, { reading: 'store' }) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs the validator; returns the exit status. Writes through `out` so tests can call it directly. */
export async function main(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const json = argv.includes('--json');
  const strict = argv.includes('--strict');
  const files = argv.filter((a) => a !== '--json' && a !== '--strict');
  if (files.length === 0) {
    out('usage: npm run validate -- [--json] [--strict] <file.geojson|file.csv>...');
    return 2;
  }
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await readFile(file, strict));
  return printReports(reports, json, out);
}

/**
 * Prints what was found in each file — one line per problem and a summary line, or JSON — and returns the
 * exit status: 2 a file could not be read, 1 something was skipped, else 0. `npm run convert` prints its
 * input's problems with it too.
 */
export function printReports(
  reports: readonly FileReport[],
  json: boolean,
  out: (line: string) => void,
): number {
  const files = reports.map((r) => r.file);
  const unreadable = reports.filter((r) => !r.result.readable).length;
  const skipped = reports.reduce((n, r) => n + r.result.skipped, 0);
  const status = unreadable > 0 ? 2 : skipped > 0 ? 1 : 0;
  if (json) {
    const list = reports.map(({ file, result }) => ({
      file,
      format: result.format,
      total: result.total,
      loaded: result.total - result.skipped,
      skipped: result.skipped,
      readable: result.readable,
      issues: result.issues.map((i) => ({ ...i, text: formatIssue(i) })),
    }));
    out(JSON.stringify({ files: list, status }, null, 2));
    return status;
  }
  let warnings = 0;
  let loaded = 0;
  let total = 0;
  for (const { result } of reports) {
    for (const issue of result.issues) {
      if (issue.severity === 'warning') warnings++;
      out(`${issue.severity === 'error' ? 'error' : 'warning'}: ${formatIssue(issue)}`);
    }
    loaded += result.total - result.skipped;
    total += result.total;
  }
  out(
    `${plural(files.length, 'file')} checked: ${loaded} of ${plural(total, 'record')} loaded, ${skipped} skipped, ${plural(warnings, 'warning')}` +
      (unreadable > 0 ? `, ${plural(unreadable, 'file')} could not be read` : ''),
  );
  return status;
}

if (process.argv[1]?.endsWith('validate.ts')) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then((status) => {
    process.exitCode = status;
  });
}
