import type { Command } from 'commander';
import type { BotConnection } from '../app';
import { loadApp } from '../app/load';
import { oneLine } from './ingest';

/**
 * `nianbao ask "问题"`: one answer on stdout. Data from the local data folder (embedded PostgreSQL, the graph run
 * in-process) or from a running server with `--endpoint URL`; either way the bot reads only through GraphQL.
 */

export function validEndpoint(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through to the message below
  }
  throw new Error(`--endpoint must be an http(s) URL such as http://127.0.0.1:4000/graphql (got "${value}")`);
}

export function registerAsk(program: Command, setExit: (code: number) => void): void {
  program
    .command('ask')
    .description('answer one question in plain Chinese, e.g. nianbao ask "白土镇2020年政府采购金额"')
    .argument('<question...>', 'the question')
    .option('--endpoint <url>', 'a running nianbao GraphQL server instead of the local data folder')
    .option('--json', 'print the whole answer (text, operation, variables, cells, suggestions) as JSON')
    .action(async (words: string[], opts: { endpoint?: string; json?: boolean }) => {
      setExit(await runAsk(words.join(' '), opts));
    });
}

async function runAsk(question: string, opts: { endpoint?: string; json?: boolean }): Promise<number> {
  let bot: BotConnection | null = null;
  try {
    bot = await loadApp().connectBot(opts.endpoint ? validEndpoint(opts.endpoint) : undefined);
    const answer = await bot.engine.ask(question, 'cli:ask');
    process.stdout.write(opts.json ? `${JSON.stringify(answer)}\n` : `${answer.text}\n`);
    // a caller (script, cron) must see that nothing was looked up
    return answer.status === 'unavailable' ? 1 : 0;
  } catch (e) {
    process.stderr.write(`nianbao ask: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  } finally {
    await bot?.close().catch(() => undefined);
  }
}
