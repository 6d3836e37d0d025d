/** Percentiles, rows and the markdown table of the browser benchmark. */

export type Impl = 'incident-atlas' | 'markercluster' | 'leaflet-canvas';
export const IMPLS: readonly Impl[] = ['incident-atlas', 'markercluster', 'leaflet-canvas'];
/**
 * `first-points` (extra to the five): navigation → the first incidents painted, where `load` waits
 * for all of them. `longtask` (extra too): the longest main-thread task while loading, per run. The `-binary`
 * ops are the app opening the same dataset's binary form (an Arrow file, `npm run convert`) by `?data=`.
 */
export type Op =
  | 'load'
  | 'first-points'
  | 'filter'
  | 'redraw'
  | 'popup'
  | 'heap'
  | 'longtask'
  | 'load-binary'
  | 'popup-binary'
  | 'heap-binary'
  | 'longtask-binary';
export const OPS: readonly Op[] = [
  'load',
  'first-points',
  'filter',
  'redraw',
  'popup',
  'heap',
  'longtask',
  'load-binary',
  'popup-binary',
  'heap-binary',
  'longtask-binary',
];
const MB_OPS: ReadonlySet<Op> = new Set(['heap', 'heap-binary']);

export interface Row {
  readonly impl: Impl;
  readonly n: number;
  readonly op: Op;
  readonly p50_ms: number | null;
  readonly p95_ms: number | null;
  readonly mb: number | null;
  /** How many measurements the percentiles come from (0 = it could not finish). */
  readonly samples: number;
}

/** The p-th percentile (0..100) by linear interpolation between closest ranks; null for no samples. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function row(impl: Impl, n: number, op: Op, ms: readonly number[], mb: readonly number[] = []): Row {
  return {
    impl,
    n,
    op,
    p50_ms: round1(percentile(ms, 50)),
    p95_ms: round1(percentile(ms, 95)),
    mb: round1(percentile(mb, 50)),
    samples: Math.max(ms.length, mb.length),
  };
}

const fmt = (n: number | null, unit: string) => (n === null ? '—' : `${n.toLocaleString('en-US')} ${unit}`);
const ratio = (peer: number | null, ours: number | null) =>
  peer === null || ours === null || ours === 0 ? '—' : `${(peer / ours).toFixed(2)}×`;

/** A markdown table: one line per size and op, p50 / p95 (or MB) per implementation, and peer / ours. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| n | op | Incident Atlas p50 / p95 | markercluster p50 / p95 | Leaflet canvas p50 / p95 | markercluster / ours (p50) | canvas / ours (p50) |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  const sizes = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
  for (const n of sizes) {
    for (const op of OPS) {
      const get = (impl: Impl) => rows.find((r) => r.n === n && r.op === op && r.impl === impl);
      if (!rows.some((r) => r.n === n && r.op === op)) continue;
      const cells = IMPLS.map((impl) => {
        const r = get(impl);
        if (!r) return '—'; // not measured: the peers have no binary form
        if (r.samples === 0) return 'did not finish';
        return MB_OPS.has(op) ? fmt(r.mb, 'MB') : `${fmt(r.p50_ms, 'ms')} / ${fmt(r.p95_ms, 'ms')}`;
      });
      const value = (impl: Impl) => {
        const r = get(impl);
        return r ? (MB_OPS.has(op) ? r.mb : r.p50_ms) : null;
      };
      const ours = value('incident-atlas');
      lines.push(
        `| ${n.toLocaleString('en-US')} | ${op} | ${cells.join(' | ')} | ${ratio(value('markercluster'), ours)} | ${ratio(value('leaflet-canvas'), ours)} |`,
      );
    }
  }
  return lines.join('\n');
}
