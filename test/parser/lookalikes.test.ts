import { lookalikePair, looksAlike } from '../../src/parser/lookalikes';

describe('OCR look-alike characters', () => {
  it('pairs characters of one group, in both directions, and nothing else', () => {
    expect(looksAlike('沐', '沭')).toBe(true);
    expect(looksAlike('沭', '沐')).toBe(true);
    expect(looksAlike('已', '巳')).toBe(true);
    expect(looksAlike('沐', '泌')).toBe(false);
    expect(looksAlike('洲', '州')).toBe(false);
    expect(looksAlike('土', '土')).toBe(false);
  });

  it('finds the one differing look-alike of two names, or null', () => {
    expect(lookalikePair('沐阳县', '沭阳县')).toEqual(['沐', '沭']);
    expect(lookalikePair('白士镇', '白土镇')).toEqual(['士', '土']);
    expect(lookalikePair('沐阳县', '泌阳县')).toBeNull(); // one character off, but not a look-alike
    expect(lookalikePair('沐阳镇', '沭阳县')).toBeNull(); // two characters off
    expect(lookalikePair('沐阳县', '沭阳县城')).toBeNull();
  });
});
