import { startBotHarness, type BotHarness } from './harness';

/**
 * How officials really ask, against a real server with the five samples ingested, through the GraphQL `ask` field.
 * Expected values were read by hand from the sample files (samples/*.txt), not from the bot or the parser:
 *   白土镇 2020 (丰城市): 政府集中采购 10 项, 115838元; 新收申请 1 (自然人 1); 予以公开 1; everything else 0.
 *   施集镇 2020 (南谯区): 规章 本年新制作 3; 政府集中采购 2 项, 「7380元整(单位:人民币)」; everything else 0.
 *   甘河子镇 2020, 张家产镇 2020: all 0; their texts say 「共规范发布了3条政府信息」 and 「共主动公开信息48条」.
 *   港口乡 2021 (铜鼓县, format 2021, no 政府集中采购 row): all 0.
 * The bot's clock is 2021-06-01, so 今年 = 2021 and 去年 = 2020.
 */

interface Expect {
  /** Every one of these must be in the answer. */
  has: string[];
  /** None of these may be. */
  not?: string[];
}

const CLARIFY = '请回复序号';
const NO_REPORT = '没有这份报告';
const SOURCE_BAITU = '来源：《白土镇2020年政府信息公开工作年度报告》表二 主动公开政府信息情况，「政府集中采购」行「采购总金额」列';

