#!/usr/bin/env node
// Builds exam/batch-c.jsonl (120 questions, written by a third examiner who read neither the bot's code nor
// batches A/B). Every expected number is looked up by key in the hand-read test/fixtures/real*/expected/<slug>.json;
// every expected text (phone, address, date, problem) is checked to occur in the report file itself, so a slip
// fails here loudly. Date of writing: 2026-12-02, so 今年 = 2026 (no report), 去年 = 2025, 前年 = 2024.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dirs = ['test/fixtures/real', 'test/fixtures/real-extra'];

function load(slug) {
  for (const d of dirs) {
    const p = path.join(root, d, 'expected', slug + '.json');
    if (fs.existsSync(p)) return JSON.parse(fs.readFileSync(p, 'utf8'));
  }
  throw new Error('no expected file ' + slug);
}
function loadMaybe(slug) {
  try { return load(slug); } catch { return null; }
}

// A page stored both as HTML and as text is one report in the database (either may be the stored one): a cell
// unrecoverable in either variant is never asked.
function unrecoverable(slug) {
  const sib = slug.endsWith('-txt') ? slug.slice(0, -4) : slug + '-txt';
  return [slug, sib].map(loadMaybe).filter(Boolean).flatMap((j) => j.unrecoverable || []);
}

// The five 法人或其他组织 columns are listed only when non-zero: a missing one is 0.
const applicantCols = /\.(commercial|research|social_org|legal_service|other_org)$/;
function cell(slug, key) {
  if (unrecoverable(slug).includes(key)) throw new Error(`${slug}: ${key} is unrecoverable`);
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

// The report's own text (tags, &nbsp; and all whitespace removed), for checking expected strings.
function reportText(slug) {
  const base = slug.replace(/-txt$/, '');
  const files = [];
  for (const d of dirs) {
    const rd = path.join(root, d, 'reports');
    for (const f of fs.readdirSync(rd)) if (f.replace(/\.[a-z]+$/, '').replace(/-txt$/, '') === base) files.push(path.join(rd, f));
  }
  if (!files.length) throw new Error('no report file for ' + slug);
  return files.map((f) => fs.readFileSync(f, 'utf8').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/\s+/g, ''));
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
  return { q, expect: { kind: 'number', value, unit: unitOf(keys[0]), agency: j.agency, year: j.year, keys, sum: true } };
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
  const texts = reportText(slug);
  if (!texts.every((t) => t.includes(anyOf[0]))) throw new Error(`${slug}: 「${anyOf[0]}」 not in every variant of the report`);
  return { q, expect: { kind: 'text', contains: anyOf[0], anyOf, agency: j.agency, year: j.year } };
};
// A publication date: the ISO form must be in the report (crawler header 发布时间 / page 发布日期), answers may
// write it in any of the usual ways.
const dates = (iso) => {
  const [y, m, d] = iso.split('-');
  return [iso, `${y}年${Number(m)}月${Number(d)}日`, `${y}年${m}月${d}日`];
};
// A one-character typo: asking back (「您是不是要问…」) or answering the obvious reading are both right.
const NorAsk = (q, slug, key, note) => ({ q, expect: { kind: 'askBack', note, alsoOk: N(q, slug, key).expect } });

const P = (y) => `pingtan-${y}`;
const SHO25 = 'shanghai-office-2025';
const SHO19 = 'shanghai-office-2019';
const SYF = 'shuyang-fgj-2023';
const SYG = 'shuyang-gov-2025';
const STC = 'shanghai-stcsm-2024';
const FIN20 = 'pingtan-finance-2020';
const FIN22 = 'pingtan-finance-2022';
const FIN24 = 'pingtan-finance-2024';
const APP19 = 'pingtan-approval-2019';
const APP23 = 'pingtan-approval-2023';
const OFF23 = 'pingtan-office-2023';
const POL = 'pingtan-police-2021';
const HT = 'pingtan-haitan-2021';
const denied = ['state_secret', 'law_forbidden', 'three_safety', 'third_party', 'internal', 'process', 'enforcement_file', 'query'].map((r) => `requests.denied.${r}.total`);
const unable = ['not_held', 'need_creation', 'unclear'].map((r) => `requests.unable.${r}.total`);
const rejected = ['petition', 'repeat', 'publication', 'excessive', 'confirm'].map((r) => `requests.rejected.${r}.total`);
const suits = ['appeals.suit_direct.total', 'appeals.suit_after_review.total'];

