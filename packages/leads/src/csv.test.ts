import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('csvCell', () => {
  it('neutralises every formula prefix', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) {
      expect(csvCell(text).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('quotes separators, quotes and newlines; renders null, dates and objects', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(new Date('2025-01-02T03:04:05Z'))).toBe('"2025-01-02T03:04:05.000Z"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(true)).toBe('"true"');
  });

  it('ends rows with CRLF', () => {
    expect(csvRow(['a', 1])).toBe('"a","1"\r\n');
  });
});
