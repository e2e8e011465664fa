import type { AgencyIndex } from './agencies';
import { FormNumbers } from './formNumbers';
import type { RegionIndex } from './regions';
import { blankSpans, findYears, normalizeQuestion, parseSmallNumber, plausibleYear } from './text';
import { FIRST_REPORT_YEAR, INTENT_WORDS, QUESTION_LEAD, type IntentWord, type MetricVocabulary, type VocabTag } from './vocabulary';

export type { IntentWord } from './vocabulary';

/**
 * Deterministic question scanning: leftmost-longest matching of every known term (agency names, region names,
 * metric words, intent words) over the normalised question. No statistics, no external service: the same
 * question always reads the same way, and what is not understood is left over for the dialogue to ask about.
 */

export type Tag =
  | VocabTag
  | { kind: 'agency'; ids: string[] }
  | { kind: 'region'; codes: string[] }
  | { kind: 'word'; word: IntentWord };

export interface Token {
  term: string;
  start: number;
  end: number;
  tags: Tag[];
}

export interface Parsed {
  text: string;
  tokens: Token[];
  years: number[];
  /** Years no report can have (「1850年」, 「9999年」): the question is refused, never answered with another year. */
  badYears: number[];
  /** Every year came from a relative word (去年, 上一年): in a comparison follow-up it means the year before the last one's. */
  relativeYears: boolean;
  topN: number | null;
  /** Unconsumed text (years and terms blanked), for text search and unknown names. */
  leftover: string;
  /** A bare number reply to a numbered question. */
  digit: number | null;
  /** Where the question had a 「、」 (dropped by normalisation): 「予以公开、部分公开」 names two values. */
  breaks: number[];
}

/** Stands for a 「、」 while the question is normalised, so that its places are known afterwards. */
const BREAK_MARK = '\uE000';

/** The normalised question and the places of its 「、」. */
function normalizeWithBreaks(question: string): { text: string; breaks: number[] } {
  // a 「、」 between numbers is left to normalizeQuestion, which keeps the numbers apart
  const marked = normalizeQuestion(question.replace(/(?<!\d)、|、(?!\d)/g, BREAK_MARK));
  const breaks: number[] = [];
  let text = '';
  for (const ch of marked) {
    if (ch === BREAK_MARK) breaks.push(text.length);
    else text += ch;
  }
  return { text: text.trim(), breaks };
}

export class TermDictionary {
  private readonly map = new Map<string, Tag[]>();
  private maxLength = 1;
  /** 「（六）第3项」: rows named by their number in the form. */
  readonly formNumbers: FormNumbers;

  constructor(vocab: MetricVocabulary, private readonly agencies: AgencyIndex, regions: RegionIndex) {
    this.formNumbers = new FormNumbers(vocab);
    for (const [term, codes] of regions.terms) this.add(term, { kind: 'region', codes });
    for (const [term, tags] of vocab.terms) for (const t of tags) this.add(term, t);
    for (const [word, terms] of Object.entries(INTENT_WORDS) as [IntentWord, readonly string[]][]) {
      for (const term of terms) this.add(term, { kind: 'word', word });
    }
    // Agency names are looked up in the agency index itself (copying ~400,000 national forms cost ~0.5 s per load);
    // only the rare form with 「、」 is copied, normalised like every term.
    for (const [term, ids] of agencies.terms) {
      if (term.includes('、')) this.add(term, { kind: 'agency', ids });
      else if (term.length > this.maxLength) this.maxLength = term.length;
    }
  }

  lookup(term: string): Tag[] | undefined {
    const own = this.map.get(term);
    const ids = term.includes('、') ? undefined : this.agencies.terms.get(term);
    if (!ids) return own;
    return [...(own ?? []), { kind: 'agency', ids }];
  }

  /** Leftmost-longest scan. */
  scan(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
      const token = this.longestAt(text, i);
      if (token) {
        tokens.push(token);
        i = token.end;
      } else {
        i += 1;
      }
    }
    return tokens;
  }

  private longestAt(text: string, start: number): Token | null {
    const limit = Math.min(this.maxLength, text.length - start);
    for (let len = limit; len >= 2; len--) {
      const term = text.slice(start, start + len);
      const tags = this.lookup(term);
      if (tags) return { term, start, end: start + len, tags };
    }
    return null;
  }

  private add(raw: string, tag: Tag): void {
    // terms are matched on normalised questions, which have no 「、」
    const term = raw.replace(/、/g, '');
    if (term.length < 2) return;
    const list = this.map.get(term) ?? [];
    list.push(tag);
    this.map.set(term, list);
    if (term.length > this.maxLength) this.maxLength = term.length;
  }
}

function findTopN(text: string): { n: number; start: number; end: number } | null {
  // 「前3名」, 「前十」, 「最高的三个镇」
  const m = /前\s*(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:名|位|个|强)?/.exec(text)
    ?? /(?<=最高|最多|最大|最低|最少)的?(\d{1,2}|[一二两三四五六七八九十]{1,2})(?:个|名|位|家)/.exec(text);
  if (!m) return null;
  const n = parseSmallNumber(m[1]);
  return n && n > 0 ? { n, start: m.index, end: m.index + m[0].length } : null;
}

export function parseQuestion(question: string, dict: TermDictionary, now: Date): Parsed {
  const { text, breaks } = normalizeWithBreaks(dict.formNumbers.rewrite(question));
  const digitMatch = /^(?:第)?(\d{1,2}|[一二三四五六七八九十])(?:个|号)?$/.exec(text);
  // 「本年度办理结果」 is the printed label of 表三's 三, not this year
  const years = findYears(text, now).filter((y) => !text.startsWith('本年度办理', y.start));
  const top = findTopN(text);
  const lead = QUESTION_LEAD.exec(text)?.[0].length ?? 0;
  const blanked = blankSpans(text, [...years, ...(top ? [top] : []), ...(lead > 0 ? [{ start: 0, end: lead }] : [])]);
  const tokens = dict.scan(blanked);
  const leftover = blankSpans(blanked, tokens).replace(/\s+/g, ' ').trim();
  return {
    text,
    tokens,
    years: [...new Set(years.map((y) => y.year).filter((y) => plausibleYear(y, now, FIRST_REPORT_YEAR)))],
    badYears: [...new Set(years.map((y) => y.year).filter((y) => !plausibleYear(y, now, FIRST_REPORT_YEAR)))],
    relativeYears: years.length > 0 && years.every((y) => y.relative),
    topN: top?.n ?? null,
    leftover,
    digit: digitMatch ? parseSmallNumber(digitMatch[1]) : null,
    breaks,
  };
}

export function hasWord(parsed: Parsed, word: IntentWord): boolean {
  return parsed.tokens.some((t) => t.tags.some((tag) => tag.kind === 'word' && tag.word === word));
}
