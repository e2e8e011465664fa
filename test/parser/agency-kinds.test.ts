import { agencyShortNames, parseReport, ReportParseError, type ParsedReport, type ReportHints } from '../../src/parser';
import { sampleText } from './support/samples';

/**
 * Agencies that are not division governments (departments, zones, street offices), written in short or misspelt by
 * OCR, named only in the body or only by the caller (hints). Small texts as such reports begin; no tables, so each
 * also carries the `no_tables` warning.
 */
const parse = (text: string, hints?: ReportHints) => parseReport({ fileName: 'report.txt', content: text, hints });
const codes = (r: ParsedReport) => r.warnings.map((w) => w.code);
const report = (title: string, ...body: string[]) => [title, ...body, '一、总体情况', '全年工作平稳有序。', '六、其他需要报告的事项', '无。'].join('\n');

describe('departments', () => {
  it('a city department resolves to its city-level division', async () => {
    const r = await parse(report('丰城市市场监督管理局2021年政府信息公开工作年度报告', '本报告由丰城市市场监督管理局编制。'));
    expect(r.agency).toMatchObject({ name: '丰城市市场监督管理局', fullName: '丰城市市场监督管理局', kind: 'department' });
    expect(r.agency.region?.code).toBe('360981');
    expect(codes(r)).toEqual(['no_tables']);
  });

  it('a department written short in the title is written in full (沭阳县发改局)', async () => {
    const r = await parse(report('沭阳县发改局2022年政府信息公开工作年度报告', '本报告电子版可在宿迁市沭阳县人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '沭阳县发展和改革局', kind: 'department' });
    expect(r.agency.region?.code).toBe('321322');
    expect(r.year).toBe(2022);
  });

  it('a short word that is also a real name (自然资源局) is expanded only when the text writes the full one', async () => {
    const asWritten = await parse(report('丰城市自然资源局2021年政府信息公开工作年度报告'));
    expect(asWritten.agency.name).toBe('丰城市自然资源局');
    const full = await parse(report('丰城市自然资源局2021年政府信息公开工作年度报告', '如有疑问请与丰城市自然资源和规划局办公室联系。'));
    expect(full.agency.name).toBe('丰城市自然资源和规划局');
  });

  it('「市科委」 in the body stands for the city the report names (上海市科学技术委员会)', async () => {
    const text = [
      '政府信息公开工作年度报告',
      '本报告电子版可在上海市人民政府门户网站下载。本年度报告中所列数据统计期限为2021年1月1日至12月31日。',
      '一、总体情况',
      '2021年，市科委坚持以习近平新时代中国特色社会主义思想为指导。',
    ].join('\n');
    const r = await parse(text);
    expect(r.agency).toMatchObject({ name: '上海市科学技术委员会', kind: 'department' });
    expect(r.agency.region?.code).toBe('31');
    expect(r.year).toBe(2021);
  });

  it('a department of a zone keeps the zone in its name and the zone\'s division as region', async () => {
    const r = await parse(report('平潭综合实验区经济发展局2021年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '平潭综合实验区经济发展局', kind: 'department' });
    expect(r.agency.region?.code).toBe('350128');
  });

  it('a title written as a letter\'s subject (「…管理局 关于2021年度…」) names the agency before 关于', async () => {
    const r = await parse(report('标题: 丰城市自然资源局 关于2021年度政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '丰城市自然资源局', kind: 'department' });
    expect(r.agency.region?.code).toBe('360981');
    expect(r.year).toBe(2021);
  });

  it('a government\'s own office is a department of that government (上海市人民政府办公厅)', async () => {
    const r = await parse(report('2021年上海市人民政府办公厅政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '上海市人民政府办公厅', kind: 'department' });
    expect(r.agency.region?.code).toBe('31');
  });
});

describe('zones and street offices', () => {
  it('a special zone outside the division tree: the division its name starts with (平潭 → 平潭县)', async () => {
    const r = await parse(report('平潭综合实验区2021年政府信息公开工作年度报告', '如对本报告有疑问，请与平潭综合实验区管委会办公室联系。'));
    expect(r.agency).toMatchObject({ name: '平潭综合实验区', fullName: '平潭综合实验区管理委员会', kind: 'zone' });
    expect(r.agency.region).toMatchObject({ code: '350128', name: '平潭县', level: 'county' });
  });

  it('「平潭实验区」 is 平潭综合实验区 when the text writes the full name', async () => {
    const r = await parse(report('平潭实验区2022年政府信息公开工作年度报告', '汇总平潭综合实验区各有关单位政府信息公开工作情况编制而成。'));
    expect(r.agency).toMatchObject({ name: '平潭综合实验区', kind: 'zone' });
    expect(r.agency.region?.code).toBe('350128');
  });

  it('a zone that is in the division tree is its own region (苏州工业园区)', async () => {
    const r = await parse(report('苏州工业园区管委会2021年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '苏州工业园区', fullName: '苏州工业园区管理委员会', kind: 'zone' });
    expect(r.agency.region?.code).toBe('320576');
  });

  it('a city\'s development zone written with the city\'s short name (长沙高新区 → 长沙市)', async () => {
    const r = await parse(report('长沙高新区2021年政府信息公开工作年度报告', '本报告电子版可在湖南省长沙市人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '长沙高新区', kind: 'zone' });
    expect(r.agency.region).toMatchObject({ code: '4301', level: 'city' });
  });

  it('a street office: the 街道 is the region, the 办事处 the full name', async () => {
    const r = await parse(report('剑光街道办事处2021年政府信息公开工作年度报告', '本报告电子版可在丰城市人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '剑光街道', fullName: '丰城市剑光街道办事处', kind: 'street_office' });
    expect(r.agency.region?.code).toBe('360981002');
  });

  it('a zone written after its province\'s short name (湖南湘江新区 → 湖南省)', async () => {
    const r = await parse(report('湖南湘江新区管理委员会2021年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '湖南湘江新区', fullName: '湖南湘江新区管理委员会', kind: 'zone' });
    expect(r.agency.region).toMatchObject({ code: '43', level: 'province' });
  });

  it('an autonomous prefecture written without its peoples (恩施州)', async () => {
    const r = await parse(report('恩施州2021年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '恩施土家族苗族自治州', fullName: '恩施土家族苗族自治州人民政府', kind: 'government' });
    expect(r.agency.region?.code).toBe('4228');
  });

  it('a township government is still a government', async () => {
    const r = await parse(report('丰城市白土镇2021年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '白土镇', fullName: '丰城市白土镇人民政府', kind: 'government' });
  });
});

describe('OCR misspellings and unknown places', () => {
  it('「沐阳县」 is read as 沭阳县 when the text writes it right elsewhere, with a region_fuzzy warning', async () => {
    const r = await parse(report('沐阳县发展和改革局2023年政府信息公开工作年度报告', '本报告电子版可在宿迁市沭阳县人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '沭阳县发展和改革局', kind: 'department' });
    expect(r.agency.region?.code).toBe('321322');
    expect(r.warnings.find((w) => w.code === 'region_fuzzy')?.message).toContain('沐阳县');
  });

  it('two similar names in the city the text names (沭阳县, 泗阳县 in 宿迁市): the OCR look-alike 沐/沭 decides', async () => {
    const r = await parse(report('沐阳县发展和改革局2023年政府信息公开工作年度报告', '本报告电子版可在宿迁市人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '沭阳县发展和改革局', kind: 'department' });
    expect(r.agency.region?.code).toBe('321322');
    expect(r.warnings.find((w) => w.code === 'region_fuzzy')?.message).toBe(
      "「沐阳县」 is no division name: read as 沭阳县 (江苏省宿迁市沭阳县), the OCR look-alike 「沐」 for 「沭」 and in the report's province or city",
    );
  });

  it('the city written before the misspelt county narrows it to 沭阳县, 泗阳县; the look-alike decides (宿迁市沐阳县)', async () => {
    const r = await parse(report('宿迁市沐阳县人民政府2023年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '沭阳县', fullName: '沭阳县人民政府', kind: 'government' });
    expect(r.agency.region?.code).toBe('321322');
    expect(r.warnings.find((w) => w.code === 'region_fuzzy')?.message).toContain('the only such place in the division written before it');
  });

  it('two similar names in the city the text names and no look-alike between them (沃阳县): no guess, both named', async () => {
    const r = await parse(report('沃阳县发展和改革局2023年政府信息公开工作年度报告', '本报告电子版可在宿迁市人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '沃阳县发展和改革局', region: null });
    const warning = r.warnings.find((w) => w.code === 'region_unresolved')?.message;
    expect(warning).toContain('沭阳县');
    expect(warning).toContain('泗阳县');
  });

  it('without the province or city in the text, the only division one look-alike away is read, saying so', async () => {
    const r = await parse(report('沐阳县发展和改革局2023年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '沭阳县发展和改革局', fullName: '沭阳县发展和改革局', kind: 'department' });
    expect(r.agency.region?.code).toBe('321322');
    expect(codes(r)).toEqual(['region_fuzzy', 'no_tables']);
    expect(r.warnings[0].message).toBe(
      '「沐阳县」 is no division name: read as 沭阳县 (江苏省宿迁市沭阳县), the OCR look-alike 「沐」 for 「沭」 and the only such place in the country (the text names no province or city)',
    );
  });

  it('a look-alike outside the province the text names is not read (沐阳县 in a text naming 河南省)', async () => {
    const r = await parse(report('沐阳县发展和改革局2023年政府信息公开工作年度报告', '本报告电子版可在河南省人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '沐阳县发展和改革局', region: null });
    expect(codes(r)).toEqual(['region_unresolved', 'no_tables']);
  });

  it('a look-alike that fits several places (白士镇: 白土镇 in eight provinces) stays unresolved without context', async () => {
    const r = await parse(report('白士镇人民政府2021年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '白士镇人民政府', region: null, kind: 'government' });
    expect(codes(r)).toEqual(['region_unresolved', 'no_tables']);
  });

  it('the county the text names decides which 白土镇 a misread 白士镇 is', async () => {
    const r = await parse(report('白士镇人民政府2021年政府信息公开工作年度报告', '本报告电子版可在丰城市人民政府网站下载。'));
    expect(r.agency).toMatchObject({ name: '白土镇', fullName: '丰城市白土镇人民政府', kind: 'government' });
    expect(r.agency.region?.code).toBe('360981101');
    expect(r.warnings.find((w) => w.code === 'region_fuzzy')?.message).toContain('「士」 for 「土」');
  });

  it('an agency whose name starts with no known division keeps the report', async () => {
    const r = await parse(report('青山县教育局2021年政府信息公开工作年度报告'));
    expect(r.agency).toMatchObject({ name: '青山县教育局', kind: 'department', region: null, regionCandidates: [] });
    expect(r.year).toBe(2021);
    expect(codes(r)).toEqual(['region_unresolved', 'no_tables']);
  });
});

describe('title and year from the body', () => {
  const BAITU = sampleText('baitu-2020.txt');
  const untitled = BAITU.split('\n').slice(1).join('\n');

  it('a report saved without its title keeps every cell; the title is composed and says so', async () => {
    expect(untitled).not.toContain('白土镇2020年政府信息公开工作年度报告');
    const r = await parse(untitled);
    expect(r.cells).toHaveLength(198);
    expect(r.year).toBe(2020);
    expect(r.agency).toMatchObject({ name: '白土镇', kind: 'government' });
    expect(r.agency.region?.code).toBe('360981101');
    expect(r.title).toBe('丰城市白土镇人民政府2020年政府信息公开工作年度报告');
    expect(codes(r)).toEqual(['title_missing']);
  });

  it('the hint\'s title is used when the text has none', async () => {
    const r = await parse(untitled, { title: '丰城市白土镇2020年政府信息公开工作年度报告' });
    expect(r.title).toBe('丰城市白土镇2020年政府信息公开工作年度报告');
    expect(r.warnings.find((w) => w.code === 'title_missing')?.message).toContain('hint');
  });

  it('the year from the overview\'s first sentence, then from the publication date (inferred, with a warning)', async () => {
    const overview = await parse(report('丰城市教育局政府信息公开工作年度报告').replace('全年工作平稳有序。', '2019年，我局认真贯彻落实《条例》。'));
    expect(overview.year).toBe(2019);
    const inferred = await parse(report('丰城市教育局政府信息公开工作年度报告', '发布时间:2022-01-25'));
    expect(inferred.year).toBe(2021);
    expect(codes(inferred)).toContain('year_inferred');
  });

  it('a crawler\'s metadata header: 单位 names the agency when the body does not', async () => {
    const text = ['单位: 沭阳县发改局', '发布时间: 2024-01-17', '==================== 正文 ====================', report('2023年度政府信息公开工作年度报告')].join('\n');
    const r = await parse(text);
    expect(r.agency).toMatchObject({ name: '沭阳县发展和改革局', kind: 'department' });
    expect(r.agency.region?.code).toBe('321322');
    expect(r.publishedAt).toBe('2024-01-17');
  });
});

describe('hints', () => {
  const text = report('沭阳县发展和改革局2023年政府信息公开年度报告');

  it('fill what the text lacks: agency, year, publication date', async () => {
    const r = await parse(report('政府信息公开工作年度报告'), { agency: '泗阳县发展和改革局', year: 2022, publishedAt: '2023-01-30' });
    expect(r.agency).toMatchObject({ name: '泗阳县发展和改革局', kind: 'department' });
    expect(r.agency.region?.code).toBe('321323');
    expect(r.year).toBe(2022);
    expect(r.publishedAt).toBe('2023-01-30');
    expect(codes(r)).toEqual(['no_tables']);
  });

  it('a malformed hint is no hint: a year as a string of digits is read, a date that is not ISO is not', async () => {
    const hints = { year: '2022', publishedAt: '2023年1月30日' } as unknown as ReportHints;
    const r = await parse(report('沭阳县发展和改革局政府信息公开工作年度报告'), hints);
    expect(r.year).toBe(2022);
    expect(r.publishedAt).toBeNull();
  });

  it('a hint places a township whose name repeats (白土镇 is in 7 counties)', async () => {
    const bare = await parse(report('白土镇2020年政府信息公开工作年度报告'));
    expect(bare.agency.region).toBeNull();
    const r = await parse(report('白土镇2020年政府信息公开工作年度报告'), { agency: '丰城市白土镇人民政府' });
    expect(r.agency).toMatchObject({ name: '白土镇', fullName: '丰城市白土镇人民政府', kind: 'government' });
    expect(r.agency.region?.code).toBe('360981101');
    expect(codes(r)).toEqual(['no_tables']);
  });

  it('a hint that names the same agency in short is no conflict', async () => {
    const r = await parse(text, { agency: '沭阳县发改局', year: 2023 });
    expect(r.agency.name).toBe('沭阳县发展和改革局');
    expect(codes(r)).toEqual(['no_tables']);
  });

  it('a hint that contradicts the text: the text is kept, hint_conflict says so', async () => {
    const r = await parse(text, { agency: '泗阳县发展和改革局', year: 2022 });
    expect(r.agency.name).toBe('沭阳县发展和改革局');
    expect(r.agency.region?.code).toBe('321322');
    expect(r.year).toBe(2023);
    const conflicts = r.warnings.filter((w) => w.code === 'hint_conflict').map((w) => w.message);
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]).toContain('泗阳县发展和改革局');
    expect(conflicts[1]).toContain('2022');
  });
});

describe('what is refused', () => {
  it('a text with neither a report title nor any standard table', async () => {
    const err = await parse('关于开展2023年度安全生产检查的通知\n各有关单位：\n请于本月底前完成自查。\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportParseError);
    expect((err as ReportParseError).reason).toMatch(/not an annual report/);
  });
});

describe('agencyShortNames', () => {
  it('a county department', () => {
    expect(agencyShortNames('沭阳县发展和改革局').sort()).toEqual(['沭阳县发改局', '沭阳发展和改革局', '沭阳发改局', '县发展和改革局', '县发改局'].sort());
  });

  it('a city commission', () => {
    expect(agencyShortNames('上海市科学技术委员会').sort()).toEqual(['上海市科委', '上海科学技术委员会', '上海科委', '市科学技术委员会', '市科委'].sort());
  });

  it('a zone\'s 管理委员会', () => {
    expect(agencyShortNames('平潭综合实验区管理委员会').sort()).toEqual(['平潭综合实验区管委会', '平潭综合实验区', '平潭实验区'].sort());
  });

  it('a township government', () => {
    expect(agencyShortNames('丰城市白土镇人民政府').sort()).toEqual(['白土镇人民政府', '白土镇政府', '丰城市白土镇政府', '白土镇', '丰城市白土镇'].sort());
  });

  it('a zone\'s departments: with the zone\'s short name or the place alone, never the department word alone', () => {
    expect(agencyShortNames('平潭综合实验区公安局').sort()).toEqual(['平潭实验区公安局', '平潭公安局'].sort());
    expect(agencyShortNames('平潭综合实验区海坛片区管理局').sort())
      // 「海坛」 alone, as the zone's staff write it (exam batch E: 「君山22年…」)
      .toEqual(['平潭实验区海坛片区管理局', '平潭海坛片区管理局', '海坛片区管理局', '海坛片区', '平潭海坛片区', '海坛', '平潭海坛'].sort());
  });

  it('a zone department\'s own short words: 财金局, 审批局 (for 行政审批局), 管委办 (for 管委会办公室)', () => {
    expect(agencyShortNames('平潭综合实验区财政金融局')).toEqual(expect.arrayContaining(['平潭财金局', '平潭实验区财金局', '平潭财政金融局']));
    expect(agencyShortNames('平潭综合实验区行政审批局')).toEqual(expect.arrayContaining(['平潭审批局', '平潭行政审批局', '平潭实验区审批局']));
    expect(agencyShortNames('平潭综合实验区管委会办公室')).toEqual(expect.arrayContaining(['平潭管委办', '平潭管委会办公室', '平潭实验区管委办']));
    expect(agencyShortNames('横琴粤澳深度合作区经济发展局')).not.toContain('经济发展局');
    expect(agencyShortNames('平潭综合实验区经济发展局')).toEqual(expect.arrayContaining(['平潭经发局', '平潭实验区经发局']));
    expect(agencyShortNames('平潭综合实验区国有资产管理局')).toEqual(expect.arrayContaining(['平潭国资局']));
  });

  it('common abbreviations of department words: 国资局, 大数据局, 综合执法局', () => {
    expect(agencyShortNames('沭阳县国有资产监督管理局')).toEqual(expect.arrayContaining(['沭阳县国资局', '县国资局']));
    expect(agencyShortNames('宿迁市大数据管理局')).toEqual(expect.arrayContaining(['宿迁市大数据局', '市大数据局']));
    expect(agencyShortNames('沭阳县综合行政执法局')).toEqual(expect.arrayContaining(['沭阳县综合执法局']));
  });

  it('a government\'s own office is also named by its division alone', () => {
    expect(agencyShortNames('上海市人民政府办公厅').sort())
      .toEqual(['上海市政府办公厅', '市人民政府办公厅', '市政府办公厅', '上海市办公厅', '上海办公厅', '上海市府办公厅', '上海市府办'].sort());
    expect(agencyShortNames('沭阳县人民政府办公室')).toEqual(expect.arrayContaining(['沭阳县府办', '沭阳县府办公室']));
  });

  it('a name without a known division has none', () => {
    expect(agencyShortNames('国家税务总局')).toEqual([]);
  });
});
