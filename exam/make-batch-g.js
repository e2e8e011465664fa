#!/usr/bin/env node
// Builds exam/batch-g.jsonl and exam/notes-g.md (a seventh examiner's batch; lookups in lib.js): every expected number is looked up by canonical key in the hand-read expected files
// (test/fixtures/real*/expected/*.json), never typed here, and every expected text string is checked against the
// report files of its page. A page = all expected files named <slug>, <slug>-txt or <slug>-chromium*; a cell is
// used only when it is non-null, not unrecoverable, and equal in every file of the page.
'use strict';
const fs = require('fs');
const path = require('path');

const { root, dirs, variant, pageFiles, cell, unrecoverable, noReport, reportTexts, unitOf, num, nums, refuse, askBack, text, sum, absent, yearsOf, needYears, withSrc, N, NN, T, R, B, suits, denied, unable, rejected, onlyLegal, differ, notInData, blank, first, TWO, CMP, SUM } = require('./lib');

const PZ = (y) => `pingtan-${y}`; // the zone's own report

// ---- batch G's own helpers ----
const AP19 = 'pingtan-approval-2019', AP23 = 'pingtan-approval-2023', OF23 = 'pingtan-office-2023', PO21 = 'pingtan-police-2021';
const F19 = 'pingtan-finance-2019', F20 = 'pingtan-finance-2020', F22 = 'pingtan-finance-2022', F24 = 'pingtan-finance-2024';
const HT21 = 'pingtan-haitan-2021', JJ19 = 'pingtan-jinjing-2019', JS22 = 'pingtan-junshan-2022', SP24 = 'pingtan-suping-2024';
const EC19 = 'pingtan-economy-2019', AS19 = 'pingtan-assets-2019';
const SH19 = 'shanghai-office-2019', SH25 = 'shanghai-office-2025', KW24 = 'shanghai-stcsm-2024';
const SYF = 'shuyang-fgj-2023', SYG = 'shuyang-gov-2025';

const items = [];
const add = (cat, region, item) => items.push({ ...item, cat, region });

