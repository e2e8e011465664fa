#!/usr/bin/env node
// Builds exam/batch-f.jsonl (a sixth examiner's batch; lookups in lib.js): every expected number is looked up by canonical key in the hand-read expected files
// (test/fixtures/real*/expected/*.json), never typed here, and every expected text string is checked against the
// report files of its page. A page = all expected files named <slug>, <slug>-txt or <slug>-chromium*; a cell is
// used only when it is non-null, not unrecoverable, and equal in every file of the page.
'use strict';
const fs = require('fs');
const path = require('path');

const { root, dirs, variant, pageFiles, cell, unrecoverable, noReport, reportTexts, unitOf, num, nums, refuse, askBack, text, sum, absent, yearsOf, needYears, withSrc, N, NN, T, R, B, suits, denied, unable, rejected } = require('./lib');

const PZ = (y) => `pingtan-${y}`; // the zone's own report
const AP19 = 'pingtan-approval-2019', AP23 = 'pingtan-approval-2023', OF23 = 'pingtan-office-2023', PO21 = 'pingtan-police-2021';
const F19 = 'pingtan-finance-2019', F20 = 'pingtan-finance-2020', F22 = 'pingtan-finance-2022', F24 = 'pingtan-finance-2024';
const HT21 = 'pingtan-haitan-2021', JJ19 = 'pingtan-jinjing-2019', JS22 = 'pingtan-junshan-2022', SP24 = 'pingtan-suping-2024';
const EC19 = 'pingtan-economy-2019', EC23 = 'pingtan-economy-2023', AS19 = 'pingtan-assets-2019';
const SH19 = 'shanghai-office-2019', SH25 = 'shanghai-office-2025', KW24 = 'shanghai-stcsm-2024';
const SYF = 'shuyang-fgj-2023', SYG = 'shuyang-gov-2025';

