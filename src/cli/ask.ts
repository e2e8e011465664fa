import type { Command } from 'commander';
import type { BotConnection } from '../app';
import type { EmbeddedServer } from '../app/prestart';
import { loadApp, loadPrestart } from '../app/load';
import type { AskAnswer } from '../contracts';
import { oneLine } from './ingest';
import { dataDirOf, httpRequest, runningServer } from './running';

const ASK = 'query Ask($q: String!) { ask(question: $q) { text status operation variables cells { reportId key } suggestions } }';

/** The question to a running server's `ask` field (its bot is warm: no vocabulary to load here). */
async function askServer(base: string, question: string): Promise<AskAnswer> {
  const res = await httpRequest(`${base}/graphql`, { body: JSON.stringify({ query: ASK, variables: { q: question } }), timeoutMs: 30_000 });
  let body: { data?: { ask?: AskAnswer }; errors?: { message: string }[] } = {};
  try {
    body = JSON.parse(res.text);
  } catch {
    // not JSON: reported below with the status
  }
  if (!body.data?.ask) throw new Error(`the server at ${base} did not answer: ${body.errors?.[0]?.message ?? `HTTP ${res.status}`}`);
  return body.data.ask;
}

/**
 * `nianbao ask "问题"`: one answer on stdout. At once through a running server when there is one (NIANBAO_URL, or the
 * `nianbao serve` announced in the data folder: its warm bot answers the graph's `ask` field); otherwise from the
 * local data folder (embedded PostgreSQL, the graph run in-process), or with `--endpoint URL` the bot run here
 * reading a server's graph. Either way the bot reads only through GraphQL.
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
  let embedded: Promise<EmbeddedServer> | undefined;
  try {
    const server = opts.endpoint ? null : await runningServer();
    let answer: AskAnswer;
    if (server) {
      answer = await askServer(server, question);
    } else {
      const endpoint = opts.endpoint ? validEndpoint(opts.endpoint) : undefined;
      // postgres starts up while the application's modules load
      ({ embedded } = endpoint ? {} : await loadPrestart().prestartDatabase(dataDirOf()));
      bot = await loadApp().connectBot(endpoint, { embedded });
      answer = await bot.engine.ask(question, 'cli:ask');
    }
    // `via`: which server answered (its URL), or `local` (this process opened the data itself)
    process.stdout.write(opts.json ? `${JSON.stringify({ ...answer, via: server ?? 'local' })}\n` : `${answer.text}\n`);
    // a caller (script, cron) must see that nothing was looked up
    return answer.status === 'unavailable' ? 1 : 0;
  } catch (e) {
    process.stderr.write(`nianbao ask: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  } finally {
    await bot?.close().catch(() => undefined);
    // the application never opened (it leaves the server it opened on its own): leave the one started for it
    if (!bot) await embedded?.then((s) => s.stop(), () => undefined).catch(() => undefined);
  }
}
