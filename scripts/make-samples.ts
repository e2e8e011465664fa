/**
 * Builds the HTML and DOCX samples from the values of two text samples, in the layouts government sites use
 * (web page with chrome and rowspan/colspan tables; Word tables with merged cells).
 * Run: npx tsc -p scripts/tsconfig.json && node dist/scripts/make-samples.js
 * The values below were typed from samples/baitu-2020.txt and samples/gangkou-2021.txt.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keysFor, type TemplateFormat } from '../src/parser/catalog';
import { buildDocx, buildHtml, type ReportSpec } from '../test/parser/support/builders';

const SAMPLES = join(__dirname, '..', '..', 'samples');

/** Every cell of the template at 0: the keys come from the parser's catalog, the one place that spells them. */
function zeros(format: TemplateFormat): Record<string, string> {
  return Object.fromEntries(keysFor(format).map((k) => [k, '0']));
}

// 丰城市白土镇 2020 (samples/baitu-2020.txt): one request, granted; 10 procurement projects for 115838元.
const baitu: ReportSpec = {
  format: '2019',
  title: '丰城市白土镇2020年政府信息公开工作年度报告',
  chrome: '发布时间:2021-01-20 10:15 来源:丰城市白土镇 阅读次数: 字体:【大 中 小】',
  intro: ['根据新修订《中华人民共和国政府信息公开条例》（以下简称《条例》），结合上级有关文件精神等要求，编制2020年度丰城市白土镇信息公开年度报告。本年度报告中使用数据统计期限为2020年1月1日至2020年12月31日。如对本报告有任何疑问，请与丰城市白土镇联系（地址：江西省丰城市白土镇孺子大道1号；邮编：331126；联系电话：0795-6852008）。'],
  sections: [
    { heading: '一、总体情况', paragraphs: ['2020年，我镇累计主动公开政府信息130余条；受理过依申请公开政府信息1件，已依法依归按时办结。'] },
    { heading: '二、主动公开政府信息情况', paragraphs: [] },
    { heading: '三、收到和处理政府信息公开申请情况', paragraphs: [] },
    { heading: '四、政府信息公开行政复议、行政诉讼情况', paragraphs: [] },
    { heading: '五、存在的主要问题及改进情况', paragraphs: ['一是政务信息公开内容不够全面；二是工作机制有待进一步完善。'] },
    { heading: '六、其他需要报告的事项', paragraphs: ['无。'] },
  ],
  cells: {
    ...zeros('2019'),
    'active.procurement.projects': '10',
    'active.procurement.amount': '115838元',
    'requests.new.natural_person': '1', 'requests.new.total': '1',
    'requests.granted.natural_person': '1', 'requests.granted.total': '1',
    'requests.total.natural_person': '1', 'requests.total.total': '1',
  },
};

// 铜鼓县港口乡 2021 (samples/gangkou-2021.txt), format 2021: every cell 0.
const gangkou: ReportSpec = {
  format: '2021',
  title: '港口乡2021年政府信息公开工作年度报告',
  intro: [
    '根据《中华人民共和国政府信息公开条例》（国务院令第711号）和铜鼓县政府信息公开办公室《关于做好年度政府信息公开工作报告工作》的通知，我乡编制了2021年度政府信息公开工作年度报告。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
    '本报告可在铜鼓县人民政府网站下载（http://www.tonggu.gov.cn/）如有疑问，请与港口乡党政办公室联系。（地址：港口乡金沙南路1号，邮编：336211，电话:0795－8611301。）',
  ],
  sections: [
    { heading: '1、 总体情况', paragraphs: ['2021年，港口乡严格按照《条例》及县政府的相关规定积极推进政府信息公开。', '（一）主动公开情况', '截止2021年12月31日，共公布各类信息16条。'] },
    { heading: '二、主动公开政府信息情况', paragraphs: [] },
    { heading: '三、收到和处理政府信息公开申请情况', paragraphs: [] },
    { heading: '四、政府信息公开行政复议、行政诉讼情况', paragraphs: [] },
    { heading: '5、 存在的主要问题及改进情况', paragraphs: ['主要是信息发布和更新效率有待提高。'] },
    { heading: '六、其他需要报告的事项', paragraphs: ['无'] },
  ],
  cells: zeros('2021'),
};

async function main(): Promise<void> {
  writeFileSync(join(SAMPLES, 'baitu-2020.html'), buildHtml(baitu));
  writeFileSync(join(SAMPLES, 'gangkou-2021.docx'), await buildDocx(gangkou));
  console.log('wrote samples/baitu-2020.html, samples/gangkou-2021.docx');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
