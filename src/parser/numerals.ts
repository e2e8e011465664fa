// The numerals module: Chinese numerals are read by the parser (values.ts); the bot reads its small numbers
// (「前三名」, 「第二个」) with the same function instead of a copy.
export { chineseNumber } from './values';

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Digit by digit, as years are written (「二〇二三」 → 2023, 「二零二零」 → 2020); null when a character is no digit. */
export function chineseDigits(text: string): number | null {
  if (text === '') return null;
  let value = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    value = value * 10 + d;
  }
  return value;
}
