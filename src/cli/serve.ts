import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { Database, ListeningServer, NianbaoServer } from '../app';
import { loadApp, loadIngest } from '../app/load';
import type { Logger } from '../contracts';
import { oneLine } from './ingest';
import { dataDirOf, removeServerFile, writeServerFile } from './running';

export interface ServeOptions {
  port: number;
  host: string;
  /** Ingest the bundled samples when the database holds no report (default true). */
  samples: boolean;
  databaseUrl?: string;
  dataDir?: string;
  logger?: Logger;
}

export interface RunningServe {
  url: string;
  db: Database;
  server: NianbaoServer;
  http: ListeningServer;
  stop(): Promise<void>;
}

export function registerServe(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the GraphQL graph at /graphql, GraphiQL at / and /health (embedded PostgreSQL unless DATABASE_URL)')
    .option('--port <n>', 'port (default: $PORT or 4000; 0 picks a free one)', toPort)
    .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
    .option('--no-samples', 'do not ingest the bundled samples into an empty database')
    .option('--write-schema [file]', 'write the subgraph SDL (default schema.graphql) and exit')
    .action(async (opts: { port?: number; host?: string; samples: boolean; writeSchema?: string | boolean }) => {
      if (opts.writeSchema) {
        setExit(await writeSchema(typeof opts.writeSchema === 'string' ? opts.writeSchema : 'schema.graphql'));
        return;
      }
      setExit(
        await serveUntilSignal({
          port: opts.port ?? toPort(process.env.PORT || '4000'),
          host: opts.host ?? (process.env.HOST || '127.0.0.1'),
          samples: opts.samples,
        }),
      );
    });
}

async function writeSchema(file: string): Promise<number> {
  const sdl = await loadApp().schemaSdl();
  writeFileSync(file, sdl);
  process.stdout.write(`wrote ${path.resolve(file)}\n`);
  return 0;
}

/** Opens the database, fills an empty one with the samples, and listens. */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const logger = options.logger ?? loadApp().createPinoLogger();
  const app = await loadApp().startApp({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, samples: options.samples, logger });
  let http: ListeningServer;
  try {
    http = await app.server.listen(options.port, options.host);
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${options.port} on ${options.host} is in use: set PORT to another port`);
    throw e;
  }
  const filling = fillVocabulary(app.db, logger);
  return { url: http.url, db: app.db, server: app.server, http, stop: () => filling.then(() => app.close()) };
}

/**
 * The bot's agency vocabulary of agencies stored before it was kept (a database from an older version): filled in
 * the background while the server already answers; until then the bot works those forms out itself.
 */
function fillVocabulary(db: Database, logger: Logger): Promise<void> {
  return loadIngest()
    .fillAgencyVocabulary(db.dataSource)
    .then((n) => {
      if (n > 0) logger.info(`agency vocabulary: short forms of ${n} agencies stored`);
    })
    .catch((e: Error) => logger.warn(`agency vocabulary not filled: ${e.message}`));
}

/** `nianbao serve`: runs until SIGINT/SIGTERM, then closes the server and stops the embedded PostgreSQL. */
export async function serveUntilSignal(options: ServeOptions): Promise<number> {
  let running: RunningServe;
  try {
    running = await startServe(options);
  } catch (e) {
    process.stderr.write(`nianbao serve: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  }
  const { url } = running;
  // an embedded database's folder announces this server to `nianbao ask` on the same folder
  const announceIn = running.db.server === 'external' ? null : (options.dataDir ?? dataDirOf());
  if (announceIn) writeServerFile(announceIn, url);
  // Ctrl-C under `npm start` arrives twice (from the terminal and forwarded by npm): the handlers stay until the
  // stop is done, so a repeated signal cannot kill the process half-way and leave PostgreSQL running. They are in
  // place before the banner: whoever reads the banner may signal at once (CI did), before the next line had run.
  let stopping = false;
  let onSignal: (s: NodeJS.Signals) => void = () => {};
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = (s) => {
      if (stopping) return;
      stopping = true;
      resolve(s);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const shownUrl = url.replace('://127.0.0.1:', '://localhost:');
  process.stdout.write(
    [
      `nianbao is serving ${running.db.where}`,
      `  GraphQL   ${shownUrl}/graphql`,
      `  GraphiQL  ${shownUrl}/`,
      `  health    ${shownUrl}/health`,
      `  mutations ${process.env.NIANBAO_API_TOKEN ? 'enabled (Authorization: Bearer $NIANBAO_API_TOKEN)' : 'disabled (set NIANBAO_API_TOKEN to enable)'}`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
  const signal = await signalled;
  process.stderr.write(`nianbao: ${signal}: stopping\n`);
  try {
    if (announceIn) removeServerFile(announceIn);
    await running.stop();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return 0;
}

function toPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(`port must be 0..65535 (got "${value}")`);
  return port;
}
