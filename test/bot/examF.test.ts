import { startBotHarness, type BotHarness } from './harness';
import { expectedFile, handRead, pieces, REAL_REPORTS } from './realValues';

/**
 * What exam batch F found (exam/README.md, results-f-unseen.md), checked on the real reports with their hand-read
 * values: a department word after filler (「帮我查一下审批局」) or alone (「科委24年」, 「公安局21年」 — 公安 is also a county
 * of Hubei), 「平潭管委会」 as the zone, an item of a group named by its words (「其他处理下面那个“3.其他”」), a comparison
 * of a 2019-form and a 2021-form report on the column both print, 「那个局」 asked back with the region's departments,
 * and section 五 titled with the work first.
 */


const cell = (slug: string, key: string) => pieces(handRead('real-extra', slug, key));

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness(REAL_REPORTS, { now: () => new Date('2026-12-03T08:00:00Z') });
}, 180_000);
afterAll(() => h?.close());

const ask = (q: string) => h.engine.ask(q);

describe('a department word without its place', () => {
  it.each([
    ['请问行政审批局2023年一共收到几件申请', '平潭综合实验区行政审批局2023年', 'pingtan-approval-2023', 'requests.new.total'],
    ['帮我查一下审批局19年行政许可决定数量', '平潭综合实验区行政审批局2019年', 'pingtan-approval-2019', 'active.licensing.decisions'],
    ['公安局21年结转到下年度继续办的有几件', '平潭综合实验区公安局2021年', 'pingtan-police-2021', 'requests.carried_forward.total'],
    ['科委24年上年结转的申请有几件', '上海市科学技术委员会2024年', 'shanghai-stcsm-2024', 'requests.carried_over.total'],
    ['帮我查下财金局2024年废止了几件规范性文件', '平潭综合实验区财政金融局2024年', 'pingtan-finance-2024', 'active.normative_docs.repealed'],
  ])('%s', async (q, cited, slug, key) => {
    const a = await ask(q);
    expect(a.status).toBe('answered');
    expect(a.cells.map((c) => c.key)).toEqual([key]);
    expect(a.text).toContain(cited);
    expect(a.text).toContain(`：${cell(slug, key)}`);
  });

  it('公安县 written in full is the county of Hubei, never 平潭\'s 公安局', async () => {
    const a = await ask('公安县2021年收到多少申请');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('湖北省公安县');
  });

  it('「平潭管委会」 is the zone itself, 「平潭管委会办公室」 its office', async () => {
    const zone = await ask('平潭管委会2024年收到多少申请');
    expect(zone.text).toContain(`平潭综合实验区2024年「本年新收政府信息公开申请数量 · 总计」：${cell('pingtan-2024', 'requests.new.total')}`);
    const office = await ask('平潭管委会办公室2023年收到多少申请');
    expect(office.text).toContain(`平潭综合实验区管委会办公室2023年「本年新收政府信息公开申请数量 · 总计」：${cell('pingtan-office-2023', 'requests.new.total')}`);
  });

  it('「那个局」 of 平潭 is asked back with its departments that reported that year', async () => {
    const a = await ask('平潭2023年那个局收到多少申请');
    expect(a.status).toBe('asked_back');
    expect(a.text).toContain('平潭综合实验区经济发展局');
    expect(a.text).toContain('平潭综合实验区行政审批局');
    expect(a.text).not.toContain('管委会办公室');
  });
});

describe('the form\'s items and templates', () => {
  it('「其他处理下面那个“3.其他”」 is the row 其他, not the applicant column 其他', async () => {
    const a = await ask('苏平片区2024年其他处理下面那个“3.其他”是几件');
    expect(a.cells.map((c) => c.key)).toEqual(['requests.other.other.total']);
    expect(a.text).toContain(`：${cell('pingtan-suping-2024', 'requests.other.other.total')}`);
  });

  it('a 2019-form and a 2021-form report compared on the one column both print', async () => {
    const a = await ask('审批局19年和23年行政许可比较');
    expect(a.status).toBe('answered');
    expect(a.text).toContain(`平潭综合实验区行政审批局2019年：${cell('pingtan-approval-2019', 'active.licensing.decisions')}`);
    expect(a.text).toContain(`平潭综合实验区行政审批局2023年：${cell('pingtan-approval-2023', 'active.licensing.decisions')}`);
  });

  it('section 五 titled 「政府信息公开工作存在的主要问题…」 is quoted for 存在的主要问题', async () => {
    const a = await ask('沭阳县政府去年存在的主要问题');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('一是政策解读多样性需进一步加强');
    expect(a.text).not.toContain('行政复议');
  });
});

describe('levels named by agency words: 片区, 局/部门', () => {
  it('「哪个片区…最多」 ranks only the zone parts', async () => {
    const a = await ask('2024年哪个片区收到申请最多');
    expect(a.status).toBe('answered');
    expect(a.text).toContain(`最高的是平潭综合实验区苏平片区管理局：${cell('pingtan-suping-2024', 'requests.new.total')}`);
    expect(a.text).toContain('只比较片区');
    expect(a.text).not.toContain('上海市科学技术委员会');
  });

  it('「平潭各片区…」 lists the zone parts, not the zone\'s own report', async () => {
    const a = await ask('平潭各片区2024年收到多少申请');
    expect(a.text).toContain(`1. 平潭综合实验区苏平片区管理局 ${cell('pingtan-suping-2024', 'requests.new.total')}`);
    expect(a.text).not.toContain(`平潭综合实验区2024年「`);
  });

  it('「平潭哪个局…最多」 ranks the departments, not the zone', async () => {
    const a = await ask('平潭2023年哪个局收到申请最多');
    expect(a.text).toContain('只比较部门');
    expect(a.text).toContain(`平潭综合实验区行政审批局 ${cell('pingtan-approval-2023', 'requests.new.total')}`);
    expect(a.text).not.toContain('1. 平潭综合实验区 ');
  });
});