// ---- single numbers (42) ----
const single = [
  ['PT', '请问平潭财政金融局22年行政事业性收费金额多少万元', F22, 'active.fees.amount'],
  ['PT', '苏平片区前年本机关不掌握相关信息的有几件', SP24, 'requests.unable.not_held.total'],
  ['PT', '君山片区22年本机关不掌握的申请里，法人或其他组织下面“其他”那一栏是几件', JS22, 'requests.unable.not_held.other_org'],
  ['PT', '平潭22年法人提的申请一共几件', PZ(2022), 'requests.new.commercial'],
  ['PT', '平潭实验区2021年行政强制决定多少件', PZ(2021), 'active.coercion.decisions'],
  ['PT', '平潭22年行政复议被纠正的有几件', PZ(2022), 'appeals.review.corrected'],
  ['PT', '平潭综合实验区二〇二四年复议后又起诉的，维持原决定的有多少', PZ(2024), 'appeals.suit_after_review.upheld'],
  ['PT', '帮忙看下平潭24年不予公开里国家秘密的有几件', PZ(2024), 'requests.denied.state_secret.total'],
  ['PT', '平潭2019年重复申请几件呢', PZ(2019), 'requests.rejected.repeat.total'],
  ['PT', '平潭2025年信访类的申请有几件', PZ(2025), 'requests.rejected.petition.total'],
  ['PT', '平潭行政审批局2019年规范性文件本年新制作数量', AP19, 'active.normative_docs.made'],
  ['PT', '平潭审批局23年现行有效的规范性文件几件', AP23, 'active.normative_docs.in_force'],
  ['PT', '麻烦问一下，平潭管委会办公室2023年予以公开的有几件', OF23, 'requests.granted.total'],
  ['PT', '平潭公安21年行政处罚决定多少件', PO21, 'active.penalty.decisions'],
  ['PT', '平潭財政金融局2020年政府採購總金額是多少', F20, 'active.procurement.amount'],
  ['PT', '平潭财政金融局2024年规范性文件废止了几件', F24, 'active.normative_docs.repealed'],
  ['PT', '海坛片区21年许可决定数量是多少', HT21, 'active.licensing.decisions'],
  ['PT', '平潭经发局2019年行政处罚的上一年项目数量', EC19, 'active.penalty.prev_count'],
  ['PT', '平潭经济发展局2023年度本年新收的申请多少件', 'pingtan-economy-2023', 'requests.new.total'],
  ['PT', '平潭国资局19年规范性文件对外公开总数量', AS19, 'active.normative_docs.total_public'],
  ['PT', '金井片区2019年收到几件政府信息公开申请', JJ19, 'requests.new.total'],
  ['PT', '平潭2020年（六）其他处理多少件', PZ(2020), 'requests.other.total'],
  ['PT', '平潭２０２３年表三（四）1本机关不掌握那一行总计多少', PZ(2023), 'requests.unable.not_held.total'],
  ['PT', '平潭2021年社会公益组织提的申请几件', PZ(2021), 'requests.new.social_org'],
  ['PT', '平潭去年结转下年度的企业申请有几件', PZ(2025), 'requests.carried_forward.commercial'],
  ['PT', '平潭2023年现行有效的规范性文件是多少件', PZ(2023), 'active.normative_docs.in_force'],
  ['SH', '上海市政府辦公廳2025年現行有效的規章多少件', SH25, 'active.regulations.in_force'],
  ['SH', '上海市政府办公厅25年上年结转的申请里律所的有几件', SH25, 'requests.carried_over.legal_service'],
  ['SH', '上海市政府办公厅去年行政复议还没审结的有几件', SH25, 'appeals.review.pending'],
  ['SH', '上海市政府办公厅2019年信访举报投诉类的申请，自然人提的有多少', SH19, 'requests.rejected.petition.natural_person'],
  ['SH', '上海市科委前年行政许可多少件', KW24, 'active.licensing.decisions'],
  ['SH', '上海市科委2024年申请人逾期不补正的有几件哈', KW24, 'requests.other.overdue_correction.total'],
  ['SH', '上海市政府办公厅2019年政府集中采购项目数量', SH19, 'active.procurement.projects'],
  ['SY', '沭陽縣發改局二〇二三年收到多少件申請', SYF, 'requests.new.total'],
  ['SY', '沭阳发改局23年行政复议尚未审结几件', SYF, 'appeals.review.pending'],
  ['SY', '沭阳县2025年行政复议被纠正的几件', SYG, 'appeals.review.corrected'],
  ['SY', '沭阳县去年行政事业性收费金额是多少万元', SYG, 'active.fees.amount'],
  ['SY', '沭阳县２０２５年行政强制多少件', SYG, 'active.coercion.decisions'],
  ['SY', '沭阳县2025年法律服务机构新收申请几件', SYG, 'requests.new.legal_service'],
  ['SY', '沭阳县政府2025年申请人逾期未按收费通知缴纳费用的有几件', SYG, 'requests.other.overdue_fee.total'],
  ['SY', '沭阳县2025年表三、（四）2没有现成信息需要另行制作的几件', SYG, 'requests.unable.need_creation.total'],
  ['SY', '请问沭阳县25年规范性文件现行有效多少件啊', SYG, 'active.normative_docs.in_force'],
];
onlyLegal(PZ(2022), 'new', 'commercial');
for (const [r, q, slug, key] of single) add('single', r, N(q, slug, key));

// ---- row sums the README documents (5) ----
add('sum', 'PT', SUM('平潭23年被起诉了几件', PZ(2023), suits));
add('sum', 'PT', SUM('平潭2021年不予公开一共多少件', PZ(2021), denied));
add('sum', 'SH', SUM('上海市政府办公厅2025年不予公开的总共多少', SH25, denied));
add('sum', 'SY', SUM('沭阳县2025年无法提供的有多少件', SYG, unable));
add('sum', 'SH', SUM('上海市政府办公厅2025年不予处理合计几件', SH25, rejected));

// ---- two values in one question (4) ----
add('two', 'PT', TWO('平潭2024年予以公开和部分公开分别多少件', PZ(2024), 'requests.granted.total', 'requests.partial.total'));
add('two', 'PT', TWO('平潭去年行政复议结果维持和结果纠正各几件', PZ(2025), 'appeals.review.upheld', 'appeals.review.corrected'));
add('two', 'SH', TWO('上海市科委2024年予以公开多少，本机关不掌握的多少', KW24, 'requests.granted.total', 'requests.unable.not_held.total'));
add('two', 'SY', TWO('沭阳县发改局2023年规范性文件制发多少件、现行有效多少件', SYF, 'active.normative_docs.issued', 'active.normative_docs.in_force'));

// ---- one-character typos in the agency name (3): ask back, or the likely agency's value ----
add('typo', 'PT', B('苏萍片区24年新收申请几件', 'typo 苏萍 → 苏平片区', 'typo', [SP24, 'requests.new.total']));
add('typo', 'PT', B('军山片区2022年现行有效的规范性文件有几件', 'typo 军山 → 君山片区', 'typo', [JS22, 'active.normative_docs.in_force']));
add('typo', 'SY', B('述阳县发改局2023年予以公开多少件', 'typo 述阳 → 沭阳县发改局', 'typo', [SYF, 'requests.granted.total']));

