import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../src/parser';
import { divisionTable } from '../../src/parser/divisions';

// Township names written with characters of CJK Extension A (䢺江镇, 麦㙦镇, 湖㳇镇…) or 〇 (八五〇农场): a text class of
// U+4E00–U+9FA5 alone took them for punctuation, so their reports lost the title and the agency.
const BASIC = /^[\u4e00-\u9fa5]+$/;
const SAMPLE = readFileSync(path.join(__dirname, '..', '..', 'samples', 'baitu-2020.txt'), 'utf8');
const names = new Map(divisionTable('areas').map((a) => [a.code, a.name]));

/** The sample report rewritten for a township of that name in that county (title, intro, contact, signature). */
function reportOf(name: string, code: string, county: string) {
  const text = SAMPLE.replaceAll('丰城市白土镇', `${county}${name}`).replaceAll('白土镇', name).replace('江西省', '');
  return parseReport({ fileName: `${code}.txt`, content: Buffer.from(text, 'utf8') });
}
const rare = divisionTable('streets').filter((t) => !BASIC.test(t.name) && /(?:镇|乡|街道|农场)$/.test(t.name) && !/[（）、]/.test(t.name));

describe('townships whose names use characters beyond the basic CJK block', () => {
  it('there are such townships to test', () => {
    expect(rare.map((t) => t.name)).toEqual(expect.arrayContaining(['䢺江镇', '麦㙦镇', '桴㯊镇']));
  });

  it.each(rare.map((t) => [t.name, t.code, names.get(t.areaCode!)!]))('%s (%s) is the agency and the region', async (name, code, county) => {
    const report = await reportOf(name, code, county);
    expect(report.title).toBe(`${name}2020年政府信息公开工作年度报告`);
    expect(report.agency.region?.code).toBe(code);
  });
});

// Names with a remark in parentheses (「（工业园区）城南街道」, 「东湖风景区街道（武昌）」): the title began with 「（」 and
// was no title, and the plain name 城南街道 went to another county's 城南街道 (洮北区's report stored as 浑江区's).
const remarked = divisionTable('streets').filter((t) => /（[^（）]+）/.test(t.name));

describe('townships whose names carry a remark in parentheses', () => {
  it('there are such townships to test', () => {
    expect(remarked.map((t) => t.name)).toEqual(expect.arrayContaining(['（工业园区）城南街道', '东湖风景区街道（武昌）', '莎车县第一林场（国营苗圃）']));
  });

  // A zone written with its province inside (「中国（上海）自由贸易试验区（保税片区）」) is read as a zone of 上海: a less
  // precise region, so each is asserted to be its own place or one that contains it, never another place.
  it.each(remarked.map((t) => [t.name, t.code, names.get(t.areaCode!)!]))('%s (%s) is the agency, in its own place', async (name, code, county) => {
    const report = await reportOf(name, code, county);
    expect(report.title).toBe(`${name}2020年政府信息公开工作年度报告`);
    expect(code.startsWith(report.agency.region?.code ?? '-')).toBe(true);
  });

  it.each([['220802006', '（工业园区）城南街道'], ['420106490', '东湖风景区街道（武昌）'], ['653125403', '莎车县第一林场（国营苗圃）']])(
    '%s %s, which went to another place (浑江区城南街道, region null, 叶城县林场), is exactly itself',
    async (code, name) => {
      const county = names.get(remarked.find((t) => t.code === code)!.areaCode!)!;
      const report = await reportOf(name, code, county);
      expect(report.agency.region?.code).toBe(code);
    },
  );
});
