import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { BotConnection } from '../app';
import { DEFAULT_PREFIX, loadApp } from '../app/load';
import type { Logger } from '../contracts';
import { validEndpoint } from './ask';
import { oneLine } from './ingest';

/**
 * `nianbao bot`: the WeChat bot. The puppet comes from the standard Wechaty variables (WECHATY_PUPPET,
 * WECHATY_PUPPET_SERVICE_TOKEN, …); data from the local data folder or `--endpoint`. Runs until Ctrl-C.
 */

interface BotOptions {
  endpoint?: string;
  prefix: string;
  rooms?: string;
  roomLimit: number;
  personLimit: number;
  name: string;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${value}"`);
  return n;
}

const log = (level: string) => (m: string) => process.stderr.write(`${new Date().toISOString()} ${level} ${m}\n`);
const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };

export function registerBot(program: Command, setExit: (code: number) => void): void {
  program
    .command('bot')
    .description('run the WeChat bot (puppet from WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN)')
    .option('--endpoint <url>', 'a running nianbao GraphQL server instead of the local data folder')
    .option('--prefix <text>', 'in groups, also answer messages starting with this (empty: only @-mentions)', DEFAULT_PREFIX)
    .option('--rooms <list>', 'only these groups: comma-separated ids or topics (default: every group)')
    .option('--room-limit <n>', 'questions per group per minute', positive, 20)
    .option('--person-limit <n>', 'questions per person per minute', positive, 6)
    .option('--name <name>', 'Wechaty name (its login session file is kept under this name)', 'nianbao')
    .action(async (opts: BotOptions) => {
      setExit(await runBot(opts));
    });
}

async function runBot(opts: BotOptions): Promise<number> {
  let graph: BotConnection | null = null;
  try {
    const app = loadApp();
    graph = await app.connectBot(opts.endpoint ? validEndpoint(opts.endpoint) : undefined, { botLogger: logger });
    const engine = graph.engine;
    await engine.ready().catch((e: Error) => logger.warn(`vocabulary not loaded yet (${e.message}); retrying on the first question`));
    // required here, not imported at the top: loading Wechaty takes over a second that the other commands should not pay
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { WechatyBuilder } = require('wechaty') as typeof import('wechaty', { with: { 'resolution-mode': 'require' } });
    const bot = WechatyBuilder.build({ name: opts.name });
    const rooms = opts.rooms?.split(',').map((r) => r.trim()).filter(Boolean);
    const channel = new app.WechatyChannel(bot, {
      answerer: engine, prefix: opts.prefix, rooms, logger,
      roomLimit: { limit: opts.roomLimit, windowMs: 60_000 },
      personLimit: { limit: opts.personLimit, windowMs: 60_000 },
    });
    // listening before the start is announced: a supervisor reading the log may signal at once
    const signalled = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await bot.start();
    logger.info(`bot started (puppet ${process.env.WECHATY_PUPPET ?? 'default'}); waiting for scan / login`);
    await signalled;
    logger.info('stopping');
    await channel.drain(); // a chart being rendered is still sent
    await bot.stop();
    return 0;
  } catch (e) {
    process.stderr.write(`nianbao bot: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  } finally {
    await graph?.close().catch(() => undefined);
  }
}
