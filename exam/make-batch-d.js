#!/usr/bin/env node
// Builds exam/batch-d.jsonl (examiner D). Every expected number is looked up by canonical key in the hand-read
// test/fixtures/real*/expected/*.json; a cell is usable only if it is present, non-null and not `unrecoverable`
// in EVERY representation of the page (pingtan-2020 / -txt, pingtan-2024 / -txt). Every expected text is checked
// to occur in each report file of that page. The script throws instead of writing a doubtful line.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dirs = ['test/fixtures/real', 'test/fixtures/real-extra'];
const expected = {};
const reports = {};
for (const d of dirs) {
  for (const f of fs.readdirSync(path.join(root, d, 'expected'))) {
    expected[f.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(root, d, 'expected', f), 'utf8'));
  }
  for (const f of fs.readdirSync(path.join(root, d, 'reports'))) {
    const slug = f.replace(/\.(html|txt|md)$/, '').replace(/-txt$/, '');
    (reports[slug] = reports[slug] || []).push(path.join(root, d, 'reports', f));
  }
}
// The representations of one page: its own expected file plus a `-txt` twin when there is one.
const variants = (slug) => [slug, `${slug}-txt`].filter((s) => expected[s]);

function cell(slug, key) {
  const vs = variants(slug);
  if (!vs.length) throw new Error(`no expected file ${slug}`);
  let value;
  for (const s of vs) {
    const e = expected[s];
    if ((e.unrecoverable || []).includes(key)) throw new Error(`${s} ${key} unrecoverable`);
    const v = e.cells[key];
    if (v === undefined || v === null) throw new Error(`${s} ${key} missing or blank`);
    if (value !== undefined && v !== value) throw new Error(`${slug} ${key} differs between variants`);
    value = v;
  }
  return value;
}
const unitOf = (key) => (/\.amount$/.test(key) ? '元' : '件');

const items = [];
const used = new Set();
function push(q, expect) {
  if (used.has(q)) throw new Error(`duplicate question ${q}`);
  used.add(q);
  items.push({ q, expect });
}
function numberExpect(slug, key) {
  const e = expected[variants(slug)[0]];
  return { kind: 'number', value: cell(slug, key), unit: unitOf(key), agency: e.agency, year: e.year, key };
}
const num = (q, slug, key) => push(q, numberExpect(slug, key));
function nums(q, slugs, key) {
  const es = slugs.map((s) => numberExpect(s, key));
  if (new Set(es.map((e) => e.agency)).size !== 1) throw new Error(`comparison across agencies ${q}`);
  push(q, { kind: 'numbers', values: es.map((e) => e.value), years: es.map((e) => e.year), key, agency: es[0].agency, unit: es[0].unit });
}
const refuse = (q, note) => push(q, { kind: 'refuse', note });
function blank(q, slug, key) {
  // A blank cell (null) in every representation: the right answer says it is blank or refuses.
  for (const s of variants(slug)) if (expected[s].cells[key] !== null) throw new Error(`${s} ${key} not blank`);
  push(q, { kind: 'refuse', note: `blank cell ${slug} ${key}` });
}
function ask(q, note, alsoOk) {
  const expect = { kind: 'askBack', note };
  if (alsoOk) expect.alsoOk = numberExpect(alsoOk[0], alsoOk[1]);
  push(q, expect);
}
function text(q, slug, anyOf) {
  const files = reports[slug];
  if (!files) throw new Error(`no report ${slug}`);
  for (const s of anyOf) {
    for (const f of files) {
      if (!fs.readFileSync(f, 'utf8').includes(s)) throw new Error(`「${s}」 not in ${path.basename(f)}`);
    }
  }
  push(q, { kind: 'text', anyOf, agency: expected[variants(slug)[0]].agency });
}