// 平潭: the zone's departments and 片区 offices, then the zone itself.
const pingtan = [
  N('请问行政审批局2023年一共收到几件申请', AP23, 'requests.new.total'),
  N('平潭行政审批局23年被申请复议几件啊', AP23, 'appeals.review.total'),
  N('审批局2023年复议以后又被告到法院的有几件', AP23, 'appeals.suit_after_review.total'),
  N('帮我查一下审批局19年行政许可决定数量', AP19, 'active.licensing.decisions'),
  N('平潭审批局2023年答复本机关不掌握的有几件', AP23, 'requests.unable.not_held.total'),
  N('审批局23年因为属于行政查询事项没公开的有几件', AP23, 'requests.denied.query.total'),
  N('管委会办公室2023年收到多少件申请', OF23, 'requests.new.total'),
  N('平潭管委会办公室23年予以公开了几件呢', OF23, 'requests.granted.total'),
  N('管委会办公室2023年不掌握相关信息的几件', OF23, 'requests.unable.not_held.total'),
  N('平潭公安局2021年行政处罚决定多少件', PO21, 'active.penalty.decisions'),
  N('公安局21年结转到下年度继续办的有几件', PO21, 'requests.carried_forward.total'),
  N('请问平潭公安局2021年现行有效的规范性文件几件', PO21, 'active.normative_docs.in_force'),
  N('财金局2024年收费金额多少', F24, 'active.fees.amount'),
  N('财政金融局2020年政府采购花了多少钱', F20, 'active.procurement.amount'),
  N('财政金融局2022年行政许可办了多少', F22, 'active.licensing.decisions'),
  N('财金局22年部分公开的申请有几件', F22, 'requests.partial.total'),
  N('财政金融局2020年规范性文件本年新公开数量', F20, 'active.normative_docs.published'),
  N('帮我查下财金局2024年废止了几件规范性文件', F24, 'active.normative_docs.repealed'),
  N('海坛片区2021年行政许可处理决定几件', HT21, 'active.licensing.decisions'),
  N('君山片区2022年予以公开的申请有几件', JS22, 'requests.granted.total'),
  N('苏平片区2024年表三（七）总计是多少', SP24, 'requests.total.total'),
  N('苏平片区前年收到几件依申请', SP24, 'requests.new.total'),
  N('苏平片区2024年其他处理下面那个“3.其他”是几件', SP24, 'requests.other.other.total'),
  N('经发局19年规范性文件对外公开总数量多少啊', EC19, 'active.normative_docs.total_public'),
  N('国资局2019年规范性文件新公开多少件', AS19, 'active.normative_docs.published'),
  N('平潭国有资产管理局19年收到几件信息公开申请', AS19, 'requests.new.total'),
  N('金井片区2019年收到几件申请', JJ19, 'requests.new.total'),
  // the zone itself (平潭 alone)
  N('平潭去年收到多少件申请', PZ(2025), 'requests.new.total'),
  N('平潭25年复议被纠错几件', PZ(2025), 'appeals.review.corrected'),
  N('请问平潭2025年申请人逾期不补正的有多少件', PZ(2025), 'requests.other.overdue_correction.total'),
  N('平潭前年因为国家秘密不公开的有几件', PZ(2024), 'requests.denied.state_secret.total'),
  N('平潭2024年属于三类内部事务信息的有多少', PZ(2024), 'requests.denied.internal.total'),
  N('平潭22年废止了多少件规范性文件', PZ(2022), 'active.normative_docs.repealed'),
  N('平潭实验区2021年收费多少', PZ(2021), 'active.fees.amount'),
  N('平潭2019年政府采购金额是多少', PZ(2019), 'active.procurement.amount'),
  N('平潭2020年（六）其他处理有几件', PZ(2020), 'requests.other.total'),
  N('平潭2019年其他对外管理服务事项处理决定数量多少', PZ(2019), 'active.other_services.decisions'),
  N('平潭2023年表三部分公开几件', PZ(2023), 'requests.partial.total'),
  N('平潭2020年行政处罚上一年项目数量', PZ(2020), 'active.penalty.prev_count'),
  sum('平潭2023年被起诉一共几次', PZ(2023), suits),
  sum('平潭前年行政诉讼总共多少件', PZ(2024), suits),
  sum('平潭去年不予公开的一共多少', PZ(2025), denied),
  NN('平潭2025年予以公开和部分公开分别多少', [[PZ(2025), 'requests.granted.total'], [PZ(2025), 'requests.partial.total']]),
  NN('行政审批局2023年规范性文件制发多少、现行有效多少', [[AP23, 'active.normative_docs.issued'], [AP23, 'active.normative_docs.in_force']]),
  withSrc(num('平潭2025年複議總數多少', PZ(2025), 'appeals.review.total'), `${PZ(2025)}: appeals.review.total (traditional)`),
  withSrc(num('財政金融局2022年收費金額是多少', F22, 'active.fees.amount'), `${F22}: active.fees.amount (traditional)`),
  B('苏萍片区2024年收到几件申请', 'one-character typo 苏萍 for 苏平', 'typo', [SP24, 'requests.new.total']),
  B('海谈片区2021年行政许可多少', 'one-character typo 海谈 for 海坛', 'typo', [HT21, 'active.licensing.decisions']),
  // comparisons (one agency, two years)
  NN('平潭2019年跟2020年新收申请比一下', [[PZ(2019), 'requests.new.total'], [PZ(2020), 'requests.new.total']]),
  NN('平潭21年和22年本机关不掌握的分别是多少', [[PZ(2021), 'requests.unable.not_held.total'], [PZ(2022), 'requests.unable.not_held.total']]),
  NN('平潭2023年和2025年行政许可对比', [[PZ(2023), 'active.licensing.decisions'], [PZ(2025), 'active.licensing.decisions']]),
  NN('平潭前年和去年行政复议各多少件', [[PZ(2024), 'appeals.review.total'], [PZ(2025), 'appeals.review.total']]),
  NN('平潭2021年、2024年行政强制分别多少', [[PZ(2021), 'active.coercion.decisions'], [PZ(2024), 'active.coercion.decisions']]),
  NN('平潭去年的收费金额比前年少了吗，各是多少', [[PZ(2024), 'active.fees.amount'], [PZ(2025), 'active.fees.amount']]),
  NN('财金局2022年和2024年收到的申请各几件', [[F22, 'requests.new.total'], [F24, 'requests.new.total']]),
  NN('审批局19年和23年行政许可比较', [[AP19, 'active.licensing.decisions'], [AP23, 'active.licensing.decisions']]),
  NN('经发局2019年和2023年新收申请对比一下', [[EC19, 'requests.new.total'], [EC23, 'requests.new.total']]),
  // refusals
  R('行政审批局2021年收到几件申请', 'no 行政审批局 report for 2021 (2019, 2023 only)', 'noReport pingtan-approval 2021'),
  R('国资局2024年行政许可多少', 'no 国有资产管理局 report for 2024 (2019 only)', 'noReport pingtan-assets 2024'),
  R('财金局2023年收费金额多少', 'no 财政金融局 report for 2023', 'noReport pingtan-finance 2023'),
  R('海坛片区去年收到几件申请', '去年 = 2025: no 海坛片区 report (2021 only)', 'noReport pingtan-haitan 2025'),
  R('平潭公安局2024年行政处罚多少', 'no 公安局 report for 2024 (2021 only)', 'noReport pingtan-police 2024'),
  R('平潭2018年收到多少申请', 'no zone report for 2018 (2019–2025)', 'noReport pingtan- 2018'),
  R('平潭去年政府集中采购金额多少', 'the 2021 form (2025 report) has no 政府集中采购 row', `${PZ(2025)}: active.procurement.amount absent`),
  R('苏平片区2024年其他对外管理服务事项处理决定多少', 'the 2021 form has no 其他对外管理服务事项 row', `${SP24}: active.other_services.decisions absent`),
  R('海坛片区2021年政府集中采购金额', 'unrecoverable (「328291965元」 glues 项目数量 and 总金额)', `${HT21}: active.procurement.amount unrecoverable`),
  R('管委会办公室2023年现行有效规范性文件几件', 'unrecoverable (「2159165」: ten splits)', `${OF23}: active.normative_docs.in_force unrecoverable`),
  R('国资局2019年规章对外公开总数量', 'unrecoverable (规章 「1411」: three splits)', `${AS19}: active.regulations.total_public unrecoverable`),
  R('海坛片区2021年表三总计多少件', 'unrecoverable (stray 总计 「1000000」 against all-zero rows)', `${HT21}: requests.total.total unrecoverable`),
  // truly ambiguous
  B('审批局行政许可多少', 'no year; 行政审批局 has 2019 and 2023', 'years of pingtan-approval'),
  B('财金局收费金额是多少啊', 'no year; 财政金融局 has four reports', 'years of pingtan-finance'),
  B('平潭2024年其他是多少', '「其他」: the applicant column 其他, （六）3 其他, or 表四 其他结果', PZ(2024)),
  B('平潭去年维持了几件', '结果维持 of 行政复议 (25), of 直接起诉 or of 复议后起诉', PZ(2025)),
  B('平潭2022年结果纠正多少', '结果纠正 of 行政复议 or of 行政诉讼', PZ(2022)),
  B('平潭片区管理局收到几件申请', 'no year and four 片区 offices (海坛/金井/君山/苏平)', 'pingtan-haitan/jinjing/junshan/suping'),
  B('平潭公开了几件', 'no year (2019–2025), and 公开 = 予以公开 or 主动公开', 'years of pingtan-'),
  B('平潭2023年那个局收到多少申请', '2023: 经济发展局, 行政审批局 (and 管委会办公室)', 'pingtan-economy-2023 / pingtan-approval-2023'),
  // texts
  T('审批局2023年报告里的联系电话是多少', AP23, ['0591-23153022']),
  T('平潭管委会办公室年报的通讯地址在哪', OF23, ['商务营运中心7号楼14层']),
  T('苏平片区的联系电话', SP24, ['0591-23159779']),
  T('海坛片区管理局2021年报告写的地址是什么', HT21, ['翠园南路16号']),
  T('经发局2023年年报电话多少', EC23, ['0591-23157117']),
  T('财金局2024年年报是什么时候发布的', F24, ['2025-01-23']),
  T('平潭公安局2021年存在的主要问题是什么', PO21, ['信息的公开面还不够广']),
  T('管委会办公室2023年收没收信息处理费', OF23, ['未收取信息处理费']),
  T('经济发展局2023年存在哪些问题', EC23, ['公开方式和渠道不够多元化']),
  T('平潭去年年报里说存在什么主要问题', PZ(2025), ['政务公开队伍建设有待进一步加强']),
  T('平潭21年的年报哪天发布的', PZ(2021), ['2022-02-08']),
  T('海坛片区2021年信息处理费收费情况', HT21, ['本年度没有产生信息公开处理费']),
  T('苏平片区前年存在的主要问题有哪些', SP24, ['重点领域信息公开力度有待加强']),
  T('平潭2024年年报存在的问题', PZ(2024), ['政策解读形式仍需创新']),
  T('审批局2023年存在的主要问题是啥', AP23, ['政务新媒体信息发布量较小']),
];