const single: [string, Expect][] = [
  // ---- one value, the agency in any form, the year in any form
  ['白土镇2020年政府采购金额', { has: ['白土镇2020年', '115,838元', SOURCE_BAITU, '原文：115838元'] }],
  ['白土镇2020年采购总金额', { has: ['115,838元', SOURCE_BAITU] }],
  ['白土镇2020年采购花了多少钱', { has: ['115,838元'] }],
  ['丰城市白土镇2020年政府采购金额', { has: ['115,838元'] }],
  ['丰城市白土镇人民政府2020年采购金额', { has: ['115,838元'] }],
  ['白土2020年政府采购金额', { has: ['115,838元'] }],
  ['白土镇政府2020年度政府集中采购总金额', { has: ['115,838元'] }],
  ['白土镇二〇二〇年政府采购金额', { has: ['115,838元'] }],
  ['白土镇20年政府采购金额', { has: ['115,838元'] }],
  ['白土镇去年政府采购金额', { has: ['白土镇2020年', '115,838元'] }],
  ['白土镇政府采购金额', { has: ['白土镇2020年', '115,838元'] }],
  ['白土镇２０２０年政府采购金额', { has: ['115,838元'] }],
  ['白土镇 2020 年 政府采购 金额？', { has: ['115,838元'] }],
  ['请问白土镇2020年政府采购的金额是多少', { has: ['115,838元'] }],
  ['白土镇2020年采购项目数', { has: ['10项', '采购项目数量'] }],
  ['白土镇2020年政府采购了几个项目', { has: ['10项'] }],
  ['白土镇2020年采购项目数量是多少', { has: ['10项'] }],
  ['施集镇2020年政府采购金额', { has: ['施集镇2020年', '7,380元', '原文：7380元整(单位:人民币)'] }],
  ['南谯区施集镇2020年采购金额', { has: ['7,380元'] }],
  ['施集2020年采购金额', { has: ['7,380元'] }],
  ['施集镇2020年采购项目数', { has: ['2项'] }],
  ['施集镇2020年规章新制作数量', { has: ['3件', '规章 · 本年新制作数量'] }],
  ['施集镇2020年新制作规章多少件', { has: ['3件'] }],
  ['施集镇2020年规章对外公开总数', { has: ['0件', '对外公开总数量'] }],
  ['施集镇2020年规范性文件新公开数量', { has: ['0件', '规范性文件 · 本年新公开数量'] }],
  // ---- 表三: requests
  ['白土镇2020年收到多少申请', { has: ['1件', '本年新收政府信息公开申请数量 · 总计', '表三'] }],
  ['白土镇2020年新收申请', { has: ['1件'] }],
  ['白土镇2020年收到了多少申请', { has: ['1件'] }],
  ['白土镇2020年依申请公开数量', { has: ['1件'] }],
  ['白土镇2020年予以公开几件', { has: ['1件', '予以公开'] }],
  ['白土镇2020年自然人新收申请', { has: ['1件', '自然人'] }],
  ['白土镇2020年商业企业新收申请', { has: ['0件', '商业企业'] }],
  ['白土镇2020年上年结转申请', { has: ['0件', '上年结转'] }],
  ['白土镇2020年结转下年度继续办理', { has: ['0件', '结转下年度继续办理'] }],
  ['白土镇2020年办理结果总计', { has: ['1件', '总计'] }],
  ['白土镇2020年部分公开多少', { has: ['0件', '部分公开'] }],
  ['白土镇2020年属于国家秘密不予公开的', { has: ['0件', '国家秘密'] }],
  ['白土镇2020年重复申请', { has: ['0件', '重复申请'] }],
  ['张家产镇2020年收到多少申请', { has: ['张家产镇2020年', '0件'] }],
  ['甘河子镇2020年其他处理', { has: ['0件', '其他处理'] }],
  ['港口乡2021年逾期不补正', { has: ['0件', '逾期不补正'] }],
  // ---- 表四: appeals
  ['白土镇2020年被复议了几次', { has: ['0件', '行政复议'] }],
  ['白土镇2020年行政复议总数', { has: ['0件', '行政复议 · 总计'] }],
  ['白土镇2020年被起诉', { has: ['白土镇2020年「行政诉讼」合计：0件（未经复议直接起诉0件 + 复议后起诉0件）', '「行政诉讼·未经复议直接起诉」行「总计」列', '「行政诉讼·复议后起诉」行「总计」列'] }],
  ['施集镇2020年行政诉讼', { has: ['「行政诉讼」合计：0件'] }],
  ['白土镇2020年未经复议直接起诉', { has: ['0件', '行政诉讼·未经复议直接起诉 · 总计'], not: ['合计'] }],
  ['2020年哪个镇被起诉最多', { has: [CLARIFY, '未经复议直接起诉', '复议后起诉'] }],
  ['白土镇2020年收到多少申请，予以公开多少', { has: ['「本年新收政府信息公开申请数量 · 总计」：1件', '「予以公开 · 总计」：1件'] }],
  ['施集镇2020年采购了几个项目，规章新制作多少件', { has: ['「政府集中采购 · 采购项目数量」：2项', '「规章 · 本年新制作数量」：3件'] }],
  ['白土镇2020年联系电话', { has: ['联系方式', '0795-6852008', '来源：《白土镇2020年政府信息公开工作年度报告》'] }],
  ['白土镇和港口乡收到的申请对比', { has: ['没有同一年的报告可比：白土镇有2020年的报告，港口乡有2021年的报告'] }],
  ['施集镇2020年采购花费', { has: ['7,380元'] }],
  ['2020年和2021年哪个镇收到的申请最多', { has: ['您问的是哪一年', '1. 2021年', '2. 2020年', CLARIFY] }],
  ['白土镇2020年行政复议自然人', { has: ['「行政复议」这一行没有「自然人」这一列', '结果维持', CLARIFY], not: ['0件'] }],
  ['萧县白土镇2020年政府采购金额', { has: ['库里没有「萧县白土镇」的年度报告'], not: ['115,838'] }],
  ['宜春市白土镇2020年政府采购金额', { has: ['115,838元'] }],
  ['江西省白土镇2020年政府采购金额', { has: ['115,838元'] }],
  ['上海市科委2020年收到多少申请', { has: ['库里没有「上海市科委」的年度报告'], not: ['件'] }],
  ['白土镇2020年复议后起诉', { has: ['0件', '复议后起诉'] }],
  ['白土镇2020年行政复议结果纠正', { has: ['0件', '结果纠正'] }],
  // ---- 表二 other rows, both formats
  ['甘河子镇2020年行政处罚决定', { has: ['0件', '行政处罚 · 处理决定数量'] }],
  ['甘河子镇2020年行政许可决定数量', { has: ['0件', '行政许可'] }],
  ['威海市文登区张家产镇2020年政府采购金额', { has: ['0元'] }],
  ['文登区张家产镇2020年采购金额', { has: ['0元'] }],
  ['张家产镇2020年行政强制处理决定', { has: ['0件', '行政强制'] }],
  ['港口乡2021年收到多少申请', { has: ['港口乡2021年', '0件'] }],
  ['港口乡政府2021年规范性文件制发', { has: ['0件', '本年制发件数'] }],
  ['港口乡2021年规章现行有效件数', { has: ['0件', '现行有效件数'] }],
  ['港口乡2021年行政事业性收费金额', { has: ['0元', '本年收费金额'] }],
  ['港口2021年行政处罚决定', { has: ['0件'] }],
  ['铜鼓县港口乡今年收到多少申请', { has: ['港口乡2021年', '0件'] }],
  ['港口乡收到多少申请', { has: ['港口乡2021年', '0件'] }],
  // ---- not in that year's format, no such report, not understood: refuse or ask back, never a number
  ['港口乡2021年政府采购金额', { has: ['2021年版表格', '只在2019年版'], not: ['0元'] }],
  ['港口乡2021年政府集中采购项目数', { has: ['这一版没有'], not: ['0项'] }],
  ['施集镇2020年规章制发件数', { has: ['2019年版表格', '只在2021年版'], not: ['0件', '3件'] }],
  ['白土镇2021年政府采购金额', { has: [NO_REPORT, '没有白土镇2021年的报告，已有：2020年'], not: ['115,838'] }],
  ['白土镇2019年收到多少申请', { has: [NO_REPORT] }],
  ['大河镇2020年政府采购金额', { has: [NO_REPORT, '大河镇'], not: ['元'] }],
  ['港口乡2020年收到多少申请', { has: [NO_REPORT, '已有：2021年'] }],
  ['今天天气怎么样', { has: ['没太明白'] }],
  ['帮我订一张去北京的机票', { has: ['没太明白'] }],
  ['白土镇2020年报告', { has: ['您想查'], not: ['115,838'] }],
  // no agency named: the agencies with a 2020 report are the choices, no number is guessed
  ['2020年政府采购金额', { has: ['您问的是哪个机关的报告：', '. 白土镇', '. 施集镇', '. 张家产镇', '. 甘河子镇'], not: ['115,838', '元'] }],
  ['白土镇2020年规章', { has: [CLARIFY, '本年新制作数量', '对外公开总数量'] }],
  ['白土镇2020年采购情况', { has: [CLARIFY, '采购项目数量', '采购总金额'], not: ['115,838'] }],
  [`白土镇${'的政府采购金额'.repeat(40)}`, { has: ['问题太长'] }],
  // ---- rankings, totals, per-township lists
  ['2020年哪个镇采购金额最高', { has: ['最高的是白土镇', '115,838元', '共4份报告'] }],
  ['2020年哪个乡镇政府采购金额最低', { has: ['最低的有2个并列', '0元'] }],
  ['2020年采购金额前3名', { has: ['1. 白土镇', '2. 施集镇 7,380元', '3. '] }],
  ['2020年采购金额排名前两名', { has: ['1. 白土镇', '2. 施集镇'], not: ['3. '] }],
  ['2020年哪个镇收到的申请最多', { has: ['最高的是白土镇', '1件'] }],
  ['今年哪个乡镇收到的申请最多', { has: ['2021年', '最高的是港口乡'] }],
  ['2022年哪个乡镇收到的申请最多', { has: ['没有找到2022年', '库里最新的是2021年的报告'] }],
  // no agency of 丰城市 reports both years: each year's reports said, no crash and no guess
  ['丰城市2020年采购金额比2021年多多少', { has: ['无法比较', '2020年有白土镇的报告', '2021年没有报告'], not: ['元'] }],
  ['2020年采购金额最高的两个镇', { has: ['1. 白土镇', '2. 施集镇'], not: ['3. '] }],
  ['哪个镇2020年被复议最多', { has: ['最高的有4个并列，均为0件', '共4份报告'], not: ['最高的是'] }],
  ['2020年哪个镇采购最多', { has: [CLARIFY, '采购项目数量', '采购总金额'] }],
  ['去年哪个镇规章新制作最多', { has: ['最高的是施集镇', '3件'] }],
  ['2020年政府采购金额合计', { has: ['合计：123,218元', '4份报告'] }],
  ['2020年政府采购金额总共多少', { has: ['123,218元'] }],
  ['2020年平均政府采购金额', { has: ['平均：30,804.5元'] }],
  ['江西省2020年采购金额合计', { has: ['江西省2020年', '115,838元', '1份报告'] }],
  ['丰城市2020年各乡镇政府采购金额', { has: ['丰城市2020年', '1. 白土镇 115,838元'] }],
  ['江西省各乡镇2021年收到多少申请', { has: ['1. 港口乡 0件'], not: ['合计'] }],
  ['2020年各乡镇政府采购金额', { has: ['1. 白土镇 115,838元', '2. 施集镇 7,380元', '合计：123,218元'] }],
  // ---- what exists, checks, the text
  ['有哪些报告', { has: ['共有5份年度报告'] }],
  ['白土镇有哪几年的报告', { has: ['白土镇有1份年度报告', '2020年：《白土镇2020年政府信息公开工作年度报告》'] }],
  ['江西省有哪些报告', { has: ['共有2份年度报告', '白土镇', '港口乡'] }],
  ['2021年有哪些报告', { has: ['共有1份年度报告', '港口乡'] }],
  ['白土镇2020年报告有没有勾稽错误', { has: ['全部通过', '没有勾稽错误'] }],
  ['港口乡2021年勾稽关系校验', { has: ['全部通过'] }],
  ['甘河子镇2020年主动公开了多少条信息', { has: ['引自原文', '共规范发布了3条政府信息'], not: ['0件', '0项'] }],
  ['张家产镇2020年主动公开了多少条信息', { has: ['引自原文', '48条'] }],
  ['白土镇2020年主动公开了多少条信息', { has: ['引自原文', '累计主动公开政府信息130余条'] }],
  ['施集镇2020年发布了多少条信息', { has: ['引自原文', '607条'] }],
  ['白土镇2020年回复了多少条12345热线', { has: ['引自原文', '回复12345政府服务热线260条'] }],
  // ---- comparisons
  ['白土镇和施集镇2020年采购金额对比', { has: ['白土镇2020年：115,838元', '施集镇2020年：7,380元', '多108,458元'] }],
  ['白土镇与施集镇2020年采购项目数比较', { has: ['白土镇2020年：10项', '施集镇2020年：2项', '多8项'] }],
  ['白土镇2020年和2019年采购金额对比', { has: ['白土镇2020年：115,838元', NO_REPORT] }],
  // ---- impossible years are refused with the years that exist, never answered with another year
  ['白土镇1850年政府采购金额', { has: ['没有白土镇1850年的报告，已有：2020年'], not: ['115,838'] }],
  ['白土镇9999年政府采购金额', { has: ['没有白土镇9999年的报告，已有：2020年'], not: ['115,838'] }],
  ['白土镇1999年收到多少申请', { has: ['没有白土镇1999年的报告，已有：2020年'], not: ['1件'] }],
  ['白土镇2023年政府采购金额', { has: ['没有白土镇2023年的报告，已有：2020年'], not: ['115,838'] }],
  ['1850年哪个镇采购金额最高', { has: ['没有1850年的报告', '2008年'], not: ['白土镇'] }],
  // ---- traditional characters, misspelt names, other wordings
  ['白土鎮2020年政府採購金額', { has: ['白土镇2020年', '115,838元', SOURCE_BAITU] }],
  ['施集鎮2020年採購項目數', { has: ['施集镇2020年', '2项'] }],
  ['白土鎮2020年收到多少申請', { has: ['1件', '本年新收政府信息公开申请数量 · 总计'] }],
  ['白士镇2020年政府采购金额', { has: ['您是不是要问白土镇？', CLARIFY], not: ['115,838'] }],
  ['百土镇2020年政府采购金额', { has: ['您是不是要问白土镇？'], not: ['115,838'] }],
  ['施吉镇2020年政府采购金额', { has: ['您是不是要问施集镇？'], not: ['7,380'] }],
  ['白土镇2020年自然人提出了多少件申请', { has: ['1件', '本年新收政府信息公开申请数量 · 自然人'] }],
  ['白土镇2020年自然人提出的申请', { has: ['1件', '自然人'] }],
  ['帮助', { has: ['我可以查'] }],
  ['你好', { has: ['我可以查'] }],
];

