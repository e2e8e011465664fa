import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startBotHarness, type BotHarness } from './harness';

/**
 * What exam batch D found (exam/notes-d.md), checked on the real reports with their hand-read values: a region named
 * alone is its own government's or zone's report; the short names officials give a zone's departments; everyday
 * words for 表四 and for the fees paragraph; two years written 「2021、2022」.
 */

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const REPORTS = ['real', 'real-extra'].map((c) => path.join(FIXTURES, c, 'reports'));

function expected(corpus: string, slug: string): { agency: string; cells: Record<string, number | null> } {
  return JSON.parse(readFileSync(path.join(FIXTURES, corpus, 'expected', `${slug}.json`), 'utf8'));
}

function count(corpus: string, slug: string, key: string): string {
  const value = expected(corpus, slug).cells[key];
  if (typeof value !== 'number' || value === 0) throw new Error(`${slug} ${key}: a non-zero hand-read value is needed (${value})`);
  return `${new Intl.NumberFormat('en-US').format(value)}件`;
}

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness(REPORTS, { now: () => new Date('2026-06-01T08:00:00Z') });
}, 180_000);
afterAll(() => h?.close());

async function ask(q: string) {
  return h.engine.ask(q);
}

describe('a region named alone stands for its own government or zone', () => {
  it('a value of one year: the zone\'s report, not a list of 平潭\'s reports', async () => {
    const a = await ask('平潭2024年本年新收申请一共几件');
    expect(a.status).toBe('answered');
    expect(a.text).toContain(`平潭综合实验区2024年「本年新收政府信息公开申请数量 · 总计」：${count('real-extra', 'pingtan-2024', 'requests.new.total')}`);
    expect(a.text).not.toContain('各报告');
    expect(a.cells.map((c) => c.key)).toEqual(['requests.new.total']);
  });

  it('two years: both values of the zone', async () => {
    const a = await ask('平潭2022年和2025年予以公开分别多少');
    expect(a.text).toContain(`平潭综合实验区2022年：${count('real', 'pingtan-2022', 'requests.granted.total')}`);
    expect(a.text).toContain(`平潭综合实验区2025年：${count('real', 'pingtan-2025', 'requests.granted.total')}`);
  });

  it('a region with no report of its own (福州市): said so, the reports inside it listed but not added up as its number', async () => {
    const a = await ask('福州市2024年本年新收申请多少');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('库里没有福州市本级（政府或管委会）2024年的年度报告');
    expect(a.text).toContain(`平潭综合实验区 ${count('real-extra', 'pingtan-2024', 'requests.new.total')}`);
    expect(a.text).not.toContain('合计');
    const each = await ask('福州市2024年各单位本年新收申请多少');
    expect(each.status).toBe('answered');
    expect(each.text).toContain('合计：');
  });

  it('「全区」 keeps the sum over the region\'s reports', async () => {
    const a = await ask('平潭2024年全区一共收到多少申请');
    expect(a.text).toContain('平潭县2024年「本年新收政府信息公开申请数量 · 总计」合计');
  });
});

describe('the words of 表四 officials use', () => {
  it('「复议后又起诉」 is the row 复议后起诉, not 行政复议 and 直接起诉', async () => {
    const a = await ask('平潭综合实验区2024年复议后又起诉的一共几件');
    expect(a.text).toContain(`「行政诉讼·复议后起诉 · 总计」：${count('real-extra', 'pingtan-2024', 'appeals.suit_after_review.total')}`);
    expect(a.cells.map((c) => c.key)).toEqual(['appeals.suit_after_review.total']);
  });

  it('「案子」 names no column: 「总共」 is the 总计', async () => {
    const a = await ask('上海市政府办公厅2025年被直接起诉的案子总共几件');
    expect(a.status).toBe('answered');
    expect(a.text).toContain(`：${count('real', 'shanghai-office-2025', 'appeals.suit_direct.total')}`);
    expect(a.cells.map((c) => c.key)).toEqual(['appeals.suit_direct.total']);
  });
});

