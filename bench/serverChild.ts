import 'reflect-metadata';
import { startApp } from '../src/app';

/**
 * The GraphQL server of a benchmark run, in its own process: its memory is its own, and the load generator does not
 * share its event loop. Talks to the runner over the fork IPC channel.
 */
export type ChildRequest = { type: 'memory'; gc?: boolean } | { type: 'cpu' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'memory'; rssMb: number; heapUsedMb: number }
  | { type: 'cpu'; ms: number; systemMs: number }
  | { type: 'failed'; message: string };

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
  const quiet = { info: () => {}, warn: () => {}, error: (m: string) => console.error(`server: ${m}`) };
  // The application as every command builds it, on the runner's database (which it filled itself).
  const app = await startApp({ databaseUrl, logSql: process.env.BENCH_LOG_SQL === '1', samples: false, logger: quiet,
    // The load generator is one client address: the per-address rate limit would answer it 429.
    server: { rateLimit: 0 } });
  const server = app.server;
  const listening = await server.listen(0, '127.0.0.1');
  const send = (m: ChildMessage) => process.send?.(m);
  process.on('message', (m: ChildRequest) => {
    if (m.type === 'memory') {
      if (m.gc) (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      send({ type: 'memory', rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) });
    } else if (m.type === 'cpu') {
      const usage = process.cpuUsage();
      send({ type: 'cpu', ms: (usage.user + usage.system) / 1000, systemMs: usage.system / 1000 });
    } else if (m.type === 'stop') {
      void app.close().finally(() => process.exit(0));
    }
  });
  // The runner going away (crash, Ctrl-C) must not leave a server behind.
  process.on('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
  send({ type: 'ready', url: `${listening.url}/graphql` });
}

main().catch((e: unknown) => {
  process.send?.({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ChildMessage);
  process.exit(1);
});
