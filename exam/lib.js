#!/usr/bin/env node
// The exam generators' shared lookups (batches F, G, H): every expected number is read by canonical key from the
// hand-read expected files (test/fixtures/real*/expected/*.json), never typed; every expected text is checked
// against the report files of its page. A page = all expected files named <slug>, <slug>-txt or <slug>-chromium*;
// a cell is used only when it is non-null, not unrecoverable, and equal in every file of the page.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dirs = ['test/fixtures/real', 'test/fixtures/real-extra'].map((d) => path.join(root, d));
const variant = (slug, base) => base === slug || base === `${slug}-txt` || base.startsWith(`${slug}-chromium`);

function pageFiles(slug) {
  const out = [];
  for (const d of dirs) {
    for (const f of fs.readdirSync(path.join(d, 'expected'))) {
      if (variant(slug, f.replace(/\.json$/, ''))) out.push(JSON.parse(fs.readFileSync(path.join(d, 'expected', f), 'utf8')));
    }
  }
  if (out.length === 0) throw new Error(`no expected file for ${slug}`);
  return out;
}

/** The value of one cell of a page, refusing a cell that is missing, blank, unrecoverable or unequal across files. */
function cell(slug, key, { allowNull = false } = {}) {
  const files = pageFiles(slug);
  const vals = files.map((e) => {
    if ((e.unrecoverable || []).includes(key)) throw new Error(`${slug} ${key} unrecoverable`);
    if (!(key in e.cells)) throw new Error(`${slug} ${key} missing`);
    return e.cells[key];
  });
  if (vals.some((v) => v !== vals[0])) throw new Error(`${slug} ${key} differs across files: ${vals}`);
  if (vals[0] === null && !allowNull) throw new Error(`${slug} ${key} blank`);
  return { value: vals[0], agency: files[0].agency, year: files[0].year };
}

/** A key the page's files list as unrecoverable (for a refusal). */
function unrecoverable(slug, key) {
  if (!pageFiles(slug).every((e) => (e.unrecoverable || []).includes(key))) throw new Error(`${slug} ${key} not unrecoverable`);
}

/** No page of this agency for this year (for a refusal). */
function noReport(agencySlugPrefix, year) {
  for (const d of dirs) {
    for (const f of fs.readdirSync(path.join(d, 'expected'))) {
      const e = JSON.parse(fs.readFileSync(path.join(d, 'expected', f), 'utf8'));
      if (f.startsWith(agencySlugPrefix) && e.year === year) throw new Error(`${agencySlugPrefix} ${year} exists (${f})`);
    }
  }
}

function reportTexts(slug) {
  const out = [];
  for (const d of dirs) {
    for (const f of fs.readdirSync(path.join(d, 'reports'))) {
      const base = f.replace(/\.[a-z0-9]+$/, '');
      if (variant(slug, base) && /\.(txt|html|md)$/.test(f)) out.push(fs.readFileSync(path.join(d, 'reports', f), 'utf8'));
    }
  }
  if (out.length === 0) throw new Error(`no text report for ${slug}`);
  return out;
}

const unitOf = (key) => (/\.amount$/.test(key) ? '元' : '件');
function num(q, slug, key) {
  const c = cell(slug, key);
  return { q, expect: { kind: 'number', value: c.value, unit: unitOf(key), agency: c.agency, year: c.year, key } };
}
function nums(q, pairs) {
  const cs = pairs.map(([slug, key]) => ({ ...cell(slug, key), key }));
  if (new Set(cs.map((c) => c.agency)).size !== 1) throw new Error(`comparison over agencies: ${q}`);
  return { q, expect: { kind: 'numbers', values: cs.map((c) => c.value), years: cs.map((c) => c.year), agency: cs[0].agency, keys: cs.map((c) => c.key), unit: unitOf(cs[0].key) } };
}
const refuse = (q, note) => ({ q, expect: { kind: 'refuse', note } });
function askBack(q, note, likely) {
  const e = { kind: 'askBack', note };
  if (likely) e.alsoOk = num('', likely[0], likely[1]).expect;
  return { q, expect: e };
}
function text(q, slug, anyOf) {
  const texts = reportTexts(slug);
  for (const s of anyOf) if (!texts.every((t) => t.includes(s))) throw new Error(`${slug}: 「${s}」 not in every report file`);
  return { q, expect: { kind: 'text', anyOf, agency: pageFiles(slug)[0].agency } };
}

