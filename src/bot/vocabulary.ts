import { aliasesOf } from './aliases';

/**
 * The metric vocabulary: which words name which table row and column. Built from the graph's `metrics` field
 * (the printed labels of every cell key), the bot's own words for rows and columns (aliases.ts) and its phrase
 * table of words officials actually type.
 */

export interface MetricInfo {
  key: string;
  label: string;
  rowLabel: string;
  colLabel: string;
  unit: string;
  formats: string[];
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
  // the group headers of 表三 (三（三）, 三（四）, 三（五）) have no row of their own: their rows added up
  不予公开: ['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'],
  无法提供: ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'],
  不予处理: ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'],
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
  收了几件申请: ['新收申请'],
  收了多少申请: ['新收申请'],
  收了多少件申请: ['新收申请'],
  收到了几件申请: ['新收申请'],
  接到多少申请: ['新收申请'],
  接到几件申请: ['新收申请'],
  接到的申请: ['新收申请'],
  接了多少申请: ['新收申请'],
  申请数: ['新收申请'],
  提出了多少件申请: ['新收申请'],
  提的申请: ['新收申请'],
  提了多少申请: ['新收申请'],
  提了几件申请: ['新收申请'],
  提了多少件申请: ['新收申请'],
  提交的申请: ['新收申请'],
  提交了多少申请: ['新收申请'],
  提交了几件申请: ['新收申请'],
  提出多少件申请: ['新收申请'],
  提出了多少申请: ['新收申请'],
  提出的申请: ['新收申请'],
  提出申请: ['新收申请'],
  申请了多少: ['新收申请'],
  申请多少件: ['新收申请'],
  申请了几件: ['新收申请'],
  申请几件: ['新收申请'],
  申请了多少件: ['新收申请'],
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
  被纠错: ['结果纠正'],
  纠错: ['结果纠正'],
  被纠正: ['结果纠正'],
  被维持: ['结果维持'],
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
  // 三（七）总计: the requests handled, however it is said (「申请处理总计」, 「办理总数」)
  处理总计: ['办理结果总计'],
  办理总计: ['办理结果总计'],
  处理结果总计: ['办理结果总计'],
  办理结果合计: ['办理结果总计'],
  处理总数: ['办理结果总计'],
  办理总数: ['办理结果总计'],
  办结总数: ['办理结果总计'],
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