describe('a zone department by the short name its staff write', () => {
  it.each([
    ['平潭审批局2019年收到几件申请', 'pingtan-approval-2019', '平潭综合实验区行政审批局'],
    ['平潭实验区审批局2023年新收申请多少', 'pingtan-approval-2023', '平潭综合实验区行政审批局'],
    ['平潭管委办2023年新收申请几件', 'pingtan-office-2023', '平潭综合实验区管委会办公室'],
    ['平潭管委会办公室2023年收到多少申请', 'pingtan-office-2023', '平潭综合实验区管委会办公室'],
  ])('%s', async (q, slug, agency) => {
    const a = await ask(q);
    expect(a.status).toBe('answered');
    expect(a.text).toContain(`${agency}${slug.slice(-4)}年「本年新收政府信息公开申请数量 · 总计」：${count('real-extra', slug, 'requests.new.total')}`);
  });

  it('平潭财金局: the 财政金融局', async () => {
    const a = await ask('平潭财金局2022年行政规范性文件制发几件');
    expect(a.text).toContain(`平潭综合实验区财政金融局2022年「规范性文件 · 本年制发件数」：${count('real-extra', 'pingtan-finance-2022', 'active.normative_docs.issued')}`);
  });

  it('海坛片区, without 管理局: its one year is named when another is asked', async () => {
    const a = await ask('海坛片区2023年收到多少申请');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('没有平潭综合实验区海坛片区管理局2023年的报告，已有：2021年');
  });
});

describe('the fees paragraph in everyday words', () => {
  it('「有没有收信息公开的费用」 quotes the fees sentence of section 六', async () => {
    const a = await ask('沭阳县发改局2023年有没有收信息公开的费用');
    expect(a.text).toContain('六、其他需要报告的事项');
    expect(a.text).toContain('未发生收费情况');
  });
});

describe('two years separated by 「、」', () => {
  it('「2021、2022两年」 names both years', async () => {
    const a = await ask('平潭综合实验区2021、2022两年行政处罚决定分别多少');
    expect(a.text).toContain(`平潭综合实验区2021年：${count('real', 'pingtan-2021', 'active.penalty.decisions')}`);
    expect(a.text).toContain(`平潭综合实验区2022年：${count('real', 'pingtan-2022', 'active.penalty.decisions')}`);
  });
});

describe('a name ending with a real agency word is that agency, not a slip of another', () => {
  it('上海市教委 (a 教育委员会) is not asked back as 上海市科委', async () => {
    const a = await ask('上海市教委2024年新收申请多少');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('「上海市教委」');
  });

  it('a variant of the same word (综合试验区 for 综合实验区) is still a slip, asked back', async () => {
    const a = await ask('平潭综合试验区2023年行政处罚决定多少');
    expect(a.status).toBe('asked_back');
    expect(a.text).toContain('您是不是要问平潭综合实验区？');
  });

  it('a real slip (科学技木委员会) is still asked back', async () => {
    const a = await ask('上海市科学技木委员会2024年行政许可多少件');
    expect(a.status).toBe('asked_back');
    expect(a.text).toContain('您是不是要问上海市科学技术委员会？');
  });
});

describe('a department word without a place (「经发局」), as a zone\'s own staff write it', () => {
  it('fits one agency: that agency, its full name cited', async () => {
    const a = await ask('财金局2020年政府集中采购金额多少');
    expect(a.status).toBe('answered');
    const amount = expected('real-extra', 'pingtan-finance-2020').cells['active.procurement.amount'] as number;
    expect(a.text).toContain(`平潭综合实验区财政金融局2020年「政府集中采购 · 采购总金额」：${new Intl.NumberFormat('en-US').format(amount)}元`);
  });

  it('an office every agency has (办公室) names none of them alone', async () => {
    const a = await ask('办公室2023年收到多少申请');
    expect(a.text).not.toContain('管委会办公室2023年「');
  });
});
