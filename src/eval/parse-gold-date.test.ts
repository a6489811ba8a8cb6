// Tests of reading gold dates: every format a PETRARCH-style file may use is read, anything else is dropped.
import { describe, expect, it } from 'vitest';
import { parseGoldDate } from './parse-gold-date.js';

describe('parseGoldDate', () => {
  it('reads YYYYMMDD, YYYY-MM-DD and YYMMDD as the same ISO date', () => {
    expect(parseGoldDate('20010203')).toBe('2001-02-03');
    expect(parseGoldDate('2001-02-03')).toBe('2001-02-03');
    expect(parseGoldDate('010203')).toBe('2001-02-03');
    expect(parseGoldDate(' 2001-02-03 ')).toBe('2001-02-03');
  });

  it('puts two-digit years 69–99 in the 1900s and 00–68 in the 2000s', () => {
    expect(parseGoldDate('980615')).toBe('1998-06-15');
    expect(parseGoldDate('690101')).toBe('1969-01-01');
    expect(parseGoldDate('681231')).toBe('2068-12-31');
  });

  it('drops an empty, missing, malformed or impossible date instead of failing', () => {
    for (const value of ['', '   ', null, undefined, 20010203, '2001/02/03', '3 Feb 2001', '2001023', '20011303', '20010230', '2001-2-3']) {
      expect(parseGoldDate(value)).toBeNull();
    }
    expect(parseGoldDate('20000229')).toBe('2000-02-29');
    expect(parseGoldDate('19000229')).toBeNull();
  });
});
