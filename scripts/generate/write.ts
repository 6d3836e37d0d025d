/** Streams a generated dataset to a file, chunk by chunk, waiting for the disk when it falls behind. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { datasetChunks } from './format';

export type WriteOptions = Parameters<typeof datasetChunks>[0];

/** Writes the dataset to `path` (creating its folder) and returns how many bytes were written. */
export async function writeDataset(path: string, options: WriteOptions): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([error]) => {
    throw error;
  });
  let bytes = 0;
  for (const chunk of datasetChunks(options)) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return bytes;
}