const dialogues: [string, Expect][][] = [
  [
    ['施集镇2020年政府采购金额', { has: ['7,380元'] }],
    ['那白土镇呢', { has: ['白土镇2020年', '115,838元'] }],
    ['那采购项目数呢', { has: ['白土镇2020年', '10项'] }],
    ['那施集镇呢', { has: ['施集镇2020年', '2项'] }],
    ['2021年呢', { has: [NO_REPORT] }],
  ],
  [
    ['2020年哪个镇采购金额最高', { has: ['最高的是白土镇'] }],
    ['那采购项目数呢', { has: ['最高的是白土镇', '10项'] }],
    ['前3名', { has: ['1. 白土镇 10项', '2. 施集镇 2项', '3. '] }],
  ],
  [
    ['白士镇2020年政府采购金额', { has: ['您是不是要问白土镇？'] }],
    ['是', { has: ['白土镇2020年', '115,838元'] }],
  ],
  [
    ['百土镇2020年采购项目数', { has: ['您是不是要问白土镇？'] }],
    ['1', { has: ['白土镇2020年', '10项'] }],
  ],
  [
    ['白土镇2020年政府采购金额', { has: ['115,838元'] }],
    ['那白士镇呢', { has: ['您是不是要问白土镇？'], not: ['115,838'] }],
  ],
  [
    ['白土镇2020年政府采购金额', { has: ['115,838元'] }],
    ['那1850年呢', { has: ['没有白土镇1850年的报告，已有：2020年'], not: ['115,838'] }],
  ],
  [
    ['白土镇2020年报告', { has: ['您想查'] }],
    ['政府采购金额', { has: ['115,838元'] }],
  ],
  [
    ['白土镇2020年规章', { has: [CLARIFY] }],
    ['1', { has: ['规章 · 本年新制作数量', '0件'] }],
  ],
  [
    ['白土镇2020年采购', { has: [CLARIFY] }],
    ['2', { has: ['115,838元'] }],
  ],
];