// ---- comparisons of two years of one agency (8) ----
add('compare', 'PT', CMP('平潭2021年和2022年新收申请分别多少', [[PZ(2021), 'requests.new.total'], [PZ(2022), 'requests.new.total']]));
add('compare', 'PT', CMP('平潭财政金融局22年和24年现行有效规范性文件对比', [[F22, 'active.normative_docs.in_force'], [F24, 'active.normative_docs.in_force']]));
add('compare', 'PT', CMP('平潭行政审批局19年和23年新收申请比较一下', [[AP19, 'requests.new.total'], [AP23, 'requests.new.total']]));
add('compare', 'PT', CMP('平潭2023年跟2024年行政处罚决定数量', [[PZ(2023), 'active.penalty.decisions'], [PZ(2024), 'active.penalty.decisions']]));
add('compare', 'PT', CMP('平潭去年和前年行政复议各多少件', [[PZ(2025), 'appeals.review.total'], [PZ(2024), 'appeals.review.total']]));
add('compare', 'PT', CMP('平潭2019年和2020年收到的申请对比一下', [[PZ(2019), 'requests.new.total'], [PZ(2020), 'requests.new.total']]));
add('compare', 'SH', CMP('上海市政府办公厅2019年和2025年本年新收申请多少', [[SH19, 'requests.new.total'], [SH25, 'requests.new.total']]));
add('compare', 'SH', CMP('上海办公厅19年跟25年行政复议总数比一下', [[SH19, 'appeals.review.total'], [SH25, 'appeals.review.total']]));

// ---- must be refused (12) ----
add('refuse', 'X', R('上海市教委2024年收到多少申请', 'agency not in the data', first(notInData, '教委') && 'no expected file names 教委'));
add('refuse', 'X', R('福州市财政局2023年被复议几件', 'agency not in the data', first(notInData, '福州') && 'no expected file names 福州'));
add('refuse', 'PT', R('苏平片区2022年收到几件申请', 'no 苏平片区 report for 2022 (only 2024)', first(noReport, 'pingtan-suping', 2022) && 'pingtan-suping-*: no 2022'));
add('refuse', 'PT', R('平潭公安局2023年行政处罚多少', 'no 公安局 report for 2023 (only 2021)', first(noReport, 'pingtan-police', 2023) && 'pingtan-police-*: no 2023'));
add('refuse', 'PT', R('平潭今年的年报收到多少申请', '今年 = 2026: no report', first(noReport, 'pingtan-', 2026) && 'pingtan-*: no 2026'));
add('refuse', 'PT', R('平潭2024年政府集中采购金额是多少', 'row absent from the 2021 form', first(absent, PZ(2024), 'active.procurement.amount') && `${PZ(2024)}: active.procurement.amount absent`));
add('refuse', 'PT', R('海坛片区2021年政府集中采购总金额', 'unrecoverable (glued 328291965元)', first(unrecoverable, HT21, 'active.procurement.amount') && `${HT21}: active.procurement.amount unrecoverable`));
add('refuse', 'PT', R('平潭国资局2019年规章新制作了几件', 'unrecoverable (glued 1411)', first(unrecoverable, AS19, 'active.regulations.made') && `${AS19}: active.regulations.made unrecoverable`));
add('refuse', 'SH', R('上海市科委2023年行政许可多少', 'no 市科委 report for 2023 (only 2024)', first(noReport, 'shanghai-stcsm', 2023) && 'shanghai-stcsm-*: no 2023'));
add('refuse', 'SY', R('沭阳县发改局2024年收到多少申请', 'no 发改局 report for 2024 (only 2023)', first(noReport, 'shuyang-fgj', 2024) && 'shuyang-fgj-*: no 2024'));
add('refuse', 'SY', R('沭阳县2025年其他对外管理服务事项处理决定数量', 'row absent from the 2021 form', first(absent, SYG, 'active.other_services.decisions') && `${SYG}: active.other_services.decisions absent`));
add('refuse', 'SH', R('上海市科委2024年结转下年度继续办理的总计是多少', 'blank: the 总计 cell is empty (自然人 1)', first(blank, KW24, 'requests.carried_forward.total') && `${KW24}: requests.carried_forward.total null`));