// 上海 (办公厅, 科委) and 沭阳 (发改局, 县政府).
const others = [
  N('上海市科委2024年行政许可多少件', KW24, 'active.licensing.decisions'),
  N('科委24年上年结转的申请有几件', KW24, 'requests.carried_over.total'),
  N('上海办公厅2025年信访举报投诉类申请几件', SH25, 'requests.rejected.petition.total'),
  N('上海办公厅2019年规章对外公开总数量多少', SH19, 'active.regulations.total_public'),
  N('上海办公厅19年政府采购金额是多少', SH19, 'active.procurement.amount'),
  N('沭阳发改局2023年制发了几件规范性文件', SYF, 'active.normative_docs.issued'),
  N('沭阳发改局23年复议尚未审结的几件', SYF, 'appeals.review.pending'),
  N('沭阳县政府去年行政处罚多少', SYG, 'active.penalty.decisions'),
  N('沭阳县政府2025年收费金额', SYG, 'active.fees.amount'),
  N('沭阳县政府25年复议被纠正的有几件', SYG, 'appeals.review.corrected'),
  withSrc(num('上海市科委2024年行政許可處理決定數量', KW24, 'active.licensing.decisions'), `${KW24}: active.licensing.decisions (traditional)`),
  sum('上海办公厅去年被起诉几件', SH25, suits),
  sum('上海市政府办公厅2025年无法提供的一共几件', SH25, unable),
  sum('沭阳县政府2025年不予处理的合计多少', SYG, rejected),
  NN('沭阳县政府2025年新收申请多少件，其中自然人多少件', [[SYG, 'requests.new.total'], [SYG, 'requests.new.natural_person']]),
  NN('上海办公厅25年行政复议和未经复议直接起诉各几件', [[SH25, 'appeals.review.total'], [SH25, 'appeals.suit_direct.total']]),
  B('上海市科委2024年新收申青多少', 'one-character typo 申青 for 申请', 'typo', [KW24, 'requests.new.total']),
  NN('上海办公厅2019年和2025年新收申请对比', [[SH19, 'requests.new.total'], [SH25, 'requests.new.total']]),
  R('沭阳发改局去年收到几件申请', '去年 = 2025: no 沭阳县发展和改革局 report (2023 only)', 'noReport shuyang-fgj 2025'),
  R('上海市科委2023年行政许可多少', 'no 上海市科委 report for 2023 (2024 only)', 'noReport shanghai-stcsm 2023'),
  R('上海办公厅2019年予以公开的总计是多少', 'a blank cell (null): the 总计 column of the outcome rows is blank', `${SH19}: requests.granted.total blank`),
  B('上海办公厅收到多少申请', 'no year; 上海市人民政府办公厅 has 2019 and 2025', 'years of shanghai-office'),
  B('沭阳收费多少', 'no year, and 沭阳 = 县政府 (2025) or 发改局 (2023)', 'shuyang-gov-2025 / shuyang-fgj-2023', [SYG, 'active.fees.amount']),
  T('沭阳发改局的办公地址', SYF, ['苏州东路42号']),
  T('沭阳县政府去年存在的主要问题', SYG, ['政策解读多样性需进一步加强']),
  T('上海市科委2024年收费情况', KW24, ['未发生政府信息公开收费事项']),
  T('上海办公厅2025年工作中存在的主要问题', SH25, ['政策信息分散于多个平台']),
  T('上海办公厅2019年报告发布日期', SH19, ['2020-01-31']),
];

