import type { Pool } from 'pg';
import { connectBot } from '../src/app';
import { SAY } from '../src/bot/vocabulary';
import { silentLogger } from '../src/contracts';
import { percentile } from './load';
import { createRng } from './prng';
import type { Targets } from './scenarios';

export interface AskStats {
  p50: number;
  p99: number;
}

// Wordings officials use (the bot's vocabulary); 政府采购 exists only in the 2019 template.
const BOTH_FORMATS = ['收到的申请数', '予以公开数', '行政复议数', '行政处罚决定数量', '结转下年度继续办理的申请'];
const ONLY_2019 = ['政府采购金额', '采购项目数量'];

interface Place {
  name: string;
  county: string;
  province: string;
  year: number;
  format: string;
}

async function places(pool: Pool): Promise<Place[]> {
  const rows = await pool.query<Place>(
    `SELECT a.name, c.name AS county, p.name AS province, r.year, r.format
     FROM reports r JOIN agencies a ON a.id = r.agency_id
     JOIN regions c ON c.code = left(r.region_code, 6) JOIN regions p ON p.code = left(r.region_code, 2)
     WHERE r.format IS NOT NULL ORDER BY a.identity, r.year`,
  );
  return rows.rows;
}

/**
 * `nianbao ask` as an official uses it: the bot's engine with its HTTP GraphQL client against the running (warm)
 * server, one question after another. Mostly value look-ups named with their county (township names repeat across
 * China), some rankings and province totals. An answer that is an error or 「服务暂时不可用」 fails the run.
 */
export async function measureAsk(
  url: string,
  count: number,
  seed: string,
  _targets: Targets,
  pool: Pool,
  details: Record<string, unknown>,
): Promise<AskStats> {
  const { engine } = await connectBot(url, { logger: silentLogger, botLogger: silentLogger });
  const t0 = performance.now();
  await engine.ready();
  const readySeconds = (performance.now() - t0) / 1000;
  const rng = createRng(`${seed}:ask`);
  const all = await places(pool);
  const questions: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = rng.pick(all);
    const what = rng.pick(p.format === '2019' && rng.chance(0.4) ? ONLY_2019 : BOTH_FORMATS);
    const r = rng.next();
    if (r < 0.8) questions.push(`${p.county}${p.name}${p.year}年${what}`);
    else if (r < 0.9) questions.push(`${p.year}年${p.province}哪个乡镇${what}最多`);
    else questions.push(`${p.province}${p.year}年${what}总数`);
  }
  for (const q of questions.slice(0, 20)) await engine.ask(q); // warm
  const latencies: number[] = [];
  const kinds = { withCells: 0, other: 0, failed: 0 };
  const failures: string[] = [];
  for (const q of questions) {
    const t = performance.now();
    const answer = await engine.ask(q);
    latencies.push(performance.now() - t);
    if (answer.status === 'unavailable' || answer.text === SAY.failed) {
      kinds.failed++;
      if (failures.length < 5) failures.push(`${q} → ${answer.text}`);
    } else if (answer.cells.length > 0) kinds.withCells++;
    else kinds.other++;
  }
  latencies.sort((a, b) => a - b);
  const stats = { p50: Math.round(percentile(latencies, 50) * 100) / 100, p99: Math.round(percentile(latencies, 99) * 100) / 100 };
  details.ask = { questions: questions.length, readySeconds: Math.round(readySeconds * 100) / 100, answers: kinds, examples: questions.slice(0, 5), failures };
  process.stderr.write(
    `bench: ask: ${questions.length} questions, p50 ${stats.p50} ms, p99 ${stats.p99} ms (engine ready in ${readySeconds.toFixed(2)} s; ` +
      `${kinds.withCells} answered with cells, ${kinds.other} other answers, ${kinds.failed} failed)\n`,
  );
  if (kinds.failed > 0) throw new Error(`ask: ${kinds.failed} questions failed, e.g. ${failures[0]}`);
  return stats;
}
