import type { Command } from 'commander';
import { HttpGraphQLClient, InProcessGraphQLClient, type GraphQLClient } from '../bot/client';
import { BotEngine, type BotLogger } from '../bot/engine';
import { openDatabase } from '../db/dataSource';
import { ingestSamplesIfEmpty } from '../ingest/samples';
import type { ServerLogger } from '../resolvers/context';
import { createNianbaoServer, type NianbaoServer } from '../server';
import { oneLine } from './ingest';

/**
 * `nianbao ask "问题"`: one answer on stdout. Data from the local data folder (embedded PostgreSQL, the graph run
 * in-process) or from a running server with `--endpoint URL`; either way the bot reads only through GraphQL.
 */

export interface GraphConnection {
  client: GraphQLClient;
  /** The in-process server (local data only), so that the `ask` field can be served too. */
  server: NianbaoServer | null;
  close(): Promise<void>;
}

export const stderrLogger: BotLogger & ServerLogger = {
  info: (m) => process.stderr.write(`nianbao: ${m}\n`),
  warn: (m) => process.stderr.write(`nianbao: ${m}\n`),
  error: (m) => process.stderr.write(`nianbao: ${m}\n`),
};

const quietLogger: ServerLogger = { info: () => {}, warn: (m) => stderrLogger.warn(m), error: (m) => stderrLogger.error(m) };

export async function connectGraph(endpoint: string | undefined): Promise<GraphConnection> {
  if (endpoint) return { client: new HttpGraphQLClient(endpoint), server: null, close: async () => {} };
  const db = await openDatabase({ log: (m) => stderrLogger.info(m) });
  try {
    const server = await createNianbaoServer({ dataSource: db.dataSource, logger: quietLogger });
    await ingestSamplesIfEmpty(db.dataSource, stderrLogger);
    return {
      client: new InProcessGraphQLClient((q, v) => server.execute(q, v)),
      server,
      close: async () => {
        await server.stop();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

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
  let graph: GraphConnection | null = null;
  try {
    graph = await connectGraph(opts.endpoint ? validEndpoint(opts.endpoint) : undefined);
    const engine = new BotEngine({ client: graph.client, logger: { ...stderrLogger, info: () => {} } });
    const answer = await engine.ask(question, 'cli:ask');
    process.stdout.write(opts.json ? `${JSON.stringify(answer)}\n` : `${answer.text}\n`);
    return answer.operation === null && answer.text.startsWith('服务暂时不可用') ? 1 : 0;
  } catch (e) {
    process.stderr.write(`nianbao ask: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  } finally {
    await graph?.close().catch(() => undefined);
  }
}
