#!/usr/bin/env node
// Runs one exam batch against the bot as a user would (`nianbao ask --json "…"`, one fresh question each) and
// grades every answer against the expected value read by hand. Usage (see exam/README.md):
//   NIANBAO_DATA_DIR=/tmp/exam-data node exam/run.js exam/batch-b.jsonl [--out exam/results-b.md]
// Grades: right · refused (rightly) · asked back (rightly) · WRONG (a confident number that is not the truth,
// a number where there is none, a wrong agency/year/cell) · failed (no answer, a wrong refusal, an answer
// without the number, a partial comparison).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'bin', 'nianbao.js');

function ask(q) {
  try {
    const out = execFileSync(process.execPath, [cli, 'ask', '--json', q], { encoding: 'utf8', env: process.env, timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out);
  } catch (e) {
    const out = e.stdout ? String(e.stdout) : '';
    try { return JSON.parse(out); } catch { /* not JSON */ }
    return { text: '', status: 'error', error: String(e.stderr || e.message).slice(0, 300) };
  }
}

// Numbers written in the answer, in their own unit and scaled by 万/亿 (242,523,110.82元 · 4068.208万元).
function numbersIn(text) {
  const t = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(\d),(?=\d{3})/g, '$1');
  const found = [];
  for (const m of t.matchAll(/(-?\d+(?:\.\d+)?)\s*(亿|万)?/g)) {
    const n = Number(m[1]);
    found.push(n);
    if (m[2] === '万') found.push(n * 1e4);
    if (m[2] === '亿') found.push(n * 1e8);
  }
  return found;
}
const has = (nums, v) => nums.some((n) => Math.abs(n - v) < 0.005);
// Numbers that are not years (2019, 2019年) nor list/row labels: a sign that the bot gave a value.
function valueNumbers(line) {
  return numbersIn(line.replace(/(19|20)\d\d\s*年?/g, ' ').replace(/[（(][一二三四五六七八九十\d]+[）)]\s*\d?/g, ' '));
}

const aliases = {
  // 平潭县 (350128) is the zone's region: a region answer naming it is the zone's when the line or sum is.
  平潭综合实验区: { any: ['平潭综合实验区', '平潭县'], not: /公安局|财政金融局|海坛|片区|经济发展局|国有资产管理局|行政审批局|管委会办公室/ },
  上海市人民政府办公厅: { any: ['上海市人民政府办公厅', '上海市政府办公厅'] },
  沭阳县发展和改革局: { any: ['沭阳县发展和改革局', '沭阳县发改局'] },
  平潭综合实验区财政金融局: { any: ['财政金融局'] },
  平潭综合实验区海坛片区管理局: { any: ['海坛片区'] },
  平潭综合实验区公安局: { any: ['公安局'] },
  上海市科学技术委员会: { any: ['上海市科学技术委员会', '上海市科委', '市科委'] },
  // The stored name is the OCR's 沐阳县人民政府: accepted, noted in the line.
  沭阳县人民政府: { any: ['沭阳县人民政府', '沭阳县政府', '沐阳县人民政府'] },
  // batch E's agencies: the cited full name (the zone's name before the department's is optional)
  平潭综合实验区金井片区管理局: { any: ['金井片区'] },
  平潭综合实验区君山片区管理局: { any: ['君山片区'] },
  平潭综合实验区苏平片区管理局: { any: ['苏平片区'] },
  平潭综合实验区经济发展局: { any: ['经济发展局'] },
  平潭综合实验区国有资产管理局: { any: ['国有资产管理局'] },
  // batch F's agencies
  平潭综合实验区行政审批局: { any: ['行政审批局'] },
  平潭综合实验区管委会办公室: { any: ['管委会办公室'] },
};
function agencyOk(text, agency) {
  const a = aliases[agency] || { any: [agency] };
  const head = text.split('\n')[0];
  if (a.not && a.not.test(head)) return false;
  return a.any.some((s) => text.includes(s));
}
const yearOk = (text, year) => text.includes(String(year));

// A per-report list (「平潭县2021年各报告…：1. 平潭综合实验区 2,293件 2. …」): the line of the asked agency.
function listLine(text, agency) {
  const rows = text.split('\n').filter((l) => /^\d+\.\s/.test(l));
  if (rows.length === 0) return null;
  const a = aliases[agency] || { any: [agency] };
  const row = rows.find((l) => a.any.some((s) => l.includes(s)) && !(a.not && a.not.test(l)));
  return { rows: rows.length, line: row ? row.replace(/^\d+\.\s*/, '') : '' };
}