let h: BotHarness;
let session = 0;
/** The server issues session ids: a dialogue's label → the id its last answer gave. */
const issued = new Map<string, string>();

interface Answer {
  text: string;
  status: string;
  operation: string | null;
  cells: { key: string }[];
  sessionId: string;
}

async function ask(question: string, label: string): Promise<Answer> {
  const res = await fetch(h.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query Ask($q: String!, $s: String) { ask(question: $q, sessionId: $s) { text status operation variables cells { reportId key } suggestions sessionId } }',
      variables: { q: question, s: issued.get(label) ?? null },
    }),
  });
  const body = (await res.json()) as { data?: { ask: Answer }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  issued.set(label, body.data!.ask.sessionId);
  return body.data!.ask;
}

/** The status agrees with what the text does: a numbered question is asked_back, a cited cell is answered. */
function checkStatus(question: string, a: Answer): void {
  const where = `「${question}」 → ${a.text}`;
  if (a.text.includes(CLARIFY)) expect({ where, status: a.status }).toEqual({ where, status: 'asked_back' });
  if (a.cells.length > 0) expect({ where, status: a.status }).toEqual({ where, status: 'answered' });
  if (a.text.startsWith(NO_REPORT)) expect({ where, status: ['no_data', 'refused'].includes(a.status) }).toEqual({ where, status: true });
  if (a.text.startsWith('没太明白')) expect({ where, status: a.status }).toEqual({ where, status: 'refused' });
}

