#!/usr/bin/env node
// Builds exam/batch-h.jsonl and exam/notes-h.md (an eighth examiner's batch; lookups in lib.js):
// every expected number is looked up by canonical key in test/fixtures/real*/expected/*.json, every text checked in the report files.
'use strict';
const fs = require('fs');
const path = require('path');

const { root, dirs, variant, pageFiles, cell, unrecoverable, noReport, reportTexts, unitOf, num, nums, refuse, askBack, text, sum, absent, yearsOf, needYears, withSrc, N, NN, T, R, B, suits, denied, unable, rejected, onlyLegal, differ, notInData, blank, first, TWO, CMP, SUM } = require('./lib');

const PZ = (y) => `pingtan-${y}`; // the zone's own report


// ---- batch H's own pages ----
const AP19 = 'pingtan-approval-2019', AP23 = 'pingtan-approval-2023', OF23 = 'pingtan-office-2023', PO21 = 'pingtan-police-2021';
const F22 = 'pingtan-finance-2022', F24 = 'pingtan-finance-2024';
const HT21 = 'pingtan-haitan-2021', JJ19 = 'pingtan-jinjing-2019', JS22 = 'pingtan-junshan-2022', SP24 = 'pingtan-suping-2024';
const EC19 = 'pingtan-economy-2019', EC23 = 'pingtan-economy-2023', AS19 = 'pingtan-assets-2019';
const SH19 = 'shanghai-office-2019', SH25 = 'shanghai-office-2025', KW24 = 'shanghai-stcsm-2024';
const SYF = 'shuyang-fgj-2023', SYG = 'shuyang-gov-2025';

const items = [];
const add = (cat, region, item) => items.push({ ...item, cat, region });

// ---- single numbers (34) ----
[
  ['PT', '平潭去年行政复议维持的有几件', PZ(2025), 'appeals.review.upheld'],
  ['PT', '平潭综合实验区2024年行政复议结果纠错的多少件', PZ(2024), 'appeals.review.corrected'],
  ['PT', '问下平潭24年行政复议尚未审结的几件', PZ(2024), 'appeals.review.pending'],
  ['PT', '平潭实验区2021年未经复议直接起诉的总共有几件', PZ(2021), 'appeals.suit_direct.total'],
  ['PT', '平潭前年复议后起诉的总数是多少', PZ(2024), 'appeals.suit_after_review.total'],
  ['PT', '平潭实验区二〇二二年行政处罚决定数量', PZ(2022), 'active.penalty.decisions'],
  ['PT', '平潭去年行政强制做了多少件', PZ(2025), 'active.coercion.decisions'],
  ['PT', '平潭2019年政府集中采购项目数量多少', PZ(2019), 'active.procurement.projects'],
  ['PT', '平潭24年行政事业性收费金额是多少', PZ(2024), 'active.fees.amount'],
  ['PT', '平潭2023年无正当理由大量反复申请的有几件', PZ(2023), 'requests.rejected.excessive.total'],
  ['PT', '平潭去年本机关不掌握相关政府信息的有几件', PZ(2025), 'requests.unable.not_held.total'],
  ['PT', '平潭2025年申请人逾期未按收费通知要求缴纳费用的有几件', PZ(2025), 'requests.other.overdue_fee.total'],
  ['PT', '平潭2023年行政許可決定多少件', PZ(2023), 'active.licensing.decisions'],
  ['PT', '平潭审批局2023年行政许可决定几件', AP23, 'active.licensing.decisions'],
  ['PT', '平潭行政审批局23年行政复议维持几件啊', AP23, 'appeals.review.upheld'],
  ['PT', '平潭公安局2021年结转下年度继续办理的有几件', PO21, 'requests.carried_forward.total'],
  ['PT', '平潭财政金融局2022年行政许可决定数量', F22, 'active.licensing.decisions'],
  ['PT', '麻烦查下平潭财政局24年行政处罚几件', F24, 'active.penalty.decisions'],
  ['PT', '海坛片区管理局2021年规范性文件本年制作了几件', HT21, 'active.normative_docs.made'],
  ['PT', '君山片区2022年现行有效规范性文件多少件', JS22, 'active.normative_docs.in_force'],
  ['PT', '苏平片区前年新收的信息公开申请几件', SP24, 'requests.new.total'],
  ['PT', '平潭经发局23年规范性文件本年新制发几件', EC23, 'active.normative_docs.issued'],
  ['PT', '平潭国资局2019年规范性文件本年发布了几件', AS19, 'active.normative_docs.published'],
  ['PT', '平潭管委会办公室23年本机关不掌握的有多少件', OF23, 'requests.unable.not_held.total'],
  ['SH', '上海市政府办公厅去年行政复议维持的多少', SH25, 'appeals.review.upheld'],
  ['SH', '上海市政府办公厅2025年未经复议直接起诉、尚未审结的有几件', SH25, 'appeals.suit_direct.pending'],
  ['SH', '上海市科委2024年本年新制发规范性文件几件', KW24, 'active.normative_docs.issued'],
  ['SH', '上海科委前年需另行制作的申请多少', KW24, 'requests.unable.need_creation.total'],
  ['SY', '沭阳县政府2025年行政强制决定多少件', SYG, 'active.coercion.decisions'],
  ['SY', '沭阳县人民政府去年行政事业性收费金额', SYG, 'active.fees.amount'],
  ['SY', '沭阳县政府25年逾期未缴费的有几件', SYG, 'requests.other.overdue_fee.total'],
  ['SY', '沭阳县政府二〇二五年行政复议纠错的几件', SYG, 'appeals.review.corrected'],
  ['SY', '沭阳发改局2023年予以公开多少件', SYF, 'requests.granted.total'],
  ['SY', '沭阳县发改局23年行政复议尚未审结的有几件', SYF, 'appeals.review.pending'],
].forEach(([r, q, s, k]) => add('single', r, N(q, s, k)));