const batchC = [
  // 表三: rows and applicant columns
  N('想问下平潭实验区2024年一共新收了多少件依申请公开？', P(2024), 'requests.new.total'),
  N('麻烦查一下上海市政府办公厅2025年度自然人提的申请有多少件，谢谢', SHO25, 'requests.new.natural_person'),
  N('沭阳县政府2025年法律服务机构申请了几件', SYG, 'requests.new.legal_service'),
  N('上海市科委24年企业申请信息公开的有几件', STC, 'requests.new.commercial'),
  N('平潭综合实验区管委会办公室2023年收到几件申请', OFF23, 'requests.new.total'),
  N('区行政审批局2023年依申请公开收了多少', APP23, 'requests.new.total'),
  N('平潭公安2021年底结转到下一年的申请有几件', POL, 'requests.carried_forward.total'),
  N('上海市人民政府办公厅2025年从上一年转过来的申请多少件', SHO25, 'requests.carried_over.total'),
  N('请问平潭2025年予以公开的申请是多少件', P(2025), 'requests.granted.total'),
  N('沭阳县人民政府2025年部分公开（区分处理）的有多少件', SYG, 'requests.partial.total'),
  N('上海市政府办公厅2025年因为属于国家秘密不公开的申请有几件', SHO25, 'requests.denied.state_secret.total'),
  N('沭阳县人民政府2025年危及“三安全一稳定”不予公开的几件', SYG, 'requests.denied.three_safety.total'),
  N('平潭综合实验区2023年因为保护第三方合法权益不予公开的有几件', P(2023), 'requests.denied.third_party.total'),
  N('平潭综合实验区2025年行政执法案卷信息不予公开的有多少', P(2025), 'requests.denied.enforcement_file.total'),
  N('平潭综合实验区2024年本机关不掌握相关信息的申请有多少件', P(2024), 'requests.unable.not_held.total'),
  N('上海市政府办公厅2025年申请内容补正后还是不明确的有几件', SHO25, 'requests.unable.unclear.total'),
  N('沭阳县人民政府2025年信访举报投诉类的申请多少个', SYG, 'requests.rejected.petition.total'),
  N('上海市政府办公厅2025年要求提供公开出版物的有几件', SHO25, 'requests.rejected.publication.total'),
  N('沭阳县人民政府2025年申请人逾期未按收费通知要求缴费的有几件', SYG, 'requests.other.overdue_fee.total'),
  N('平潭综合实验区2022年申请人无正当理由逾期不补正的有几件', P(2022), 'requests.other.overdue_correction.total'),
  N('上海市政府办公厅2025年办理结果总计是多少件', SHO25, 'requests.total.total'),
  N('上海市政府办公厅2025年本机关不掌握的申请里，商业企业有几件', SHO25, 'requests.unable.not_held.commercial'),
  N('沭阳县人民政府2025年予以公开的申请中法律服务机构有几件', SYG, 'requests.granted.legal_service'),
  N('平潭综合实验区2021年社会公益组织申请的予以公开了几件', P(2021), 'requests.granted.social_org'),
  N('平潭2025年科研机构提了几件申请', P(2025), 'requests.new.research'),
  N('上海市人民政府办公厅2019年结转下年度继续办理的申请多少件', SHO19, 'requests.carried_forward.total'),
  N('平潭综合实验区财政金融局2024年新收申请几件', FIN24, 'requests.new.total'),
  N('沭阳县发改局2023年予以公开多少件', SYF, 'requests.granted.total'),
  N('上海市人民政府办公厅2019年有多少件申请是商业企业提的', SHO19, 'requests.new.commercial'),
  // 表二
  N('平潭综合实验区2025年作出的行政许可有多少件', P(2025), 'active.licensing.decisions'),
  N('沭阳县人民政府2025年行政强制决定多少', SYG, 'active.coercion.decisions'),
  N('沭阳县人民政府2025年行政许可办了多少件', SYG, 'active.licensing.decisions'),
  N('上海市政府办公厅2025年废止了多少件规章', SHO25, 'active.regulations.repealed'),
  N('上海市人民政府办公厅2025年行政规范性文件现行有效的有多少', SHO25, 'active.normative_docs.in_force'),
  N('上海市政府办公厅2025年新出了几个行政规范性文件', SHO25, 'active.normative_docs.issued'),
  N('上海市科委2024年现在还有效的规范性文件有几件', STC, 'active.normative_docs.in_force'),
  N('区行政审批局2023年废止规范性文件几件', APP23, 'active.normative_docs.repealed'),
  N('平潭综合实验区行政审批局2019年行政许可决定数', APP19, 'active.licensing.decisions'),
  N('平潭公安局2021年现行有效的规范性文件', POL, 'active.normative_docs.in_force'),
  N('平潭综合实验区2022年一共作出多少行政处罚', P(2022), 'active.penalty.decisions'),
  N('平潭综合实验区2023年行政强制是多少', P(2023), 'active.coercion.decisions'),
  N('平潭综合实验区2019年规范性文件本年新制作了几件', P(2019), 'active.normative_docs.made'),
  N('上海市政府办公厅2019年规章对外公开总数量', SHO19, 'active.regulations.total_public'),
  N('上海市人民政府办公厅2019年行政规范性文件本年发布多少件', SHO19, 'active.normative_docs.published'),
  N('平潭综合实验区2019年行政事业性收费上一年项目数量', P(2019), 'active.fees.prev_count'),
  N('海坛片区管理局2021年规范性文件新制作几件', HT, 'active.normative_docs.made'),
  N('平潭综合实验区2024年规范性文件制发了多少件', P(2024), 'active.normative_docs.issued'),
  // money
  N('上海市政府办公厅2019年政府集中采购总金额是多少', SHO19, 'active.procurement.amount'),
  N('上海市人民政府办公厅2019年集中采购项目有几个', SHO19, 'active.procurement.projects'),
  N('平潭综合实验区2025年行政事业性收费一共收了多少钱', P(2025), 'active.fees.amount'),
  N('平潭综合实验区财政金融局2024年收费金额多少万', FIN24, 'active.fees.amount'),
  N('平潭综合实验区2021年行政事业性收费金额', P(2021), 'active.fees.amount'),
  N('平潭综合实验区2024年行政事业性收费收了多少', P(2024), 'active.fees.amount'),
  // 表四
  N('上海市政府办公厅2025年被申请行政复议一共多少件', SHO25, 'appeals.review.total'),
  N('上海市人民政府办公厅2025年行政复议还没审结的几件', SHO25, 'appeals.review.pending'),
  N('上海市政府办公厅2025年未经复议直接起诉的有多少', SHO25, 'appeals.suit_direct.total'),
  N('沭阳县人民政府2025年行政复议维持的多少件', SYG, 'appeals.review.upheld'),
  N('沭阳县人民政府2025年复议后起诉的总数', SYG, 'appeals.suit_after_review.total'),
  N('平潭综合实验区2025年直接起诉结果被纠正的有几件', P(2025), 'appeals.suit_direct.corrected'),
  N('平潭综合实验区2024年复议后起诉结果维持了几件', P(2024), 'appeals.suit_after_review.upheld'),
  N('区行政审批局2023年行政复议几件', APP23, 'appeals.review.total'),
  N('上海市科委2024年行政复议结果维持几件', STC, 'appeals.review.upheld'),
  N('平潭综合实验区2022年行政复议结果纠正了几件', P(2022), 'appeals.review.corrected'),
  // sums of rows (README: 行政诉讼, 不予公开, 无法提供, 不予处理)
  S('上海市政府办公厅2025年行政诉讼加起来多少件', SHO25, suits),
  S('沭阳县政府2025年打官司（行政诉讼）总共几件', SYG, suits),
  S('平潭綜合實驗區二〇二四年不予公開的合計多少', P(2024), denied),
  S('上海市政府办公厅2025年不予公开的加在一起多少件', SHO25, denied),
  S('平潭综合实验区2025年无法提供的共计多少件', P(2025), unable),
  S('平潭综合实验区2022年不予处理的有多少件', P(2022), rejected),
  // comparisons between years
  C('平潭综合实验区去年收到的申请比前年多了多少件', [[P(2025), 'requests.new.total'], [P(2024), 'requests.new.total']]),
  C('上海市政府办公厅2025年收到的申请比2019年多多少', [[SHO25, 'requests.new.total'], [SHO19, 'requests.new.total']]),
  C('平潭综合实验区2021年到2023年行政许可决定数量各是多少', [[P(2021), 'active.licensing.decisions'], [P(2022), 'active.licensing.decisions'], [P(2023), 'active.licensing.decisions']]),
  C('平潭财政金融局2022年和2024年行政事业性收费金额差多少', [[FIN22, 'active.fees.amount'], [FIN24, 'active.fees.amount']]),
  C('平潭综合实验区2024年的行政规范性文件制发数跟2025年比怎么样', [[P(2024), 'active.normative_docs.issued'], [P(2025), 'active.normative_docs.issued']]),
  C('平潭综合实验区2023年和2024年行政处罚决定数分别多少', [[P(2023), 'active.penalty.decisions'], [P(2024), 'active.penalty.decisions']]),
  C('平潭综合实验区2024年本机关不掌握的比2023年多了几件', [[P(2024), 'requests.unable.not_held.total'], [P(2023), 'requests.unable.not_held.total']]),
  C('平潭综合实验区去年行政复议件数比前年多还是少', [[P(2025), 'appeals.review.total'], [P(2024), 'appeals.review.total']]),
  C('上海市政府办公厅2019年和2025年结转下年度的申请对比', [[SHO19, 'requests.carried_forward.total'], [SHO25, 'requests.carried_forward.total']]),
  // text: contacts, dates, problems, fees
  T('平潭综合实验区财政金融局2024年年报上留的电话是多少', FIN24, ['0591-23163551']),
  T('区行政审批局2019年的年报有联系邮箱吗', APP19, ['ptxzspjxxgkb@163.com']),
  T('平潭综合实验区行政审批局2023年报告里的办公地址', APP23, ['商务营运中心7号楼4层']),
  T('平潭综合实验区管委会办公室2023年年报的联系电话', OFF23, ['0591-23165385']),
  T('平潭综合实验区2021年的年度报告是什么时候挂网的', P(2021), dates('2022-02-08')),
  T('平潭综合实验区财政金融局2024年年报哪天发的', FIN24, dates('2025-01-23')),
  T('上海市人民政府办公厅2019年报告的发布日期', SHO19, dates('2020-01-31')),
  T('平潭财政金融局2022年政务公开存在哪些短板', FIN22, ['主动公开意识有待加强']),
  T('上海市政府办公厅2019年信息公开工作的主要问题有哪些', SHO19, ['政府网站集约化建设']),
  T('沭阳县人民政府2025年存在哪些不足，准备怎么改进', SYG, ['政策解读多样性', '开展考核管理']),
  T('沭阳县发改局2023年的整改措施是什么', SYF, ['完善主动公开信息联动机制']),
  T('平潭综合实验区2024年下一步改进打算', P(2024), ['优化主动公开目录']),
  T('上海市科委2024年有没有收信息公开处理费', STC, ['未发生']),
  T('平潭综合实验区行政审批局2023年收取信息处理费没有', APP23, ['没有产生信息公开处理费']),
  // refusals
  R('平潭综合实验区2026年度新收申请多少件', 'no 2026 report (今年)'),
  R('上海市科委去年行政复议几件', '去年 = 2025; 科委 has only 2024'),
  R('沭阳县发展和改革局2022年收到多少申请', 'only 2023'),
  R('平潭综合实验区海坛片区管理局2023年行政许可多少', 'only 2021'),
  R('福州市人民政府2024年收到多少政府信息公开申请', 'agency not in data'),
  R('平潭综合实验区教育局2023年收到多少申请', 'agency not in data (no 教育局 report)'),
  R('平潭综合实验区2023年政府集中采购金额多少', '2021 form has no procurement row'),
  R('上海市政府办公厅2025年其他对外管理服务事项处理决定', '2021 form has no 其他对外管理服务事项 row'),
  R('上海市人民政府办公厅2019年复议后起诉总计多少件', 'cell blank (null) in the source: no number, say blank'),
  R('今晚加班吗，几点下班', 'out of scope'),
  R('北京市人民政府办公厅2025年收到多少申请', 'agency not in data (only 上海 has a 办公厅)'),
  R('平潭综合实验区2018年行政处罚决定数', 'no 2018 report'),
  R('沭阳县人民政府2026年行政复议多少件', 'no 2026 report'),
  // genuinely ambiguous: ask back
  A('2024年行政处罚作出了多少件', 'no agency: 平潭综合实验区 and its 财政金融局 both have 2024'),
  // 「沭阳县」 alone reads as the county government (its department is 「沭阳县发改局」), which has one year: answering
  // that is right too (exam fix after the unseen run, see notes-c.md).
  A('沭阳县收到多少件申请', 'no year; 沭阳县 = the county government (2025 only), its 发改局 has 2023', N('', SYG, 'requests.new.total')),
  A('上海市政府办公厅的行政复议有几件', 'no year: 2019 and 2025', N('', SHO25, 'appeals.review.total')),
  A('财政金融局规范性文件现行有效多少件', 'no year: reports 2019, 2020, 2022, 2024', N('', FIN24, 'active.normative_docs.in_force')),
  A('平潭综合实验区2022年多少件', 'no metric'),
  A('2019年收到多少申请', 'no agency: four 2019 reports'),
  // one-character typos
  NorAsk('沭阳县发展和改草局2023年现行有效规范性文件多少', SYF, 'active.normative_docs.in_force', 'typo 革→草'),
  NorAsk('上海市科学技木委员会2024年行政许可多少件', STC, 'active.licensing.decisions', 'typo 术→木'),
  NorAsk('平潭综合实验区财政金触局2022年行政规范性文件制发几件', FIN22, 'active.normative_docs.issued', 'typo 融→触'),
  // traditional characters, numbers written other ways, politeness
  N('上海市人民政府辦公廳2025年行政複議維持多少件', SHO25, 'appeals.review.upheld'),
  N('沭陽縣發展和改革局二零二三年收到幾件申請', SYF, 'requests.new.total'),
  N('平潭综合实验区２０２２年部分公开几件', P(2022), 'requests.partial.total'),
  N('平潭综合实验区二〇二一年行政处罚决定多少', P(2021), 'active.penalty.decisions'),
  N('上海市政府办公厅25年予以公开多少件', SHO25, 'requests.granted.total'),
  N('您好，打扰一下，请问沭阳县人民政府二〇二五年度收到的申请里商业企业有几件？谢谢！', SYG, 'requests.new.commercial'),
];

const qs = new Set();
for (const i of batchC) { if (qs.has(i.q)) throw new Error('duplicate ' + i.q); qs.add(i.q); }
const lines = batchC.map((i) => JSON.stringify(i));
fs.writeFileSync(path.join(__dirname, 'batch-c.jsonl'), lines.join('\n') + '\n');
const kinds = {};
for (const i of batchC) kinds[i.expect.kind] = (kinds[i.expect.kind] || 0) + 1;
console.log('batch-c.jsonl', batchC.length, JSON.stringify(kinds));