describe('what exam batch G found', () => {
  const realCell = (slug: string, key: string) => pieces(handRead('real', slug, key));

  it('「结转」 alone fits two rows of 表三: asked back with both', async () => {
    const a = await ask('平潭公安局2021年结转了几件');
    expect(a.status).toBe('asked_back');
    expect(a.text).toContain('上年结转政府信息公开申请数量');
    expect(a.text).toContain('结转下年度继续办理');
  });

  it.each(['平潭公安2021年底结转到下一年的申请有几件', '平潭公安局21年没办完留到下一年的几件'])('「%s」 names 结转下年度', async (q) => {
    const a = await ask(q);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.carried_forward.total']);
    expect(a.text).toContain(`：${cell('pingtan-police-2021', 'requests.carried_forward.total')}`);
  });

  it('「信访类的申请」 is the row 信访举报投诉类申请', async () => {
    const a = await ask('平潭2025年信访类的申请有几件');
    expect(a.cells.map((c) => c.key)).toEqual(['requests.rejected.petition.total']);
    expect(a.text).toContain(`：${realCell('pingtan-2025', 'requests.rejected.petition.total')}`);
  });

  it('「法人或其他组织下面“其他”那一栏」 is the column 其他 of the group', async () => {
    const a = await ask('君山片区22年本机关不掌握的申请里，法人或其他组织下面“其他”那一栏是几件');
    expect(a.cells.map((c) => c.key)).toEqual(['requests.unable.not_held.other_org']);
    expect(a.text).toContain(`：${cell('pingtan-junshan-2022', 'requests.unable.not_held.other_org')}`);
  });

  it('「福州市财政局」 (the city\'s bureau) is not in the data: never asked back as 平潭\'s 财政金融局', async () => {
    const a = await ask('福州市财政局2023年被复议几件');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('「福州市财政局」');
    const own = await ask('平潭财政局2022年被复议几件');
    expect(own.status).toBe('asked_back');
    expect(own.text).toContain('平潭综合实验区财政金融局');
  });

  it('an e-mail address with a full-width ＠ is given', async () => {
    const a = await ask('平潭经发局2019年年报里的电子邮箱');
    expect(a.text).toContain('电子邮箱：jfjzhc@163.com');
  });
});

describe('a group of columns added up (「法人…一共」)', () => {
  it('the five columns of 法人或其他组织 of one row, blank cells said and not counted', async () => {
    const e = expectedFile('real-extra', 'shanghai-office-2019');
    const cols = ['commercial', 'research', 'social_org', 'legal_service', 'other_org'];
    const values = cols.map((c) => e.cells[`requests.new.${c}`] ?? null);
    const printed = values.filter((v): v is number => v !== null);
    expect(printed.filter((v) => v > 0).length).toBeGreaterThanOrEqual(2);
    const a = await ask('上海市政府办公厅2019年法人或其他组织一共提了多少申请');
    expect(a.status).toBe('answered');
    expect(a.cells.map((c) => c.key)).toEqual(cols.map((c) => `requests.new.${c}`));
    expect(a.text).toContain(`「本年新收政府信息公开申请数量 · 法人或其他组织」合计：${printed.reduce((x, y) => x + y, 0)}件`);
    expect(a.text).toContain(`${values.length - printed.length}格空白，未计入`);
  });

  it('without a sum word the column is still asked', async () => {
    const a = await ask('平潭2022年法人申请多少件');
    expect(a.status).toBe('asked_back');
    expect(a.text).toContain('「法人或其他组织」分5列');
  });
});

describe('what cannot be answered says what there is', () => {
  it('a level none of the year\'s reports has (街道)', async () => {
    const a = await ask('哪个街道2021年收到申请最多');
    expect(a.status).toBe('no_data');
    expect(a.text).toMatch(/^库里2021年的\d+份报告里没有街道办事处的报告。$/);
  });

  it('an agency of a place not in the data lists the place\'s agencies that are', async () => {
    const a = await ask('上海市政府2025年收到多少申请');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('库里没有「上海市政府」的年度报告');
    expect(a.text).toContain('库里上海市的报告有：');
    expect(a.text).toContain('上海市人民政府办公厅');
    expect(a.text).toContain('上海市科学技术委员会');
  });
});

describe('what exam batch H found', () => {
  it('「要求确认的申请」 is the row 要求行政机关确认或重新出具已获取信息 (a blank cell said as blank)', async () => {
    const a = await ask('上海市政府办公厅19年要求确认的申请总计多少');
    expect(a.cells.map((c) => c.key)).toEqual(['requests.rejected.confirm.total']);
    expect(a.text).toContain('（空白）');
  });

  it('「在哪个网站下载」 is the report\'s website, also when printed without its scheme', async () => {
    const a = await ask('上海市科委年报电子版在哪个网站下载');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('网址：https://stcsm.sh.gov.cn');
    const b = await ask('上海市政府办公厅2025年报告电子版的网址');
    expect(b.text).toContain('网址：www.shanghai.gov.cn');
  });
});
