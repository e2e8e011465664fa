import type { AgencyIndex } from './agencies';
import type { RegionIndex } from './regions';
import { blankSpans, findYears, normalizeQuestion, parseSmallNumber, plausibleYear } from './text';
import { FIRST_REPORT_YEAR, type MetricVocabulary, type VocabTag } from './vocabulary';

/**
 * Deterministic question scanning: leftmost-longest matching of every known term (agency names, region names,
 * metric words, intent words) over the normalised question. No statistics, no external service: the same
 * question always reads the same way, and what is not understood is left over for the dialogue to ask about.
 */

export type IntentWord =
  | 'compare' | 'yoy' | 'rank_desc' | 'rank_asc' | 'sum' | 'avg' | 'each'
  | 'list' | 'years' | 'report' | 'checks' | 'help' | 'stop'
  | 'contact' | 'published' | 'problems' | 'other_matters';

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

/** The bot's own words for what a question asks (the metric words come from the vocabulary). */
export const INTENT_WORDS: Record<IntentWord, readonly string[]> = {
  compare: ['对比', '比较', '相比', '比呢', '比一下', '比怎么样', '比一比', '对照', '哪个多', '谁多', '谁高', '差多少', '差距', '区别'],
  yoy: ['同比', '比上年', '比上一年', '较上年', '与上年相比', '和上年比', '比去年', '较去年'],
  rank_desc: ['最高', '最多', '最大', '排名', '排行', '排行榜', '排第一', '第一名', '靠前', '名列前茅'],
  rank_asc: ['最低', '最少', '最小', '倒数', '垫底', '靠后'],
  sum: ['总共', '一共', '合计', '总和', '加起来', '共计', '累计', '汇总'],
  avg: ['平均', '均值', '平均值', '平均数'],
  each: ['各省', '各省份', '每个省', '各街道', '每个街道', '各乡镇', '各个乡镇', '各镇', '各乡', '各街道', '每个镇', '每个乡镇', '每个乡', '分别', '各单位', '各地', '逐个'],
  list: ['哪些', '有什么', '几份', '多少份', '列表', '清单', '有没有'],
  years: ['哪几年', '哪些年', '哪一年有', '几年的'],
  report: ['报告', '年报', '年度报告'],
  checks: ['勾稽', '勾稽关系', '勾稽错误', '校验', '核对', '对不上', '不平衡', '逻辑错误', '数据错误', '不一致'],
  help: ['帮助', '怎么用', '能问什么', '可以问什么', '使用说明', '你好', '您好', '菜单', '能做什么', '你会什么'],
  // what a report says besides its tables: its contact, its date, section 五 (problems) and section 六 (other matters)
  contact: ['联系电话', '电话', '联系方式', '怎么联系', '联系地址', '办公地址', '地址', '邮编', '邮政编码', '网址'],
  published: ['什么时候发布', '何时发布', '哪天发布', '发布时间', '发布日期', '什么时候发的', '什么时候公布', '公布时间', '发布于'],
  problems: ['存在什么问题', '存在的问题', '存在问题', '主要问题', '什么问题', '哪些问题', '不足', '改进措施', '改进情况', '改进', '整改', '下一步'],
  other_matters: ['收费情况', '信息处理费', '其他需要报告的事项', '其他事项'],
  // words whose parts would otherwise read as metric words (「主动公开了」 is not 「予以公开了」)
  stop: ['主动公开', '政府信息公开工作', '信息公开工作', '公开工作', '政府信息'],
};

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
}

export class TermDictionary {
  private readonly map = new Map<string, Tag[]>();
  private maxLength = 1;

  constructor(vocab: MetricVocabulary, agencies: AgencyIndex, regions: RegionIndex) {
    for (const [term, codes] of regions.terms) this.add(term, { kind: 'region', codes });
    for (const [term, tags] of vocab.terms) for (const t of tags) this.add(term, t);
    for (const [word, terms] of Object.entries(INTENT_WORDS) as [IntentWord, readonly string[]][]) {
      for (const term of terms) this.add(term, { kind: 'word', word });
    }
    for (const [term, ids] of agencies.terms) this.add(term, { kind: 'agency', ids });
  }

  lookup(term: string): Tag[] | undefined {
    return this.map.get(term);
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
      const tags = this.map.get(term);
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
  const text = normalizeQuestion(question);
  const digitMatch = /^(?:第)?(\d{1,2}|[一二三四五六七八九十])(?:个|号)?$/.exec(text);
  const years = findYears(text, now);
  const top = findTopN(text);
  const blanked = blankSpans(text, [...years, ...(top ? [top] : [])]);
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
  };
}

export function hasWord(parsed: Parsed, word: IntentWord): boolean {
  return parsed.tokens.some((t) => t.tags.some((tag) => tag.kind === 'word' && tag.word === word));
}
