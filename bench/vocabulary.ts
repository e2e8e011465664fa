import 'reflect-metadata';
import { startApp } from '../src/app';
import { fillAgencyVocabulary } from '../src/ingest';

/**
 * How long the bot takes to load its vocabulary and agency index (what a server's first question, or a cold
 * `nianbao ask`, waits for): `node dist/bench/vocabulary.js <data folder> [rounds]` on an existing data folder
 * (e.g. one kept by `npm run bench -- --data DIR`). Prints each round and the median. A folder from before the
 * agency vocabulary was kept gets it first, as `nianbao serve` would fill it (timed apart).
 */
async function main(): Promise<void> {
  const [dataDir, roundsText = '5'] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: node dist/bench/vocabulary.js <data folder> [rounds]');
  const quiet = { info: () => {}, warn: () => {}, error: (m: string) => console.error(m) };
  const app = await startApp({ dataDir, samples: false, logger: quiet });
  try {
    const t0 = process.hrtime.bigint();
    const filled = await fillAgencyVocabulary(app.db.dataSource);
    if (filled > 0) console.log(`agency vocabulary filled for ${filled} agencies in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
    const times: number[] = [];
    for (let i = 0; i < Number(roundsText); i++) {
      const t = process.hrtime.bigint();
      app.engine.invalidate();
      await app.engine.ready();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`vocabulary + agency index: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
