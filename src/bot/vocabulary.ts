/**
 * The metric vocabulary: which words name which table row and column. Built from the graph's `metrics` field
 * (labels and aliases of every cell key) plus the bot's own phrase table of words officials actually type.
 */

export interface MetricInfo {
  key: string;
  label: string;
  rowLabel: string;
  colLabel: string;
  unit: string;
  formats: string[];
  aliases: string[];
}

export interface RowInfo {
  /** `table.row`, e.g. `active.procurement`. */
  rowKey: string;
  table: string;
  rowLabel: string;
  /** The row's metrics, one per column id. */
  cols: Map<string, MetricInfo>;
}

export type VocabTag =
  | { kind: 'row'; rowKey: string }
  | { kind: 'col'; rowKey: string; colId: string }
  /** A word for the sum of several rows (「被起诉」: both kinds of 行政诉讼). */
  | { kind: 'sum'; rowKeys: string[] };

/** Words that mean the sum of the rows the listed words name (catalog words, never cell keys). */
export const SUM_PHRASES: Record<string, readonly string[]> = {
  行政诉讼: ['未经复议直接起诉', '复议后起诉'],
  被起诉: ['未经复议直接起诉', '复议后起诉'],
  被诉: ['未经复议直接起诉', '复议后起诉'],
  诉讼: ['未经复议直接起诉', '复议后起诉'],
  被告: ['未经复议直接起诉', '复议后起诉'],
  打官司: ['未经复议直接起诉', '复议后起诉'],
  行政诉讼案件: ['未经复议直接起诉', '复议后起诉'],
  起诉: ['未经复议直接起诉', '复议后起诉'],
};

/**
 * Phrases people use → words the catalog already knows (never cell keys: the catalog stays the single source).
 * A phrase whose words the vocabulary does not know is ignored (a test checks that none is).
 */
export const PHRASES: Record<string, readonly string[]> = {
  采购总额: ['政府采购', '采购总金额'],
  采购额: ['政府采购', '采购总金额'],
  采购了多少钱: ['政府采购', '采购总金额'],
  采购花了: ['政府采购', '采购总金额'],
  采购资金: ['政府采购', '采购总金额'],
  采购了几个项目: ['政府采购', '采购项目数'],
  采购了多少个项目: ['政府采购', '采购项目数'],
  采购项目数量: ['政府采购', '采购项目数'],
  // after 「政府采购」 has been read, what is left names the column
  几个项目: ['采购项目数'],
  多少个项目: ['采购项目数'],
  多少项目: ['采购项目数'],
  收到的申请: ['新收申请'],
  收到申请: ['新收申请'],
  收到了多少申请: ['新收申请'],
  收到几件申请: ['新收申请'],
  收到多少件申请: ['新收申请'],
  申请数: ['新收申请'],
  提出了多少件申请: ['新收申请'],
  提出多少件申请: ['新收申请'],
  提出了多少申请: ['新收申请'],
  提出的申请: ['新收申请'],
  提出申请: ['新收申请'],
  申请了多少: ['新收申请'],
  申请多少件: ['新收申请'],
  申请量: ['新收申请'],
  申请件数: ['新收申请'],
  受理申请: ['新收申请'],
  受理了多少申请: ['新收申请'],
  依申请公开: ['新收申请'],
  信息公开申请: ['新收申请'],
  公开申请: ['新收申请'],
  予以公开了: ['予以公开'],
  同意公开: ['予以公开'],
  全部公开: ['予以公开'],
  被复议: ['行政复议'],
  复议案件: ['行政复议'],
  被申请复议: ['行政复议'],
  处罚决定: ['行政处罚', '处理决定'],
  行政处罚决定: ['行政处罚', '处理决定'],
  许可决定: ['行政许可', '处理决定'],
  行政许可决定: ['行政许可', '处理决定'],
  强制决定: ['行政强制', '处理决定'],
  行政强制决定: ['行政强制', '处理决定'],
  收费金额: ['行政事业性收费', '收费金额'],
  制定: ['制发'],
  印发: ['制发'],
  出台了: ['制发'],
  新制定: ['新制作'],
  结转到下年: ['结转下年度'],
  转到下一年: ['结转下年度'],
  上年结转过来: ['上年结转'],
};

/** Label text as printed minus its numbering (「三（三）1 属于国家秘密」 → 「属于国家秘密」, 「国家秘密」). */
export function labelForms(label: string): string[] {
  const base = label
    .replace(/（单位：[^）]*）|\(单位:[^)]*\)/g, '')
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^三（[一二三四五六七]）\d*\s*/, '')
    .trim();
  const forms = new Set<string>([base]);
  // 「行政诉讼·复议后起诉」: the last part names the row; the first is shared with its sibling row
  if (base.includes('·')) forms.add(base.slice(base.lastIndexOf('·') + 1).trim());
  if (base.startsWith('属于')) forms.add(base.slice(2));
  return [...forms].filter((f) => f.length >= 2);
}

function rowKeyOf(key: string): string {
  return key.slice(0, key.lastIndexOf('.'));
}

function colIdOf(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1);
}

export class MetricVocabulary {
  readonly rows = new Map<string, RowInfo>();
  private readonly byKey = new Map<string, MetricInfo>();
  /** term → what it names. */
  readonly terms = new Map<string, VocabTag[]>();

