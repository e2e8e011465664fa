import { startBotHarness, type BotHarness } from './harness';
import { handRead, REAL_REPORTS, reportText } from './realValues';

/**
 * What exam batch E found (exam/notes-e.md), checked on the real reports of 平潭's zone parts and departments with
 * their hand-read values: a department word with a topic (「经发局的联系电话」), 君山 alone as 君山片区, the form's
 * own item numbers (「（六）里第3项“其他”」), a column of the other template asked back with the report's columns,
 * a year without any report refused before any question back, section 五 and 六 quoted as the report prints them.
 */


const cell = (slug: string, key: string) => handRead('real-extra', slug, key);
const report = (slug: string) => reportText('real-extra', slug);

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness(REAL_REPORTS, { now: () => new Date('2026-12-03T08:00:00Z') });
}, 180_000);
afterAll(() => h?.close());

const ask = (q: string) => h.engine.ask(q);

describe('a department or zone part named without its place', () => {
  it('「经发局的联系电话」 with no year: the 2019 and 2023 reports print different phones, so the year is asked', async () => {
    const phones = ['pingtan-economy-2019', 'pingtan-economy-2023'].map((slug) => /电话[:：]\s*(0591-?\d{8})/.exec(report(slug))?.[1]);
    expect(phones[0]).not.toEqual(phones[1]);
    const a = await ask('经发局的联系电话多少');
    expect(a.status).toBe('asked_back');
    expect(a.text).toContain('2023年');
    expect(a.text).toContain('2019年');
  });

  it('an agency with one report: its contact at once', async () => {
    const a = await ask('沭阳发改局电话多少');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('沭阳县发展和改革局2023年报告的联系方式');
    expect(a.text).toContain('电话：0527-83593059');
  });

  it('「经发局2023年报留的电话」: the topic, not a table cell', async () => {
    const a = await ask('经发局2023年报留的电话');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('电话：0591-23157117');
  });

  it('「君山22年…」 is 君山片区 (the zone part), its value cited', async () => {
    const a = await ask('君山22年本机关不掌握的有几件');
    expect(a.status).toBe('answered');
    expect(a.text).toContain(`平潭综合实验区君山片区管理局2022年「本机关不掌握相关政府信息 · 总计」：${cell('pingtan-junshan-2022', 'requests.unable.not_held.total')}件`);
  });

  it('a department word several agencies end with is asked back with them', async () => {
    const a = await ask('片区管理局收了几件申请');
    expect(a.status).toBe('asked_back');
    for (const part of ['君山', '海坛', '苏平', '金井']) expect(a.text).toContain(`平潭综合实验区${part}片区管理局`);
  });

  it('「苏平片区办公室地址」: the office of the zone part is the zone part', async () => {
    const a = await ask('苏平片区办公室地址');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('平潭综合实验区苏平片区管理局2024年报告的联系方式');
    expect(a.text).toContain('地址：平潭综合实验区金井镇中山大道中');
  });
});

describe('words of the form', () => {
  it('「（六）里第3项“其他”」 is the row 其他 of 其他处理, its total', async () => {
    const a = await ask('苏平片区2024年（六）里第3项“其他”有几件');
    expect(a.status).toBe('answered');
    expect(a.cells.map((c) => c.key)).toEqual(['requests.other.other.total']);
    expect(a.text).toContain(`：${cell('pingtan-suping-2024', 'requests.other.other.total')}件`);
  });

  it('「对外公开」 and 「上一年的项目」 name their columns', async () => {
    const a = await ask('经发局2019年规范性文件对外公开多少');
    expect(a.cells.map((c) => c.key)).toEqual(['active.normative_docs.total_public']);
    expect(a.text).toContain(`：${cell('pingtan-economy-2019', 'active.normative_docs.total_public')}件`);
    const b = await ask('经发局2019年行政许可上一年的项目多少');
    expect(b.cells.map((c) => c.key)).toEqual(['active.licensing.prev_count']);
    expect(b.text).toContain(`：${cell('pingtan-economy-2019', 'active.licensing.prev_count')}项`);
  });

  it('a column of the other template is asked back with this report\'s columns that count the same thing', async () => {
    const a = await ask('经发局2019年新出了几个规范性文件');
    expect(a.status).toBe('asked_back');
    expect(a.text).toContain('2019年版表格');
    expect(a.text).toContain('1. 本年新制作数量');
    expect(a.text).not.toContain('本年制发件数（');
  });

  it('a column with no counterpart there (a count of items for a 2021 report) is refused, naming the template', async () => {
    const a = await ask('经发局2023年行政许可上一年项目数量多少');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('2021年版表格，这一版没有「行政许可 · 上一年项目数量」');
  });

  it('「19年、23年」 asks both years', async () => {
    const a = await ask('经发局19年、23年规范性文件有效多少');
    expect(a.text).toContain('2019年');
    expect(a.text).toContain(`平潭综合实验区经济发展局2023年：${cell('pingtan-economy-2023', 'active.normative_docs.in_force')}件`);
  });
});

describe('what cannot be answered is said first', () => {
  it('「今年」 (2026, no report anywhere in 平潭) is refused, not asked which column', async () => {
    const a = await ask('平潭今年行政许可多少');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('2026年');
  });
});

describe('the date under the signature (落款日期) is not the page\'s publication date', () => {
  it('a page flattened to one line (「…无。 平潭综合实验区国有资产管理局 2020年1月7日」)', async () => {
    const a = await ask('国资局2019年报告落款日期是哪天');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('落款日期：2020年1月7日');
    const published = await ask('国资局2019年什么时候发布');
    expect(published.text).toContain('发布时间：2020年1月8日');
  });

  it('a signature on its own lines', async () => {
    const a = await ask('君山片区2022年落款日期');
    expect(a.text).toContain('落款日期：2023年1月9日');
  });

  it('a report without one says so', async () => {
    const a = await ask('平潭2024年报告的落款日期');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('没有落款日期');
  });
});

describe('sections 五 and 六 quoted as the report prints them', () => {
  it('a page flattened to one paragraph: the problems part, whole sentences, no PDF line breaks', async () => {
    const a = await ask('君山片区2022年报里说存在啥问题');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('但与上级的要求相比');
    expect(a.text).toContain('主动公开意识和力度还不够');
    expect(a.text).not.toContain('（二）改进措施');
    const b = await ask('君山片区2022年改进措施');
    expect(b.text).toContain('（二）改进措施一是不断加大交流培训指导');
    expect(b.text).not.toContain('（一）存在的主要问题');
  });

  it('section 六 stops at the signature: no copy list or site footer', async () => {
    const a = await ask('君山片区2022年收费情况');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('本年度没有产生信息公开处理费');
    expect(a.text).not.toContain('抄送');
    expect(a.text).not.toContain('网站标识码');
  });
});
