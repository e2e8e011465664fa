/**
 * Text/HTML parsing speed on real reports: parseReport over test/fixtures/real and real-extra (every text, HTML and
 * Markdown file), in memory, on one core. Real pages are longer and messier than the generated corpus of run.ts.
 * Run: npx tsc -p tsconfig.json && node dist/bench/real.js [rounds]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../src/parser';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 50);
  const docs = ['real', 'real-extra'].flatMap((corpus) => {
    const dir = path.join(FIXTURES, corpus, 'reports');
    // PDF variants go through pdf.js in a worker (bench/run.ts and the PDF tests measure that path).
    return readdirSync(dir).filter((name) => !name.endsWith('.pdf')).map((name) => ({ name, content: readFileSync(path.join(dir, name)) }));
  });
  for (const d of docs) await parseReport({ fileName: d.name, content: d.content }); // warm the JIT
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) await parseReport({ fileName: d.name, content: d.content });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const n = rounds * docs.length;
  const kb = docs.reduce((s, d) => s + d.content.length, 0) / 1024;
  console.log(`${n} real reports (${docs.length} files, ${kb.toFixed(0)} KB, × ${rounds}) in ${seconds.toFixed(2)} s wall: ${(n / seconds).toFixed(0)} reports/s; ${(n / cpuSeconds).toFixed(0)} reports per CPU-second`);
}

void main();
