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

module.exports = { root, dirs, variant, pageFiles, cell, unrecoverable, noReport, reportTexts, unitOf, num, nums, refuse, askBack, text, sum, absent, yearsOf, needYears, withSrc, N, NN, T, R, B };