// ---- number: 平潭综合实验区 (the zone; 「平潭」 alone means the zone) ----
num('平潭去年一共新收了多少件依申请公开？', 'pingtan-2025', 'requests.new.total');
num('平潭前年行政许可决定做了多少件', 'pingtan-2024', 'active.licensing.decisions');
num('平潭2023年行政处罚决定多少件啊', 'pingtan-2023', 'active.penalty.decisions');
num('平潭实验区22年行政许可多少个', 'pingtan-2022', 'active.licensing.decisions');
num('平潭21年行政事业性收费收了多少钱', 'pingtan-2021', 'active.fees.amount');
num('平潭2023年底现行有效的规范性文件还有几件？', 'pingtan-2023', 'active.normative_docs.in_force');
num('平潭去年废止了多少规范性文件', 'pingtan-2025', 'active.normative_docs.repealed');
num('平潭去年行政强制决定有多少', 'pingtan-2025', 'active.coercion.decisions');
num('平潭2019年一共收到几件信息公开申请', 'pingtan-2019', 'requests.new.total');
num('平潭2020年全部予以公开的申请有几件', 'pingtan-2020', 'requests.granted.total');
num('平潭前年因为属于内部事务信息不予公开的有几件', 'pingtan-2024', 'requests.denied.internal.total');
num('平潭前年答复本机关不掌握相关信息的有多少件', 'pingtan-2024', 'requests.unable.not_held.total');
num('平潭前年复议后又起诉的行政诉讼一共几件', 'pingtan-2024', 'appeals.suit_after_review.total');
num('平潭前年被申请行政复议一共几起', 'pingtan-2024', 'appeals.review.total');
num('平潭去年行政复议结果维持的有几件', 'pingtan-2025', 'appeals.review.upheld');
num('平潭去年被直接告到法院的行政诉讼有几件', 'pingtan-2025', 'appeals.suit_direct.total');
num('平潭去年结转到下一年继续办理的申请多少件', 'pingtan-2025', 'requests.carried_forward.total');
num('平潭去年企业（商业企业）提的申请有几件', 'pingtan-2025', 'requests.new.commercial');
num('平潭去年老百姓个人提的申请有多少', 'pingtan-2025', 'requests.new.natural_person');
num('平潭去年部分公开的有几件', 'pingtan-2025', 'requests.partial.total');
num('平潭去年办结的申请总共多少件', 'pingtan-2025', 'requests.total.total');
num('平潭2023年全部公开的申请是多少', 'pingtan-2023', 'requests.granted.total');
num('平潭2021年未经复议直接起诉的有几件', 'pingtan-2021', 'appeals.suit_direct.total');
num('平潭2021年社会公益组织来申请的有几件', 'pingtan-2021', 'requests.new.social_org');
num('平潭2021年现行有效规范性文件数量', 'pingtan-2021', 'active.normative_docs.in_force');
num('平潭2022年行政复议总共多少件', 'pingtan-2022', 'appeals.review.total');
num('平潭2022年答复信息不掌握的有几件', 'pingtan-2022', 'requests.unable.not_held.total');
num('平潭2024年因第三方合法权益不予公开的有几件', 'pingtan-2024', 'requests.denied.third_party.total');
num('平潭綜合實驗區2022年行政處罰決定多少件', 'pingtan-2022', 'active.penalty.decisions');
num('平潭2023年行政事业性收费金额是多少', 'pingtan-2023', 'active.fees.amount');

// ---- number: 沭阳县人民政府 2025 / 沭阳县发改局 2023 ----
num('沭阳县政府去年行政许可办了多少件', 'shuyang-gov-2025', 'active.licensing.decisions');
num('沭阳县政府2025年行政处罚决定数量', 'shuyang-gov-2025', 'active.penalty.decisions');
num('沭阳县政府去年收费金额多少', 'shuyang-gov-2025', 'active.fees.amount');
num('沭陽縣政府去年行政復議總數是多少', 'shuyang-gov-2025', 'appeals.review.total');
num('沭阳县政府去年复议被纠错的有几件', 'shuyang-gov-2025', 'appeals.review.corrected');
num('沭阳县政府去年法律服务机构提的申请几件', 'shuyang-gov-2025', 'requests.new.legal_service');
num('沭阳县政府去年从上年结转过来的申请多少件', 'shuyang-gov-2025', 'requests.carried_over.total');
num('沭阳县政府去年申请人逾期不补正的有几件', 'shuyang-gov-2025', 'requests.other.overdue_correction.total');
num('沭阳县政府去年信访举报投诉类申请不予处理的几件', 'shuyang-gov-2025', 'requests.rejected.petition.total');
num('沭阳县政府去年复议后起诉的一共几件', 'shuyang-gov-2025', 'appeals.suit_after_review.total');
num('沭阳县政府去年办结总数多少', 'shuyang-gov-2025', 'requests.total.total');
num('沭阳发改局2023年收到多少件申请', 'shuyang-fgj-2023', 'requests.new.total');
num('沭阳县发改局2023年现行有效规范性文件几件', 'shuyang-fgj-2023', 'active.normative_docs.in_force');
num('沭阳发改局23年印发了几件规范性文件', 'shuyang-fgj-2023', 'active.normative_docs.issued');