// ---- truly ambiguous: must be asked back (8) ----
const yrs = (p, ex) => needYears(p, 2, ex).join('/');
add('ambiguous', 'PT', B('平潭财政金融局收到多少申请', 'no year; reports of several years', `pingtan-finance-*: years ${yrs('pingtan-finance')}`));
add('ambiguous', 'PT', B('平潭审批局予以公开几件', 'no year; reports of several years', `pingtan-approval-*: years ${yrs('pingtan-approval')}`));
add('ambiguous', 'SH', B('上海市政府办公厅行政复议几件啊', 'no year; reports of several years', `shanghai-office-*: years ${yrs('shanghai-office')}`));
differ(PZ(2021), ['requests.new.other_org', 'requests.other.other.total', 'appeals.review.other']);
add('ambiguous', 'PT', B('平潭21年“其他”是多少件', '其他: applicant column, （六）3 其他 or 表四 其他结果', `${PZ(2021)}: requests.new.other_org / requests.other.other.total / appeals.review.other`));
differ(PO21, ['requests.carried_over.total', 'requests.carried_forward.total']);
add('ambiguous', 'PT', B('平潭公安局2021年结转了几件', '结转: 上年结转 or 结转下年度', `${PO21}: requests.carried_over.total / requests.carried_forward.total`));
const pq = ['pingtan-haitan', 'pingtan-jinjing', 'pingtan-junshan', 'pingtan-suping'].map((p) => `${p} ${yearsOf(p)}`);
add('ambiguous', 'PT', B('片区管理局收费金额多少', 'which 片区 (four) and which year', pq.join(', ')));
differ(SH25, ['appeals.review.pending', 'appeals.suit_direct.pending', 'appeals.suit_after_review.pending']);
add('ambiguous', 'SH', B('上海市政府办公厅2025年尚未审结的有几件', '尚未审结: 行政复议, 直接起诉 or 复议后起诉', `${SH25}: appeals.*.pending`));
add('ambiguous', 'SH', B('上海行政复议有几件', '上海: 市政府办公厅 (two years) or 市科委', `shanghai-office ${yearsOf('shanghai-office')}, shanghai-stcsm ${yearsOf('shanghai-stcsm')}`));

// ---- texts (18), every string checked in the page's report files ----
add('text', 'PT', T('平潭审批局2023年的联系电话是多少', AP23, ['0591-23153022', '23153022']));
add('text', 'PT', T('平潭财政金融局19年年报里留的电话', F19, ['0591-23163547', '23163547']));
add('text', 'PT', T('海坛片区2021年报告的联系地址在哪', HT21, ['翠园南路16号']));
add('text', 'PT', T('金井片区2019年报告的邮编是多少', JJ19, ['350401']));
add('text', 'PT', T('君山片区2022年年报落款日期是哪天', JS22, ['2023年1月9日']));
add('text', 'PT', T('苏平片区2024年存在的主要问题是什么', SP24, ['重点领域信息公开力度有待加强', '信息公开的互动性有待进一步提升']));
add('text', 'PT', T('平潭经发局2019年年报里的电子邮箱', EC19, ['jfjzhc']));
add('text', 'PT', T('平潭国资局2019年的报告什么时候发布的', AS19, ['2020-01-08']));
add('text', 'PT', T('平潭管委会办公室2023年其他需要报告的事项写了什么', OF23, ['未收取信息处理费']));
add('text', 'PT', T('平潭公安局2021年报告落款是几号', PO21, ['2022年1月7日']));
add('text', 'PT', T('平潭2022年存在的主要问题有哪些', PZ(2022), ['重大行政决策预公开程度需进一步加强', '部分重点领域信息公开深度不足']));
add('text', 'SY', T('沭阳县发改局2023年联系电话多少', SYF, ['83593059']));
add('text', 'SY', T('沭阳发改局23年年报最后的落款日期', SYF, ['2024年1月17日']));
add('text', 'SY', T('沭阳县2025年信息处理费收了多少钱', SYG, ['380元']));
add('text', 'SY', T('沭阳县政府2025年年报的落款日期', SYG, ['2026年1月23日']));
add('text', 'SH', T('上海市政府办公厅2019年年报发布日期', SH19, ['2020-01-31']));
add('text', 'SH', T('上海市科委2024年存在的主要问题', KW24, ['原有部门网站政务公开栏目']));
add('text', 'SH', T('上海市政府办公厅2025年有哪些改进措施', SH25, ['政府公报数字化改革', '政策公开质效']));

