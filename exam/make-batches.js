#!/usr/bin/env node
// Builds exam/batch-a.jsonl and exam/batch-b.jsonl. Every expected number is looked up in the hand-read
// test/fixtures/real*/expected/<slug>.json (never taken from the bot), so a typo in a key fails here loudly.
// Date of writing: 2026-12-02, so 今年 = 2026 (no report), 去年 = 2025, 前年 = 2024.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dirs = ['test/fixtures/real/expected', 'test/fixtures/real-extra/expected'];

function load(slug) {
  for (const d of dirs) {
    const p = path.join(root, d, slug + '.json');
    if (fs.existsSync(p)) return JSON.parse(fs.readFileSync(p, 'utf8'));
  }
  throw new Error('no expected file ' + slug);
}

// The five 法人或其他组织 columns are listed only when non-zero: a missing one is 0.
const applicantCols = /\.(commercial|research|social_org|legal_service|other_org)$/;
function cell(slug, key) {
  const j = load(slug);
  if (key in j.cells) return j.cells[key];
  if (applicantCols.test(key)) return 0;
  throw new Error(`${slug}: no cell ${key}`);
}

function unitOf(key) {
  if (/\.amount$/.test(key)) return '元';
  if (/^active\.procurement\.projects$/.test(key)) return '项';
  return '件';
}

const N = (q, slug, key, extra = {}) => {
  const j = load(slug);
  const value = cell(slug, key);
  if (value === null || value === undefined) throw new Error(`${slug} ${key} is blank`);
  return { q, expect: { kind: 'number', value, unit: unitOf(key), agency: j.agency, year: j.year, key, ...extra } };
};
const S = (q, slug, keys) => {
  const j = load(slug);
  const value = Math.round(keys.reduce((s, k) => s + cell(slug, k), 0) * 100) / 100;
  return { q, expect: { kind: 'number', value, unit: unitOf(keys[0]), agency: j.agency, year: j.year, key: keys.length === 1 ? keys[0] : undefined, keys, sum: true } };
};
const C = (q, pairs) => {
  const items = pairs.map(([slug, key]) => {
    const j = load(slug);
    return { value: cell(slug, key), year: j.year, agency: j.agency, key };
  });
  return { q, expect: { kind: 'numbers', values: items.map((i) => i.value), years: items.map((i) => i.year), agency: items[0].agency, key: items[0].key, unit: unitOf(items[0].key) } };
};
const R = (q, note) => ({ q, expect: { kind: 'refuse', note } });
const A = (q, note, alsoOk) => ({ q, expect: { kind: 'askBack', note, ...(alsoOk ? { alsoOk: alsoOk.expect } : {}) } });
const T = (q, slug, anyOf) => {
  const j = load(slug);
  return { q, expect: { kind: 'text', contains: anyOf[0], anyOf, agency: j.agency, year: j.year } };
};
// A single number where asking back (a one-character typo: 「您是不是要问…」) is also acceptable.
const NorAsk = (q, slug, key, note) => {
  const n = N(q, slug, key);
  return { q, expect: { kind: 'askBack', note, alsoOk: n.expect } };
};

const P = (y) => `pingtan-${y}`;
const SHO = 'shanghai-office-2025';
const SYF = 'shuyang-fgj-2023';
const FIN = 'pingtan-finance-2020';
const HT = 'pingtan-haitan-2021';
const POL = 'pingtan-police-2021';
const STC = 'shanghai-stcsm-2024';
const SYG = 'shuyang-gov-2025';
const denied = ['state_secret', 'law_forbidden', 'three_safety', 'third_party', 'internal', 'process', 'enforcement_file', 'query'].map((r) => `requests.denied.${r}.total`);
const unable = ['not_held', 'need_creation', 'unclear'].map((r) => `requests.unable.${r}.total`);
const rejected = ['petition', 'repeat', 'publication', 'excessive', 'confirm'].map((r) => `requests.rejected.${r}.total`);
const suits = ['appeals.suit_direct.total', 'appeals.suit_after_review.total'];
const other21 = ['overdue_correction', 'overdue_fee', 'other'].map((r) => `requests.other.${r}.total`);