// ---- number: 上海市人民政府办公厅 2025 / 2019 ----
num('上海市政府办公厅去年新收申请多少件', 'shanghai-office-2025', 'requests.new.total');
num('上海市政府辦公廳去年本機關不掌握的有多少件', 'shanghai-office-2025', 'requests.unable.not_held.total');
num('上海市府办公厅2025年现行有效规章多少件', 'shanghai-office-2025', 'active.regulations.in_force');
num('上海市政府办公厅去年被直接起诉的案子总共几件', 'shanghai-office-2025', 'appeals.suit_direct.total');
num('上海市政府办公厅去年复议后起诉的多少件', 'shanghai-office-2025', 'appeals.suit_after_review.total');
num('上海市政府办公厅去年结转下年度继续办理几件', 'shanghai-office-2025', 'requests.carried_forward.total');
num('上海市政府办公厅去年信访类申请不予处理多少件', 'shanghai-office-2025', 'requests.rejected.petition.total');
num('上海市政府办公厅去年行政复议总数', 'shanghai-office-2025', 'appeals.review.total');
num('上海市政府办公厅2019年新收了多少申请', 'shanghai-office-2019', 'requests.new.total');
num('上海市政府办公厅2019年制作了几件规章', 'shanghai-office-2019', 'active.regulations.made');
num('上海市政府办公厅2019年政府集中采购总金额', 'shanghai-office-2019', 'active.procurement.amount');
num('上海市政府办公厅2019年结转下年度的申请几件', 'shanghai-office-2019', 'requests.carried_forward.total');

// ---- number: 上海市科委 2024 ----
num('上海市科委前年新收申请多少', 'shanghai-stcsm-2024', 'requests.new.total');
num('市科委2024年行政许可有多少件', 'shanghai-stcsm-2024', 'active.licensing.decisions');
num('上海市科委2024年需要另行制作所以无法提供的有几件', 'shanghai-stcsm-2024', 'requests.unable.need_creation.total');
num('上海科委2024年现行有效规范性文件多少', 'shanghai-stcsm-2024', 'active.normative_docs.in_force');
num('上海市科委2024年申请人逾期不补正的一共几件', 'shanghai-stcsm-2024', 'requests.other.overdue_correction.total');

// ---- number: 平潭 departments ----
num('平潭财政金融局前年收费金额是多少', 'pingtan-finance-2024', 'active.fees.amount');
num('平潭财金局2020年政府集中采购金额多少', 'pingtan-finance-2020', 'active.procurement.amount');
num('平潭审批局2023年收到几件申请', 'pingtan-approval-2023', 'requests.new.total');
num('平潭审批局2023年现行有效规范性文件几件', 'pingtan-approval-2023', 'active.normative_docs.in_force');
num('平潭行政审批局2019年行政许可多少件', 'pingtan-approval-2019', 'active.licensing.decisions');
num('平潭公安局2021年行政处罚多少件', 'pingtan-police-2021', 'active.penalty.decisions');
num('平潭管委会办公室2023年新收申请几件', 'pingtan-office-2023', 'requests.new.total');
num('平潭管委办2023年本机关不掌握的有几件', 'pingtan-office-2023', 'requests.unable.not_held.total');

// ---- numbers: two-year comparisons ----
nums('平潭2023年和2024年新收申请分别是多少', ['pingtan-2023', 'pingtan-2024'], 'requests.new.total');
nums('平潭去年跟前年比，行政许可各多少件', ['pingtan-2025', 'pingtan-2024'], 'active.licensing.decisions');
nums('上海市政府办公厅2019年和2025年新收申请对比一下', ['shanghai-office-2019', 'shanghai-office-2025'], 'requests.new.total');
nums('平潭财政金融局2022年和2024年收费金额各是多少', ['pingtan-finance-2022', 'pingtan-finance-2024'], 'active.fees.amount');
nums('平潭2021、2022两年行政处罚分别多少', ['pingtan-2021', 'pingtan-2022'], 'active.penalty.decisions');
nums('平潭审批局2019年和2023年各收到几件申请', ['pingtan-approval-2019', 'pingtan-approval-2023'], 'requests.new.total');
nums('平潭2022年和2023年直接起诉的行政诉讼各几件', ['pingtan-2022', 'pingtan-2023'], 'appeals.suit_direct.total');
nums('平潭前年和去年本机关不掌握的各多少', ['pingtan-2024', 'pingtan-2025'], 'requests.unable.not_held.total');
nums('平潭2023年、2025年现行有效规范性文件分别几件', ['pingtan-2023', 'pingtan-2025'], 'active.normative_docs.in_force');
nums('平潭2021年和去年的行政事业性收费金额比一下', ['pingtan-2021', 'pingtan-2025'], 'active.fees.amount');

