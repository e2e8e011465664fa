import { chineseDigits, chineseNumber } from '../../src/parser/numerals';

describe('the numerals module (parser and bot read Chinese numbers with it)', () => {
  it('reads years digit by digit, in every zero the reports write', () => {
    expect(chineseDigits('二〇二三')).toBe(2023);
    expect(chineseDigits('二零二零')).toBe(2020);
    expect(chineseDigits('二○一九')).toBe(2019);
    expect(chineseDigits('二〇二x')).toBeNull();
    expect(chineseDigits('')).toBeNull();
  });

  it('reads counts with their units of ten', () => {
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('三百零五')).toBe(305);
  });
});