function gradeNumber(e, ans) {
  const text = ans.text || '';
  if (ans.status === 'asked_back') return ['failed', 'asked back on a clear question'];
  if (ans.status !== 'answered') return ['failed', `not answered (${ans.status})`];
  const list = listLine(text, e.agency);
  if (list) {
    if (!list.line) return ['WRONG', `a list of ${list.rows} reports without ${e.agency}`];
    if (!has(numbersIn(list.line), e.value)) return ['WRONG', `expected ${e.value} on the line of ${e.agency}`];
    if (!yearOk(text, e.year)) return ['WRONG', `year ${e.year} not cited`];
    return ['right', list.rows > 1 ? `in a list of ${list.rows} reports (agency not resolved)` : 'as a one-report region list'];
  }
  const nums = numbersIn(text);
  if (!has(nums, e.value)) {
    return valueNumbers(text).length ? ['WRONG', `expected ${e.value}`] : ['failed', `no value in the answer (expected ${e.value})`];
  }
  if (!agencyOk(text, e.agency)) return ['WRONG', `agency not ${e.agency}`];
  if (!yearOk(text, e.year)) return ['WRONG', `year ${e.year} not cited`];
  const keys = (ans.cells || []).map((c) => c.key);
  // The true value read from another cell (e.g. 新收 218 = 总计 218): misunderstood, but no wrong number shown.
  if (e.key && !e.sum && keys.length && !keys.includes(e.key)) return ['failed', `right value from another cell ${keys.join(',')} ≠ ${e.key}`];
  return ['right', ''];
}

function gradeNumbers(e, ans) {
  const text = ans.text || '';
  if (ans.status === 'asked_back') return ['failed', 'asked back on a clear question'];
  if (ans.status !== 'answered') return ['failed', `not answered (${ans.status})`];
  const nums = numbersIn(text);
  const hits = e.values.filter((v) => has(nums, v)).length;
  const years = e.years.filter((y) => yearOk(text, y)).length;
  if (hits === e.values.length && years === e.years.length && agencyOk(text, e.agency)) return ['right', ''];
  if (hits === 0) return ['WRONG', `expected ${e.values.join(' / ')}`];
  // A year's own line (「平潭综合实验区2022年：70件」) with another number is a wrong number, not a gap.
  const lines = text.split('\n');
  for (let i = 0; i < e.years.length; i += 1) {
    const line = lines.find((l) => new RegExp(`${e.years[i]}年[^，。]{0,30}[:：]`).test(l));
    if (line && !has(numbersIn(line.split(/[:：]/).slice(1).join(':')), e.values[i])) return ['WRONG', `${e.years[i]}: expected ${e.values[i]}`];
  }
  return ['failed', `partial: ${hits}/${e.values.length} values, ${years}/${e.years.length} years (expected ${e.values.join(' / ')})`];
}

function gradeRefuse(e, ans) {
  const text = ans.text || '';
  if (ans.status === 'no_data' || ans.status === 'refused') return ['refused', ''];
  if (ans.status === 'asked_back') return ['failed', 'asked back where the answer is a refusal'];
  if (ans.status !== 'answered') return ['failed', `status ${ans.status}`];
  if (/blank/.test(e.note || '') && /空白|未填|没有填/.test(text)) return ['refused', 'said blank'];
  return valueNumbers(text).length ? ['WRONG', `a number where there is none (${e.note})`] : ['failed', `answered without refusing (${e.note})`];
}

function gradeAskBack(e, ans) {
  if (ans.status === 'asked_back') return ['asked back', ''];
  if (ans.status === 'answered' && e.alsoOk) {
    const [g, why] = gradeNumber(e.alsoOk, ans);
    if (g === 'right') return ['right', 'answered the likely reading'];
    return [g, why];
  }
  if (ans.status === 'answered') return valueNumbers(ans.text || '').length ? ['WRONG', `guessed on an ambiguous question (${e.note})`] : ['failed', `answered without asking back (${e.note})`];
  return ['failed', `status ${ans.status}`];
}

/** 「2020-01-31」 as a Chinese text writes it (2020年1月31日): the same date; any other string unchanged. */
function chineseDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
}

function gradeText(e, ans) {
  const text = ans.text || '';
  if (ans.status !== 'answered') return ['failed', `not answered (${ans.status})`];
  if (!e.anyOf.some((s) => text.includes(s) || text.includes(chineseDate(s)))) return ['failed', `text lacks 「${e.anyOf[0]}」`];
  if (e.agency && !agencyOk(text, e.agency)) return ['WRONG', `agency not ${e.agency}`];
  return ['right', ''];
}

const graders = { number: gradeNumber, numbers: gradeNumbers, refuse: gradeRefuse, askBack: gradeAskBack, text: gradeText };

