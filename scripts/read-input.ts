/**
 * Reading a file for the command-line tools as the app's loading worker reads a download: through the
 * streaming importer, fed from a file stream, so no file is ever one string (a 740 MB ACLED export or a
 * 1.2 GB GeoJSON is read feature by feature and row by row). Bad input never throws.
 */
import { createReadStream } from 'node:fs';
import type { ImportOptions } from '../src/domain/import/import-text';
import type { DerivedImport, ImportResult } from '../src/domain/import/result';
import { StreamingImport, type StreamOptions } from '../src/domain/import/stream-import';

/** A failure to read `file` at all, as the importer would report it. */
function cannotRead(file: string, error: unknown): ImportResult {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
  return {
    format: null,
    incidents: [],
    issues: [
      { severity: 'error', location: { kind: 'file' }, file, field: null, message: `cannot be read: ${why}` },
    ],
    total: 0,
    skipped: 0,
    readable: false,
  };
}

/**
 * Streams `file` through an importer that reads as `stream.reading` says: `incidents` gives the incidents
 * (`end`); `store` the columnar store of a GeoJSON collection or a CSV of 64 kB or more (`endDerived`).
 */
export async function readInput(
  file: string,
  options: ImportOptions,
  stream: StreamOptions & { readonly reading: 'incidents' | 'store' },
): Promise<ImportResult | DerivedImport> {
  const importer = new StreamingImport(file, options, stream);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      importer.push(chunk as Buffer);
      if (importer.stopped) break;
    }
  } catch (error) {
    return cannotRead(file, error);
  }
  return stream.reading === 'incidents' ? importer.end() : importer.endDerived();
}
