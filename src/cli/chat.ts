import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { BotConnection } from '../app';
import { loadApp } from '../app/load';
import { validEndpoint } from './ask';
import { oneLine } from './ingest';

/** `nianbao chat`: the bot on the terminal, multi-turn (follow-ups and numbered replies as in WeChat). */
export function registerChat(program: Command, setExit: (code: number) => void): void {
  program
    .command('chat')
    .description('talk to the bot on the terminal (follow-ups like 「那施集镇呢」 work); exit with Ctrl-D or 「退出」')
    .option('--endpoint <url>', 'a running nianbao GraphQL server instead of the local data folder')
    .action(async (opts: { endpoint?: string }) => {
      setExit(await runChat(opts.endpoint));
    });
}

const EXIT_WORDS = new Set(['退出', 'exit', 'quit', 'q']);

async function runChat(endpoint: string | undefined): Promise<number> {
  let bot: BotConnection | null = null;
  try {
    const app = loadApp();
    bot = await app.connectBot(endpoint ? validEndpoint(endpoint) : undefined);
    const engine = bot.engine;
    const terminal = process.stdin.isTTY === true;
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal });
    if (terminal) process.stdout.write(`${app.HELP_TEXT}\n`);
    rl.setPrompt(terminal ? '问> ' : '');
    rl.prompt();
    for await (const line of rl) {
      const question = line.trim();
      if (EXIT_WORDS.has(question.toLowerCase())) break;
      if (question) {
        const answer = await engine.ask(question, 'cli:chat');
        process.stdout.write(`${answer.text}\n`);
      }
      rl.prompt();
    }
    rl.close();
    return 0;
  } catch (e) {
    process.stderr.write(`nianbao chat: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  } finally {
    await bot?.close().catch(() => undefined);
  }
}
