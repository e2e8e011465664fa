import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { labelForms } from '../../src/bot/vocabulary';
import type { AskAnswer } from '../../src/contracts';
import type { BotEngine } from '../../src/bot/engine';
import { inProcessEngine, startBotHarness, writeStreetOffice, type BotHarness } from './harness';

/**
 * Questions about the seven real reports of test/fixtures/real (平潭综合实验区 2019–2025, 上海市人民政府办公厅 2025,
 * 沭阳县发展和改革局 2023), generated from their hand-read values (expected/*.json, not the parser's output): one
 * question per non-zero cell, the agency in its full or short form, the year and the wording rotated. Each answer
 * must carry that exact number with its unit, cite the report of that year and the cell's table, row and column,
 * and name that cell. Non-zero values of one report are mostly distinct, so a neighbouring cell cannot pass.
 * The clock is 2026-06-01 (2025 reports are the newest).
 */

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

interface Expected {
  agency: string;
  year: number;
  format: string;
  cells: Record<string, number | null>;
}

interface MetricRow {
  key: string;
  rowLabel: string;
  colLabel: string;
  tableLabel: string;
  unit: string;
}

/** The forms officials type for each real agency (full name first). */
const AGENCY_FORMS: Record<string, string[]> = {
  平潭综合实验区: ['平潭综合实验区', '平潭实验区', '平潭综合实验区管委会'],
  上海市人民政府办公厅: ['上海市人民政府办公厅', '上海市政府办公厅'],
  沭阳县发展和改革局: ['沭阳县发展和改革局', '沭阳县发改局'],
};

const WORDINGS: ((a: string, y: string, row: string, col: string) => string)[] = [
  (a, y, row, col) => `${a}${y}${row}${col}`,
  (a, y, row, col) => `${a}${y}${row}${col}是多少`,
  (a, y, row, col) => `请问${a}${y}的${row}${col}`,
  (a, y, row, col) => `${y}${a}${row}${col}多少`,
];

const YEAR_FORMS = (year: number): string[] => [`${year}年`, `${year}年度`, `${year}年`];