// Sanity checks behind the refusals and the questions asked back.
noReport('pingtan-approval', 2021);
noReport('pingtan-assets', 2024);
noReport('pingtan-finance', 2023);
noReport('pingtan-haitan', 2025);
noReport('pingtan-police', 2024);
noReport('pingtan-', 2018);
noReport('shuyang-fgj', 2025);
noReport('shanghai-stcsm', 2023);
absent(PZ(2025), 'active.procurement.amount');
absent(SP24, 'active.other_services.decisions');
unrecoverable(HT21, 'active.procurement.amount');
unrecoverable(OF23, 'active.normative_docs.in_force');
unrecoverable(AS19, 'active.regulations.total_public');
unrecoverable(HT21, 'requests.total.total');
if (cell(SH19, 'requests.granted.total', { allowNull: true }).value !== null) throw new Error('shanghai-office-2019 granted.total not blank');
needYears('pingtan-approval', 2);
needYears('pingtan-finance', 4);
needYears('shanghai-office', 2);
if (yearsOf('pingtan-', /approval|assets|economy|finance|haitan|jinjing|junshan|suping|office|police/).length < 7) throw new Error('zone years');
// 其他 / 维持 / 纠正 really are several non-equal cells of the asked page (a question back, not one reading).
for (const [slug, keys] of [
  [PZ(2024), ['requests.other.other.total', 'appeals.review.other', 'appeals.suit_after_review.other']],
  [PZ(2025), ['appeals.review.upheld', 'appeals.suit_direct.upheld', 'appeals.suit_after_review.upheld']],
  [PZ(2022), ['appeals.review.corrected', 'appeals.suit_direct.corrected']],
]) {
  const vs = keys.map((k) => cell(slug, k).value);
  if (new Set(vs).size < 2) throw new Error(`${slug}: ${keys} do not differ (${vs})`);
}
for (const s of ['pingtan-economy-2023', 'pingtan-approval-2023', 'pingtan-office-2023']) pageFiles(s);
for (const s of [HT21, JJ19, JS22, SP24]) pageFiles(s);
for (const s of [SYG, SYF]) pageFiles(s);

