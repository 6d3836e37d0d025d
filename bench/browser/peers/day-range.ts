/**
 * The days an incident's date covers, as a peer page computes them from the GeoJSON text (the same rules
 * as the app, docs/data-format.md, written the short way a page of its own would).
 */
const DAY = 86_400_000;
const dayOf = (iso: string) =>
  Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +(iso.slice(8, 10) || 1)) / DAY);
const weekStart = (day: number) => day - ((((day + 3) % 7) + 7) % 7);
const monthEnd = (day: number) => {
  const d = new Date(day * DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY) - 1;
};
const monthStart = (day: number) => {
  const d = new Date(day * DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY);
};

/** First and last local day an incident's date covers, widened by its precision (docs/data-format.md). */
export function dayRange(date: string, precision: string | undefined): [number, number] {
  const [a = date, b = a] = date.split('/');
  const first = dayOf(a);
  let last = dayOf(b);
  const p = precision ?? (a.length === 7 ? 'month' : 'day');
  if (p === 'week') return [weekStart(first), weekStart(last) + 6];
  if (p === 'month' || b.length === 7) last = monthEnd(last);
  return p === 'month' ? [monthStart(first), last] : [first, last];
}