/** Independent of the bot's formatter: thousands separators and the unit. */
function shown(value: number, unit: string): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value)}${unit}`;
}

function loadExpected(): (Expected & { slug: string })[] {
  const dir = path.join(REAL, 'expected');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ slug: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Expected) }));
}

/** One report file per slug: the HTML or Markdown original when there is one, else the text. */
function reportFiles(): string[] {
  const dir = path.join(REAL, 'reports');
  const names = readdirSync(dir);
  return names.filter((f) => !f.endsWith('.txt') || !names.includes(f.replace(/\.txt$/, '.html'))).map((f) => path.join(dir, f));
}

let h: BotHarness;
let metrics = new Map<string, MetricRow>();
let titles = new Map<string, string>();
/** What the parser stored for each report (`agency:year` → key → value), to tell a parser gap from a bot error. */
let stored = new Map<string, Map<string, number | null>>();

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(h.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

let engine: BotEngine;

/** In process: ~300 questions of several operations each would pass the HTTP rate limit (the channel is tested elsewhere). */
function ask(question: string, sessionId: string): Promise<AskAnswer> {
  return engine.ask(question, sessionId);
}

interface Case {
  question: string;
  key: string;
  value: number;
  year: number;
  agency: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  let n = 0;
  for (const e of loadExpected()) {
    const forms = AGENCY_FORMS[e.agency];
    for (const [key, value] of Object.entries(e.cells)) {
      if (value === null || value === 0) continue;
      out.push({ question: '', key, value, year: e.year, agency: e.agency });
      n++;
      const c = out[out.length - 1];
      c.question = `${n}|${forms[n % forms.length]}|${YEAR_FORMS(e.year)[n % 3]}`;
    }
  }
  return out;
}

const ALL = cases();

beforeAll(async () => {
  const now = () => new Date('2026-06-01T08:00:00Z');
  // with the five samples (the harness's) and a street office of 丰城市 for the level questions
  h = await startBotHarness([...reportFiles(), writeStreetOffice()], { now });
  engine = inProcessEngine(h.server, { now });
  const data = await graphql<{ metrics: MetricRow[] }>('{ metrics { key rowLabel colLabel tableLabel unit } }');
  metrics = new Map(data.metrics.map((m) => [m.key, m]));
  const reports = await graphql<{ reports: { edges: { node: { title: string; year: number; agency: { name: string }; cells: { key: string; value: number | null }[] } }[] } }>(
    '{ reports(first: 20) { edges { node { title year agency { name } cells { key value } } } } }',
  );
  titles = new Map(reports.reports.edges.map(({ node }) => [`${node.agency.name}:${node.year}`, node.title]));
  stored = new Map(reports.reports.edges.map(({ node }) => [`${node.agency.name}:${node.year}`, new Map(node.cells.map((c) => [c.key, c.value]))]));
}, 180_000);
afterAll(() => h?.close());

/** Rows whose printed label alone names nothing (「总计」, 「其他」): the words officials use for them. */
const ROW_WORDS: Record<string, string> = { 'requests.total': '办理结果总计', 'requests.other.other': '其他情形' };

/** The question of a case, built once the labels are known. */
function questionOf(c: Case): string {
  const [n, agency, year] = c.question.split('|');
  const m = metrics.get(c.key)!;
  const rowKey = c.key.slice(0, c.key.lastIndexOf('.'));
  const row = ROW_WORDS[rowKey] ?? labelForms(m.rowLabel)[0];
  const col = row.endsWith('总计') && c.key.endsWith('.total') ? '' : labelForms(m.colLabel)[0];
  return WORDINGS[Number(n) % WORDINGS.length](agency, year, row, col);
}

let parserGaps = 0;
afterAll(() => {
  // the number the report quotes: questions answered with the hand-read value, and cells the parser lacks
  process.stdout.write(`real-report questions: ${ALL.length}, parser gaps (bot says the cell is missing): ${parserGaps}\n`);
});

describe('questions about the real reports, one per non-zero hand-read cell', () => {
  it('has more than 250 of them', () => {
    expect(ALL.length).toBeGreaterThan(250);
  });

  it.each(ALL.map((c) => [c.key, c.agency, c.year, c] as const))('%s of %s %d', async (_key, _agency, _year, c) => {
    const question = questionOf(c);
    const m = metrics.get(c.key)!;
    const answer = await ask(question, `real-${c.key}-${c.year}`);
    const where = `「${question}」 →\n${answer.text}`;
    const kept = stored.get(`${c.agency}:${c.year}`)?.get(c.key);
    if (kept === undefined || kept === null) {
      // the parser did not read this cell from the source (a parser gap, counted in the report): the bot must say
      // the cell is missing, never give a number for it
      expect({ where, status: answer.status }).toEqual({ where, status: 'no_data' });
      expect({ where, number: /：[\d,.]+[件项元]/.test(answer.text) }).toEqual({ where, number: false });
      parserGaps++;
      return;
    }
    expect({ where, status: answer.status }).toEqual({ where, status: 'answered' });
    expect({ where, value: answer.text.includes(`：${shown(c.value, m.unit)}`) }).toEqual({ where, value: true });
    const title = titles.get(`${c.agency}:${c.year}`)!;
    // labels as the bot says them: the printed numbering (「一、」, 「三（一）」) and units dropped
    const cited = `来源：《${title}》${m.tableLabel}，「${labelForms(m.rowLabel)[0]}」行「${labelForms(m.colLabel)[0]}」列`;
    expect({ where, cites: answer.text.includes(cited) }).toEqual({ where, cites: true });
    expect(answer.cells.map((x) => x.key)).toEqual([c.key]);
  });
});

/** Hand-written questions and dialogues about the real reports (values from expected/*.json). */
interface Step {
  q: string;
  status: AskAnswer['status'];
  has: string[];
  not?: string[];
}

const HAVE_PINGTAN = '已有：2025年、2023年、2022年、2021年、2019年';

const DIALOGUES: Step[][] = [
  [{ q: '平潭综合实验区2019年行政许可多少件', status: 'answered', has: ['「行政许可 · 处理决定数量」：181件'] }],
  [{ q: '平潭综合实验区2022年规章', status: 'asked_back', has: ['本年制发件数', '现行有效件数'], not: ['本年新制作数量', '2019年版'] }],
  [{ q: '沭阳县发改局规章', status: 'asked_back', has: ['本年废止件数'], not: ['对外公开总数量'] }],
  [{ q: '平潭综合实验区2022年被起诉', status: 'answered', has: ['「行政诉讼」合计：1件（未经复议直接起诉1件 + 复议后起诉0件）'] }],
  [{ q: '2022年哪个省收到的申请最多', status: 'answered', has: ['最多的是福建省：74件'] }],
  [{ q: '2025年哪个省行政复议最多', status: 'answered', has: ['最多的是上海市：55件', '2. 福建省 36件'] }],
  [{ q: '2025年各省收到的申请', status: 'answered', has: ['上海市 1,295件', '福建省'] }],
  [{ q: '平潭综合实验区2022年联系电话', status: 'answered', has: ['电话：0591-23165385', '来源：《平潭综合实验区2022年度政府信息公开工作年度报告》'] }],
  [{ q: '沭阳县发改局2023年地址', status: 'answered', has: ['地址：沭阳县沭城街道苏州东路42号'] }],
  [{ q: '平潭综合实验区2022年报告什么时候发布', status: 'answered', has: ['发布时间：2023年2月20日'] }],
  [{ q: '平潭综合实验区2022年存在什么问题', status: 'answered', has: ['「五、存在的主要问题及改进情况」', '重大行政决策预公开程度需进一步加强'] }],
  [{ q: '平潭综合实验区2022年改进措施', status: 'answered', has: ['「五、存在的主要问题及改进情况」', '采取以下措施加以改进'] }],
  [{ q: '平潭综合实验区2022年收费情况', status: 'answered', has: ['「六、其他需要报告的事项」', '2022年，无收取信息处理费情况'] }],
  [{ q: '上海市政府办公厅2025年收到多少申请，予以公开多少，行政复议多少', status: 'answered', has: ['：1,295件', '「予以公开 · 总计」：206件', '「行政复议 · 总计」：55件'] }],
  [
    { q: '平潭综合实验区2023年收到多少申请', status: 'answered', has: ['：81件'] },
    { q: '跟去年比呢', status: 'answered', has: ['平潭综合实验区2023年：81件', '平潭综合实验区2022年：74件', '增加7件'] },
    { q: '和2019年比呢', status: 'answered', has: ['平潭综合实验区2023年：81件', '平潭综合实验区2019年：23件'] },
  ],
  [
    { q: '平潭实验区2022年收到多少申请', status: 'answered', has: ['：74件'] },
    { q: '同比呢', status: 'answered', has: ['平潭综合实验区2022年：74件', '平潭综合实验区2021年：70件', '增加4件'] },
  ],
  [{ q: '平潭綜合實驗區2022年收到多少申請', status: 'answered', has: ['：74件'] }],
  [
    { q: '平谭综合实验区2022年收到多少申请', status: 'asked_back', has: ['您是不是要问平潭综合实验区？'], not: ['74件'] },
    { q: '是', status: 'answered', has: ['平潭综合实验区2022年', '：74件'] },
  ],
  [
    // a department's short form one character off (改 → 该): asked back, not 「库里没有」 nor the county's reports
    { q: '沭阳县发该局2023年收到几件申请', status: 'asked_back', has: ['您是不是要问沭阳县发展和改革局？'], not: ['没有这份报告'] },
    { q: '是', status: 'answered', has: ['沭阳县发展和改革局2023年', '：26件'] },
  ],
  [
    // a metric word one character off (许 → 徐): asked back with the vocabulary's word, never quoted or guessed
    { q: '平潭综合实验区2022年行政徐可决定数量', status: 'asked_back', has: ['您是不是要问「行政许可」？'], not: ['10,690', '写道'] },
    { q: '1', status: 'answered', has: ['平潭综合实验区2022年「行政许可 · 处理决定数量」：10,690件'] },
  ],
  [{ q: '上海市政府办公厅2025年予以工开多少件', status: 'asked_back', has: ['您是不是要问「予以公开」？'], not: ['206件'] }],
  // exam batch C: everyday words for printed rows and columns; a word that says only 「申请」 yields to the row named
  [{ q: '上海市人民政府办公厅2025年从上一年转过来的申请多少件', status: 'answered', has: ['「上年结转政府信息公开申请数量 · 总计」：189件'], not: ['1,295'] }],
  [{ q: '上海市政府办公厅2025年结转下年度继续办理的申请多少件', status: 'answered', has: ['「结转下年度继续办理 · 总计」：293件'], not: ['请回复序号'] }],
  [{ q: '上海市政府办公厅2025年申请内容补正后还是不明确的有几件', status: 'answered', has: ['「补正后申请内容仍不明确 · 总计」：3件'] }],
  [{ q: '上海市人民政府办公厅2025年行政复议还没审结的几件', status: 'answered', has: ['「行政复议 · 尚未审结」：5件'], not: ['55件'] }],
  [{ q: '上海市政府办公厅2025年新出了几个行政规范性文件', status: 'answered', has: ['「规范性文件 · 本年制发件数」：34件'] }],
  [{ q: '平潭综合实验区2025年申请人逾期未按收费通知要求缴费的有几件', status: 'answered', has: ['逾期未按收费通知要求缴纳费用', '：2件'], not: ['收费金额'] }],
  // 「发布」 on the 2019 form is its 本年新公开, on the 2021 form its 制发: the report's own template decides
  [{ q: '平潭综合实验区2019年行政规范性文件本年发布多少件', status: 'answered', has: ['「规范性文件 · 本年新公开数量」：89件'] }],
  [{ q: '平潭综合实验区2021年到2023年行政许可决定数量各是多少', status: 'answered', has: ['平潭综合实验区2021年：2,293件', '平潭综合实验区2022年：10,690件', '平潭综合实验区2023年：2,629件'] }],
  [{ q: '平潭综合实验区2021年的年度报告是什么时候挂网的', status: 'answered', has: ['发布时间：2022年2月8日'] }],
  // words nothing reads that may name a column are asked about, never answered as the row's 总计
  [
    { q: '上海市政府办公厅2025年行政复议被撤销的有几件', status: 'asked_back', has: ['没读懂「撤销」指哪一列', '2. 结果纠正', '4. 尚未审结'], not: ['55件'] },
    { q: '2', status: 'answered', has: ['「行政复议 · 结果纠正」：0件'] },
  ],
  [{ q: '平潭综合实验区2022年律师申请了几件', status: 'asked_back', has: ['没读懂「律师」指哪一列', '5. 法律服务机构'], not: ['74件'] }],
  [{ q: '平潭综合实验区2022年本机关不掌握的有多少件', status: 'answered', has: ['「本机关不掌握相关政府信息 · 总计」：'], not: ['请回复序号'] }],
  // a share or ratio is no printed number: computed from its two printed cells, both stated with the formula
  [{ q: '平潭综合实验区2022年自然人申请占比', status: 'answered', has: ['「本年新收政府信息公开申请数量 · 自然人」占「本年新收政府信息公开申请数量 · 总计」的比例：95.9%（71件 ÷ 74件）', '「本年新收政府信息公开申请数量」行「自然人」列（原文：71）', '「本年新收政府信息公开申请数量」行「总计」列（原文：74）'] }],
  [{ q: '平潭综合实验区2022年收到的申请是2021年的几倍', status: 'answered', has: ['平潭综合实验区2022年「本年新收政府信息公开申请数量 · 总计」是平潭综合实验区2021年的1.06倍（74件 ÷ 70件 ≈ 1.06）', '《平潭综合实验区2022年度政府信息公开工作年度报告》'] }],
  [{ q: '平潭综合实验区2022年哪类申请人最多', status: 'answered', has: ['按申请人分，最多的是自然人：71件', '2. 商业企业 3件'], not: ['上海市'] }],
  [{ q: '2025年哪个省被起诉最多', status: 'answered', has: ['按省份汇总「行政诉讼」，最多的是上海市：34件', '2. 福建省 9件'], not: ['请回复序号'] }],
  // 「申请」 with a 总计 every row has is not the new requests (it answered 1,295 for the 1,191 handled)
  [{ q: '上海市政府办公厅2025年申请处理总计多少', status: 'answered', has: ['：1,191件', '「总计」行「总计」列（原文：1191）'], not: ['1,295'] }],
  [{ q: '上海市政府办公厅2025年申请总计多少', status: 'no_data', has: [], not: ['1,295'] }],
  // a region stands for its one agency where only one agency's reports can answer
  [{ q: '平潭2025年行政诉讼一共多少件', status: 'answered', has: ['平潭综合实验区2025年「行政诉讼」合计：9件（未经复议直接起诉6件 + 复议后起诉3件）'] }],
  [{ q: '平潭2025年行政复议比2023年多还是少', status: 'answered', has: ['平潭综合实验区2025年：36件', '平潭综合实验区2023年：2件', '增加34件'] }],
  [{ q: '平潭2022年联系电话', status: 'answered', has: ['平潭综合实验区2022年报告的联系方式', '电话：0591-23165385'] }],
  [{ q: '平潭2022年报告有没有勾稽错误', status: 'answered', has: ['平潭综合实验区2022年报告共核对'] }],
  [{ q: '丰城市2021年被起诉一共多少件', status: 'no_data', has: ['没有这份报告：库里没有', '丰城市2021年的年度报告'], not: ['请回复序号'] }],
  // a city is not one of its townships: 丰城市's reports are 白土镇's and 剑光街道's, neither stands for the city
  [{ q: '丰城市2020年被起诉一共多少件', status: 'asked_back', has: ['您想查的是哪一项', '未经复议直接起诉'], not: ['您指的是', '合计：0件'] }],
  // no agency of 江西省 reports both years: each year's reports are said, nothing is compared
  [{ q: '江西省2020年和2021年收到申请对比', status: 'no_data', has: ['无法比较', '2020年有剑光街道、白土镇的报告', '2021年有港口乡的报告'], not: ['白土镇2020年：'] }],
  [{ q: '上海市政府办公厅2025年本年度办理结果总计', status: 'answered', has: ['上海市人民政府办公厅2025年「总计 · 总计」：1,191件'], not: ['2026'] }],
  // a rate is a share: refused when the form implies no whole, never answered with its part
  [{ q: '上海市政府办公厅2025年办结率', status: 'refused', has: ['「总计」占什么的比例？'], not: ['1,191'] }],
  [{ q: '上海市政府办公厅2025年不予公开中国家秘密占比', status: 'answered', has: ['「属于国家秘密 · 总计」占「不予公开 · 总计」的比例：20.0%（4件 ÷ 20件）'], not: ['1,191'] }],
  [{ q: '平潭综合实验区2025年行政诉讼中复议后起诉的比例', status: 'answered', has: ['占「行政诉讼 · 总计」的比例：33.3%（3件 ÷ 9件）'] }],
  [{ q: '平潭综合实验区2023年收到的申请是2025年的百分之几', status: 'answered', has: ['平潭综合实验区2023年「本年新收政府信息公开申请数量 · 总计」是平潭综合实验区2025年的52.6%（81件 ÷ 154件）'] }],
  [{ q: '上海市政府办公厅2025年予以公开加部分公开一共多少', status: 'answered', has: ['「予以公开 · 总计」：206件', '「部分公开 · 总计」：2件'] }],
  // no report of that year: said before any question about the row's columns
  [{ q: '平潭综合实验区2024年行政处罚多少', status: 'no_data', has: [`没有平潭综合实验区2024年的报告，${HAVE_PINGTAN}`], not: ['请回复序号'] }],
  [{ q: '上海市政府办公厅2025年不予处理和其他处理各多少件', status: 'answered', has: ['「不予处理」合计：80件（信访举报投诉类申请62件 + ', '「其他处理」合计：319件（申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请43件 + 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0件 + 其他276件）'] }],
  // 「其他处理」 of the 2021 form is the group 三（六）, never its item 3 alone (276 of 319)
  [{ q: '上海市政府办公厅2025年其他处理多少件', status: 'answered', has: ['「其他处理」合计：319件', '「其他」行「总计」列（原文：276）'] }],
  [{ q: '上海市政府办公厅2025年其他情形多少件', status: 'answered', has: ['「其他 · 总计」：276件'], not: ['319'] }],
  [{ q: '2025年哪个机关其他处理最多', status: 'asked_back', has: ['「其他处理」在2021年版表格分3项', '3. 三（六）3 其他'], not: ['276件'] }],
  [{ q: '平潭综合实验区2025年收到申请多少件，其中自然人多少件', status: 'answered', has: ['「本年新收政府信息公开申请数量 · 总计」：154件', '「本年新收政府信息公开申请数量 · 自然人」：151件'] }],
  [{ q: '平潭综合实验区2025年予以公开率是多少', status: 'answered', has: ['「予以公开 · 总计」占「办理结果总计」的比例：22.3%（33件 ÷ 148件）', '「总计」行「总计」列（原文：148）'] }],
  [{ q: '平潭综合实验区2025年自然人申请是商业企业的几倍', status: 'answered', has: ['的50.33倍（151件 ÷ 3件 ≈ 50.33）'] }],
  [{ q: '上海市政府办公厅2025年部分公开和不予公开各多少', status: 'answered', has: ['「部分公开 · 总计」：2件', '「不予公开」合计：20件'] }],
  [{ q: '上海市科委2025年收到多少申请', status: 'no_data', has: ['库里没有「上海市科委」的年度报告'], not: ['1,295'] }],
  [{ q: '平潭综合实验区2030年收到多少申请', status: 'refused', has: [`没有平潭综合实验区2030年的报告，${HAVE_PINGTAN}`], not: ['件'] }],
  [{ q: '平潭综合实验区1850年收到多少申请', status: 'refused', has: [`没有平潭综合实验区1850年的报告，${HAVE_PINGTAN}`] }],
  [{ q: '平潭综合实验区2024年收到多少申请', status: 'no_data', has: [`没有平潭综合实验区2024年的报告，${HAVE_PINGTAN}`], not: ['81件', '36件'] }],
  [{ q: '平潭综合实验区2022年政府采购金额', status: 'no_data', has: ['2021年版表格', '这一版没有'], not: ['元'] }],
  [{ q: '2020年哪个街道政府采购金额最高', status: 'answered', has: ['最高的是剑光街道：99,000元', '只比较街道办事处'], not: ['白土镇'] }],
  [{ q: '2020年各街道政府采购金额', status: 'answered', has: ['1. 剑光街道 99,000元'], not: ['白土镇', '施集镇'] }],
  [{ q: '2020年哪个镇政府采购金额最高', status: 'answered', has: ['最高的是白土镇：115,838元'], not: ['剑光街道'] }],
  [{ q: '剑光街道2020年政府采购金额', status: 'answered', has: ['剑光街道2020年「政府集中采购 · 采购总金额」：99,000元'] }],
  [{ q: '平潭综合实验区2025年被纠错的复议有几件', status: 'answered', has: ['「行政复议 · 结果纠正」：3件'], not: ['36件'] }],
  [{ q: '平潭综合实验区2025年行政诉讼维持几件', status: 'answered', has: ['「行政诉讼 · 结果维持」合计：6件（未经复议直接起诉3件 + 复议后起诉3件）'] }],
  [{ q: '沭阳县发展改革局2023年收到申请', status: 'answered', has: ['沭阳县发展和改革局2023年', '：26件'] }],
  [
    { q: '上海市政府办公厅2025年法人申请多少件', status: 'asked_back', has: ['「法人或其他组织」分5列', '1. 商业企业', '5. 其他'], not: ['1,295'] },
    { q: '1', status: 'answered', has: ['「本年新收政府信息公开申请数量 · 商业企业」：36件'] },
  ],
  [{ q: '上海市政府办公厅2025年法人或其他组织申请多少件', status: 'asked_back', has: ['「法人或其他组织」分5列'] }],
  [{ q: '上海市政府办公厅2025年法人商业企业申请', status: 'answered', has: ['：36件'] }],
  [{ q: '平潭综合实验区2022年无法提供多少', status: 'answered', has: ['「无法提供」合计：37件（本机关不掌握相关政府信息37件 + 没有现成信息需要另行制作0件 + 补正后申请内容仍不明确0件）'], not: ['713000074'] }],
  [{ q: '上海市政府办公厅2025年不予公开多少件', status: 'answered', has: ['「不予公开」合计：20件（属于国家秘密4件 + '] }],
  [{ q: '上海市政府办公厅2025年不予处理', status: 'answered', has: ['「不予处理」合计：80件'] }],
  [{ q: '上海市政府办公厅2025年不予公开属于国家秘密几件', status: 'answered', has: ['「属于国家秘密 · 总计」：4件'], not: ['合计'] }],
  [{ q: '平潭综合实验区2022年行政诉讼复议后起诉', status: 'answered', has: ['「行政诉讼·复议后起诉 · 总计」：0件'], not: ['合计'] }],
  [{ q: '平潭综合实验区2022年自然人和商业企业申请分别多少', status: 'answered', has: ['「本年新收政府信息公开申请数量 · 自然人」：71件', '「本年新收政府信息公开申请数量 · 商业企业」：3件'] }],
  [{ q: '上海市政府办公厅2025年行政复议维持和纠正各几件', status: 'answered', has: ['「行政复议 · 结果维持」：40件', '「行政复议 · 结果纠正」：0件'] }],
  [
    { q: '上海市政府办公厅2025年收到多少申请', status: 'answered', has: ['：1,295件'] },
    { q: '那予以公开呢', status: 'answered', has: ['上海市人民政府办公厅2025年「予以公开 · 总计」：206件'] },
    // 平潭 alone is the zone's own report (its government), not a list of the region's reports
    { q: '那平潭呢', status: 'answered', has: ['平潭综合实验区2025年「予以公开 · 总计」：33件'], not: ['各报告'] },
  ],
  [
    { q: '平潭综合实验区收到多少申请', status: 'asked_back', has: ['您问的是哪一年', '2. 2023年'] },
    { q: '2', status: 'answered', has: ['平潭综合实验区2023年', '：81件'] },
  ],
  // the PDF lost section 五's heading; its two parts (「（一）2024 年…存在问题的改进情况」, 「（二）2025 年…存在的主要问题」):
  // problems are quoted from the part that names them, improvement from the other
  [{ q: '上海市政府办公厅2025年报告存在什么问题', status: 'answered', has: ['（二）2025 年工作中存在的主要问题', '一是政策信息分散于多个平台'], not: ['一是进一步提升政策公开质效'] }],
  [{ q: '上海市政府办公厅2025年有哪些改进措施', status: 'answered', has: ['针对 2024 年工作中存在的主要问题', '一是进一步提升政策公开质效'], not: ['政策信息分散'] }],
  [{ q: '平潭综合实验区2021年报告什么时候发布', status: 'answered', has: ['发布时间：2022年2月8日'] }],
  [{ q: '平潭综合实验区2025年复议后起诉维持几件', status: 'answered', has: ['「行政诉讼·复议后起诉 · 结果维持」：3件'], not: ['合计'] }],
  [{ q: '上海市政府办公厅2025年逾期不补正', status: 'answered', has: ['：43件'] }],
  [{ q: '2025年哪个机关规章最多', status: 'asked_back', has: ['本年制发件数', '现行有效件数'], not: ['本年新制作数量', '上一年项目数量'] }],
  [{ q: '2019年哪个机关规范性文件最多', status: 'asked_back', has: ['本年新制作数量', '对外公开总数量'], not: ['本年制发件数'] }],
  [{ q: '平潭综合实验区2025年复议和诉讼一共多少件', status: 'answered', has: ['「行政复议 · 总计」：36件', '「行政诉讼」合计：9件'] }],
  [{ q: '平潭综合实验区2019年政府集中采购项目', status: 'answered', has: ['「政府集中采购 · 采购项目数量」：135项'] }],
  [
    { q: '平潭综合实验区2019年上一年项目数量', status: 'asked_back', has: ['您想查的是哪一项', '2. 其他对外管理服务事项'] },
    { q: '2', status: 'answered', has: ['「其他对外管理服务事项 · 上一年项目数量」：10项'] },
  ],
  [{ q: '2025年哪个街道收到的申请最多', status: 'no_data', has: ['2025年的2份报告里没有街道办事处的报告'], not: ['上海市人民政府办公厅', '平潭'] }],
];

describe('hand-written questions and follow-ups about the real reports', () => {
  it.each(DIALOGUES.map((d) => [d.map((s) => s.q).join(' → '), d] as const))('%s', async (_name, steps) => {
    const session = `hand-${steps[0].q}`;
    for (const step of steps) {
      const answer = await ask(step.q, session);
      const where = `「${step.q}」 →\n${answer.text}`;
      expect({ where, status: answer.status }).toEqual({ where, status: step.status });
      for (const s of step.has) expect({ where, has: s, ok: answer.text.includes(s) }).toEqual({ where, has: s, ok: true });
      for (const s of step.not ?? []) expect({ where, not: s, ok: !answer.text.includes(s) }).toEqual({ where, not: s, ok: true });
    }
  });

  it('suggests only years that have a report', async () => {
    const answer = await ask('平潭综合实验区2023年收到多少申请', 'suggest');
    const years = answer.suggestions.flatMap((s) => /^(\d{4})年呢$/.exec(s)?.[1] ?? []).map(Number);
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) expect([2019, 2021, 2022, 2025]).toContain(y);
  });
});
