#!/usr/bin/env node
// Batch I (60): a ninth examiner's held-out questions, written 2026-12-03 (今年 = 2026, 去年 = 2025, 前年 = 2024)
// without reading the bot's code, tests or the other batches' questions. Every number is looked up by key in
// test/fixtures/real*/expected/*.json through exam/lib.js; every text is checked to occur in the report files;
// every refusal and question back is checked against the data. Any problem throws. Writes exam/batch-i.jsonl
// and the source table of exam/notes-i.md (below its hand-written header).
'use strict';
const fs = require('fs');
const path = require('path');
const L = require('./lib');
const { N, T, R, B, TWO, CMP, SUM, first } = L;

const items = [
  // ---- single numbers (26) ----
  N('平潭去年办结多少件', 'pingtan-2025', 'requests.total.total'),
  N('前年平潭区里新收的信息公开申请多少', 'pingtan-2024', 'requests.new.total'),
  N('平潭22年部分公开的几件', 'pingtan-2022', 'requests.partial.total'),
  N('平潭21年没办完结转到下一年的有几件', 'pingtan-2021', 'requests.carried_forward.total'),
  N('平潭23年上一年转过来的申请几件', 'pingtan-2023', 'requests.carried_over.total'),
  N('平潭20年新收申请多少件', 'pingtan-2020', 'requests.new.total'),
  N('平潭19年行政复议结果维持的几件', 'pingtan-2019', 'appeals.review.upheld'),
  N('苏平片区24年收到几件申请', 'pingtan-suping-2024', 'requests.new.total'),
  N('君山片区22年予以公开多少', 'pingtan-junshan-2022', 'requests.granted.total'),
  N('金井片区19年新收申请数', 'pingtan-jinjing-2019', 'requests.new.total'),
  N('海坛片区21年被申请行政复议几次', 'pingtan-haitan-2021', 'appeals.review.total'),
  N('平潭公安局21年本机关不掌握相关信息的有几件', 'pingtan-police-2021', 'requests.unable.not_held.total'),
  N('平潭财政金融局20年新收了多少申请', 'pingtan-finance-2020', 'requests.new.total'),
  N('平潭审批局23年予以公开几件', 'pingtan-approval-2023', 'requests.granted.total'),
  N('平潭管委会办公室23年收到申请多少件', 'pingtan-office-2023', 'requests.new.total'),
  N('平潭国资局19年新收申请几件', 'pingtan-assets-2019', 'requests.new.total'),
  N('平潭经发局23年行政许可决定多少', 'pingtan-economy-2023', 'active.licensing.decisions'),
  N('平潭去年行政强制决定数', 'pingtan-2025', 'active.coercion.decisions'),
  N('上海市政府办公厅去年新收申请多少件', 'shanghai-office-2025', 'requests.new.total'),
  N('上海办公厅25年信访举报投诉类申请不予处理几件', 'shanghai-office-2025', 'requests.rejected.petition.total'),
  N('上海市府办公厅19年没办完留到下一年的几件', 'shanghai-office-2019', 'requests.carried_forward.total'),
  N('上海市科委24年新收申请', 'shanghai-stcsm-2024', 'requests.new.total'),
  N('市科委24年部分公开多少', 'shanghai-stcsm-2024', 'requests.partial.total'),
  N('沭阳县政府去年收到多少信息公开申请', 'shuyang-gov-2025', 'requests.new.total'),
  N('沭阳县政府25年行政复议总数', 'shuyang-gov-2025', 'appeals.review.total'),
  N('沭阳发改局23年新收申请几件', 'shuyang-fgj-2023', 'requests.new.total'),
  // ---- row sums the README documents (3) ----
  SUM('平潭去年不予公开一共几件', 'pingtan-2025', L.denied),
  SUM('沭阳县政府25年无法提供的一共多少件', 'shuyang-gov-2025', L.unable),
  SUM('平潭公安局21年被起诉一共几次', 'pingtan-police-2021', L.suits),
  // ---- two values at once (2) ----
  TWO('平潭23年行政复议和直接起诉各多少件', 'pingtan-2023', 'appeals.review.total', 'appeals.suit_direct.total'),
  TWO('上海办公厅去年予以公开和部分公开分别多少', 'shanghai-office-2025', 'requests.granted.total', 'requests.partial.total'),
  // ---- one-character typos (2): ask back, the likely reading also right ----
  B('平谭25年新收申请多少', 'typo 平谭 for 平潭', 'typo', ['pingtan-2025', 'requests.new.total']),
  B('沭杨县政府25年收到申请几件', 'typo 沭杨 for 沭阳', 'typo', ['shuyang-gov-2025', 'requests.new.total']),
  // ---- comparisons of two years of one agency (6) ----
  CMP('平潭24年和25年新收申请比一下', [['pingtan-2024', 'requests.new.total'], ['pingtan-2025', 'requests.new.total']]),
  CMP('平潭财政金融局22年跟24年予以公开的对比', [['pingtan-finance-2022', 'requests.granted.total'], ['pingtan-finance-2024', 'requests.granted.total']]),
  CMP('平潭行政审批局19年和23年行政复议各几件', [['pingtan-approval-2019', 'appeals.review.total'], ['pingtan-approval-2023', 'appeals.review.total']]),
  CMP('上海市政府办公厅19年和去年新收申请差多少', [['shanghai-office-2019', 'requests.new.total'], ['shanghai-office-2025', 'requests.new.total']]),
  CMP('平潭经发局19年和23年收到申请对比', [['pingtan-economy-2019', 'requests.new.total'], ['pingtan-economy-2023', 'requests.new.total']]),
  CMP('平潭21年、22年行政许可决定数对比', [['pingtan-2021', 'active.licensing.decisions'], ['pingtan-2022', 'active.licensing.decisions']]),
  // ---- refusals (8) ----
  R('平潭公安局前年新收申请多少', 'no 公安局 report for 2024', first(L.noReport, 'pingtan-police', 2024)),
  R('上海科委去年收到几件申请', 'no 科委 report for 2025', first(L.noReport, 'shanghai-stcsm', 2025)),
  R('沭阳发改局去年新收申请', 'no 发改局 report for 2025', first(L.noReport, 'shuyang-fgj', 2025)),
  R('海坛片区23年新收多少件', 'no 海坛片区 report for 2023', first(L.noReport, 'pingtan-haitan', 2023)),
  R('平潭去年政府集中采购项目数量', 'the 2021 form has no 政府集中采购', first(L.absent, 'pingtan-2025', 'active.procurement.projects')),
  R('海坛片区21年办理结果总计多少件', 'unrecoverable cell', first(L.unrecoverable, 'pingtan-haitan-2021', 'requests.total.total')),
  R('上海科委24年结转下年度继续办理几件', 'blank cell', first(L.blank, 'shanghai-stcsm-2024', 'requests.carried_forward.total')),
  R('上海办公厅19年予以公开总计多少', 'blank cell', first(L.blank, 'shanghai-office-2019', 'requests.granted.total')),
  // ---- truly ambiguous: no year, the agency has several reports (4) ----
  B('平潭财政金融局收到几件申请', 'no year', `pingtan-finance years ${L.needYears('pingtan-finance', 2)}`),
  B('上海市政府办公厅被申请复议多少次', 'no year', `shanghai-office years ${L.needYears('shanghai-office', 2)}`),
  B('平潭经发局新收申请多少', 'no year', `pingtan-economy years ${L.needYears('pingtan-economy', 2)}`),
  B('平潭行政审批局予以公开几件', 'no year', `pingtan-approval years ${L.needYears('pingtan-approval', 2)}`),
  // ---- texts (9) ----
  T('苏平片区24年报告的联系电话', 'pingtan-suping-2024', ['0591-23159779']),
  T('平潭财政金融局24年联系电话多少', 'pingtan-finance-2024', ['0591-23163551']),
  T('平潭22年报告里的联系地址', 'pingtan-2022', ['金井湾商务营运中心7号楼14层']),
  T('平潭公安局21年报告什么时候发布的', 'pingtan-police-2021', ['2022年1月7日']),
  T('沭阳县政府25年年报落款日期', 'shuyang-gov-2025', ['2026年1月23日']),
  T('平潭去年报告说存在什么问题', 'pingtan-2025', ['仍存在一些不足']),
  T('上海市政府办公厅25年的改进措施', 'shanghai-office-2025', ['重点采取如下改进措']),
  T('平潭23年其他需要报告的事项写了啥', 'pingtan-2023', ['无收取信息处理费']),
  T('沭阳县政府25年收了多少信息处理费', 'shuyang-gov-2025', ['380元']),
];

