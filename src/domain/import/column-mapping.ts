/**
 * Which CSV column holds which incident field, for CSVs that are neither ACLED nor UCDP. Column names are
 * header cells exactly as found in the file.
 */
export interface ColumnMapping {
  readonly latitude: string;
  readonly longitude: string;
  readonly date: string;
  readonly title: string;
  readonly actor?: string;
  readonly summary?: string;
  readonly sourceUrl?: string;
  /** A column of stable ids; without one, ids are made from line numbers. */
  readonly id?: string;
}

/** Header names recognised without a mapping, lower-cased and trimmed; first match wins. */
const KNOWN: Record<keyof ColumnMapping, readonly string[]> = {
  latitude: ['latitude', 'lat', 'y'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x'],
  date: ['date', 'event_date', 'day', 'when'],
  title: ['title', 'name', 'headline', 'event'],
  actor: ['actor', 'actors', 'perpetrator', 'actor1'],
  summary: ['summary', 'description', 'notes', 'details'],
  sourceUrl: ['source_url', 'source url', 'url', 'link', 'source'],
  id: ['id', 'event_id', 'uid', 'identifier'],
};

/** The columns recognised by name; the required four are all present only when the CSV loads unmapped. */
export function guessMapping(headers: readonly string[]): Partial<ColumnMapping> {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const out: Partial<Record<keyof ColumnMapping, string>> = {};
  for (const key of Object.keys(KNOWN) as (keyof ColumnMapping)[]) {
    for (const name of KNOWN[key]) {
      const at = lower.indexOf(name);
      if (at >= 0) {
        out[key] = headers[at] as string;
        break;
      }
    }
  }
  return out;
}

/** The mapping when `guess` has the four required columns, else null. */
export function completeMapping(guess: Partial<ColumnMapping>): ColumnMapping | null {
  const { latitude, longitude, date, title } = guess;
  if (latitude === undefined || longitude === undefined || date === undefined || title === undefined)
    return null;
  return { ...guess, latitude, longitude, date, title };
}

/** Mapped columns that are not headers of the file (a mapping saved for another file). */
export function missingColumns(mapping: ColumnMapping, headers: readonly string[]): string[] {
  return Object.values(mapping).filter((c): c is string => c !== undefined && !headers.includes(c));
}
