import { parseSmallNumber } from './text';
import { ROW_ALIASES } from './aliases';
import { labelForms, type MetricVocabulary } from './vocabulary';

/**
 * Rows of 表三 named by their number in the national form (「（六）里第3项“其他”」, 「三（四）1」): the question is read
 * with the row's own words in place of the number, so the scanner needs no numbering of its own. A number the form
 * does not have is left as typed (nothing is guessed).
 */

/** 「三（六）3 其他」: group 六, item 3 (the item is empty for a group's own row). */
const NUMBERED_LABEL = /^三（([一二三四五六七])）(\d*)\s*/;

/** 「（六）」, 「三(四)」, then 「里」/「中的」 and 「第3项」 (NFKC has made the brackets and digits half-width). */
const NUMBER_REFERENCE = /(?:三\s*)?\(\s*([一二三四五六七])\s*\)\s*(?:(?:的|里|中|里面|当中|之|中的|里的)\s*)?(?:第\s*)?(\d|[一二三四五六七八九])?\s*(?:项|小项|条|行|类)?/g;

/** Quotes around a printed label repeated after the number (「第3项“其他”」). */
const QUOTES = /^[\s"“”'‘’「」『』]*/;

interface NumberedRow {
  /** The words that replace the number: one term the vocabulary reads as this row (or group) alone. */
  term: string;
  /** The printed label's forms, dropped when the question repeats them after the number. */
  echoes: string[];
}

/** Between a group's words and an item number: 「其他处理下面那个“3.其他”」, 「不予公开里的第2项」. */
const GROUP_TO_ITEM = String.raw`(?:下面|下边|下的|下|里面|里边|里|当中|中的|中|的|那个|这个|那一项|一栏|栏)*\s*["“「]?\s*(?:第\s*)?(\d|[一二三四五六七八九])\s*(?:项|小项|条|[.、．])`;

export class FormNumbers {
  /** 「六」 (a group) or 「六.3」 (an item) → its row. */
  private readonly rows = new Map<string, NumberedRow>();
  /** A group's own words (「其他处理」, 「不予公开」) → its number, for an item named after them. */
  private readonly groupWords = new Map<string, string>();
  private groupItem: RegExp | null = null;

  constructor(vocab: MetricVocabulary) {
    const groups = new Map<string, string[]>();
    for (const row of vocab.rows.values()) {
      const m = NUMBERED_LABEL.exec(row.rowLabel);
      if (!m) continue;
      const [group, item] = [m[1], m[2]];
      const words = [...(ROW_ALIASES[row.rowKey] ?? []), ...labelForms(row.rowLabel)];
      const own = words.filter((w) => namesOnly(vocab, w, row.rowKey)).sort((a, b) => b.length - a.length)[0];
      const term = own ?? labelForms(row.rowLabel)[0];
      if (!term) continue;
      this.rows.set(item ? `${group}.${item}` : group, { term, echoes: words });
      if (item) groups.set(group, [...(groups.get(group) ?? []), row.rowKey]);
    }
    // a group printed without a row of its own (三（三） 不予公开): the sum word of exactly its rows
    for (const [group, rowKeys] of groups) {
      if (this.rows.has(group)) continue;
      const sum = [...vocab.terms].find(([, tags]) => tags.some((t) => t.kind === 'sum' && sameKeys(t.rowKeys, rowKeys)));
      if (sum) this.rows.set(group, { term: sum[0], echoes: [sum[0]] });
    }
    for (const [key, row] of this.rows) {
      if (key.includes('.')) continue;
      for (const word of new Set([row.term, ...row.echoes])) if (word.length >= 2) this.groupWords.set(word, key);
    }
    const words = [...this.groupWords.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    if (words.length > 0) this.groupItem = new RegExp(`(${words.join('|')})${GROUP_TO_ITEM}`, 'g');
  }

  /** The question with every known form number replaced by its row's words. */
  rewrite(question: string): string {
    return this.rewriteNumbers(this.rewriteGroupItems(question.normalize('NFKC')));
  }

  /** 「其他处理下面那个“3.其他”」: the item of a group named by its words, replaced by the item's row words. */
  private rewriteGroupItems(text: string): string {
    if (!this.groupItem) return text;
    let out = '';
    let from = 0;
    for (const m of text.matchAll(this.groupItem)) {
      if (m.index < from) continue;
      const group = this.groupWords.get(m[1]);
      const n = parseSmallNumber(m[2]);
      const row = group && n !== null ? this.rows.get(`${group}.${n}`) : undefined;
      if (!row) continue;
      const end = m.index + m[0].length;
      out += `${text.slice(from, m.index)} ${row.term} `;
      from = end + echoLength(text.slice(end), row.echoes);
    }
    return out + text.slice(from);
  }

  private rewriteNumbers(text: string): string {
    let out = '';
    let from = 0;
    for (const m of text.matchAll(NUMBER_REFERENCE)) {
      if (m.index < from) continue;
      const n = m[2] ? parseSmallNumber(m[2]) : null;
      const row = this.rows.get(n !== null ? `${m[1]}.${n}` : m[1]);
      if (!row) continue;
      const end = m.index + m[0].length;
      out += `${text.slice(from, m.index)} ${row.term} `;
      from = end + echoLength(text.slice(end), row.echoes);
    }
    return out + text.slice(from);
  }
}

/** The length of a printed label repeated after the number, with its quotes (0 when there is none). */
function echoLength(after: string, echoes: readonly string[]): number {
  const lead = QUOTES.exec(after)?.[0].length ?? 0;
  const rest = after.slice(lead);
  const echo = echoes.filter((e) => rest.startsWith(e)).sort((a, b) => b.length - a.length)[0];
  if (!echo) return 0;
  return lead + echo.length + (QUOTES.exec(rest.slice(echo.length))?.[0].length ?? 0);
}

function namesOnly(vocab: MetricVocabulary, word: string, rowKey: string): boolean {
  const tags = vocab.terms.get(word.replace(/、/g, ''));
  return tags !== undefined && tags.length === 1 && tags[0].kind === 'row' && tags[0].rowKey === rowKey;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
