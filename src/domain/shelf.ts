/**
 * The datasets loaded side by side ("the shelf") and the one dataset they make together. Opening a file
 * either replaces what is shown or adds to it; an id already used by an earlier dataset on the shelf is
 * never merged silently: the later incident is left out and reported.
 */
import type { Incident } from './incident';

/** What a loaded part is, as the data list shows it. */
export interface ShelfPart {
  /** Stable key of this part on the shelf (and in this browser's storage). */
  readonly key: string;
  readonly name: string;
  /** The format it was read as: "GeoJSON", "ACLED CSV", "UCDP GED CSV", "CSV". */
  readonly format: string;
  /** Incidents loaded. */
  readonly count: number;
  /** Features or rows in the input; loaded + skipped = total. */
  readonly total: number;
  readonly skipped: number;
}

/** A part's incidents, to combine with others. */
export interface CombineInput {
  readonly name: string;
  readonly incidents: readonly Incident[];
}

/** An incident left out because an earlier part on the shelf has the same id. */
export interface IdCollision {
  readonly id: string;
  /** The part whose incident was kept. */
  readonly keptIn: string;
  /** The part whose incident was left out. */
  readonly droppedFrom: string;
}

export interface Combined {
  readonly incidents: readonly Incident[];
  readonly collisions: readonly IdCollision[];
  /** Incidents each part contributes after collisions, in shelf order. */
  readonly shown: readonly number[];
}

/** Joins the parts in shelf order; the first part to use an id keeps it. */
export function combineParts(parts: readonly CombineInput[]): Combined {
  const owner = new Map<string, string>();
  const incidents: Incident[] = [];
  const collisions: IdCollision[] = [];
  const shown: number[] = [];
  for (const part of parts) {
    let n = 0;
    for (const incident of part.incidents) {
      const keptIn = owner.get(incident.id);
      if (keptIn !== undefined) {
        collisions.push({ id: incident.id, keptIn, droppedFrom: part.name });
        continue;
      }
      owner.set(incident.id, part.name);
      incidents.push(incident);
      n++;
    }
    shown.push(n);
  }
  return { incidents, collisions, shown };
}

/** The name of what the shelf shows: one part's own name, or "N datasets". */
export function shelfName(parts: readonly Pick<ShelfPart, 'name'>[]): string {
  if (parts.length === 1) return (parts[0] as ShelfPart).name;
  return `${parts.length} datasets: ${parts.map((p) => p.name).join(' + ')}`;
}
