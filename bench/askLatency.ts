import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The whole `node bin/nianbao.js ask "…"` process, as an official waits for it (issue 15): cold (no server: the ask
 * opens the data folder itself) and with a `nianbao serve` running on the same folder (the ask answers through it).
 *
 *   node dist/bench/askLatency.js [rounds] [data folder]
 *
 * Without a folder, a new one is made (the first ask ingests the samples into it, not counted). Prints p50 / p90 in ms.
 */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'nianbao.js');
const QUESTION = '白土镇2020年政府采购金额';

function timedAsk(env: NodeJS.ProcessEnv): { ms: number; via: string } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, 'ask', '--json', QUESTION], { cwd: ROOT, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`ask failed (${r.status}): ${r.stderr}`);
  return { ms, via: (JSON.parse(r.stdout) as { via: string }).via };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

function series(label: string, rounds: number, env: NodeJS.ProcessEnv): void {
  const runs = Array.from({ length: rounds }, () => timedAsk(env));
  const ms = runs.map((r) => r.ms);
  const via = [...new Set(runs.map((r) => r.via))].join(', ');
  console.log(`${label}: p50 ${quantile(ms, 0.5).toFixed(0)} ms, p90 ${quantile(ms, 0.9).toFixed(0)} ms over ${rounds} (answered via ${via})`);
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 10);
  let dataDir = process.argv[3];
  if (!dataDir) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-asklatency-'));
    chmodSync(dataDir, 0o755); // postgres runs as its own OS user
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: dataDir, PORT: '0' };
  delete env.DATABASE_URL;
  delete env.NIANBAO_URL;
  timedAsk(env); // a new folder: initdb and the samples
  series('cold (no server)', rounds, env);
  const serve = spawn(process.execPath, ['--max-semi-space-size=64', BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  serve.stdout!.on('data', (d) => (out += d));
  while (!/GraphQL\s/.test(out)) {
    if (serve.exitCode !== null) throw new Error(`serve exited: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    timedAsk(env); // the server's bot loads its vocabulary on its first question
    series('with nianbao serve running', rounds, env);
  } finally {
    const exited = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGTERM');
    await exited;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