const all = [...pingtan, ...others];
if (new Set(all.map((l) => l.q)).size !== all.length) throw new Error('duplicate question');
const count = {};
for (const l of all) {
  const k = l.expect.kind === 'number' && l.expect.sum ? 'number (row sum)' : l.expect.kind === 'numbers' && new Set(l.expect.years).size === 1 ? 'numbers (two values, one year)' : l.expect.kind;
  count[k] = (count[k] || 0) + 1;
}
fs.writeFileSync(path.join(__dirname, 'batch-f.jsonl'), all.map(({ q, expect }) => JSON.stringify({ q, expect })).join('\n') + '\n');

const notes = [
  '# Batch F: where every expected value comes from',
  '',
  `Written 2026-12-03 (今年 = 2026, 去年 = 2025, 前年 = 2024) by a sixth examiner, without reading the bot's code or tests, the`,
  'other batches, their results or notes. Built by `exam/make-batch-f.js` (numbers looked up by key in the expected',
  'files; a cell is used only when non-null, not unrecoverable and equal in every file of its page; texts checked to',
  `occur in every text file of the page). ${all.length} questions, ${pingtan.length} about 平潭 (the zone, its departments and 片区 offices).`,
  '',
  `Kinds: ${Object.entries(count).map(([k, v]) => `${k} ${v}`).join(' · ')}.`,
  '',
  'Asked back: three one-character typos (the likely reading also accepted) and ten truly ambiguous questions (no year',
  'for an agency of several reports, 「其他」/「维持」/「结果纠正」 that name cells of several rows, a place with several',
  'offices). An answer that lists every reading, each value cited, is graded WRONG by run.js (as batch D #100 was);',
  'read such answers by hand before counting them against the bot.',
  '',
  '| # | kind | source (expected file slug: key) |',
  '|---|---|---|',
  ...all.map((l, i) => `| ${i + 1} | ${l.expect.kind}${l.expect.sum ? ' (sum)' : ''} | ${l.src} |`),
];
fs.writeFileSync(path.join(__dirname, 'notes-f.md'), notes.join('\n') + '\n');
console.log(`${all.length} lines (${pingtan.length} on 平潭):`, count);
