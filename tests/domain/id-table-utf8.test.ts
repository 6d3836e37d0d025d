/** The id table: built from strings or from UTF-8 bytes with offsets (an Arrow column), the same answers. */
import { describe, expect, it } from 'vitest';
import { buildIdTable, findId, idAt, idTableFromUtf8 } from '../../src/domain/columns';

const IDS = ['a', 'taji-2020-03-11', 'ذي قار-1', 'a-2', '', 'émeute 🔥'];

function utf8(ids: readonly string[], pad = 0): { bytes: Uint8Array; offsets: Int32Array } {
  const encoded = ids.map((id) => new TextEncoder().encode(id));
  const bytes = new Uint8Array(pad + encoded.reduce((n, e) => n + e.length, 0) + 3);
  const offsets = new Int32Array(ids.length + 1);
  let at = pad;
  offsets[0] = at;
  encoded.forEach((e, i) => {
    bytes.set(e, at);
    at += e.length;
    offsets[i + 1] = at;
  });
  return { bytes, offsets };
}

describe('idTableFromUtf8', () => {
  it('builds the table buildIdTable builds from the same ids', () => {
    const { bytes, offsets } = utf8(IDS);
    expect(idTableFromUtf8(bytes, offsets)).toEqual(buildIdTable(IDS));
  });

  it('finds every id and answers undefined for others, with offsets that do not start at 0', () => {
    const { bytes, offsets } = utf8(IDS, 5);
    const table = idTableFromUtf8(bytes, offsets);
    IDS.forEach((id, i) => {
      expect(findId(table, id)).toBe(i);
      expect(idAt(table, i)).toBe(id);
    });
    expect(findId(table, 'missing')).toBeUndefined();
  });

  it('copies the bytes, so the table does not change with its source', () => {
    const { bytes, offsets } = utf8(IDS);
    const table = idTableFromUtf8(bytes, offsets);
    bytes.fill(0);
    expect(findId(table, 'taji-2020-03-11')).toBe(1);
  });

  it('refuses offsets that go backwards or past the bytes', () => {
    const { bytes } = utf8(IDS);
    expect(() => idTableFromUtf8(bytes, [0, 3, 2])).toThrow('Id offset 2 (2) is before offset 1 (3)');
    expect(() => idTableFromUtf8(bytes, [0, bytes.length + 1])).toThrow(/outside the \d+ id bytes/);
    expect(() => idTableFromUtf8(bytes, [])).toThrow('at least one offset');
  });

  it('makes an empty table of one offset', () => {
    expect(findId(idTableFromUtf8(new Uint8Array(0), [0]), 'a')).toBeUndefined();
  });
});
