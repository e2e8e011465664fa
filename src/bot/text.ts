/** Text normalisation shared by the question scanner: what an official types is noisy (full-width digits, spaces, punctuation). */
import { chineseDigits, chineseNumber } from '../parser/numerals';
import { toSimplified } from './simplified';

/** Full-width → half-width (NFKC), whitespace removed, punctuation turned into a single separator. */
export function normalizeQuestion(input: string): string {
  return toSimplified(input.normalize('NFKC'))
    .replace(/[\s\u00a0\u3000]+/g, '')
    // 「2021、2022两年」: between numbers it separates them (removed, they would read as 20212022)
    .replace(/(?<=\d)、(?=\d)/g, ',')
    // 「、」 inside a printed label (「逾期不补正、行政机关不再处理…」) must not split it; between names it separates nothing the scanner needs
    .replace(/、/g, '')
    .replace(/[?!.,;:'"“”‘’()\[\]{}<>《》「」『』【】。，；：？！~～…]+/g, ' ')
    .trim();
}

/** 三 → 3, 十 → 10, 十二 → 12, 二十 → 20; null when not a small Chinese or Arabic number. */
export function parseSmallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  // Small numbers only (no 百): the parser reads them.
  return /^[〇零一二两三四五六七八九十]+$/.test(text) ? chineseNumber(text) : null;
}

export interface YearMention {
  year: number;
  /** Said as 今年/去年/上一年, not as a number. */
  relative?: boolean;
  start: number;
  end: number;
}

/** Every year the question names, relative words resolved against `now` (statistics years, not publication years). */
export function findYears(text: string, now: Date): YearMention[] {
  const found: YearMention[] = [];
  const thisYear = now.getFullYear();
  const push = (year: number, start: number, length: number, relative = false) => found.push({ year, start, end: start + length, relative });
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?:年度?|(?!\d))/g)) push(Number(m[1]), m.index, m[0].length);
  for (const m of text.matchAll(/([〇零一二三四五六七八九]{4})年度?/g)) {
    const year = chineseDigits(m[1]);
    if (year !== null) push(year, m.index, m[0].length);
  }
  // 「19年、23年」 is 「19年23年」 once normalised: a year may follow
  for (const m of text.matchAll(/(?<!\d)(\d{2})年度?(?:(?!\d)|(?=\d{2}(?:\d{2})?年))/g)) push(2000 + Number(m[1]), m.index, m[0].length);
  // 「1850年」, 「9999年」: read (so they are refused, not dropped and answered with another year)
  for (const m of text.matchAll(/(?<!\d)(\d{3}|\d{5,6}|(?!19|20)\d{4})年度?/g)) push(Number(m[1]), m.index, m[0].length);
  const relative: Record<string, number> = { 今年: 0, 本年度: 0, 去年: -1, 上一年: -1, 前年: -2 };
  // 「上一年项目数量」 is a column of the 2019 form and 「上一年结转」 a row of 表三, not years
  for (const m of text.matchAll(/今年|本年度|去年|上一年(?!的?项目|度?结转)|前年/g)) push(thisYear + relative[m[0]], m.index, m[0].length, true);
  // 「近三年」「最近5年」「过去两年」: the N statistics years up to last year (this year's report is published next year)
  for (const m of text.matchAll(/(?:最近|近|过去)(\d{1,2}|[一二两三四五六七八九十])个?年度?/g)) {
    const n = parseSmallNumber(m[1]);
    if (n === null || n < 2 || n > RECENT_YEARS_MAX) continue;
    for (let y = thisYear - n; y < thisYear; y++) push(y, m.index, m[0].length);
  }
  found.sort((a, b) => a.start - b.start || a.year - b.year);
  return [...found, ...yearsBetween(text, found)].sort((a, b) => a.start - b.start || a.year - b.year);
}

/** 「2021年到2023年」, 「2021—2023年」, 「2021至2023年度」: the years between the two ends too. */
function yearsBetween(text: string, found: YearMention[]): YearMention[] {
  const out: YearMention[] = [];
  for (let i = 0; i + 1 < found.length; i++) {
    const [a, b] = [found[i], found[i + 1]];
    if (a.relative || b.relative || b.year <= a.year + 1 || b.year - a.year > RECENT_YEARS_MAX) continue;
    if (!/^\s*(?:到|至|-|—|–|~|～|－)\s*$/.test(text.slice(a.end, b.start))) continue;
    for (let y = a.year + 1; y < b.year; y++) out.push({ year: y, start: a.end, end: b.start });
  }
  return out;
}

/** 「近十年」 at most: a longer span is not a year series anyone reads in a chat. */
const RECENT_YEARS_MAX = 10;

/** Whether a report of this statistics year can exist (reports began in 2008; next year's from January on). */
export function plausibleYear(year: number, now: Date, firstYear: number): boolean {
  return year >= firstYear && year <= now.getFullYear() + 1;
}

/** Replace the given spans by spaces so that later scanning neither sees nor re-reads them. */
export function blankSpans(text: string, spans: { start: number; end: number }[]): string {
  const chars = text.split('');
  // spans are UTF-16 offsets (RegExp indices), so split by code unit
  for (const s of spans) for (let i = s.start; i < s.end && i < chars.length; i++) chars[i] = ' ';
  return chars.join('');
}
