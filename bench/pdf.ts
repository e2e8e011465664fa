/**
 * PDF parsing speed: parseReport on the PDF fixtures (test/fixtures/pdf/), one after another, in memory.
 * pdf.js runs in its worker thread while this thread waits, so one core is busy at a time; the CPU time of the
 * process (both threads) is reported beside the wall time.
 * Run: npx tsc -p tsconfig.json && node dist/bench/pdf.js [rounds]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../src/parser';

const DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'pdf');

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 10);
  const names = readdirSync(DIR).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', ''));
  const docs = names.map((name) => ({ name, content: readFileSync(path.join(DIR, `${name}.pdf`)) }));
  const expectedCells = new Map(names.map((n) => [n, Object.keys(JSON.parse(readFileSync(path.join(DIR, `${n}.expected.json`), 'utf8')).cells).length]));
  for (const d of docs) await parseReport({ fileName: d.name, content: d.content }); // load pdf.js, warm the JIT
  const perFile = new Map<string, number>();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      const t = performance.now();
      const report = await parseReport({ fileName: d.name, content: d.content });
      perFile.set(d.name, (perFile.get(d.name) ?? 0) + performance.now() - t);
      if (report.cells.length !== expectedCells.get(d.name)) throw new Error(`${d.name}: ${report.cells.length} cells, expected ${expectedCells.get(d.name)}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const n = rounds * docs.length;
  console.log(`${n} PDF reports (${docs.length} fixtures × ${rounds}) in ${seconds.toFixed(2)} s: ${(n / seconds).toFixed(2)} reports/s; CPU ${cpuSeconds.toFixed(2)} s = ${(n / cpuSeconds).toFixed(2)} reports per CPU-second`);
  for (const [name, ms] of perFile) console.log(`  ${name}: ${(ms / rounds).toFixed(0)} ms`);
}

void main();