// ---- checks: counts, distinct questions, every agency known to the grader's aliases ----
const want = { single: 42, sum: 5, two: 4, typo: 3, compare: 8, refuse: 12, ambiguous: 8, text: 18 };
const count = (f) => items.reduce((m, it) => ({ ...m, [f(it)]: (m[f(it)] || 0) + 1 }), {});
const cats = count((it) => it.cat), regions = count((it) => it.region);
for (const [k, n] of Object.entries(want)) if (cats[k] !== n) throw new Error(`${k}: ${cats[k]} questions, want ${n}`);
if (items.length !== 100) throw new Error(`${items.length} questions`);
if (regions.PT < 50) throw new Error(`only ${regions.PT} about 平潭`);
if ((regions.SH || 0) + (regions.SY || 0) < 25) throw new Error('too few about 上海 and 沭阳');
if (new Set(items.map((it) => it.q)).size !== items.length) throw new Error('a question repeats');
const runJs = fs.readFileSync(path.join(__dirname, 'run.js'), 'utf8');
const aliasBlock = runJs.slice(runJs.indexOf('const aliases = {'), runJs.indexOf('function agencyOk'));
for (const it of items) {
  for (const e of [it.expect, it.expect.alsoOk].filter(Boolean)) {
    if (e.agency && !aliasBlock.includes(`${e.agency}: {`)) throw new Error(`run.js aliases lack ${e.agency}`);
  }
}

// A fixed shuffle (seeded LCG) so that the kinds are mixed as in a chat, the same order at every run.
let seed = 20261203;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
for (let i = items.length - 1; i > 0; i -= 1) { const j = Math.floor(rnd() * (i + 1)); [items[i], items[j]] = [items[j], items[i]]; }
const nth = (pred) => items.map((it, i) => (pred(it) ? `#${i + 1}` : null)).filter(Boolean).join(', ');

fs.writeFileSync(path.join(__dirname, 'batch-g.jsonl'), items.map((it) => JSON.stringify({ q: it.q, expect: it.expect })).join('\n') + '\n');
const filesOf = (src) => [...new Set((src.match(/[a-z]+(?:-[a-z]+)*-\d{4}/g) || []))]
  .map((slug) => { try { return pageNames(slug).join(', '); } catch { return ''; } }).filter(Boolean).join('; ');
function pageNames(slug) {
  const out = [];
  for (const d of dirs) for (const f of fs.readdirSync(path.join(d, 'expected'))) if (variant(slug, f.replace(/\.json$/, ''))) out.push(`${path.basename(d)}/expected/${f}`);
  if (!out.length) throw new Error('none');
  return out;
}
const rows = items.map((it, i) => `| ${i + 1} | ${it.cat} | ${it.expect.kind} | ${it.src} | ${filesOf(it.src) || '—'} |`);
const notes = [
  '## Batch G: where every expected answer comes from',
  '',
  `Generated by \`exam/make-batch-g.js\` (2026-12-03; 今年 = 2026, 去年 = 2025, 前年 = 2024). Counts: ${Object.entries(cats).map(([k, n]) => `${k} ${n}`).join(', ')}; `
    + `about 平潭 ${regions.PT}, 上海 ${regions.SH}, 沭阳 ${regions.SY}, agencies not in the data ${regions.X}.`,
  '',
  `Grading caveats: ${nth((it) => /法人提的/.test(it.q))} 「法人提的」 is the whole 法人或其他组织 part, which here is only 商业企业 (checked: 总计 − 自然人 = 商业企业); an answer citing the five columns and carrying the value is right.`,
  `${nth((it) => it.cat === 'ambiguous' && !/no year/.test(it.expect.note))} (a word fitting several columns or agencies) and ${nth((it) => it.cat === 'ambiguous' && /no year/.test(it.expect.note))} (no year) expect a question back; an answer that lists every reading, each cited with its year/column, is arguably right too and should be read by hand rather than counted WRONG.`,
  `${nth((it) => /blank/.test(it.expect.note || ''))}: the 总计 cell is blank in the source; 「空白」 is right, 自然人 1 given as the total is wrong.`,
  `${nth((it) => /信息处理费/.test(it.q))}: the 信息处理费 of section 六, not 表二's 行政事业性收费. ${nth((it) => /国资局2019年的报告什么时候发布/.test(it.q))}: the page's 发布时间 (2020-01-08), not the signature's 2020年1月7日.`,
  '',
  '| # | category | kind | source (page: key) | expected files |',
  '|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
fs.writeFileSync(path.join(__dirname, 'notes-g.md'), notes);
console.log(`batch-g.jsonl: ${items.length} questions; ${JSON.stringify(cats)}; ${JSON.stringify(regions)}`);