  /** Sum words replace what the row aliases say (「行政诉讼」 there is one of the two rows). */
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
    const lists = [...row.cols.values()].map((m) => aliasesOf(m.key));
    return lists[0].filter((a) => lists.every((l) => l.includes(a)));
  }

  private collectColumnTerms(): Map<string, VocabTag[]> {
    const out = new Map<string, VocabTag[]>();
    for (const row of this.rows.values()) {
      const shared = new Set(this.rowAliases(row));
      for (const [colId, m] of row.cols) {
        const words = new Set([...aliasesOf(m.key).filter((a) => !shared.has(a)), ...labelForms(m.colLabel)]);
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

// ------------------------------------------------------------------ the bot's own words for what a question asks

export type IntentWord =
  | 'compare' | 'yoy' | 'rank_desc' | 'rank_asc' | 'sum' | 'avg' | 'each'
  | 'list' | 'years' | 'report' | 'checks' | 'help' | 'stop'
  | 'contact' | 'signed' | 'published' | 'problems' | 'other_matters';

/** The bot's own words for what a question asks (the metric words come from the vocabulary). */
export const INTENT_WORDS: Record<IntentWord, readonly string[]> = {
  compare: ['对比', '比较', '相比', '比呢', '比一下', '比怎么样', '比一比', '对照', '哪个多', '谁多', '谁高', '差多少', '差距', '区别'],
  yoy: ['同比', '比上年', '比上一年', '较上年', '与上年相比', '和上年比', '比去年', '较去年'],
  rank_desc: ['最高', '最多', '最大', '排名', '排行', '排行榜', '排第一', '第一名', '靠前', '名列前茅'],
  rank_asc: ['最低', '最少', '最小', '倒数', '垫底', '靠后'],
  sum: ['总共', '一共', '合计', '总和', '加起来', '共计', '累计', '汇总'],
  avg: ['平均', '均值', '平均值', '平均数'],
  each: ['各省', '各省份', '每个省', '每个街道', '各乡镇', '各个乡镇', '各镇', '各乡', '各街道', '每个镇', '每个乡镇', '每个乡', '分别', '各单位', '各地', '逐个'],
  list: ['哪些', '有什么', '几份', '多少份', '列表', '清单', '有没有'],
  years: ['哪几年', '哪些年', '哪一年有', '几年的'],
  report: ['报告', '年报', '年度报告'],
  checks: ['勾稽', '勾稽关系', '勾稽错误', '校验', '核对', '对不上', '不平衡', '逻辑错误', '数据错误', '不一致'],
  help: ['帮助', '怎么用', '能问什么', '可以问什么', '使用说明', '你好', '您好', '菜单', '能做什么', '你会什么'],
  // what a report says besides its tables: its contact, its date, section 五 (problems) and section 六 (other matters)
  contact: ['联系电话', '电话', '联系方式', '怎么联系', '联系地址', '办公地址', '地址', '邮编', '邮政编码', '网址', '网站', '哪个网站', '电子版', '在哪下载', '哪里下载', '电子邮箱', '邮箱', '电子邮件', '邮件地址'],
  published: ['什么时候发布', '何时发布', '哪天发布', '发布时间', '发布日期', '什么时候发的', '什么时候公布', '公布时间', '发布于', '哪天发', '哪一天发', '几号发', '什么时间发', '什么时候发', '何时公布', '哪天公布', '挂网', '上网时间', '公开时间', '什么时候出的'],
  signed: ['落款日期', '落款时间', '落款', '成文日期', '成文时间', '签发日期', '报告日期', '署名日期'],
  problems: ['存在什么问题', '存在的问题', '存在问题', '主要问题', '什么问题', '哪些问题', '啥问题', '有什么毛病', '问题在哪', '不足', '短板', '差距', '薄弱', '改进措施', '改进情况', '改进', '整改', '下一步'],
  other_matters: ['收费情况', '信息处理费', '信息公开处理费', '处理费', '信息公开的费用', '信息公开费用', '公开的费用', '收取费用', '其他需要报告的事项', '其他事项'],
  // words whose parts would otherwise read as metric words (「主动公开了」 is not 「予以公开了」)
  stop: ['主动公开', '政府信息公开工作', '信息公开工作', '公开工作', '政府信息'],
};


/** Section 五's two parts: which one a question (or a sub-heading) names. */
export const SECTION_FOCUS: Record<'problems' | 'improvement', readonly string[]> = {
  problems: ['问题', '不足', '短板', '差距', '薄弱'],
  improvement: ['改进', '措施', '整改', '下一步', '计划', '打算'],
};

/** Words every question has, whatever it asks. */
export const FILLER = /请问|查一下|查询|一下|多少|是|有|几|什么|情况|怎么样|如何|数据|年度报告|年报|报告|的|那|么|呢|吗|吧|了|啊|呀|嘛|还|再|呃|\s/g;

/** How a question may open without naming anything (「请问」, 「帮我查一下」, 「麻烦查下」): never part of a name. */
export const QUESTION_LEAD = /^(?:请问一下|请问|麻烦(?:您|你)?(?:帮我|帮忙)?(?:查一下|查下|查查|问一下|看一下)?|请?帮(?:我|忙)(?:查一下|查下|查查|看一下|看看|查)?|我想(?:问一下|问问|问|知道|了解一下|了解)|想(?:问一下|问问|问|知道)|问一下|查一下|查下)+[，,、\s]*/;

/** Besides FILLER, what a question may say around its slots without asking anything more. */
export const UNREAD_NOISE = /[^\u3400-\u9fff\u3007]|件|个|项|次|元|万|钱|条|份|家|笔|数|量|共|总|多|少|请|帮|我|查|下|看|问|告诉|知道|想|麻烦|您|你|好|谢|在|里|中|其|年|度|都|各|分别|就|又|也|被|给|对|和|与|及|或|收到|办理|一下子|案子|案件/g;

/** Words that name who applied (an applicant column of 表三) when the vocabulary does not know them. */
export const APPLICANT_LIKE = /人$|者$|户$|企业|公司|机构|组织|单位|律师|百姓|群众|个体|法人|民众|市民|村民|居民|学校|医院|协会|商会|媒体|记者|团体/;

/** Unit words and the unit of the column they fit. */
export const UNIT_WORDS: readonly [RegExp, string][] = [
  [/多少钱|花了|花费|金额|资金|多少元|几元|万元/, '元'],
  [/几个项目|多少个项目|多少项目|几项|多少项|采购项目|项目$/, '项'],
  [/多少件|几件/, '件'],
];


/** 三（六）其他处理: one row of the 2019 form; on the 2021 form the group of three rows, its item 3 printed 「其他」. */
export const OTHER_HANDLING = {
  word: '其他处理',
  /** The rows the word names in the vocabulary: the 2019 row and the 2021 form's item 3. */
  named: ['requests.other', 'requests.other.other'],
  rows2021: ['requests.other.overdue_correction', 'requests.other.overdue_fee', 'requests.other.other'],
} as const;

/** 「法人申请多少件」: the applicant group of five columns (商业企业 … 其他); asked back, never read as 总计. */
export const ORG_GROUP = /法人|单位申请|企业和组织/;

/** Patterns of the dialogue (follow-ups, names that are levels, departments of a region). */
/** A yes to a question back with one choice (「您是不是要问白土镇？」 → 「是」). */
export const YES = /^(?:是|是的|对|对的|嗯|好|好的|没错|就是|yes|y)$/i;
/** After a region: the words that end a department's or zone's name (「上海市」+「科委」). */
export const DEPARTMENT_AFTER = /^[\u3400-\u4dbf\u4e00-\u9fff\u3007]{0,8}?(?:局|委员会|委|办公室|办公厅|办|厅|署|中心|管委会|实验区|试验区|开发区|新区|园区)/;
/** 「哪个镇」, 「各县」: a level of agencies, blanked before looking for unknown names. */
export const LEVEL_WORDS = /(?:哪个|哪些|哪几个|哪一个|各个?|每个|所有|全部)(?:乡镇|镇|乡|街道(?:办事处)?|县区|区县|县|区|省|市|片区|委办局|局|部门)/g;
/** Words that start a question before a name. */
export const LEAD_WORDS = /请问|查一下|查询|帮我查|问一下|那/g;
/** 「哪个镇」, 「各乡镇」 name a level, not an agency. */
export const LEVEL_PIECES = /哪|各|每|所有|全部|本|该|乡镇/;
/** What stands between two values asked at once: punctuation (a space once normalised), 和, 以及, 还有… */
export const PART_SEPARATOR = /\s|和|及|与|跟|还有|另外|同时|并且|加上|加/;
/** 「和2020年比」, 「跟去年相比」: a comparison with a year (the lone 「比」 is too short to be a term). */
export const COMPARED_YEAR = /(?:和|跟|与|同|较|比)(?:(?:19|20)\d{2}年度?|去年|上年|上一年|前年)(?:相)?比/;

// ------------------------------------------------------------------ what the bot says

/** Years with reports: 政府信息公开条例 took effect in 2008; a report of next year can exist only from January on. */
export const FIRST_REPORT_YEAR = 2008;

/** The bot's sentences that are not built from a report (the one place to reword them). */
/** A share, percentage or ratio asked for (「自然人申请占比」「是施集镇的几倍」). */
export const RATIO_WORDS = /占比|比例|比重|百分比|百分之几|占多少|几成|几倍|多少倍|倍数|(?<![效频税])率/;
/** A ratio of two values (「是去年的几倍」, 「是施集镇的多少倍」). */
export const TIMES_WORDS = /几倍|多少倍|倍数/;
/** A percentage of change (「比去年增长百分之几」): the comparison says it, it is no share. */
export const CHANGE_WORDS = /增长|增加|减少|下降|上升|增幅|降幅|涨幅|变化|变动/;
/** 「X占Y的比例」: the word after which the whole is named. */
export const SHARE_OF = /占/;
/** 「办理结果中予以公开的比例」: the whole is named first, before one of these. */
export const WHOLE_FIRST = /^(?:的)?(?:中|里|当中|之中|里面)/;
/** 「各类申请人分别提出多少申请」, 「按申请人分」: every applicant column of the row, listed. */
export const APPLICANT_LIST = /(?:各类|各种|每类|每种|各个类型的?|不同类型的?|按)(?:的)?(?:申请人|申请主体|申请者)/;
/** 「哪类申请人最多」: the applicant columns of 表三 ranked (not the agencies). */
export const APPLICANT_RANK = /(?:哪类|哪种|哪一类|哪一种|哪些类|什么类型的?|哪个类型的?|何种|什么样的)(?:的)?(?:申请人|申请主体|申请者|主体)|(?:申请人|申请主体|申请者)(?:中|里|当中)?(?:哪类|哪种|哪一类|哪一种|谁)/;

export const SAY = {
  unavailable: '暂时无法查询：数据服务不可用，请稍后再试。',
  failed: '抱歉，这个问题我还答不了，请换个问法再试。',
  /** 「没有白土镇1850年的报告，已有：2020年」: only years that exist are named. */
  noReport: (name: string, year: number, have: readonly number[]) =>
    `没有这份报告：没有${name}${year}年的报告${have.length > 0 ? `，已有：${yearList(have)}` : '，库里还没有它的年度报告'}。`,
  badYear: (year: number, last: number) =>
    `没有${year}年的报告：政府信息公开工作年度报告从${FIRST_REPORT_YEAR}年起才有，可查${FIRST_REPORT_YEAR}年至${last}年。`,
  didYouMean: (name: string) => `您是不是要问${name}？`,
  unreadColumn: (words: string, row: string) => `没读懂「${words}」指哪一列，「${row}」有这几列，您想查哪一列：`,
  whichAgency: '请说明是哪个机关的报告，例如「白土镇2020年政府采购金额」。',
  noSuchColumn: (row: string, col: string) => `「${row}」这一行没有「${col}」这一列，它有：`,
  noReports: '没有这份报告：库里没有符合条件的年度报告。',
  noCommonYear: (each: string) => `没有同一年的报告可比：${each}。`,
  compareWhat: '请说明要比较哪几个机关或哪几年，例如「白土镇和施集镇2020年采购金额对比」「白土镇2020年采购金额同比」。',
  /** A share or a ratio is not a number any report prints: say so rather than answer with one of its parts. */
  noRatio: '暂时不能计算占比、比例或倍数（报告里没有这个数）。可以分别问两个数，例如「白土镇2020年自然人提出了多少件申请」和「白土镇2020年收到多少申请」。',
  /** A share whose whole the question does not name and the form does not imply. */
  ratioWhole: (label: string) => `「${label}」占什么的比例？请说明整体，例如「予以公开占办理结果总计的比例」「自然人申请占收到申请总数的比例」。`,
  ratioZero: (label: string) => `无法计算比例：作为分母的「${label}」是0或没有填写。`,
  noSuchAgency: (name: string) => `没有这份报告：库里没有「${name}」的年度报告。`,
};

/** 2023年、2022年 (newest first, each once). */
export function yearList(years: readonly number[]): string {
  return [...new Set(years)].sort((a, b) => b - a).map((y) => `${y}年`).join('、');
}