// ---- refuse: agencies, departments or years not in the data; blank cells ----
refuse('福州市2024年政府信息公开新收申请多少', 'another city (福州市), no report');
refuse('厦门市政府办公厅去年行政复议几件', 'another city (厦门市), no report');
refuse('广州市人民政府2025年行政许可多少', 'another province, no report');
refuse('北京市科委2024年新收申请多少件', 'Beijing, not Shanghai: no report');
refuse('平潭今年的年报新收了多少申请', '今年 = 2026: no report yet');
refuse('平潭2018年行政处罚多少件', 'no 2018 report');
refuse('上海市政府办公厅2023年新收申请多少', 'no 2023 report of the office');
refuse('沭阳县发改局去年收到多少申请', 'the 发改局 has only 2023');
refuse('平潭教育局2023年新收申请几件', 'department not in the data (parent zone is)');
refuse('沭阳县教育局去年新收申请多少', 'department not in the data (parent county is)');
refuse('上海市教委2024年新收申请多少', 'department not in the data');
refuse('上海市科委去年新收申请多少件', 'the 科委 has only 2024');
refuse('平潭公安局2024年行政处罚多少', 'the 公安局 has only 2021');
refuse('海坛片区2023年新收申请几件', 'the 海坛片区 has only 2021');
blank('上海市政府办公厅2019年予以公开的总数是多少', 'shanghai-office-2019', 'requests.granted.total');
blank('上海市科委2024年结转下年度继续办理的总计多少', 'shanghai-stcsm-2024', 'requests.carried_forward.total');

// ---- askBack: no year where several exist, vague measure, one-character typos ----
ask('上海市政府办公厅收到多少申请？', 'no year: 2019 and 2025 both exist');
ask('平潭财政金融局收费金额多少', 'no year: 2022 and 2024 both have fees');
ask('平潭财政局新收申请几件', 'no year: 2019, 2020, 2022, 2024');
ask('平潭2023年的规范性文件有多少', 'which of 制发/废止/现行有效');
ask('平潭去年复议诉讼一共多少', '复议 or 诉讼 (which of three rows)');
ask('平潭审批局的规范性文件多少件', 'no year and no measure');
ask('平谭去年行政许可多少', 'typo 平谭', ['pingtan-2025', 'active.licensing.decisions']);
ask('沭阳县发该局2023年新收多少申请', 'typo 发该局', ['shuyang-fgj-2023', 'requests.new.total']);
ask('上海市科未2024年行政许可多少', 'typo 科未', ['shanghai-stcsm-2024', 'active.licensing.decisions']);
ask('沭阳县人民政俯2025年行政许可多少', 'typo 政俯', ['shuyang-gov-2025', 'active.licensing.decisions']);

// ---- text: contacts, addresses, publication dates, problems, fees ----
text('沭阳发改局信息公开的联系电话是多少', 'shuyang-fgj-2023', ['83593059']);
text('海坛片区年报上留的联系电话', 'pingtan-haitan-2021', ['0591-23108001']);
text('平潭审批局2023年报联系电话多少', 'pingtan-approval-2023', ['0591-23153022']);
text('平潭财政金融局前年年报的联系电话', 'pingtan-finance-2024', ['0591-23163551']);
text('平潭管委会办公室2023年报的电话是多少', 'pingtan-office-2023', ['0591-23165385']);
text('沭阳县发改局的地址在哪', 'shuyang-fgj-2023', ['苏州东路42号']);
text('海坛片区管理局的联系地址是哪里', 'pingtan-haitan-2021', ['翠园南路16号']);
text('上海市政府办公厅2019年年报是哪天发布的', 'shanghai-office-2019', ['2020-01-31']);
text('平潭财政金融局2020年的年报什么时候发的', 'pingtan-finance-2020', ['2021-01-28']);
text('平潭审批局2023年年报发布时间', 'pingtan-approval-2023', ['2024-01-30']);
text('沭阳发改局2023年信息公开存在什么问题', 'shuyang-fgj-2023', ['信息公开意识有所松懈', '网民留言回复效率有待提高']);
text('平潭财政金融局2024年报里说存在哪些问题', 'pingtan-finance-2024', ['主动公开意识有待加强']);
text('沭阳发改局2023年有没有收信息公开的费用', 'shuyang-fgj-2023', ['未发生收费情况']);
text('平潭管委办2023年收没收信息处理费', 'pingtan-office-2023', ['未收取信息处理费']);
text('平潭公安局2021年信息处理费收了吗', 'pingtan-police-2021', ['无收取信息处理费情况']);

fs.writeFileSync(path.join(__dirname, 'batch-d.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
const counts = {};
for (const i of items) counts[i.expect.kind] = (counts[i.expect.kind] || 0) + 1;
console.log(items.length, JSON.stringify(counts));