// ---- row sums the README documents (4) ----
add('sum', 'PT', SUM('平潭2024年不予公开的一共多少件', PZ(2024), denied));
add('sum', 'SY', SUM('沭阳县政府去年无法提供的合计几件', SYG, unable));
add('sum', 'SH', SUM('上海市政府办公厅2025年不予处理的总共几件', SH25, rejected));
add('sum', 'PT', SUM('平潭2023年被起诉的一共几件', PZ(2023), suits));

// ---- two values at once (3) ----
add('two', 'PT', TWO('平潭2025年新收多少件、结转下年度多少件', PZ(2025), 'requests.new.total', 'requests.carried_forward.total'));
add('two', 'SH', TWO('上海科委2024年行政许可和现行有效规范性文件分别是多少', KW24, 'active.licensing.decisions', 'active.normative_docs.in_force'));
add('two', 'SY', TWO('沭阳县政府2025年行政处罚和行政强制各多少', SYG, 'active.penalty.decisions', 'active.coercion.decisions'));

// ---- one-character typos of agency names (3): ask back, or the likely reading ----
add('typo', 'PT', B('平谭2022年新收申请多少件', 'typo 平谭 for 平潭', 'typo', [PZ(2022), 'requests.new.total']));
add('typo', 'SY', B('沭杨县政府2025年予以公开几件', 'typo 沭杨 for 沭阳', 'typo', [SYG, 'requests.granted.total']));
add('typo', 'PT', B('苏萍片区2024年本机关不掌握的几件', 'typo 苏萍 for 苏平', 'typo', [SP24, 'requests.unable.not_held.total']));

// ---- comparisons of two years of one agency (7) ----
add('compare', 'PT', CMP('平潭2022年和2023年新收申请对比一下', [[PZ(2022), 'requests.new.total'], [PZ(2023), 'requests.new.total']]));
add('compare', 'PT', CMP('平潭24年跟去年行政复议总数比一下', [[PZ(2024), 'appeals.review.total'], [PZ(2025), 'appeals.review.total']]));
add('compare', 'PT', CMP('平潭财政金融局2022年和2024年行政事业性收费金额各是多少', [[F22, 'active.fees.amount'], [F24, 'active.fees.amount']]));
add('compare', 'PT', CMP('平潭审批局19年和23年行政许可决定分别多少', [[AP19, 'active.licensing.decisions'], [AP23, 'active.licensing.decisions']]));
add('compare', 'SH', CMP('上海市政府办公厅2019年与2025年新收申请比较', [[SH19, 'requests.new.total'], [SH25, 'requests.new.total']]));
add('compare', 'PT', CMP('平潭2019年和2021年行政许可决定数对比', [[PZ(2019), 'active.licensing.decisions'], [PZ(2021), 'active.licensing.decisions']]));
add('compare', 'PT', CMP('平潭综合实验区2021和2025年行政处罚决定多少，比较一下', [[PZ(2021), 'active.penalty.decisions'], [PZ(2025), 'active.penalty.decisions']]));