// ---- questions of each kind, with their source for the notes ----
/** A row sum the README documents (被起诉, 不予公开, 无法提供, 不予处理): every cell looked up, then added. */
function sum(q, slug, keys) {
  const cs = keys.map((k) => cell(slug, k));
  const value = Math.round(cs.reduce((a, c) => a + c.value, 0) * 100) / 100;
  return { q, expect: { kind: 'number', sum: true, keys, value, unit: unitOf(keys[0]), agency: cs[0].agency, year: cs[0].year }, src: `${slug}: ${keys.join(' + ')}` };
}
/** A cell the page's form lacks (政府集中采购 in a 2021-form report): absent from every file, not merely unrecoverable. */
function absent(slug, key) {
  for (const e of pageFiles(slug)) {
    if (key in e.cells || (e.unrecoverable || []).includes(key)) throw new Error(`${slug} ${key} exists`);
  }
}
/** The years of the pages whose slug starts with the prefix (an ambiguous question without a year needs ≥ 2). */
function yearsOf(prefix, exclude) {
  const ys = new Set();
  for (const d of dirs) {
    for (const f of fs.readdirSync(path.join(d, 'expected'))) {
      if (f.startsWith(prefix) && !(exclude && exclude.test(f))) ys.add(JSON.parse(fs.readFileSync(path.join(d, 'expected', f), 'utf8')).year);
    }
  }
  return [...ys].sort();
}
function needYears(prefix, n, exclude) {
  const ys = yearsOf(prefix, exclude);
  if (ys.length < n) throw new Error(`${prefix}: only ${ys}`);
  return ys;
}
const withSrc = (item, src) => ({ ...item, src });
const N = (q, slug, key) => withSrc(num(q, slug, key), `${slug}: ${key}`);
const NN = (q, pairs) => withSrc(nums(q, pairs), pairs.map(([s, k]) => `${s}: ${k}`).join(' · '));
const T = (q, slug, anyOf) => withSrc(text(q, slug, anyOf), `${slug}: text 「${anyOf.join('」|「')}」`);
const R = (q, note, src) => withSrc(refuse(q, note), src);
const B = (q, note, src, likely) => withSrc(askBack(q, note, likely), likely ? `${src}; alsoOk ${likely[0]}: ${likely[1]}` : src);

// ---- checks and row groups of batches G and H ----
const suits = ['appeals.suit_direct.total', 'appeals.suit_after_review.total'];
const denied = ['state_secret', 'law_forbidden', 'three_safety', 'third_party', 'internal', 'process', 'enforcement_file', 'query'].map((r) => `requests.denied.${r}.total`);
const unable = ['not_held', 'need_creation', 'unclear'].map((r) => `requests.unable.${r}.total`);
const rejected = ['petition', 'repeat', 'publication', 'excessive', 'confirm'].map((r) => `requests.rejected.${r}.total`);

/** 「法人提的」 read as one column: only where that column is the whole 法人或其他组织 part (total − 自然人). */
function onlyLegal(slug, row, col) {
  const t = cell(slug, `requests.${row}.total`).value, n = cell(slug, `requests.${row}.natural_person`).value;
  const c = cell(slug, `requests.${row}.${col}`).value;
  if (t - n !== c) throw new Error(`${slug} ${row}: 法人 part ${t - n} is not ${col} ${c}`);
}
/** Readings of one ambiguous word that must give different numbers (else the question is not ambiguous). */
function differ(slug, keys) {
  const vs = keys.map((k) => cell(slug, k).value);
  if (new Set(vs).size !== vs.length) throw new Error(`${slug}: readings ${keys} not all different (${vs})`);
}
/** An agency the data lacks: no expected file names it. */
function notInData(word) {
  for (const d of dirs) {
    for (const f of fs.readdirSync(path.join(d, 'expected'))) {
      if (fs.readFileSync(path.join(d, 'expected', f), 'utf8').includes(word)) throw new Error(`${word} is in ${f}`);
    }
  }
}
const blank = (slug, key) => { if (cell(slug, key, { allowNull: true }).value !== null) throw new Error(`${slug} ${key} not blank`); };
const first = (fn, ...a) => { fn(...a); return a.join(' '); };
// numbers of one year (two values in one question): the same record as a comparison
const TWO = (q, slug, k1, k2) => { const it = NN(q, [[slug, k1], [slug, k2]]); it.expect.key = `${k1} + ${k2}`; return it; };
const CMP = (q, pairs) => { const it = NN(q, pairs); it.expect.key = pairs[0][1]; return it; };
const SUM = (q, slug, keys) => sum(q, slug, keys);

module.exports = { suits, denied, unable, rejected, onlyLegal, differ, notInData, blank, first, TWO, CMP, SUM, root, dirs, variant, pageFiles, cell, unrecoverable, noReport, reportTexts, unitOf, num, nums, refuse, askBack, text, sum, absent, yearsOf, needYears, withSrc, N, NN, T, R, B };
