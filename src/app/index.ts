import { HttpGraphQLClient, InProcessGraphQLClient } from '../bot/client';
import { BotEngine } from '../bot/engine';
import { MemorySessionStore } from '../bot/session';
import { stderrLogger, withoutInfo, type AskService, type Logger } from '../contracts';
import { openDatabase, openMigrations, type Database, type OpenOptions } from '../db/dataSource';
import { ingestSamplesIfEmpty } from '../ingest/samples';
import { closeUploadParsing } from '../ingest';
import { createNianbaoServer, type NianbaoServer, type NianbaoServerOptions } from '../server';
import { buildNianbaoSchema } from '../server/schema';
import { PgSessionStore } from './sessions';

export type { Database } from '../db/dataSource';
export type { MigrationControl, MigrationState } from '../db/migrations';
export { BotEngine, HELP_TEXT } from '../bot/engine';
export { DEFAULT_PREFIX, WechatyChannel } from '../bot/wechaty';
export type { ListeningServer, NianbaoServer } from '../server';
export { createPinoLogger } from '../server/logging';

/**
 * The one place that assembles nianbao: database → GraphQL server → bot engine. Every command and the bench build
 * the application here, so the wiring (samples, the `ask` field answered by the engine, which reads through the
 * server in-process) exists once.
 */
export interface AppOptions extends Pick<OpenOptions, 'databaseUrl' | 'dataDir' | 'embedded' | 'statementTimeoutMs' | 'logSql'> {
  /** Ingest the bundled samples when the database holds no report (default true). */
  samples?: boolean;
  /** Database start-up and samples; default for the others (stderr). */
  logger?: Logger;
  serverLogger?: Logger;
  botLogger?: Logger;
  /**
   * Where the bot keeps conversations: 'database' (default: the server; every process on the database shares them)
   * or 'memory' (this process only: the CLI's ask and chat).
   */
  sessions?: 'database' | 'memory';
  /** Server settings beyond the data source, the ask service and the logger. */
  server?: Omit<NianbaoServerOptions, 'dataSource' | 'askService' | 'logger'>;
}

export interface App {
  db: Database;
  server: NianbaoServer;
  /** The bot, reading through `server` in-process. */
  engine: BotEngine;
  close(): Promise<void>;
}

export async function startApp(options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? stderrLogger;
  const db = await openData({ ...options, logger });
  try {
    if (options.samples !== false) await ingestSamplesIfEmpty(db.dataSource, logger);
    // The engine answers `ask` through this very server; it exists only once the server does.
    let engine: BotEngine | null = null;
    const askService: AskService = { ask: (question, sessionId) => engine!.askInSession(question, sessionId) };
    const server = await createNianbaoServer({ ...options.server, dataSource: db.dataSource, askService, logger: options.serverLogger ?? logger });
    engine = new BotEngine({
      client: new InProcessGraphQLClient((q, v) => server.execute(q, v)),
      logger: options.botLogger ?? logger,
      // in the database, every server process on it continues the conversations of the others
      sessions: options.sessions === 'memory' ? new MemorySessionStore() : new PgSessionStore(db.dataSource),
    });
    return {
      db, server, engine,
      close: async () => {
        await server.stop();
        await closeUploadParsing();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** The database alone (ingest, reparse): migrations run, nothing else started. */
export function openData(options: Omit<OpenOptions, 'log'> & { logger?: Logger } = {}): Promise<Database> {
  const logger = options.logger ?? stderrLogger;
  const { logger: _logger, ...open } = options;
  return openDatabase({ ...open, log: (m) => logger.info(m) });
}

/** `nianbao migrate`: the database without the start-up migration, to look at, apply or revert migrations. */
export function openMigrationControl(options: Pick<OpenOptions, 'databaseUrl' | 'dataDir'> & { logger?: Logger } = {}) {
  const logger = options.logger ?? stderrLogger;
  return openMigrations({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, log: (m) => logger.info(m) });
}

/** A bot engine and the graph it reads: a running server (`endpoint`), or the local data folder served in-process. */
export interface BotConnection {
  engine: BotEngine;
  close(): Promise<void>;
}

export async function connectBot(
  endpoint: string | undefined,
  loggers: { logger?: Logger; botLogger?: Logger } & Pick<OpenOptions, 'embedded'> = {},
): Promise<BotConnection> {
  const logger = loggers.logger ?? stderrLogger;
  const botLogger = loggers.botLogger ?? withoutInfo(logger);
  if (endpoint) return { engine: new BotEngine({ client: new HttpGraphQLClient(endpoint), logger: botLogger }), close: async () => {} };
  const app = await startApp({ logger, serverLogger: withoutInfo(logger), botLogger, sessions: 'memory', embedded: loggers.embedded });
  return { engine: app.engine, close: () => app.close() };
}

/** The subgraph SDL as committed in schema.graphql. */
export async function schemaSdl(): Promise<string> {
  return (await buildNianbaoSchema()).sdl;
}
