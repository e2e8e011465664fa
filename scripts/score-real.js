#!/usr/bin/env node
/**
 * Scores the built parser (dist/) on every real report with hand-read values (test/fixtures/real and real-extra):
 * per file the cells right, wrong, missing, and unrecoverable cells guessed. A measurement, not a test: the open
 * files of real-extra are listed here too. Run: npx tsc -p tsconfig.json && node scripts/score-real.js [-v]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseReport } = require('../dist/src/parser');

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');
const LEGAL = /^requests\..*\.(commercial|research|social_org|legal_service|other_org)$/;

async function score(corpus, file) {
  const slug = file.replace(/\.(html|txt|md|pdf)$/, '');
  const exp = JSON.parse(fs.readFileSync(path.join(FIXTURES, corpus, 'expected', `${slug}.json`), 'utf8'));
  const report = await parseReport({ fileName: file, content: fs.readFileSync(path.join(FIXTURES, corpus, 'reports', file)) });
  const got = new Map(report.cells.map((c) => [c.key, c.value]));
  const unrecoverable = new Set(exp.unrecoverable ?? []);
  const s = { ok: 0, wrong: 0, missing: 0, guessed: 0, bad: [] };
  for (const [k, v] of Object.entries(exp.cells)) {
    if (unrecoverable.has(k)) continue;
    if (!got.has(k)) { s.missing++; s.bad.push(`${k}: missing (${v})`); } else if (got.get(k) === v) s.ok++; else { s.wrong++; s.bad.push(`${k}: ${got.get(k)} (expected ${v})`); }
  }
  for (const [k, g] of got) {
    if (unrecoverable.has(k)) { s.guessed++; s.bad.push(`${k}: guessed ${g}`); } else if (!(k in exp.cells) && g !== 0 && g !== null && LEGAL.test(k)) { s.wrong++; s.bad.push(`${k}: ${g} (expected 0)`); }
  }
  const agencyOk = [report.agency.name, report.agency.fullName].includes(exp.agency);
  return { ...s, agency: `${report.agency.name}/${report.agency.region?.code ?? '-'}${agencyOk ? '' : ` (expected ${exp.agency})`}`, listed: Object.keys(exp.cells).length - [...unrecoverable].filter((k) => k in exp.cells).length };
}

(async () => {
  const verbose = process.argv.includes('-v');
  for (const corpus of ['real', 'real-extra']) {
    for (const file of fs.readdirSync(path.join(FIXTURES, corpus, 'reports')).sort()) {
      const s = await score(corpus, file).catch((e) => ({ error: e.message }));
      if (s.error) { console.log(`${corpus}/${file}: refused: ${s.error}`); continue; }
      console.log(`${corpus}/${file}: ${s.ok}/${s.listed} right, ${s.wrong} wrong, ${s.missing} missing, ${s.guessed} guessed; agency ${s.agency}`);
      if (verbose) for (const b of s.bad) console.log(`    ${b}`);
    }
  }
})();