  constructor(metrics: readonly MetricInfo[]) {
    for (const m of metrics) {
      this.byKey.set(m.key, m);
      const rowKey = rowKeyOf(m.key);
      let row = this.rows.get(rowKey);
      if (!row) {
        row = { rowKey, table: m.key.split('.')[0], rowLabel: m.rowLabel, cols: new Map() };
        this.rows.set(rowKey, row);
      }
      row.cols.set(colIdOf(m.key), m);
    }
    const colTerms = this.collectColumnTerms();
    this.collectRowTerms(new Set(colTerms.keys()));
    for (const [term, tags] of colTerms) this.addTags(term, tags);
    this.addPhrases();
    this.addSums();
  }

  /** Sum words replace what the catalog's aliases say (「行政诉讼」 there is one of the two rows). */
  private addSums(): void {
    for (const [phrase, words] of Object.entries(SUM_PHRASES)) {
      const rowKeys = words.flatMap((w) => (this.terms.get(w) ?? []).flatMap((t) => (t.kind === 'row' ? [t.rowKey] : [])));
      if (rowKeys.length === words.length) this.terms.set(phrase, [{ kind: 'sum', rowKeys: [...new Set(rowKeys)] }]);
    }
  }

  metric(key: string): MetricInfo | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Phrases of the table whose target words are unknown to the vocabulary (should be none). */
  static unknownPhraseWords(vocab: MetricVocabulary): string[] {
    return [...Object.values(PHRASES), ...Object.values(SUM_PHRASES)].flat().filter((w) => !vocab.terms.has(w));
  }

  /** Row aliases are the aliases every metric of the row shares; the rest name the column. */
  private rowAliases(row: RowInfo): string[] {
    const lists = [...row.cols.values()].map((m) => m.aliases);
    return lists[0].filter((a) => lists.every((l) => l.includes(a)));
  }

  private collectColumnTerms(): Map<string, VocabTag[]> {
    const out = new Map<string, VocabTag[]>();
    for (const row of this.rows.values()) {
      const shared = new Set(this.rowAliases(row));
      for (const [colId, m] of row.cols) {
        const words = new Set([...m.aliases.filter((a) => !shared.has(a)), ...labelForms(m.colLabel)]);
        for (const w of words) {
          const tags = out.get(w) ?? [];
          tags.push({ kind: 'col', rowKey: row.rowKey, colId });
          out.set(w, tags);
        }
      }
    }
    return out;
  }

  private collectRowTerms(columnWords: Set<string>): void {
    for (const row of this.rows.values()) {
      const words = new Set([...this.rowAliases(row), ...labelForms(row.rowLabel)]);
      // a row printed as 「总计」 or 「其他」 would swallow the column words of the same name
      for (const w of words) if (!columnWords.has(w) || this.rowAliases(row).includes(w)) this.addTags(w, [{ kind: 'row', rowKey: row.rowKey }]);
    }
  }

  private addPhrases(): void {
    for (const [phrase, words] of Object.entries(PHRASES)) {
      if (this.terms.has(phrase)) continue;
      const tags = words.flatMap((w) => this.terms.get(w) ?? []);
      if (tags.length > 0 && words.every((w) => this.terms.has(w))) this.addTags(phrase, tags);
    }
  }

  private addTags(term: string, tags: VocabTag[]): void {
    const list = this.terms.get(term) ?? [];
    for (const t of tags) {
      if (!list.some((x) => sameTag(x, t))) list.push(t);
    }
    this.terms.set(term, list);
  }
}

function sameTag(a: VocabTag, b: VocabTag): boolean {
  if (a.kind === 'sum' || b.kind === 'sum') return a.kind === 'sum' && b.kind === 'sum' && a.rowKeys.join() === b.rowKeys.join();
  if (a.kind !== b.kind || a.rowKey !== b.rowKey) return false;
  return a.kind === 'row' || (b.kind === 'col' && a.colId === b.colId);
}

// ------------------------------------------------------------------ what the bot says

/** Years with reports: 政府信息公开条例 took effect in 2008; a report of next year can exist only from January on. */
export const FIRST_REPORT_YEAR = 2008;

/** The bot's sentences that are not built from a report (the one place to reword them). */
export const SAY = {
  unavailable: '暂时无法查询：数据服务不可用，请稍后再试。',
  failed: '抱歉，这个问题我还答不了，请换个问法再试。',
  /** 「没有白土镇1850年的报告，已有：2020年」: only years that exist are named. */
  noReport: (name: string, year: number, have: readonly number[]) =>
    `没有这份报告：没有${name}${year}年的报告${have.length > 0 ? `，已有：${yearList(have)}` : '，库里还没有它的年度报告'}。`,
  badYear: (year: number, last: number) =>
    `没有${year}年的报告：政府信息公开工作年度报告从${FIRST_REPORT_YEAR}年起才有，可查${FIRST_REPORT_YEAR}年至${last}年。`,
  didYouMean: (name: string) => `您是不是要问${name}？`,
  compareWhat: '请说明要比较哪几个机关或哪几年，例如「白土镇和施集镇2020年采购金额对比」「白土镇2020年采购金额同比」。',
  noSuchAgency: (name: string) => `没有这份报告：库里没有「${name}」的年度报告。`,
};

/** 2023年、2022年 (newest first, each once). */
export function yearList(years: readonly number[]): string {
  return [...new Set(years)].sort((a, b) => b - a).map((y) => `${y}年`).join('、');
}
