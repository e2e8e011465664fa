import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../src/parser';
import { divisionTable } from '../../src/parser/divisions';

// Township names written with characters of CJK Extension A (䢺江镇, 麦㙦镇, 湖㳇镇…) or 〇 (八五〇农场): a text class of
// U+4E00–U+9FA5 alone took them for punctuation, so their reports lost the title and the agency.
const BASIC = /^[\u4e00-\u9fa5]+$/;
const SAMPLE = readFileSync(path.join(__dirname, '..', '..', 'samples', 'baitu-2020.txt'), 'utf8');
const names = new Map(divisionTable('areas').map((a) => [a.code, a.name]));
const rare = divisionTable('streets').filter((t) => !BASIC.test(t.name) && /(?:镇|乡|街道|农场)$/.test(t.name) && !/[（）、]/.test(t.name));

describe('townships whose names use characters beyond the basic CJK block', () => {
  it('there are such townships to test', () => {
    expect(rare.map((t) => t.name)).toEqual(expect.arrayContaining(['䢺江镇', '麦㙦镇', '桴㯊镇']));
  });

  it.each(rare.map((t) => [t.name, t.code, names.get(t.areaCode!)!]))('%s (%s) is the agency and the region', async (name, code, county) => {
    const text = SAMPLE.replaceAll('丰城市白土镇', `${county}${name}`).replaceAll('白土镇', name).replace('江西省', '');
    const report = await parseReport({ fileName: `${code}.txt`, content: Buffer.from(text, 'utf8') });
    expect(report.title).toBe(`${name}2020年政府信息公开工作年度报告`);
    expect(report.agency.region?.code).toBe(code);
  });
});