function check(question: string, text: string, e: Expect): void {
  for (const s of e.has) if (!text.includes(s)) throw new Error(`「${question}」 should contain 「${s}」; got:\n${text}`);
  for (const s of e.not ?? []) if (text.includes(s)) throw new Error(`「${question}」 must not contain 「${s}」; got:\n${text}`);
}

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());

describe('the phrasing table (ask over GraphQL, five samples)', () => {
  it('has at least 80 phrasings', () => {
    expect(single.length + dialogues.flat().length).toBeGreaterThanOrEqual(80);
  });

  it.each(single)('%s', async (question, expected) => {
    const answer = await ask(question, `table-${++session}`);
    check(question, answer.text, expected);
    checkStatus(question, answer);
  });

  it.each(dialogues.map((d) => [d.map(([q]) => q).join(' → '), d] as const))('dialogue %s', async (_name, steps) => {
    const id = `dialogue-${++session}`;
    for (const [question, expected] of steps) {
      const answer = await ask(question, id);
      check(question, answer.text, expected);
      checkStatus(question, answer);
    }
  });

  it('names the operation, its variables and the cell it read', async () => {
    const res = await fetch(h.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ask(question: "白土镇2020年政府采购金额") { operation variables cells { reportId key } } }' }),
    });
    const { data } = (await res.json()) as { data: { ask: { operation: string; variables: Record<string, unknown>; cells: { reportId: string; key: string }[] } } };
    expect(data.ask.operation).toBe('BotCell');
    // One operation: the agency's report of the year with that cell (the one the benchmark replays).
    expect(data.ask.variables).toEqual({ agency: expect.stringMatching(/^[0-9a-f-]{36}$/), year: 2020, key: 'active.procurement.amount' });
    expect(data.ask.cells).toEqual([{ reportId: expect.stringMatching(/^[0-9a-f-]{36}$/), key: 'active.procurement.amount' }]);
  });
});