// ---- refusals (10) ----
add('refuse', 'PT', R('平潭今年新收了多少申请', 'no report 2026 (今年)', first(noReport, 'pingtan-', 2026)));
add('refuse', 'SY', R('沭阳县发改局2024年新收申请多少', 'no report 2024', first(noReport, 'shuyang-fgj', 2024)));
add('refuse', 'SH', R('上海市科委2023年行政许可多少件', 'no report 2023', first(noReport, 'shanghai-stcsm', 2023)));
add('refuse', 'SY', R('沭阳县发改局2023年政府集中采购金额多少', 'cell absent from the 2021 form', first(absent, SYF, 'active.procurement.amount')));
add('refuse', 'PT', R('平潭公安局2021年行政事业性收费上一年项目数量', 'cell absent from the 2021 form', first(absent, PO21, 'active.fees.prev_count')));
add('refuse', 'PT', R('海坛片区2021年政府集中采购总金额', 'unrecoverable cell', first(unrecoverable, HT21, 'active.procurement.amount')));
add('refuse', 'PT', R('平潭管委会办公室2023年现行有效规范性文件几件', 'unrecoverable cell', first(unrecoverable, OF23, 'active.normative_docs.in_force')));
add('refuse', 'SH', R('上海市政府办公厅2019年复议后起诉的总计', 'blank cell', first(blank, SH19, 'appeals.suit_after_review.total')));
add('refuse', 'SH', R('上海市政府办公厅19年要求确认的申请总计多少', 'blank cell', first(blank, SH19, 'requests.rejected.confirm.total')));
add('refuse', 'XX', R('福清市政府2023年新收申请多少件', 'agency not in the data', first(notInData, '福清')));

// ---- truly ambiguous: ask back (6) ----
add('ambiguous', 'PT', B('平潭审批局新收申请几件', `no year: ${needYears('pingtan-approval', 2)}`, (cell(AP19, 'requests.new.total').value !== cell(AP23, 'requests.new.total').value ? 'ok' : (() => { throw new Error('approval new equal'); })()) && `${AP19} / ${AP23}: requests.new.total ${cell(AP19, 'requests.new.total').value} / ${cell(AP23, 'requests.new.total').value}`));
add('ambiguous', 'PT', B('平潭2025年维持的有几件', '复议 or 诉讼 维持', first(differ, PZ(2025), ['appeals.review.upheld', 'appeals.suit_direct.upheld'])));
add('ambiguous', 'SH', B('上海市政府办公厅2025年尚未审结的几件', '复议 / 直接起诉 / 复议后起诉 pending', first(differ, SH25, ['appeals.review.pending', 'appeals.suit_direct.pending', 'appeals.suit_after_review.pending'])));
add('ambiguous', 'PT', B('平潭财政金融局收费金额多少', `no year: ${needYears('pingtan-finance', 2)}`, `${F22} / ${F24}: active.fees.amount`));
add('ambiguous', 'PT', B('平潭经发局规范性文件有几件', `no year: ${needYears('pingtan-economy', 2)}; made/issued/in force`, `${EC19} / ${EC23}`));
add('ambiguous', 'PT', B('平潭2025年逾期的有几件', '逾期不补正 or 逾期未缴费', first(differ, PZ(2025), ['requests.other.overdue_correction.total', 'requests.other.overdue_fee.total'])));

