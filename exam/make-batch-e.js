#!/usr/bin/env node
// Builds exam/batch-e.jsonl: every expected number is looked up by canonical key in the hand-read expected files
// (test/fixtures/real*/expected/*.json), never typed here, and every expected text string is checked against the
// report files of its page. A page = all expected files named <slug>, <slug>-txt or <slug>-chromium*; a cell is
// used only when it is non-null, not unrecoverable, and equal in every file of the page.
'use strict';
const fs = require('fs');
const path = require('path');

const { pageFiles, cell, unrecoverable, noReport, reportTexts, unitOf, num, nums, refuse, askBack, text } = require('./lib');

const J = 'pingtan-jinjing-2019';
const S = 'pingtan-junshan-2022';
const P = 'pingtan-suping-2024';
const E19 = 'pingtan-economy-2019';
const E23 = 'pingtan-economy-2023';
const A = 'pingtan-assets-2019';

// Questions about the newest real-extra reports (片区 offices, 经济发展局, 国有资产管理局).
const recent = [
  num('平潭经发局2023年收到几个依申请公开？', E23, 'requests.new.total'),
  num('经发局23年新收的申请里自然人提的有几件', E23, 'requests.new.natural_person'),
  num('经发局2023年新出了几个规范性文件', E23, 'active.normative_docs.issued'),
  num('平潭经济发展局2023年底还有效的规范性文件剩多少件', E23, 'active.normative_docs.in_force'),
  num('经发局2019年行政许可办了几件', E19, 'active.licensing.decisions'),
  num('经发局19年年报里行政许可上年项目数是多少', E19, 'active.licensing.prev_count'),
  num('平潭经发局2019年行政处罚上一年的项目数有几个', E19, 'active.penalty.prev_count'),
  num('经发局2019年自己制作了几件规范性文件', E19, 'active.normative_docs.made'),
  num('经发局2023年有没有被申请行政复议，几件', E23, 'appeals.review.total'),
  num('经发局2023年结转到下年度继续办的申请有几件', E23, 'requests.carried_forward.total'),
  num('君山片区2022年答复本机关不掌握的一共几件', S, 'requests.unable.not_held.total'),
  num('君山22年“不掌握”那行里面自然人是几件', S, 'requests.unable.not_held.natural_person'),
  num('君山片区2022年不掌握相关信息那一行，法人里的其他组织填了几件', S, 'requests.unable.not_held.other_org'),
  num('君山片区管理局2022年现行有效的规范性文件多少', S, 'active.normative_docs.in_force'),
  num('君山片区2022年直接被起诉的行政诉讼总共几起', S, 'appeals.suit_direct.total'),
  num('君山片区2022年表三本年新收那一行总计是多少', S, 'requests.new.total'),
  num('苏平片区前年收到几件申请', P, 'requests.new.total'),
  num('苏平片区2024年有几件是本机关不掌握、没法提供的', P, 'requests.unable.not_held.total'),
  num('苏平片区24年申请按（六）里第3项“其他”处理的有几件', P, 'requests.other.other.total'),
  num('苏平片区管理局2024年申请一共办结了多少', P, 'requests.total.total'),
  num('苏平片区2024年行政复议有几起', P, 'appeals.review.total'),
  num('苏平片区2024年予以公开的有几件', P, 'requests.granted.total'),
  num('金井片区2019年收到过信息公开申请没，几件', J, 'requests.new.total'),
  num('金井片区管理局2019年制作了多少规范性文件', J, 'active.normative_docs.made'),
  num('金井片区19年的行政复议是几件', J, 'appeals.review.total'),
  num('国资局2019年新制作了几件规范性文件', A, 'active.normative_docs.made'),
  num('平潭国资局2019年对外公开的规范性文件总数是多少', A, 'active.normative_docs.total_public'),
  num('国资局2019年收到的公开申请有几件', A, 'requests.new.total'),
  num('国有资产管理局2019年被直接起诉行政诉讼的总数', A, 'appeals.suit_direct.total'),
  num('蘇平片區2024年收到幾件申請？', P, 'requests.new.total'),
  num('經發局2023年制發的規範性文件有幾件', E23, 'active.normative_docs.issued'),
  nums('经发局2019年和2023年各收到多少件依申请公开', [[E19, 'requests.new.total'], [E23, 'requests.new.total']]),
  nums('平潭经发局19年跟23年行政许可处理决定数量对比一下', [[E19, 'active.licensing.decisions'], [E23, 'active.licensing.decisions']]),
  nums('经发局19年、23年各新出了几个规范性文件', [[E19, 'active.normative_docs.made'], [E23, 'active.normative_docs.issued']]),
  refuse('金井片区去年收到几件申请', 'no 2025 report of 金井片区管理局 (only 2019)'),
  refuse('经发局2021年的行政许可办了多少', 'no 2021 report of 经济发展局 (only 2019, 2023)'),
  refuse('国资局2023年新制发规范性文件几件', 'no 2023 report of 国有资产管理局 (only 2019)'),
  refuse('君山片区今年收到几件申请了', '今年 = 2026: no report'),
  refuse('苏平片区2019年行政复议几件', 'no 2019 report of 苏平片区管理局 (only 2024)'),
  refuse('金井片区2019年政府集中采购总金额多少', 'active.procurement.amount unrecoverable (glued 「3147230元」)'),
  refuse('国资局2019年规章制作了几件', 'active.regulations.made unrecoverable (「1411」)'),
  askBack('君三片区2022年不掌握的有几件', 'one-character typo 君三 for 君山', [S, 'requests.unable.not_held.total']),
  askBack('苏萍片区前年收到几件申请', 'one-character typo 苏萍 for 苏平', [P, 'requests.new.total']),
  askBack('国姿局2019年规范性文件制作几件', 'one-character typo 国姿局 for 国资局', [A, 'active.normative_docs.made']),
  askBack('经发局收到几件申请？', 'no year: 经发局 has 2019 and 2023 reports with different values'),
  askBack('经发局的联系电话多少', 'no year: the 2019 and 2023 reports give different phones'),
  askBack('片区管理局收了几件申请', 'which 片区 (金井/君山/苏平/海坛) and which year'),
  text('金井片区管理局的联系电话是多少', J, ['23156157']),
  text('君山片区2022年报里说存在啥问题', S, ['主动公开意识和力度还不够']),
  text('苏平片区办公室地址在哪', P, ['金井镇中山大道中段3号']),
  text('经发局2023年报留的电话多少', E23, ['0591-23157117']),
  text('国资局2019年报告落款日期是哪天', A, ['2020年1月7日']),
  text('金井片区2019年有没有收信息处理费', J, ['没有产生信息公开处理费']),
  text('君山片区2022年的年报哪天发布的', S, ['2023年1月9日', '2023-01-09']),
];

