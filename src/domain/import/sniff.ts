/**
 * Whole-file checks before any record is read: bytes that are not text we can read (empty, a zip/XLSX,
 * a Shapefile, an old Excel file, not UTF-8) and text that is not data (an HTML page, KML). Each answer is
 * one sentence naming what the file is and what to do.
 */

// TextDecoder exists in browsers, workers and Node, but the pure domain compiles without DOM or Node types.
declare class TextDecoder {
  constructor(label: string, options: { fatal: boolean });
  decode(input: Uint8Array): string;
}

const startsWith = (b: Uint8Array, magic: readonly number[]) => magic.every((m, i) => b[i] === m);

/** Latin-1 view of the first bytes, for looking for ASCII markers inside binary formats. */
function head(b: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/** True when `bytes` start like an Apache Arrow IPC file ("ARROW1"): the binary form the app opens itself
 *  (io/arrow-read.ts), never as text. */
export function isArrowFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]);
}

/** What binary file `bytes` is, as a message, or null when it may be text. */
export function binaryProblem(bytes: Uint8Array): string | null {
  if (isArrowFile(bytes))
    return 'is an Arrow file (the binary form npm run convert writes): open it in the app; only GeoJSON and CSV are read as text';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = head(bytes, 4096);
    if (names.includes('xl/') || names.includes('[Content_Types].xml')) {
      return 'is an Excel workbook (XLSX), not CSV: in Excel choose File › Save As › "CSV UTF-8", then open that file';
    }
    if (/\.shp|\.dbf/i.test(names)) {
      return 'is a zipped Shapefile: convert it to GeoJSON (e.g. ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson in.shp) and open that';
    }
    if (names.includes('doc.kml'))
      return 'is a KMZ (zipped KML): convert it to GeoJSON (e.g. ogr2ogr -f GeoJSON out.geojson in.kmz)';
    return 'is a zip archive: unzip it and open the GeoJSON or CSV file inside';
  }
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a])) {
    return 'is a Shapefile (.shp): convert it to GeoJSON (e.g. ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson in.shp) and open that';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'is an old Excel workbook (XLS), not CSV: save it as "CSV UTF-8" and open that';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'is gzip-compressed: decompress it and open the file inside';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'is a PDF document, not data';
  return null;
}

/** The bytes as text, or a message when they are not UTF-8. A leading BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    let at = 0;
    // Find the first byte that is not ASCII, to say where the problem starts.
    while (at < bytes.length && (bytes[at] as number) < 0x80) at++;
    return { ok: false, message: utf8Problem(at) };
  }
}

/** The message for bytes that are not UTF-8; `at`: the offset of the first byte that is not ASCII. */
export function utf8Problem(at: number): string {
  return `is not UTF-8 text (first unreadable byte at offset ${at}; probably Windows-1252 or Latin-1 from Excel): save it again as "CSV UTF-8" or UTF-8 GeoJSON`;
}

/** What non-data text `text` is (HTML, KML, XML), as a message, or null. */
export function textProblem(text: string): string | null {
  const start = text.trimStart().slice(0, 1024).toLowerCase();
  if (start === '') return 'is empty';
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    /^<(head|body|title)\b/.test(start)
  ) {
    return 'is an HTML web page, not data (an error or login page saved instead of the file?): download the data file itself and open it';
  }
  if (start.startsWith('<')) {
    if (start.includes('<kml')) {
      return 'is KML, which cannot be opened yet: convert it to GeoJSON (e.g. ogr2ogr -f GeoJSON out.geojson in.kml) and open that';
    }
    return 'is XML, not GeoJSON or CSV';
  }
  return null;
}