// ---- texts (13) ----
add('text', 'PT', T('平潭2020年政府信息公开的联系电话是多少', PZ(2020), ['0591-23165370']));
add('text', 'PT', T('平潭审批局2023年报告里写的办公地址', AP23, ['商务营运中心7号楼4层']));
add('text', 'PT', T('平潭国资局2019年的电子邮箱', AS19, ['ptgjz123@163.com']));
add('text', 'SH', T('上海市科委年报电子版在哪个网站下载', KW24, ['stcsm.sh.gov.cn']));
add('text', 'SH', T('上海市政府办公厅2025年报告电子版的网址', SH25, ['www.shanghai.gov.cn']));
add('text', 'SY', T('沭阳县发改局2023年年报落款日期是哪天', SYF, ['2024年1月17日']));
add('text', 'SY', T('沭阳县政府2025年收了多少信息处理费', SYG, ['380元', '380']));
add('text', 'PT', T('平潭财政金融局2024年工作存在哪些问题', F24, ['主动公开意识有待加']));
add('text', 'PT', T('平潭2023年年报里说存在什么问题', PZ(2023), ['信息发布属性界定还不够精确']));
add('text', 'SY', T('沭阳发改局2023年存在的主要问题是啥', SYF, ['信息公开意识有所松懈']));
add('text', 'SH', T('上海市政府办公厅2025年采取了哪些改进措施', SH25, ['进一步提升政策公开质效']));
add('text', 'PT', T('君山片区2022年其他需要报告的事项', JS22, ['没有产生信息公开处理费']));
add('text', 'PT', T('平潭财政金融局2024年度报告是哪天发布的', F24, ['2025年1月23日']));

// ---- write ----
const counts = {};
for (const it of items) counts[it.cat] = (counts[it.cat] || 0) + 1;
const regions = {};
for (const it of items) regions[it.region] = (regions[it.region] || 0) + 1;
if ((regions.PT || 0) < 40) throw new Error(`only ${regions.PT} about 平潭`);
if ((regions.SH || 0) + (regions.SY || 0) < 20) throw new Error('too few about 上海/沭阳');
if (new Set(items.map((i) => i.q)).size !== items.length) throw new Error('duplicate question');
fs.writeFileSync(path.join(__dirname, 'batch-h.jsonl'), items.map((i) => JSON.stringify({ q: i.q, expect: i.expect })).join('\n') + '\n');
const notes = [
  '# Batch H notes (the source and key of every answer; no question text)',
  '',
  `Written 2026-12-03 (今年 = 2026, 去年 = 2025, 前年 = 2024) by \`exam/make-batch-h.js\`. ${items.length} questions: ` + Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') + '; ' + Object.entries(regions).map(([k, v]) => `${k} ${v}`).join(', ') + ' (PT 平潭, SH 上海, SY 沭阳, XX not in the data).',
  '',
  '## Grading caveats',
  '',
  '- Typos (平谭, 沭杨, 苏萍) expect a question back; the likely reading is also right (alsoOk).',
  '- The blank cells (上海市政府办公厅 2019) are refusals; an answer 「（空白）」 counts as refused.',
  '- 「哪天发布」 of 平潭财政金融局 2024 expects the date printed at the end of the report (2025年1月23日); the page metadata may differ.',
  '- 「平潭财政局」 is a short name of 平潭综合实验区财政金融局 (a zone department, not 福州市财政局).',
  '- 「24年跟去年」 (平潭 复议 total) reads 去年 as 2025. Date texts are written 「YYYY年M月D日」 as the reports print them.',
  '- 平潭财政金融局\'s fee amounts (2022 91163600元, 2024 186510641.04元) equal or nearly equal the zone\'s own (2022 91163600元, 2024 186510600元): the agency check of the grader (「财政金融局」) is what tells them apart.',
  '- One value asked on purpose is 0 (平潭 2023 requests.rejected.excessive.total): a 0 is right only with the agency and year cited; any other number is WRONG.',
  '',
  '| # | kind | region | source (page: key) |',
  '|---|---|---|---|',
  ...items.map((it, i) => `| ${i + 1} | ${it.cat} | ${it.region} | ${(it.src || '').replace(/\|/g, '/')} |`),
  '',
];
fs.writeFileSync(path.join(__dirname, 'notes-h.md'), notes.join('\n'));
console.log(items.length, counts, regions);