const kinds = {};
for (const it of items) kinds[it.expect.kind] = (kinds[it.expect.kind] || 0) + 1;
if (items.length !== 60) throw new Error(`${items.length} items, not 60`);
const qs = new Set(items.map((i) => i.q));
if (qs.size !== items.length) throw new Error('duplicate question');
const about = (re) => items.filter((i) => re.test(i.src)).length;
const pt = about(/^pingtan/), shsy = about(/^(shanghai|shuyang)/);
if (pt < 30 || shsy < 15) throw new Error(`平潭 ${pt}, 上海/沭阳 ${shsy}`);

fs.writeFileSync(path.join(__dirname, 'batch-i.jsonl'), items.map(({ q, expect }) => JSON.stringify({ q, expect })).join('\n') + '\n');
const notesPath = path.join(__dirname, 'notes-i.md');
const marker = '## Source of each line';
const head = fs.existsSync(notesPath) ? fs.readFileSync(notesPath, 'utf8').split(marker)[0] : '# Batch I notes\n\n';
const rows = items.map((it, i) => `| ${i + 1} | ${it.expect.kind}${it.expect.sum ? ' (sum)' : ''} | ${it.src} |`);
fs.writeFileSync(notesPath, `${head}${marker}\n\n| # | kind | source (page: key, or check) |\n|---|---|---|\n${rows.join('\n')}\n`);
console.log(`batch-i: ${items.length} lines`, kinds, `平潭 ${pt}, 上海/沭阳 ${shsy}`);