// Questions about the other real reports (平潭综合实验区 and its departments, 上海, 沭阳).
const others = [
  num('平潭去年新收申请多少件', 'pingtan-2025', 'requests.new.total'),
  num('平潭综合实验区2024年本机关不掌握的有几件', 'pingtan-2024', 'requests.unable.not_held.total'),
  num('平潭2022年商业企业来申请的有几件', 'pingtan-2022', 'requests.new.commercial'),
  num('平潭2021年行政许可决定多少', 'pingtan-2021', 'active.licensing.decisions'),
  num('平潭2023年复议后起诉的总共几件', 'pingtan-2023', 'appeals.suit_after_review.total'),
  num('平潭财政金融局2022年行政事业性收费金额多少', 'pingtan-finance-2022', 'active.fees.amount'),
  num('平潭公安局2021年行政处罚做了多少', 'pingtan-police-2021', 'active.penalty.decisions'),
  num('平潭行政审批局2023年现行有效规范性文件几个', 'pingtan-approval-2023', 'active.normative_docs.in_force'),
  num('上海市政府办公厅去年新收申请多少', 'shanghai-office-2025', 'requests.new.total'),
  num('上海市科委2024年自然人新提的申请几件', 'shanghai-stcsm-2024', 'requests.new.natural_person'),
  num('沭阳县政府去年行政复议一共多少件', 'shuyang-gov-2025', 'appeals.review.total'),
  num('沭阳县政府2025年行政强制决定多少', 'shuyang-gov-2025', 'active.coercion.decisions'),
  num('沭阳发改局2023年予以公开的有几件', 'shuyang-fgj-2023', 'requests.granted.total'),
  num('平潭管委会办公室2023年答复不掌握的几件', 'pingtan-office-2023', 'requests.unable.not_held.total'),
  num('海坛片区2021年行政许可办了几件', 'pingtan-haitan-2021', 'active.licensing.decisions'),
  nums('平潭前年和去年新收申请对比', [['pingtan-2024', 'requests.new.total'], ['pingtan-2025', 'requests.new.total']]),
  nums('平潭2022、2023年行政处罚分别多少', [['pingtan-2022', 'active.penalty.decisions'], ['pingtan-2023', 'active.penalty.decisions']]),
  nums('财政金融局2022年和2024年收费金额各是多少', [['pingtan-finance-2022', 'active.fees.amount'], ['pingtan-finance-2024', 'active.fees.amount']]),
  nums('平潭21年和22年行政复议总数比一下', [['pingtan-2021', 'appeals.review.total'], ['pingtan-2022', 'appeals.review.total']]),
  refuse('平潭教育局2024年收到几件申请', 'agency not in the data'),
  refuse('平潭今年行政许可多少', '今年 = 2026: no report'),
  refuse('市科委2024年结转下年度的总计是多少', 'requests.carried_forward.total is a blank cell (null)'),
  askBack('平谭2024年行政许可多少', 'one-character typo 平谭 for 平潭', ['pingtan-2024', 'active.licensing.decisions']),
  text('沭阳发改局电话多少', 'shuyang-fgj-2023', ['83593059']),
  text('平潭去年收没收信息处理费', 'pingtan-2025', ['无收取信息处理费']),
  text('沭阳县政府去年信息处理费一共收了多少', 'shuyang-gov-2025', ['380元']),
];

// Sanity checks on the refusals: the asked page really is absent or the cell blank.
noReport('pingtan-jinjing', 2025);
noReport('pingtan-economy', 2021);
noReport('pingtan-assets', 2023);
noReport('pingtan-junshan', 2026);
noReport('pingtan-suping', 2019);
noReport('pingtan-', 2026);
unrecoverable(J, 'active.procurement.amount');
unrecoverable(A, 'active.regulations.made');
if (cell('shanghai-stcsm-2024', 'requests.carried_forward.total', { allowNull: true }).value !== null) throw new Error('stcsm cf not blank');

const all = [...recent, ...others];
const count = {};
for (const l of all) count[l.expect.kind] = (count[l.expect.kind] || 0) + 1;
if (new Set(all.map((l) => l.q)).size !== all.length) throw new Error('duplicate question');
fs.writeFileSync(path.join(__dirname, 'batch-e.jsonl'), all.map((l) => JSON.stringify(l)).join('\n') + '\n');
console.log(`${all.length} lines (${recent.length} on the newest reports):`, count);
