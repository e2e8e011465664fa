import type { TemplateFormat } from '../src/parser/catalog';
import { fullPlace, type Township } from './divisions';
import { LAYOUTS, extensionOf, render, type Block, type Layout } from './layouts';
import { createRng, type Rng } from './prng';
import { activeGrid, appealGrid, requestGrid } from './tables';
import type { CellValue, YearValues } from './values';

/** One generated report: its file and the truth the parser must read back. */
export interface GeneratedReport {
  fileName: string;
  layout: Layout;
  township: Township;
  year: number;
  format: TemplateFormat;
  title: string;
  publishedAt: string;
  cells: Map<string, CellValue>;
  /** The file's text in pieces (join them, or write them one after another). */
  pieces: string[];
}

const SECTION_TITLES: Record<TemplateFormat, string[][]> = {
  '2019': [
    ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  ],
  '2021': [
    ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    ['1、 总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '5、 存在的主要问题及改进情况', '六、其他需要报告的事项'],
  ],
};

// Sentences of the narrative sections; {y} is the year, {n} a number, {a} the agency.
const OVERVIEW = [
  '{y}年，{a}以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”原则，依法主动公开政府信息。',
  '一年来，通过政府门户网站、政务新媒体和公开栏等渠道累计主动公开政府信息{n}条。',
  '（一）主动公开情况。围绕重点领域，细化公开事项、内容、时限和监督渠道，纳入主动公开目录清单。',
  '（二）依申请公开情况。规范依申请公开受理、审查、答复流程，畅通申请渠道，确保依法依规按时办结。',
  '（三）政府信息管理。建立健全政府信息管理动态调整机制，严格落实保密审查制度，确保公开信息不涉密。',
  '（四）平台建设。加强政府网站和政务新媒体内容建设，及时更新栏目，全年回复群众留言{n}条。',
  '（五）监督保障。成立由主要负责同志任组长的政务公开工作领导小组，将政务公开工作纳入年度绩效考核。',
];
const PROBLEMS = [
  '{y}年{a}政府信息公开工作取得了一定成效，但仍存在一些问题：一是公开内容不够全面；二是工作机制有待完善；三是工作人员业务水平有待提高。',
  '下一步，{a}将加强业务培训，完善工作机制，丰富公开形式，进一步提升政府信息公开工作质量。',
];
const ROADS = ['人民路', '解放路', '建设路', '中山路', '新华街', '文化路', '振兴大道', '府前街'];

function fill(text: string, rng: Rng, year: number, agency: string): string {
  return text.replace(/\{y\}/g, String(year)).replace(/\{a\}/g, agency).replace(/\{n\}/g, () => String(rng.int(20, 900)));
}

function titleOf(t: Township, year: number, rng: Rng): string {
  const variants = [
    `${t.name}${year}年政府信息公开工作年度报告`,
    `${t.countyName}${t.name}${year}年度政府信息公开工作年度报告`,
    `${t.name}人民政府${year}年政府信息公开工作年度报告`,
  ];
  return rng.pick(variants);
}

function blocksOf(t: Township, values: YearValues, layout: Layout, rng: Rng, title: string, publishedAt: string): Block[] {
  const { year, format, cells } = values;
  const place = fullPlace(t);
  const county = `${t.countyName}${t.name}`;
  const phone = `0${rng.int(310, 999)}-${rng.int(2000000, 8999999)}`;
  const postcode = String(rng.int(100000, 859999));
  const address = `${place}${rng.pick(ROADS)}${rng.int(1, 200)}号`;
  const titles = rng.pick(SECTION_TITLES[format]);
  const para = (text: string): Block => ({ kind: 'para', text });
  const blocks: Block[] = [
    { kind: 'title', text: title },
    para(`发布日期：${publishedAt}　来源：${county}人民政府`),
    para(
      `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关文件要求，编制${year}年度${place}政府信息公开工作年度报告。` +
        `全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项。` +
        `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有任何疑问，请与${county}人民政府党政办公室联系` +
        `（地址：${address}；邮编：${postcode}；联系电话：${phone}）。`,
    ),
    { kind: 'heading', text: titles[0] },
    ...OVERVIEW.filter((_, i) => i < 2 || rng.chance(0.7)).map((s) => para(fill(s, rng, year, t.name))),
    { kind: 'heading', text: titles[1] },
    { kind: 'table', grid: activeGrid(format, cells) },
    { kind: 'heading', text: titles[2] },
    { kind: 'table', grid: requestGrid(format, cells, layout === 'tab' && rng.chance(0.5)) },
    { kind: 'heading', text: titles[3] },
    { kind: 'table', grid: appealGrid(cells) },
    { kind: 'heading', text: titles[4] },
    ...PROBLEMS.map((s) => para(fill(s, rng, year, t.name))),
    { kind: 'heading', text: titles[5] },
    para('无。'),
  ];
  return blocks;
}

/** The report of one township for one year; `layouts` restricts the layouts drawn from (all by default). */
export function generateReport(
  seed: string,
  township: Township,
  values: YearValues,
  layouts: readonly Layout[] = LAYOUTS,
): GeneratedReport {
  const rng = createRng(`${seed}:${township.code}:${values.year}:text`);
  const layout = rng.pick(layouts);
  const title = titleOf(township, values.year, rng);
  const publishedAt = `${values.year + 1}-01-${String(rng.int(10, 31)).padStart(2, '0')}`;
  const blocks = blocksOf(township, values, layout, rng, title, publishedAt);
  return {
    fileName: `${township.code}-${values.year}.${extensionOf(layout)}`,
    layout,
    township,
    year: values.year,
    format: values.format,
    title,
    publishedAt,
    cells: values.cells,
    pieces: [...render(layout, blocks, rng)],
  };
}
