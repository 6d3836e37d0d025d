/**
 * Any other CSV, read through a `ColumnMapping` (recognised from the headers, or given by the user).
 * Dates: ISO 8601 as in our GeoJSON (`2020-03-11`, `2020-03-11T19:35+03:00`, `start/end`), or any day form
 * of `date-forms.ts` (`11 March 2020`, …); ambiguous forms are reported. Every unmapped column is kept as
 * an attribute.
 */
import { parseIncidentDate } from '../../date';
import type { Attribute } from '../../incident';
import type { ColumnMapping } from '../column-mapping';
import { readDay } from './date-forms';
import type { CsvMapper } from './import-csv';

/** A mapper for generic CSV rows through `mapping`. */
export function genericMapper(mapping: ColumnMapping): CsvMapper {
  const names: Record<string, string> = {
    title: mapping.title,
    date: mapping.date,
    summary: mapping.summary ?? 'summary',
    actors: mapping.actor ?? 'actor',
    sources: mapping.sourceUrl ?? 'source',
    point: `${mapping.longitude}, ${mapping.latitude}`,
    id: mapping.id ?? 'id',
  };
  return {
    format: 'csv',
    idColumn: mapping.id ?? null,
    fieldName: (key) => names[key] ?? key,
    read(row, r) {
      const lat = row.number(r, mapping.latitude);
      const lon = row.number(r, mapping.longitude);
      const dateText = row.get(mapping.date);
      let date: string | undefined;
      if (dateText === '') r.error(mapping.date, 'missing');
      else if (parseIncidentDate(dateText, null).ok) date = dateText;
      else {
        const day = readDay(dateText);
        if (day.ok) date = day.iso;
        else r.error(mapping.date, day.reason);
      }
      const title = row.get(mapping.title);
      if (title === '') r.error(mapping.title, 'missing');
      const actor = mapping.actor === undefined ? [] : row.list(mapping.actor);
      const url = mapping.sourceUrl === undefined ? '' : row.get(mapping.sourceUrl);
      const summary = mapping.summary === undefined ? '' : row.get(mapping.summary);
      if (mapping.id !== undefined) row.get(mapping.id);
      const attributes: Attribute[] = row.rest();
      return {
        point: lat === null || lon === null ? null : { lon, lat },
        props: {
          title: title || undefined,
          date,
          summary: summary || undefined,
          actors: actor.map((name) => ({ name, role: 'party', attribution: 'unknown' })),
          // A "source" column may hold names rather than addresses: only an http(s) address is a URL.
          sources:
            url === ''
              ? []
              : [
                  /^https?:\/\//i.test(url)
                    ? { name: url, url, kind: 'other' }
                    : { name: url, kind: 'other' },
                ],
          attributes,
        },
      };
    },
  };
}
