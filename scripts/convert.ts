/**
 * `npm run convert -- <input.geojson|input.csv> --out <file.arrow>`: writes a dataset's binary form, an
 * Apache Arrow IPC file the app opens like GeoJSON or CSV, but without parsing any text at load
 * (docs/binary-format.md). The input is read by the app's own streaming importer, fed from a file stream;
 * its problems are printed as `npm run validate` prints them, and the incidents that loaded are written.
 *
 * Exit status as validate's: 0 every record loaded and the file was written; 1 some records were skipped
 * (the rest were written) or none loaded (nothing written); 2 the input could not be read, or the output
 * not written. Bad input never prints a stack trace.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { type DatasetDerived, deriveDataset } from '../src/domain/dataset';
import type { DerivedImport, ImportResult } from '../src/domain/import/result';
import { encodeRecord } from '../src/domain/records';
import { storyTimeKey } from '../src/domain/story';
import { RecordColumn, type StoreKeys, storeFileChunks, storeKeys } from '../src/io/arrow-write';
import { readInput } from './read-input';
import { type FileReport, printReports } from './validate';

const USAGE = 'usage: npm run convert -- <input.geojson|input.csv> --out <file.arrow>';

/** What the importer read, and for a CSV read as it arrived, the records and keys of its store. */
interface Read {
  readonly result: ImportResult | DerivedImport;
  readonly records: RecordColumn;
  readonly keys: { sortKey: number[]; timeKey: number[] };
}

/** True when `file` starts (after a BOM and white space) like JSON; false for CSV and anything else. */
function looksLikeJson(file: string): boolean {
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return text.startsWith('{') || text.startsWith('[');
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `file` through the streaming importer, as the app's loading worker does: a CSV straight into the
 * columnar store, row by row, its records and keys kept as each incident is added (so an export of any
 * size converts); a GeoJSON into incidents.
 */
async function importFile(file: string): Promise<Read> {
  const records = new RecordColumn();
  const keys = { sortKey: [] as number[], timeKey: [] as number[] };
  let json = false;
  try {
    json = looksLikeJson(file);
  } catch {
    // not readable: readInput says why
  }
  const result = json
    ? await readInput(file, {}, { reading: 'incidents' })
    : await readInput(
        file,
        {},
        {
          reading: 'store',
          onIncident: (incident) => {
            records.add(encodeRecord(incident));
            keys.sortKey.push(incident.date.sortKey);
            keys.timeKey.push(storyTimeKey(incident.date.start));
          },
        },
      );
  return { result, records, keys };
}

/** Runs the converter; returns the exit status. Writes through `out` so tests can call it directly. */
export async function main(argv: readonly string[], out: (line: string) => void): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: { out: { type: 'string' } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: { out: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [input, ...extra] = parsed.positionals;
  const target = parsed.values.out;
  if (input === undefined || extra.length > 0 || target === undefined || target === '') {
    out(USAGE);
    return 2;
  }
  const started = performance.now();
  const read = await importFile(input);
  const { result } = read;
  const status = printReports([{ file: input, result } satisfies FileReport], false, out);
  if (!result.readable) return 2;
  const loaded = result.total - result.skipped;
  if (loaded === 0) {
    out(`Nothing written: no incident of ${input} loaded.`);
    return 1;
  }
  let derived: DatasetDerived;
  let keys: StoreKeys;
  let records: RecordColumn;
  if ('derived' in result) {
    derived = result.derived;
    keys = { sortKey: Float64Array.from(read.keys.sortKey), timeKey: Float64Array.from(read.keys.timeKey) };
    records = read.records;
  } else {
    derived = deriveDataset(result.incidents);
    keys = storeKeys(result.incidents);
    records = new RecordColumn();
    for (const incident of result.incidents) records.add(encodeRecord(incident));
  }
  try {
    const chunks = await storeFileChunks(derived, keys, records, {
      name: result.name ?? null,
      source: basename(input),
      total: result.total,
      skipped: result.skipped,
    });
    const fd = openSync(target, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    const bytes = chunks.reduce((n, c) => n + c.length, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out(
      `Wrote ${loaded.toLocaleString('en-US')} incidents to ${target} (${(bytes / 1e6).toFixed(1)} MB, Arrow IPC) in ${seconds} s`,
    );
  } catch (error) {
    out(`Could not write ${target}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  return status;
}

if (process.argv[1]?.endsWith('convert.ts')) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then((status) => {
    process.exitCode = status;
  });
}
