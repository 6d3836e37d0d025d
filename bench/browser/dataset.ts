/**
 * The benchmark's datasets: generated once per size and seed into bench/browser/data/ (git-ignored), with
 * a plan beside each file — the filter steps every implementation takes and how many incidents each step
 * must show, counted from the generator's own data (so a wrong count fails the run instead of timing it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ISOLATED } from '../../scripts/generate/incidents';
import { writeDataset } from '../../scripts/generate/write';

export const FILTER_DATE_STEPS = 50;

export interface FilterStep {
  /** From day (days since 1970-01-01); the To end stays open. */
  readonly from: number;
  /** The same day as YYYY-MM-DD, as typed into the app's From field. */
  readonly fromIso: string;
  /** Chosen actors; [] = any. */
  readonly actors: readonly string[];
  /** The actor this step checks or unchecks in the app's facet (null for a date step). */
  readonly toggle: string | null;
  /** How many incidents the step shows. */
  readonly count: number;
}

export interface Plan {
  readonly n: number;
  readonly seed: number;
  readonly file: string;
  readonly bytes: number;
  readonly isolated: { readonly lon: number; readonly lat: number };
  readonly steps: readonly FilterStep[];
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Generates `n` incidents (the last one isolated) unless the file and its plan are already there. */
export async function prepareDataset(dir: string, n: number, seed: number): Promise<Plan> {
  const file = `incidents-${n}-seed${seed}.geojson`;
  const path = join(dir, file);
  const planPath = `${path}.plan.json`;
  if (existsSync(path) && existsSync(planPath)) {
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    if (plan.bytes === statSync(path).size && plan.n === n && plan.seed === seed) return plan;
  }
  const firstDay = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const actorStart = new Uint32Array(n + 1);
  let entries = new Int32Array(n * 2);
  let used = 0;
  const idOf = new Map<string, number>();
  const uses: number[] = [];
  const started = performance.now();
  const bytes = await writeDataset(path, {
    count: n,
    seed,
    isolated: true,
    onIncident: (g, i) => {
      firstDay[i] = g.firstDay;
      lastDay[i] = g.lastDay;
      actorStart[i] = used;
      for (const a of g.actors) {
        let id = idOf.get(a.name);
        if (id === undefined) {
          id = idOf.size;
          idOf.set(a.name, id);
          uses.push(0);
        }
        uses[id] = (uses[id] as number) + 1;
        if (used === entries.length) {
          const grown = new Int32Array(entries.length * 2);
          grown.set(entries);
          entries = grown;
        }
        entries[used++] = id;
      }
    },
  });
  actorStart[n] = used;
  console.error(
    `[bench] generated ${file}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    minDay = Math.min(minDay, firstDay[i] as number);
    maxDay = Math.max(maxDay, lastDay[i] as number);
  }
  const byUse = [...idOf.keys()].sort(
    (a, b) => (uses[idOf.get(b) as number] as number) - (uses[idOf.get(a) as number] as number),
  );
  const [a = '', b = ''] = byUse;
  const idA = idOf.get(a);
  const idB = idOf.get(b);
  const count = (from: number, actors: readonly string[]) => {
    const ids = new Set(actors.map((name) => (name === a ? idA : idB)));
    let k = 0;
    for (let i = 0; i < n; i++) {
      if ((lastDay[i] as number) < from) continue;
      if (ids.size > 0) {
        let any = false;
        for (let e = actorStart[i] as number; e < (actorStart[i + 1] as number); e++)
          if (ids.has(entries[e])) any = true;
        if (!any) continue;
      }
      k++;
    }
    return k;
  };
  // A drag of From over the first half of the dates, then actor toggles at the last From.
  const middle = minDay + Math.floor((maxDay - minDay) / 2);
  const steps: FilterStep[] = [];
  for (let k = 1; k <= FILTER_DATE_STEPS; k++) {
    const from = minDay + Math.round((k * (middle - minDay)) / FILTER_DATE_STEPS);
    steps.push({ from, fromIso: iso(from), actors: [], toggle: null, count: count(from, []) });
  }
  const last = steps.at(-1) as FilterStep;
  for (const [actors, toggle] of [
    [[a], a],
    [[a, b], b],
    [[b], a],
    [[], b],
  ] as const) {
    steps.push({ from: last.from, fromIso: last.fromIso, actors, toggle, count: count(last.from, actors) });
  }
  const plan: Plan = { n, seed, file, bytes, isolated: { lon: ISOLATED.lon, lat: ISOLATED.lat }, steps };
  writeFileSync(planPath, JSON.stringify(plan, null, 1));
  return plan;
}

/** The binary form's file name beside a plan's GeoJSON. */
export const binaryFile = (plan: Plan) => plan.file.replace(/\.geojson$/, '.arrow');

/**
 * Converts the plan's GeoJSON into its binary form with `npm run convert` (in a child process: a million
 * incidents take several GB) unless a file newer than the GeoJSON is there. Returns its size in bytes.
 */
export function prepareBinary(dir: string, plan: Plan): number {
  const from = join(dir, plan.file);
  const to = join(dir, binaryFile(plan));
  if (existsSync(to) && statSync(to).mtimeMs > statSync(from).mtimeMs) return statSync(to).size;
  const root = resolve(import.meta.dirname, '..', '..');
  const started = performance.now();
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'convert.ts'), from, '--out', to],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=12000' } },
  );
  if (run.status !== 0) throw new Error(`npm run convert failed on ${plan.file}: ${run.stdout}${run.stderr}`);
  console.error(
    `[bench] converted ${plan.file} to ${binaryFile(plan)}: ${(statSync(to).size / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return statSync(to).size;
}
