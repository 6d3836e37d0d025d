import { describe, expect, it } from 'vitest';
import { pickCount } from '../../../src/domain/counts';
import { isoFromDay } from '../../../src/domain/date';
import { readDay } from '../../../src/domain/import/csv/date-forms';
import { detectDelimiter, readCsv } from '../../../src/domain/import/csv/read-csv';
import { detectFormat, importText } from '../../../src/domain/import/import-text';
import { formatIssue } from '../../../src/domain/issues';

const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

/** An ACLED row with the given cells replaced. */
function acledRow(over: Record<string, string> = {}): string {
  const cells: Record<string, string> = {
    event_id_cnty: 'IRQ1',
    event_date: '2020-03-11',
    year: '2020',
    time_precision: '1',
    disorder_type: 'Political violence; Demonstrations',
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Shelling/artillery/missile attack',
    actor1: 'Unidentified Armed Group (Iraq)',
    assoc_actor_1: '',
    inter1: '3',
    actor2: 'Military Forces of the United States (2017-2021)',
    assoc_actor_2: 'Military Forces of the United Kingdom; Civilians (Iraq)',
    inter2: 'External/Other forces',
    interaction: '38',
    civilian_targeting: '',
    iso: '368',
    region: 'Middle East',
    country: 'Iraq',
    admin1: 'Baghdad',
    admin2: 'Tarmia',
    admin3: '',
    location: 'Camp Taji',
    latitude: '33.5294',
    longitude: '44.2775',
    geo_precision: '1',
    source: 'Reuters; Shafaq News',
    source_scale: 'National-International',
    notes: 'On 11 March 2020, rockets hit Camp Taji.',
    fatalities: '3',
    tags: 'casualties unknown; women targeted: candidates',
    timestamp: '1584000000',
    ...over,
  };
  return ACLED_HEADER.split(',')
    .map((h) => {
      const v = cells[h] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

const acled = (...rows: string[]) => importText([ACLED_HEADER, ...rows].join('\n'), 'acled.csv');

describe('ACLED CSV', () => {
  it('maps every ACLED column onto an incident', () => {
    const result = acled(acledRow());
    expect(result.format).toBe('acled');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [i] = result.incidents;
    expect(i).toMatchObject({
      id: 'IRQ1',
      lon: 44.2775,
      lat: 33.5294,
      title: 'Shelling/artillery/missile attack in Camp Taji',
      summary: 'On 11 March 2020, rockets hit Camp Taji.',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Shelling/artillery/missile attack',
      place: { name: 'Camp Taji', admin1: 'Baghdad', country: 'Iraq' },
      locationPrecision: 'exact',
    });
    expect(i?.date.text).toBe('2020-03-11');
    expect(i?.date.precision).toBe('day');
    expect(pickCount(i?.fatalities ?? { reports: [] })).toBe(3);
    expect(i?.sources.map((s) => s.name)).toEqual(['Reuters', 'Shafaq News']);
    expect(i?.actors.map((a) => [a.name, a.role])).toEqual([
      ['Unidentified Armed Group (Iraq)', 'party'],
      ['Military Forces of the United States (2017-2021)', 'party'],
      ['Military Forces of the United Kingdom', 'party'],
      ['Civilians (Iraq)', 'party'],
    ]);
    expect(i?.attributes).toEqual(
      expect.arrayContaining([
        { label: 'Disorder type', value: 'Political violence' },
        { label: 'Disorder type', value: 'Demonstrations' },
        { label: 'Tag', value: 'casualties unknown' },
        { label: 'Tag', value: 'women targeted: candidates' },
        { label: 'Actor 1 type', value: 'Political militias' },
        { label: 'Actor 2 type', value: 'External/Other forces' },
        { label: 'admin2', value: 'Tarmia' },
        { label: 'interaction', value: '38' },
      ]),
    );
  });

  it('never calls an ACLED actor perpetrator or target', () => {
    const [i] = acled(acledRow()).incidents;
    expect(new Set(i?.actors.map((a) => a.role))).toEqual(new Set(['party']));
  });

  it('widens a week-precision date around its middle and a month-precision date to the month', () => {
    const [week, month] = acled(
      acledRow({ event_id_cnty: 'W', event_date: '2020-03-11', time_precision: '2' }),
      acledRow({ event_id_cnty: 'M', event_date: '2020-03-15', time_precision: '3' }),
    ).incidents;
    expect(week?.date.precision).toBe('week');
    expect(week?.date.text).toBe('2020-03-08/2020-03-14');
    expect(isoFromDay(week?.date.firstDay ?? 0) <= '2020-03-08').toBe(true);
    expect(isoFromDay(week?.date.lastDay ?? 0) >= '2020-03-14').toBe(true);
    expect(month?.date.precision).toBe('month');
    expect([isoFromDay(month?.date.firstDay ?? 0), isoFromDay(month?.date.lastDay ?? 0)]).toEqual([
      '2020-03-01',
      '2020-03-31',
    ]);
  });

  it('maps geo_precision 1/2/3 onto exact/near/region', () => {
    const r = acled(
      acledRow({ event_id_cnty: 'a', geo_precision: '1' }),
      acledRow({ event_id_cnty: 'b', geo_precision: '2' }),
      acledRow({ event_id_cnty: 'c', geo_precision: '3' }),
    );
    expect(r.incidents.map((i) => i.locationPrecision)).toEqual(['exact', 'near', 'region']);
  });

  it('keeps civilian targeting and extra columns as attributes', () => {
    const text = [
      `${ACLED_HEADER},my_note`,
      `${acledRow({ civilian_targeting: 'Civilian targeting' })},checked`,
    ].join('\n');
    const [i] = importText(text, 'a.csv').incidents;
    expect(i?.attributes).toEqual(
      expect.arrayContaining([
        { label: 'Civilian targeting', value: 'Civilian targeting' },
        { label: 'my_note', value: 'checked' },
      ]),
    );
  });

  it('reads an older export that lacks some columns', () => {
    const header =
      'event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,fatalities';
    const r = importText(
      `${header}\nOLD1,11-Mar-20,Battles,Armed clash,X,Iraq,Taji,33.5,44.2,0\n`,
      'old.csv',
    );
    expect(r.format).toBe('acled');
    expect(r.incidents[0]?.date.text).toBe('2020-03-11');
  });

  it('counts lines as an editor does when a quoted note spans lines', () => {
    const r = acled(acledRow({ notes: 'one\ntwo\nthree' }), acledRow({ event_id_cnty: 'X', latitude: '' }));
    expect(r.issues.map(formatIssue)).toContain('acled.csv: line 5 (id X): latitude: missing');
  });
});

describe('UCDP GED CSV', () => {
  const header =
    'id,relid,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_article,where_prec,where_coordinates,adm_1,latitude,longitude,country,date_prec,date_start,date_end,deaths_a,best,high,low';
  const row =
    '244657,IRQ-2020-1-xx,2020,3,IS - Civilians,IS - Civilians,IS,Civilians,"Reuters,2020-03-12;AFP",2,Tarmia town (Baghdad),Baghdad governorate,33.67,44.39,Iraq,2,2020-03-10 00:00:00.000,2020-03-12 00:00:00.000,0,5,8,4';

  it('reads the interval, precisions, parties and low/best/high as one count report', () => {
    const r = importText(`${header}\n${row}\n`, 'ged.csv');
    expect(r.format).toBe('ucdp');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [i] = r.incidents;
    expect(i?.id).toBe('244657');
    expect(i?.date.text).toBe('2020-03-10/2020-03-12');
    expect(i?.date.precision).toBe('day');
    expect(i?.locationPrecision).toBe('near');
    expect(i?.actors.map((a) => `${a.name}/${a.role}`)).toEqual(['IS/party', 'Civilians/party']);
    expect(i?.fatalities.reports).toEqual([
      { value: 5, low: 4, high: 8, source: 'UCDP GED', reported: null, url: null, note: null },
    ]);
    expect(i?.place).toEqual({ name: 'Tarmia town', admin1: 'Baghdad governorate', country: 'Iraq' });
    expect(i?.attributes).toEqual(
      expect.arrayContaining([
        { label: 'Where (UCDP)', value: 'Tarmia town (Baghdad)' },
        { label: 'Type of violence', value: 'One-sided violence' },
      ]),
    );
    expect(i?.sources.map((s) => s.name)).toEqual(['Reuters,2020-03-12', 'AFP']);
  });

  it('widens date_prec 4 and 5 to whole months', () => {
    const monthRow = row.replace(',2,2020-03-10', ',4,2020-03-10');
    const [i] = importText(`${header}\n${monthRow}\n`, 'ged.csv').incidents;
    expect(i?.date.precision).toBe('month');
    expect(isoFromDay(i?.date.firstDay ?? 0)).toBe('2020-03-01');
  });
});

describe('generic CSV', () => {
  it('loads lat/lon, date and title columns directly', () => {
    const r = importText('title,date,lat,lon,checked_by\nA,2020-03-11,33.3,44.4,kept\n', 'sheet.csv');
    expect(r.format).toBe('csv');
    expect(r.incidents[0]).toMatchObject({ title: 'A', lat: 33.3, lon: 44.4 });
    expect(r.incidents[0]?.attributes).toEqual([{ label: 'checked_by', value: 'kept' }]);
  });

  it('asks for a mapping when columns are not recognised, listing the headers and first rows', () => {
    const r = importText('Ort,Breite,Länge,Tag\nTaji,33.5,44.2,2020-03-11\n', 'sheet.csv');
    expect(r.incidents).toEqual([]);
    expect(r.total).toBe(1);
    expect(r.skipped).toBe(1);
    expect(r.needsMapping?.headers).toEqual(['Ort', 'Breite', 'Länge', 'Tag']);
    expect(r.needsMapping?.sample).toEqual([['Taji', '33.5', '44.2', '2020-03-11']]);
    expect(formatIssue(r.issues[0] as never)).toContain('headers found: "Ort", "Breite", "Länge", "Tag"');
  });

  it('applies an explicit column mapping', () => {
    const mapping = {
      latitude: 'Breite',
      longitude: 'Länge',
      date: 'Tag',
      title: 'Ort',
      actor: 'Wer',
      summary: 'Was',
      sourceUrl: 'Quelle',
    };
    const r = importText(
      'Ort,Breite,Länge,Tag,Wer,Was,Quelle\nTaji,33.5,44.2,11 March 2020,Group A; Group B,rockets,https://example.org/a\n',
      'sheet.csv',
      { mapping },
    );
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.incidents[0]).toMatchObject({ title: 'Taji', lat: 33.5, lon: 44.2, summary: 'rockets' });
    expect(r.incidents[0]?.date.text).toBe('2020-03-11');
    expect(r.incidents[0]?.actors.map((a) => a.name)).toEqual(['Group A', 'Group B']);
    expect(r.incidents[0]?.sources[0]?.url).toBe('https://example.org/a');
  });

  it('reads ; delimiters with decimal commas', () => {
    const r = importText('title;date;latitude;longitude\nA;2020-03-11;33,31;44,36\n', 'de.csv');
    expect(r.incidents[0]).toMatchObject({ lat: 33.31, lon: 44.36 });
  });

  it('reads tab-separated files', () => {
    const r = importText('title\tdate\tlatitude\tlongitude\nA\t2020-03-11\t33.31\t44.36\n', 't.tsv');
    expect(r.incidents).toHaveLength(1);
  });
});

describe('CSV reading', () => {
  it('chooses the delimiter from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(detectDelimiter('"a;x",b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
  });

  it('gives each row the line it starts on, across CRLF, quoted newlines and blank lines', () => {
    const t = readCsv('h1,h2\r\n"a\r\nb",1\r\n\r\nc,2\r\n');
    expect(t.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(t.rows[0]?.cells).toEqual(['a\nb', '1']);
  });

  it('detects the format from content', () => {
    expect(detectFormat('  {"type":"FeatureCollection"}', 'x.txt')).toBe('geojson');
    expect(detectFormat(`${ACLED_HEADER}\n`, 'x.csv')).toBe('acled');
    expect(detectFormat('title,date,lat,lon\n', 'x.csv')).toBe('csv');
  });
});

describe('readDay', () => {
  it.each([
    ['2020-03-11', '2020-03-11'],
    ['11 March 2020', '2020-03-11'],
    ['11 Mar 2020', '2020-03-11'],
    ['13-03-2020', '2020-03-13'],
    ['11-Mar-20', '2020-03-11'],
    ['01-Jan-99', '1999-01-01'],
    ['13/03/2020', '2020-03-13'],
    ['03/13/2020', '2020-03-13'],
    ['2020-03-11 00:00:00.000', '2020-03-11'],
  ])('reads %s', (text, iso) => {
    expect(readDay(text)).toEqual({ ok: true, iso });
  });

  it.each([
    ['01/02/2024', 'is ambiguous'],
    ['2024-02-30', 'is not a real calendar date'],
    ['30 Febtember 2024', 'is not an English month name'],
    ['yesterday', 'is not a date form'],
  ])('reports %s', (text, reason) => {
    const r = readDay(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });
});

describe('importBytes limits and mappings', () => {
  it('refuses a file above the stated limit with what to do', async () => {
    const { importBytes } = await import('../../../src/domain/import/import-text');
    const r = importBytes(new Uint8Array(2_000_000).fill(0x41), 'big.csv', { maxBytes: 1_000_000 });
    expect(r.readable).toBe(false);
    expect(formatIssue(r.issues[0] as never)).toBe(
      'big.csv: is 2 MB, more than the 1 MB this page can open: split it into smaller files, or filter it before exporting',
    );
  });

  it('says which mapped columns a file lacks when a saved mapping does not fit', () => {
    const mapping = { latitude: 'lat', longitude: 'lon', date: 'date', title: 'Headline' };
    const r = importText('title,date,lat,lon\nA,2020-03-11,33.3,44.4\n', 's.csv', { mapping });
    expect(r.needsMapping?.headers).toEqual(['title', 'date', 'lat', 'lon']);
    expect(formatIssue(r.issues[0] as never)).toContain('names columns this file does not have ("Headline"');
  });

  it('keeps a source column of names as names, and an http(s) address as a URL', () => {
    const r = importText(
      'title,date,lat,lon,source\nA,2020-03-11,33.3,44.4,Reuters\nB,2020-03-11,33.3,44.4,https://x.org/a\n',
      's.csv',
    );
    expect(r.incidents.map((i) => i.sources[0])).toEqual([
      { name: 'Reuters', url: null, kind: 'other', published: null },
      { name: 'https://x.org/a', url: 'https://x.org/a', kind: 'other', published: null },
    ]);
  });
});

describe('readDay outside ACLED', () => {
  it('reads dd-mm-yyyy day first only in ACLED files, and reports it as ambiguous elsewhere', () => {
    expect(readDay('01-02-2024', true)).toEqual({ ok: true, iso: '2024-02-01' });
    const generic = readDay('01-02-2024');
    expect(generic.ok ? '' : generic.reason).toContain('is ambiguous');
    expect(readDay('13-02-2024')).toEqual({ ok: true, iso: '2024-02-13' });
  });
});