const batchA = [
  // single numbers, 表三
  N('平潭综合实验区2021年收到多少政府信息公开申请？', P(2021), 'requests.new.total'),
  N('平潭2023年新收申请几件', P(2023), 'requests.new.total'),
  N('平潭综合实验区2022年予以公开多少件', P(2022), 'requests.granted.total'),
  N('平潭综合实验区2025年部分公开了几件', P(2025), 'requests.partial.total'),
  N('上海市政府办公厅2025年收到多少申请', SHO, 'requests.new.total'),
  N('上海市人民政府办公厅2025年上年结转的申请有多少', SHO, 'requests.carried_over.total'),
  N('上海市政府办公厅2025年本机关不掌握相关政府信息的有多少件', SHO, 'requests.unable.not_held.total'),
  N('上海市政府办公厅2025年信访举报投诉类申请有几件', SHO, 'requests.rejected.petition.total'),
  N('上海市人民政府办公厅2025年结转下年度继续办理的有多少', SHO, 'requests.carried_forward.total'),
  N('沭阳县发改局2023年收到几件申请', SYF, 'requests.new.total'),
  N('上海市科委2024年收到多少申请', STC, 'requests.new.total'),
  N('上海市科委2024年没有现成信息需要另行制作的有几件', STC, 'requests.unable.need_creation.total'),
  N('上海市科委2024年上年结转多少件', STC, 'requests.carried_over.total'),
  N('上海市科委2024年申请人逾期不补正的有多少件', STC, 'requests.other.overdue_correction.total'),
  N('平潭公安局2021年收到几件信息公开申请', POL, 'requests.new.total'),
  N('平潭公安局21年结转下年度的有几件', POL, 'requests.carried_forward.total'),
  N('沭阳县政府2025年收到多少政府信息公开申请', SYG, 'requests.new.total'),
  N('沭阳县人民政府2025年属于三类内部事务信息不予公开的多少件', SYG, 'requests.denied.internal.total'),
  N('沭阳县2025年重复申请有几件', SYG, 'requests.rejected.repeat.total'),
  N('平潭综合实验区2023年属于行政查询事项的有几件', P(2023), 'requests.denied.query.total'),
  N('平潭综合实验区2022年属于四类过程性信息的有几件', P(2022), 'requests.denied.process.total'),
  N('平潭2025年没有现成信息需要另行制作的有几个', P(2025), 'requests.unable.need_creation.total'),
  N('平潭综合实验区2024年属于国家秘密不予公开的有几件', P(2024), 'requests.denied.state_secret.total'),
  N('平潭综合实验区2019年补正后申请内容仍不明确的有几件', P(2019), 'requests.unable.unclear.total'),
  N('平潭综合实验区2020年重复申请几件', P(2020), 'requests.rejected.repeat.total'),
  N('平潭综合实验区2025年自然人申请多少件', P(2025), 'requests.new.natural_person'),
  N('平潭综合实验区2021年社会公益组织提出的申请多少', P(2021), 'requests.new.social_org'),
  N('上海市政府办公厅2025年商业企业申请几件', SHO, 'requests.new.commercial'),
  // single numbers, 表二
  N('平潭2019年行政处罚决定数量是多少', P(2019), 'active.penalty.decisions'),
  N('平潭综合实验区2019年政府集中采购金额多少钱', P(2019), 'active.procurement.amount'),
  N('平潭综合实验区2020年政府采购项目有几个', P(2020), 'active.procurement.projects'),
  N('平潭实验区2022年行政许可处理决定多少', P(2022), 'active.licensing.decisions'),
  N('平潭综合实验区2024年行政强制多少件', P(2024), 'active.coercion.decisions'),
  N('平潭综合实验区2023年行政事业性收费金额多少', P(2023), 'active.fees.amount'),
  N('上海市人民政府办公厅2025年规章制发了几件', SHO, 'active.regulations.issued'),
  N('上海市政府办公厅2025年现行有效的规章多少件', SHO, 'active.regulations.in_force'),
  N('上海市政府办公厅2025年行政规范性文件废止多少件', SHO, 'active.normative_docs.repealed'),
  N('沭阳县发展和改革局2023年规范性文件制发多少件', SYF, 'active.normative_docs.issued'),
  N('沭阳发改局2023年现行有效规范性文件有几件', SYF, 'active.normative_docs.in_force'),
  N('沭阳县发改局2023年行政许可决定多少', SYF, 'active.licensing.decisions'),
  N('上海市科学技术委员会2024年行政许可处理决定数量', STC, 'active.licensing.decisions'),
  N('上海市科委2024年制发行政规范性文件几件', STC, 'active.normative_docs.issued'),
  N('平潭综合实验区公安局2021年行政处罚决定多少', POL, 'active.penalty.decisions'),
  N('平潭综合实验区财政金融局2020年政府集中采购金额', FIN, 'active.procurement.amount'),
  N('平潭财政金融局2020年采购项目数', FIN, 'active.procurement.projects'),
  N('平潭财政金融局2020年规范性文件新制作数量', FIN, 'active.normative_docs.made'),
  N('海坛片区管理局2021年规范性文件对外公开总数量', HT, 'active.normative_docs.total_public'),
  N('平潭海坛片区2021年行政许可处理决定数量', HT, 'active.licensing.decisions'),
  N('沭阳县人民政府2025年行政处罚决定数量多少', SYG, 'active.penalty.decisions'),
  N('沭阳县2025年行政事业性收费金额多少万元', SYG, 'active.fees.amount'),
  N('平潭综合实验区2019年其他对外管理服务事项处理决定数量', P(2019), 'active.other_services.decisions'),
  N('平潭综合实验区2020年行政处罚上一年项目数量是多少', P(2020), 'active.penalty.prev_count'),
  N('平潭综合实验区2022年行政规范性文件现行有效件数', P(2022), 'active.normative_docs.in_force'),
  N('平潭综合实验区2023年废止行政规范性文件多少件', P(2023), 'active.normative_docs.repealed'),
  // single numbers, 表四
  N('平潭2025年行政复议结果纠正的有几件', P(2025), 'appeals.review.corrected'),
  N('平潭综合实验区2024年复议后起诉的有多少', P(2024), 'appeals.suit_after_review.total'),
  N('平潭综合实验区2021年未经复议直接起诉多少件', P(2021), 'appeals.suit_direct.total'),
  N('上海办公厅2025年行政复议维持了几件', SHO, 'appeals.review.upheld'),
  N('上海市政府办公厅2025年复议后起诉尚未审结的多少', SHO, 'appeals.suit_after_review.pending'),
  N('沭阳县发改局2023年行政复议尚未审结的有几件', SYF, 'appeals.review.pending'),
  N('沭阳县政府2025年行政复议结果纠正几件', SYG, 'appeals.review.corrected'),
  // traditional characters and one-character typos
  N('平潭綜合實驗區2022年收到多少申請', P(2022), 'requests.new.total'),
  N('上海市科委2024年行政許可決定數量', STC, 'active.licensing.decisions'),
  N('沭陽縣人民政府2025年行政復議總計多少', SYG, 'appeals.review.total'),
  NorAsk('平潭综合试验区2023年行政处罚决定多少', P(2023), 'active.penalty.decisions', 'typo 实→试'),
  NorAsk('沐阳县人民政府2025年收到多少申请', SYG, 'requests.new.total', 'OCR spelling 沐 for 沭'),
  NorAsk('平谭综合实验区2021年行政许可多少', P(2021), 'active.licensing.decisions', 'typo 潭→谭'),
  // totals the form prints, and the row sums the README documents
  N('平潭综合实验区2023年一共办结多少件申请', P(2023), 'requests.total.total'),
  N('上海市政府办公厅2025年申请处理总计多少', SHO, 'requests.total.total'),
  N('沭阳县人民政府2025年行政复议一共多少件', SYG, 'appeals.review.total'),
  N('平潭2025年行政复议总共几件', P(2025), 'appeals.review.total'),
  N('平潭综合实验区2022年未经复议直接起诉总计', P(2022), 'appeals.suit_direct.total'),
  N('沭阳县人民政府2025年结转下年度继续办理多少件', SYG, 'requests.carried_forward.total'),
  S('平潭2024年行政诉讼一共多少件', P(2024), suits),
  S('上海市政府办公厅2025年被起诉了几次', SHO, suits),
  S('平潭综合实验区2025年不予公开的一共多少', P(2025), denied),
  S('上海市政府办公厅2025年无法提供的有多少件', SHO, unable),
  S('沭阳县人民政府2025年不予处理的一共几件', SYG, rejected),
  // honest answer: refusal
  R('平潭综合实验区2018年收到多少申请', 'no 2018 report (years 2019-2025)'),
  R('上海市科委2023年收到几件申请', 'only 2024'),
  R('沭阳县发改局2024年行政复议多少件', 'only 2023'),
  R('杭州市2023年收到多少政府信息公开申请', 'agency not in data'),
  R('上海市教育委员会2024年收到多少申请', 'agency not in data'),
  R('平潭综合实验区今年的行政处罚决定多少', '今年 = 2026, no report'),
  R('平潭综合实验区2021年政府集中采购金额是多少', '2021 form has no procurement row'),
  R('平潭公安局2022年行政处罚多少', 'only 2021'),
  R('明天平潭天气怎么样', 'out of scope'),
  R('上海市科委2024年结转下年度继续办理的有几件', 'cell blank (null) in the source: no number, say blank'),
  R('平潭综合实验区2019年行政事业性收费本年收费金额多少', '2019 form has no 收费金额 (only 上一年项目数量/本年增减)'),
  // comparisons between two years
  C('平潭综合实验区2022年和2023年收到的申请数对比', [[P(2022), 'requests.new.total'], [P(2023), 'requests.new.total']]),
  C('平潭2024年行政复议比2023年多还是少', [[P(2024), 'appeals.review.total'], [P(2023), 'appeals.review.total']]),
  C('平潭综合实验区2021年和2022年行政处罚决定数量', [[P(2021), 'active.penalty.decisions'], [P(2022), 'active.penalty.decisions']]),
  C('平潭综合实验区2025年收到申请数量同比', [[P(2025), 'requests.new.total'], [P(2024), 'requests.new.total']]),
  C('平潭综合实验区2019年和2020年政府集中采购金额对比', [[P(2019), 'active.procurement.amount'], [P(2020), 'active.procurement.amount']]),
  C('平潭综合实验区去年和前年行政许可决定数量对比', [[P(2025), 'active.licensing.decisions'], [P(2024), 'active.licensing.decisions']]),
  C('平潭2023年与2025年行政规范性文件制发件数', [[P(2023), 'active.normative_docs.issued'], [P(2025), 'active.normative_docs.issued']]),
  C('平潭综合实验区2022年、2023年、2024年予以公开分别多少', [[P(2022), 'requests.granted.total'], [P(2023), 'requests.granted.total'], [P(2024), 'requests.granted.total']]),
  C('平潭综合实验区2020年和2021年本机关不掌握相关政府信息的件数', [[P(2020), 'requests.unable.not_held.total'], [P(2021), 'requests.unable.not_held.total']]),
  C('平潭综合实验区2023年和2024年复议后起诉件数比较', [[P(2023), 'appeals.suit_after_review.total'], [P(2024), 'appeals.suit_after_review.total']]),
  // truly ambiguous
  A('平潭综合实验区收到多少申请？', 'no year; 7 years of reports', N('', P(2025), 'requests.new.total')),
  A('平潭2021年行政处罚决定多少', '平潭: the zone, its 公安局 and 海坛片区 all have 2021 reports', N('', P(2021), 'active.penalty.decisions')),
  A('2023年收到多少申请', 'no agency (平潭综合实验区 and 沭阳县发改局 have 2023)'),
  // text
  T('平潭综合实验区2021年报告的联系电话是多少', P(2021), ['0591-23165370']),
  T('沭阳县发改局2023年年报什么时候发布的', SYF, ['2024年1月17日', '2024-01-17', '2024年01月17日']),
  T('平潭综合实验区2022年信息公开工作存在什么问题', P(2022), ['重大行政决策预公开']),
  T('上海市科委2024年存在的主要问题是什么', STC, ['机构改革']),
  T('沭阳县人民政府2025年收取信息处理费了吗', SYG, ['380']),
  T('平潭海坛片区管理局2021年报告的联系地址', HT, ['翠园南路16号']),
  T('平潭综合实验区2025年有哪些改进措施', P(2025), ['队伍建设']),
  T('平潭财政金融局2020年年报联系电话', FIN, ['0591-23163551']),
  T('平潭综合实验区2024年报告什么时候发布的', P(2024), ['2025-03-10', '2025年3月10日', '2025年03月10日']),
  T('上海市政府办公厅2025年有没有收取信息公开处理费', SHO, ['未收取']),
];

