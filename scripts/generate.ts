/**
 * Writes a realistic synthetic incident dataset (scripts/generate/incidents.ts says what is in it).
 *
 *   npm run generate -- --count 100000 --out data/100k.geojson [--seed 1] [--format geojson|csv] [--isolated]
 *
 * The format defaults to the file's extension (.csv → ACLED-style CSV), else our GeoJSON. The same seed
 * writes the same bytes. Output is streamed, so a million incidents (~0.9 GB) need little memory.
 */
import { parseArgs } from 'node:util';
import type { DatasetFormat } from './generate/format';
import { writeDataset } from './generate/write';

const USAGE =
  'Usage: npm run generate -- --count <N> --out <file> [--seed S] [--format geojson|csv] [--isolated]';

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        isolated: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = Number(values.count);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const out = typeof values.out === 'string' ? values.out : '';
  const format = (values.format ?? (out.toLowerCase().endsWith('.csv') ? 'csv' : 'geojson')) as string;
  const problems = [
    !Number.isInteger(count) || count < 1 ? '--count must be a whole number ≥ 1' : null,
    out === '' ? '--out is required' : null,
    !Number.isInteger(seed) ? '--seed must be a whole number' : null,
    format !== 'geojson' && format !== 'csv' ? '--format must be geojson or csv' : null,
  ].filter((p) => p !== null);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const bytes = await writeDataset(out, {
    count,
    seed,
    format: format as DatasetFormat,
    isolated: values.isolated === true,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Wrote ${count.toLocaleString('en-US')} incidents (${format}, seed ${seed}) to ${out}: ` +
      `${(bytes / 1e6).toFixed(1)} MB, ${Math.round(bytes / count)} bytes per incident, in ${seconds.toFixed(1)} s`,
  );
  return 0;
}

process.exitCode = await main();
