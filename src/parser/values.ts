/**
 * Cell text → number. Units in the cell are allowed (「115838元」「7380元整(单位:人民币)」); 万元 is converted to 元 on the
 * decimal string so that no floating-point error creeps in; blank, 「/」「—」「无」 are null.
 */

const NULLISH = /^(?:|\/|\\|—+|–|-+|－|无|空|不适用)$/;
const NUMBER = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万元|万|元整?|件|项|个|条|次|人次|笔|份|宗)?(?:[（(][^（()）]*[）)])?$/;
const WORDS = /^[零〇一二两三四五六七八九十百]+(?:件|项|个|元|笔|份|宗)?$/;

export type TokenKind = 'value' | 'empty' | 'label';

const PLAIN_DIGITS = /^\d{1,12}$/;

export function classify(text: string): TokenKind {
  if (text === '') return 'empty';
  if (PLAIN_DIGITS.test(text)) return 'value'; // the common case, decided without copying the string
  const t = text.replace(/\s+/g, '');
  if (t === '') return 'empty';
  if (NULLISH.test(t) || NUMBER.test(t) || WORDS.test(t)) return 'value';
  return 'label';
}

export interface ParsedValue {
  value: number | null;
  /** The number was written in Chinese words (「三」): converted, but worth a warning. */
  words: boolean;
}

/** Move the decimal point `places` to the right on the string itself (×10^places without float error). */
export function shiftDecimal(num: string, places: number): string {
  const [int, frac = ''] = num.split('.');
  const padded = frac.padEnd(places, '0');
  const whole = (int + padded.slice(0, places)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(places);
  return rest ? `${whole}.${rest}` : whole;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Simple Chinese numerals up to 999 (「三」「十二」「一百零五」); null when it is not one. */
export function chineseNumber(s: string): number | null {
  const m = /^(?:([一二两三四五六七八九])百)?零?(?:([一二两三四五六七八九])?十)?零?([零〇一二两三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const hundreds = m[1] ? DIGITS[m[1]] : 0;
  const tens = s.includes('十') ? (m[2] ? DIGITS[m[2]] : 1) : 0;
  const ones = m[3] ? DIGITS[m[3]] : 0;
  return hundreds * 100 + tens * 10 + ones;
}

/**
 * @param tenThousands the column is in 万元 by the template (format 2021 fees): a bare number is multiplied by 10000
 */
export function parseValue(raw: string, tenThousands = false): ParsedValue | null {
  const t = raw.replace(/\s+/g, '');
  if (NULLISH.test(t)) return { value: null, words: false };
  const m = NUMBER.exec(t);
  if (m) {
    const unit = m[3] ?? '';
    const scale = unit.startsWith('万') || (tenThousands && !unit.startsWith('元')) ? 4 : 0;
    const digits = m[2].replace(/,/g, '');
    const n = Number(scale ? shiftDecimal(digits, scale) : digits);
    return { value: m[1] === '-' ? -n : n, words: false };
  }
  if (WORDS.test(t)) {
    const n = chineseNumber(t.replace(/[件项个元笔份宗]$/, ''));
    return n === null ? null : { value: n, words: true };
  }
  return null;
}

/** Values of at most 15 digits before the point: anything larger is no real count or amount in 元 (issue 13 item 9). */
export const MAX_PLAUSIBLE_VALUE = 1e15;

/** A finite value below 10^15 in magnitude (null, a blank cell, is plausible). */
export function isPlausible(value: number | null): boolean {
  return value === null || (Number.isFinite(value) && Math.abs(value) < MAX_PLAUSIBLE_VALUE);
}