const batchB = [
  // single numbers, 表三
  N('平潭综合实验区2019年收到申请多少件', P(2019), 'requests.new.total'),
  N('平潭19年予以公开几件', P(2019), 'requests.granted.total'),
  N('平潭综合实验区19年本机关不掌握相关政府信息的有几件', P(2019), 'requests.unable.not_held.total'),
  N('平潭综合实验区2020年一共收到几件申请', P(2020), 'requests.new.total'),
  N('2020年平潭综合实验区部分公开多少', P(2020), 'requests.partial.total'),
  N('平潭综合实验区2020年其他处理的有几件', P(2020), 'requests.other.total'),
  N('平潭综合实验区2021年予以公开的申请有几件', P(2021), 'requests.granted.total'),
  N('平潭综合实验区21年属于行政执法案卷的有几件', P(2021), 'requests.denied.enforcement_file.total'),
  N('平潭综合实验区2022年申请人逾期不补正的有多少', P(2022), 'requests.other.overdue_correction.total'),
  N('平潭综合实验区2022年本机关不掌握的有多少件', P(2022), 'requests.unable.not_held.total'),
  N('平潭综合实验区2022年上一年结转过来的申请几件', P(2022), 'requests.carried_over.total'),
  N('平潭2023年保护第三方合法权益不予公开的有几件', P(2023), 'requests.denied.third_party.total'),
  N('平潭综合实验区2024年予以公开多少', P(2024), 'requests.granted.total'),
  N('平潭综合实验区2024年属于三类内部事务信息的多少件', P(2024), 'requests.denied.internal.total'),
  N('平潭综合实验区2025年本机关不掌握相关政府信息的件数', P(2025), 'requests.unable.not_held.total'),
  N('平潭综合实验区2025年逾期未按收费通知缴纳费用的有几件', P(2025), 'requests.other.overdue_fee.total'),
  N('平潭综合实验区2025年信访举报投诉类的有几件', P(2025), 'requests.rejected.petition.total'),
  N('平潭综合实验区2025年结转到下一年的申请有多少', P(2025), 'requests.carried_forward.total'),
  N('上海市政府办公厅2025年予以公开了多少件', SHO, 'requests.granted.total'),
  N('上海市政府办公厅2025年属于国家秘密的有几件', SHO, 'requests.denied.state_secret.total'),
  N('上海市政府办公厅2025年三类内部事务信息不予公开几件', SHO, 'requests.denied.internal.total'),
  N('上海市政府办公厅2025年没有现成信息需要另行制作的多少', SHO, 'requests.unable.need_creation.total'),
  N('上海市政府办公厅2025年其他处理里的其他有多少件', SHO, 'requests.other.other.total'),
  N('上海市政府办公厅2025年申请人逾期不补正的有几件', SHO, 'requests.other.overdue_correction.total'),
  N('上海市政府办公厅2025年自然人申请数量', SHO, 'requests.new.natural_person'),
  N('上海市政府办公厅2025年法律服务机构上年结转几件', SHO, 'requests.carried_over.legal_service'),
  N('沭阳县发改局2023年予以公开几件', SYF, 'requests.granted.total'),
  N('上海市科委2024年予以公开多少件', STC, 'requests.granted.total'),
  N('上海市科委2024年本机关不掌握相关政府信息几件', STC, 'requests.unable.not_held.total'),
  N('上海市科委2024年（六）其他处理中的其他有几件', STC, 'requests.other.other.total'),
  N('沭阳县人民政府2025年予以公开多少件', SYG, 'requests.granted.total'),
  N('沭阳县人民政府2025年部分公开几件', SYG, 'requests.partial.total'),
  N('沭阳县人民政府2025年本机关不掌握的有多少', SYG, 'requests.unable.not_held.total'),
  N('沭阳县人民政府2025年上年结转多少件', SYG, 'requests.carried_over.total'),
  N('沭阳县人民政府2025年其他处理（其他）多少件', SYG, 'requests.other.other.total'),
  N('平潭财政金融局2020年收到几件申请', FIN, 'requests.new.total'),
  N('海坛片区管理局2021年收到多少信息公开申请', HT, 'requests.new.total'),
  // single numbers, 表二
  N('平潭综合实验区2019年规范性文件本年新制作数量', P(2019), 'active.normative_docs.made'),
  N('平潭综合实验区2019年行政强制处理决定有几个', P(2019), 'active.coercion.decisions'),
  N('平潭综合实验区2019年行政许可上一年项目数量', P(2019), 'active.licensing.prev_count'),
  N('平潭综合实验区2020年规章对外公开总数量', P(2020), 'active.regulations.total_public'),
  N('平潭综合实验区2020年行政事业性收费本年增减多少', P(2020), 'active.fees.change'),
  N('平潭综合实验区2020年政府集中采购总金额', P(2020), 'active.procurement.amount'),
  N('平潭综合实验区2021年行政规范性文件制发了几件', P(2021), 'active.normative_docs.issued'),
  N('平潭综合实验区2021年收费金额多少钱', P(2021), 'active.fees.amount'),
  N('平潭综合实验区2022年行政事业性收费多少万元', P(2022), 'active.fees.amount'),
  N('平潭综合实验区2023年行政许可决定数', P(2023), 'active.licensing.decisions'),
  N('平潭综合实验区2024年行政事业性收费金额', P(2024), 'active.fees.amount'),
  N('平潭综合实验区2024年行政许可处理决定有多少', P(2024), 'active.licensing.decisions'),
  N('平潭综合实验区2025年行政处罚决定多少件', P(2025), 'active.penalty.decisions'),
  N('平潭综合实验区2025年收了多少行政事业性收费', P(2025), 'active.fees.amount'),
  N('上海市政府办公厅2025年行政规范性文件制发多少件', SHO, 'active.normative_docs.issued'),
  N('上海市政府办公厅2025年现行有效行政规范性文件多少件', SHO, 'active.normative_docs.in_force'),
  N('沭阳县发改局2023年行政事业性收费金额', SYF, 'active.fees.amount'),
  N('上海市科委2024年现行有效规范性文件几件', STC, 'active.normative_docs.in_force'),
  N('平潭公安局2021年现行有效行政规范性文件有几件', POL, 'active.normative_docs.in_force'),
  N('平潭财政金融局2020年规范性文件本年新公开数量', FIN, 'active.normative_docs.published'),
  N('平潭财政金融局2020年规范性文件对外公开总数量', FIN, 'active.normative_docs.total_public'),
  N('平潭财政金融局2020年行政许可本年增减', FIN, 'active.licensing.change'),
  N('海坛片区管理局2021年规范性文件新制作几件', HT, 'active.normative_docs.made'),
  N('沭阳县人民政府2025年行政许可处理决定数量', SYG, 'active.licensing.decisions'),
  N('沭阳县人民政府2025年行政强制决定多少', SYG, 'active.coercion.decisions'),
  N('沭阳县人民政府2025年制发行政规范性文件几件', SYG, 'active.normative_docs.issued'),
  // single numbers, 表四
  N('平潭综合实验区2021年行政复议维持了几件', P(2021), 'appeals.review.upheld'),
  N('平潭综合实验区2022年复议结果被纠正的几件', P(2022), 'appeals.review.corrected'),
  N('平潭综合实验区2023年直接起诉尚未审结的有几件', P(2023), 'appeals.suit_direct.pending'),
  N('平潭综合实验区2024年行政复议尚未审结几件', P(2024), 'appeals.review.pending'),
  N('平潭综合实验区2025年复议后起诉结果维持的有几件', P(2025), 'appeals.suit_after_review.upheld'),
  N('上海市政府办公厅2025年未经复议直接起诉的有多少', SHO, 'appeals.suit_direct.total'),
  N('上海市科委2024年被申请行政复议几次', STC, 'appeals.review.total'),
  N('沭阳县人民政府2025年复议后起诉多少件', SYG, 'appeals.suit_after_review.total'),
  N('平潭公安局2021年行政复议有几件', POL, 'appeals.review.total'),
  // traditional characters and one-character typos
  N('平潭綜合實驗區2024年收到多少申請', P(2024), 'requests.new.total'),
  N('上海市政府辦公廳2025年行政複議總計幾件', SHO, 'appeals.review.total'),
  N('沭陽縣發改局2023年收到幾件申請', SYF, 'requests.new.total'),
  NorAsk('沭阳县发该局2023年收到几件申请', SYF, 'requests.new.total', 'typo 改→该'),
  NorAsk('上海市科委2024年行政徐可决定数量', STC, 'active.licensing.decisions', 'typo 许→徐'),
  // totals the form prints, and the row sums the README documents
  N('平潭综合实验区2024年办理结果总计多少件', P(2024), 'requests.total.total'),
  N('平潭综合实验区2022年行政复议总计几件', P(2022), 'appeals.review.total'),
  N('上海市科委2024年申请办理总计', STC, 'requests.total.total'),
  S('平潭综合实验区2021年无法提供的有几件', P(2021), unable),
  S('平潭2023年被起诉几次', P(2023), suits),
  S('沭阳县人民政府2025年不予公开的一共多少件', SYG, denied),
  S('上海市科委2024年不予公开几件', STC, denied),
  S('上海市政府办公厅2025年不予处理多少件', SHO, rejected),
  S('平潭综合实验区2025年行政诉讼有多少件', P(2025), suits),
  S('沭阳县人民政府2025年无法提供多少', SYG, unable),
  // honest answer: refusal
  R('平潭综合实验区2017年收到几件申请', 'no 2017 report'),
  R('上海市人民政府办公厅2024年收到多少申请', 'only 2025'),
  R('沭阳县人民政府2024年行政处罚决定数量', 'only 2025'),
  R('平潭综合实验区财政金融局2021年采购金额', 'only 2020'),
  R('南京市2023年收到多少申请', 'agency not in data'),
  R('上海市浦东新区人民政府2025年行政复议几件', 'agency not in data'),
  R('平潭综合实验区2022年政府集中采购项目数', '2021 form has no procurement row'),
  R('平潭综合实验区1850年收到多少申请', 'impossible year'),
  R('平潭综合实验区2025年其他对外管理服务事项处理决定数量', '2021 form has no 其他对外管理服务事项 row'),
  R('帮我订一张明天去福州的机票', 'out of scope'),
  // comparisons between two years
  C('平潭综合实验区2019年和2021年收到申请数对比', [[P(2019), 'requests.new.total'], [P(2021), 'requests.new.total']]),
  C('平潭2024年和2025年行政处罚决定数', [[P(2024), 'active.penalty.decisions'], [P(2025), 'active.penalty.decisions']]),
  C('平潭综合实验区2022年和2023年收费金额对比', [[P(2022), 'active.fees.amount'], [P(2023), 'active.fees.amount']]),
  C('平潭综合实验区2021年和2025年行政复议件数比较', [[P(2021), 'appeals.review.total'], [P(2025), 'appeals.review.total']]),
  C('平潭综合实验区2019年、2020年和2021年收到的申请', [[P(2019), 'requests.new.total'], [P(2020), 'requests.new.total'], [P(2021), 'requests.new.total']]),
  C('平潭综合实验区2024年收到的申请同比', [[P(2024), 'requests.new.total'], [P(2023), 'requests.new.total']]),
  C('平潭综合实验区2022年与2024年本机关不掌握的件数', [[P(2022), 'requests.unable.not_held.total'], [P(2024), 'requests.unable.not_held.total']]),
  C('平潭综合实验区2020年和2019年规范性文件新制作数量对比', [[P(2020), 'active.normative_docs.made'], [P(2019), 'active.normative_docs.made']]),
  C('平潭综合实验区去年和2023年部分公开的件数', [[P(2025), 'requests.partial.total'], [P(2023), 'requests.partial.total']]),
  C('平潭2021年跟2023年行政强制决定比较', [[P(2021), 'active.coercion.decisions'], [P(2023), 'active.coercion.decisions']]),
  // truly ambiguous
  A('行政处罚决定有多少', 'no agency, no year'),
  A('平潭综合实验区2024年多少', 'no metric'),
  A('平潭2020年政府采购金额', '平潭: the zone and its 财政金融局 both have 2020 procurement', N('', P(2020), 'active.procurement.amount')),
  // text
  T('平潭综合实验区2019年年报联系电话', P(2019), ['0591-23165250']),
  T('平潭2023年报告上的电话是多少', P(2023), ['0591-23165385']),
  T('沭阳县发改局2023年报告联系地址在哪', SYF, ['苏州东路42号']),
  T('平潭综合实验区2023年政务公开存在哪些问题', P(2023), ['信息噪音']),
  T('上海市政府办公厅2025年工作中存在的主要问题', SHO, ['政策信息分散']),
  T('平潭公安局2021年政府信息公开工作有什么不足', POL, ['公开面还不够广']),
  T('平潭综合实验区2025年年报是哪天发布的', P(2025), ['2026-03-10', '2026年3月10日', '2026年03月10日']),
  T('沭阳县人民政府2025年年报发布日期', SYG, ['2026年1月23日', '2026-01-23', '2026年01月23日']),
  T('平潭综合实验区2021年收取信息处理费了吗', P(2021), ['无收取']),
  T('平潭综合实验区2019年年报的电子邮箱是什么', P(2019), ['pzxxgkb@163.com']),
];

function write(name, items) {
  const lines = items.map((i) => JSON.stringify(i));
  fs.writeFileSync(path.join(__dirname, name), lines.join('\n') + '\n');
  const kinds = {};
  for (const i of items) kinds[i.expect.kind] = (kinds[i.expect.kind] || 0) + 1;
  console.log(name, items.length, JSON.stringify(kinds));
}
write('batch-a.jsonl', batchA);
write('batch-b.jsonl', batchB);