function expectLabel(e) {
  switch (e.kind) {
    case 'number': return `${e.agency} ${e.year} ${e.keys && e.sum ? e.keys.length + ' cells sum' : e.key} = ${e.value}${e.unit || ''}`;
    case 'numbers': return `${e.agency} ${e.years.join('/')} ${e.key} = ${e.values.join(' / ')}`;
    case 'text': return `text ∋ 「${e.anyOf.join('」|「')}」`;
    case 'askBack': return `ask back (${e.note})${e.alsoOk ? ` or ${e.alsoOk.value}` : ''}`;
    default: return `refuse (${e.note})`;
  }
}

function main() {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const flagValues = new Set(['--out', '--limit', '--regrade'].filter((f) => args.includes(f)).map((f) => args[args.indexOf(f) + 1]));
  const file = args.find((a) => !a.startsWith('--') && !flagValues.has(a));
  if (!file) { console.error('usage: node exam/run.js exam/batch-b.jsonl [--out exam/results-b.md] [--limit N] [--regrade exam/results-b.json]'); process.exit(2); }
  const base = path.basename(file).replace(/^batch-/, 'results-').replace(/\.jsonl$/, '.md');
  const out = outIdx >= 0 ? args[outIdx + 1] : path.join(path.dirname(file), base);
  const limIdx = args.indexOf('--limit');
  let items = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  if (limIdx >= 0) items = items.slice(0, Number(args[limIdx + 1]));
  // --regrade results-a.json: grade the answers saved by an earlier run again (after a grader fix), asking nothing.
  const reIdx = args.indexOf('--regrade');
  const saved = reIdx >= 0 ? new Map(JSON.parse(fs.readFileSync(args[reIdx + 1], 'utf8')).map((r) => [r.q, r.answer])) : null;

  const totals = { right: 0, refused: 0, 'asked back': 0, WRONG: 0, failed: 0 };
  const lines = [];
  const raw = [];
  let via = '';
  items.forEach((item, i) => {
    const ans = saved ? saved.get(item.q) || { text: '', status: 'not asked' } : ask(item.q);
    via = ans.via || via;
    const [grade, why] = graders[item.expect.kind](item.expect, ans);
    totals[grade] += 1;
    const said = (ans.text || ans.error || '').replace(/\n/g, ' ⏎ ').slice(0, 260);
    lines.push(`| ${i + 1} | ${grade} | ${item.q} | ${expectLabel(item.expect)} | ${ans.status} | ${why} | ${said.replace(/\|/g, '¦')} |`);
    raw.push({ n: i + 1, q: item.q, expect: item.expect, grade, why, answer: ans });
    process.stderr.write(`${i + 1}/${items.length} ${grade} ${item.q}\n`);
  });

  const sum = `right ${totals.right} · rightly refused ${totals.refused} · rightly asked back ${totals['asked back']} · WRONG ${totals.WRONG} · failed ${totals.failed} (of ${items.length})`;
  const wrong = raw.filter((r) => r.grade === 'WRONG');
  // The examiner's reading of the causes, written after a run (exam/notes-a.md for batch-a.jsonl), if any.
  const notesFile = path.join(path.dirname(file), path.basename(file).replace(/^batch-/, 'notes-').replace(/\.jsonl$/, '.md'));
  const notes = fs.existsSync(notesFile) ? ['', fs.readFileSync(notesFile, 'utf8').trim(), ''] : [];
  const md = [
    `# Exam results: ${path.basename(file)}`,
    '',
    saved
      ? `Graded ${new Date().toISOString()} from the answers saved in ${args[reIdx + 1]} (nothing asked again).`
      : `Run ${new Date().toISOString()} against \`nianbao ask --json\` (via ${via || 'local'}), data folder ${process.env.NIANBAO_DATA_DIR || '(default)'}.`,
    '',
    `**${sum}**`,
    ...notes,
    '',
    '## Wrong numbers (the worst)',
    '',
    ...(wrong.length ? wrong.map((r) => `- ${r.n}. 「${r.q}」 — expected ${expectLabel(r.expect)}; ${r.why}; the bot said: ${(r.answer.text || '').replace(/\n/g, ' ⏎ ')}`) : ['none']),
    '',
    '## Every question',
    '',
    '| # | grade | question | expected | status | why | the bot said |',
    '|---|---|---|---|---|---|---|',
    ...lines,
    '',
  ].join('\n');
  fs.writeFileSync(out, md);
  fs.writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify(raw, null, 1));
  console.log(sum);
  console.log(`written ${out} and ${out.replace(/\.md$/, '.json')}`);
}

main();
