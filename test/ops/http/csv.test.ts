import { csvCell, toCsv } from '../../../src/ops/http/csv';

describe('CSV export', () => {
  it.each([
    ['plain text', 'Patna East', 'Patna East'],
    ['a comma', 'Patna, East', '"Patna, East"'],
    ['a quote', 'the "east" one', '"the ""east"" one"'],
    ['a newline', 'two\nlines', '"two\nlines"'],
    ['a carriage return', 'two\rlines', '"two\rlines"'],
    ['a formula', '=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ['a leading plus', '+91 98765', "'+91 98765"],
    ['a leading minus', '-1+1', "'-1+1"],
    ['a leading at', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['an equals sign inside', 'a=b', 'a=b'],
    ['Devanagari', 'पटना पूर्व', 'पटना पूर्व'],
  ])('writes %s as a spreadsheet reads it safely', (_name, value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('writes numbers as numbers and nothing as an empty cell', () => {
    expect(csvCell(0.333)).toBe('0.333');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header row and the rows under it, each line ending in CRLF', () => {
    expect(toCsv(['division', 'opened'], [['Patna East', 2], [null, 1]])).toBe('division,opened\r\nPatna East,2\r\n,1\r\n');
  });
});
