import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ExecutionResult } from 'graphql';
import type { DataSource } from 'typeorm';
import { tokenMatches } from '../resolvers/auth';
import type { NianbaoContext } from '../resolvers/context';
import { createJit, type JitTuning } from './plugins/jit';
import { compiledPath } from './compiledPath';
import type { AskService, Logger } from '../contracts';
import { createLoaders } from '../resolvers/loaders';
import { inReadScope, isSaturated, poolLoad, probeOutsidePool, storedReportCount } from '../db/queries';
import { buildNianbaoSchema, type NianbaoSchema } from './schema';
import { createErrorFormatter } from './errors';
import { entitiesPlugin } from './entities';
import { readOwnWritesPlugin } from './readOwnWrites';
import { servicePlugin } from './service';
import { statusPlugin } from './status';
import { createErrorLog, type ErrorLogLimit } from './logging/limit';
import { askRateLimitFromEnv, askRateLimitPlugin } from './rateLimit/ask';
import { graphiqlPage } from './graphiql/page';
import { errorBody, graphqlHandler, isGraphQLPath, sendJson } from './http';
import { DEFAULT_LIMITS, createLimitsCheck, limitsPlugin, maxFieldsRule, type QueryLimits } from './limits';
import { ErrorCode } from '../contracts/errors';
import { corsMiddleware, corsOriginsFromEnv, type HttpMiddleware } from './cors';
import { introspectionOffPlugin } from './introspection';
import { logRequest, requestLogPlugin } from './logging';
import { createMetrics } from './metrics';
import { rateLimitFromEnv, rateLimitMiddleware } from './rateLimit';

export interface NianbaoServerOptions {
  dataSource: DataSource;
  /** The bot's question answering, carried in the context for `ask`. */
  askService?: AskService;
  /** Token for mutations. Default: $NIANBAO_API_TOKEN; none → mutations are disabled. */
  apiToken?: string;
  /** Default: on, except when NODE_ENV=production (then only with NIANBAO_INTROSPECTION=true). */
  introspection?: boolean;
  limits?: Partial<QueryLimits>;
  logger?: Logger;
  /** A schema built before (tests build it once for many servers). */
  schema?: NianbaoSchema;
  /** Execute queries compiled by graphql-jit (default: on unless NIANBAO_JIT=false); an object tunes it. */
  jit?: boolean | JitTuning;
  /** Extra Apollo plugins (e.g. statement counting in tests, metrics). */
  plugins?: ApolloServerPlugin<NianbaoContext>[];
  /** Origins allowed to call /graphql from a browser. Default: $NIANBAO_CORS_ORIGINS (none). */
  corsOrigins?: string[];
  /** /graphql requests per minute per client address (0: no limit). Default: $NIANBAO_RATE_LIMIT or 600. */
  rateLimit?: number;
  /** `ask` questions per minute per client address (0: no limit). Default: $NIANBAO_ASK_RATE_LIMIT or 30. */
  askRateLimit?: number;
  /** Credential of the federation gateway: with introspection off, `_service { sdl }` needs it. Default: $NIANBAO_GATEWAY_TOKEN. */
  gatewayToken?: string;
  /** How internal errors are deduplicated in the log (tests use a short window). */
  errorLogLimit?: ErrorLogLimit;
  /** On stop, how long in-flight requests may take to finish before their connections are cut. Default 10 s. */
  drainMs?: number;
  /** How long /health waits for the database. Default 3 s. */
  healthTimeoutMs?: number;
}

export interface ListeningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface NianbaoServer {
  app: Express;
  apollo: ApolloServer<NianbaoContext>;
  schema: NianbaoSchema;
  listen(port?: number, host?: string): Promise<ListeningServer>;
  /** Runs an operation in-process (the bot and the benchmarks use this); `token` acts as the Authorization header. */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string },
  ): Promise<ExecutionResult<T>>;
  stop(): Promise<void>;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

export function introspectionDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NIANBAO_INTROSPECTION) return env.NIANBAO_INTROSPECTION === 'true';
  return env.NODE_ENV !== 'production';
}

export async function createNianbaoServer(options: NianbaoServerOptions): Promise<NianbaoServer> {
  const { dataSource, askService } = options;
  const logger = options.logger ?? consoleLogger;
  const token = options.apiToken ?? (process.env.NIANBAO_API_TOKEN || undefined);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const introspection = options.introspection ?? introspectionDefault();
  const built = options.schema ?? (await buildNianbaoSchema());
  const metrics = createMetrics(dataSource);
  const gatewayToken = options.gatewayToken ?? (process.env.NIANBAO_GATEWAY_TOKEN || undefined);
  const optional = [
    askRateLimitPlugin(options.askRateLimit ?? askRateLimitFromEnv()), servicePlugin(introspection, gatewayToken),
  ].filter((p): p is ApolloServerPlugin<NianbaoContext> => p !== undefined);
  const logHttpError = createErrorLog(logger, options.errorLogLimit);
  const before = [corsMiddleware(options.corsOrigins ?? corsOriginsFromEnv()), rateLimitMiddleware(options.rateLimit ?? rateLimitFromEnv())]
    .filter((m): m is HttpMiddleware => m !== undefined);

  const formatError = createErrorFormatter(logger, options.errorLogLimit);
  const jitOption = options.jit ?? process.env.NIANBAO_JIT !== 'false';
  const jit = jitOption ? createJit<NianbaoContext>({ formatError, ...(typeof jitOption === 'object' ? jitOption : {}) }) : null;
  const limitsCheck = createLimitsCheck(() => built.schema, limits);
  const apollo = new ApolloServer<NianbaoContext>({
    schema: built.schema,
    // Always on for Apollo: when off, introspectionOffPlugin refuses it with a message naming NIANBAO_INTROSPECTION.
    introspection: true,
    // Without introspection, "did you mean" hints would leak the schema too.
    hideSchemaDetailsFromClientErrors: !introspection,
    csrfPrevention: true,
    // The CLI owns SIGINT/SIGTERM: Apollo's own handler stopped the server and re-raised the signal, which ended
    // `nianbao serve` before it had left the embedded PostgreSQL (left running, its client file behind).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [maxFieldsRule(limits.maxFields)],
    formatError,
    plugins: [
      ...(introspection ? [] : [introspectionOffPlugin()]),
      limitsPlugin(limitsCheck),
      entitiesPlugin(),
      readOwnWritesPlugin(),
      statusPlugin(),
      ...optional,
      // GET / serves our own offline GraphiQL instead of Apollo's CDN-hosted landing page.
      ApolloServerPluginLandingPageDisabled(),
      // Federated traces are for Apollo's hosted studio, which an intranet does not reach.
      ApolloServerPluginInlineTraceDisabled(),
      // We set no cache hints, and the default cache-control plugin wraps every field resolver to compute them:
      // 14% of the CPU of a full report (BENCHMARKS.md).
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(logger),
      metrics.plugin,
      ...(options.plugins ?? []),
      ...(jit ? [jit.plugin] : []),
    ],
  });
  await apollo.start();

  const makeContext = (authorization: string | undefined, clientAddress?: string): NianbaoContext => ({
    dataSource,
    loaders: createLoaders(dataSource),
    askService,
    isAdmin: tokenMatches(authorization, token),
    mutationsEnabled: Boolean(token),
    requestId: randomUUID(),
    logger,
    ingestObserver: metrics.ingest,
    clientAddress,
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/', (req, res) => {
    const page = graphiqlPage('/graphql');
    res.setHeader('ETag', page.etag);
    res.setHeader('Cache-Control', 'no-cache'); // revalidate: a new release changes the ETag
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === page.etag) return void res.status(304).end();
    const variant = page.variant(req.headers['accept-encoding']);
    if (variant.encoding !== 'identity') res.setHeader('Content-Encoding', variant.encoding);
    res.type('html').send(variant.body);
  });
  app.get('/health', async (_req, res) => {
    const health = await checkHealth(dataSource, options.healthTimeoutMs);
    res.status(health.ok ? 200 : 503).json(health);
  });

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use(routeErrorHandler(logHttpError));

  // Extra plugins must see every request, so with them every request goes through Apollo.
  const compiled = jit && !options.plugins?.length
    ? compiledPath(jit, limitsCheck, (outcome) => {
      metrics.record(outcome);
      logRequest(logger, outcome);
    })
    : undefined;
  const graphql = graphqlHandler(apollo, async (req) => makeContext(req.headers.authorization, req.socket.remoteAddress ?? 'unknown'), compiled);
  const drain = createDrain(options.drainMs ?? 10_000);
  // `/graphql` is served without express (see http.ts); express serves the rest.
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    drain.track(req, res);
    if (!isGraphQLPath(req.url)) return void app(req, res);
    answerGraphQL(before, graphql, req, res).catch((error: unknown) => {
      logHttpError(randomUUID().slice(0, 8), 'HTTP 500', error);
      if (!res.headersSent) sendJson(res, 500, errorBody('internal error', ErrorCode.INTERNAL_SERVER_ERROR));
      else res.destroy();
    });
  };
  const servers = new Set<Server>();
  return {
    app,
    apollo,
    schema: built,
    listen: (port = 4000, host = '127.0.0.1') => listen(handle, port, host, servers, drain),
    async execute<T>(query: string, variables?: Record<string, unknown>, opts: { token?: string } = {}) {
      const response = await inReadScope(() => apollo.executeOperation(
        { query, variables },
        { contextValue: makeContext(opts.token ? `Bearer ${opts.token}` : undefined) },
      ));
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported by execute()');
      return response.body.singleResult as ExecutionResult<T>;
    },
    async stop() {
      // In-flight requests (an ingestReport half-way) finish and are answered before Apollo and then the pool stop.
      await Promise.all([...servers].map((s) => drain.close(s)));
      await apollo.stop();
    },
  };
}

/** CORS, then the rate limit, then Apollo: a middleware that answered (preflight, 429) ends the request. */
async function answerGraphQL(
  before: HttpMiddleware[], graphql: (req: IncomingMessage, res: ServerResponse) => Promise<void>, req: IncomingMessage, res: ServerResponse,
): Promise<void> {
  for (const middleware of before) if (await middleware(req, res)) return;
  await graphql(req, res);
}

/** Express's default error page shows the stack trace outside production: other routes get a short JSON error. */
function routeErrorHandler(logHttpError: ReturnType<typeof createErrorLog>) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const e = error as { status?: number };
    const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 500;
    if (status >= 500) logHttpError(randomUUID().slice(0, 8), `HTTP ${status}`, error);
    res.status(status).json(status < 500 ? errorBody('bad request', ErrorCode.BAD_REQUEST) : errorBody('internal error', ErrorCode.INTERNAL_SERVER_ERROR));
  };
}

function listen(handle: RequestListener, port: number, host: string, servers: Set<Server>, drain: Drain): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    const server = createServer(handle);
    server.listen(port, host, () => {
      servers.add(server);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close: async () => {
          servers.delete(server);
          await drain.close(server);
        },
      });
    });
    server.once('error', reject);
  });
}

interface Drain {
  track(req: IncomingMessage, res: ServerResponse): void;
  /** Stops accepting, lets the requests under way finish (at most drainMs), then cuts what is left. */
  close(server: Server): Promise<void>;
}

/**
 * Graceful stop (issue 13 item 11): SIGTERM during an ingestReport used to cut the socket after the report was
 * committed. Requests under way are counted; while stopping, each answer closes its connection.
 */
function createDrain(drainMs: number): Drain {
  let inFlight = 0;
  let stopping = false;
  const idle = new Set<() => void>();
  const settle = () => {
    if (inFlight === 0) for (const f of idle) f();
  };
  return {
    track(req, res) {
      inFlight++;
      if (stopping) res.setHeader('connection', 'close');
      res.once('close', () => {
        inFlight--;
        settle();
      });
      void req;
    },
    close(server) {
      stopping = true;
      return new Promise((resolve) => {
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          idle.delete(cut);
          server.closeAllConnections();
          resolve();
        };
        const cut = () => finish();
        const timer = setTimeout(finish, drainMs);
        server.close(() => finish());
        server.closeIdleConnections();
        idle.add(cut);
        settle();
      });
    },
  };
}

export interface Health {
  ok: boolean;
  database: 'up' | 'down';
  /** Present when the database answers but every pooled connection is busy: requests queue, nothing is down. */
  status?: 'degraded';
  reason?: 'saturated';
  reports?: number;
  error?: string;
}

/**
 * Database reachable (and how many reports it holds); a failure is reported without its details. A saturated pool
 * (every connection busy with slow queries) is not a database down: a probe on a connection of its own tells the two
 * apart, and a saturated server answers 200 `status: degraded, reason: saturated` (issue 13 item 13).
 */
export async function checkHealth(dataSource: DataSource, timeoutMs = 3000): Promise<Health> {
  if (isSaturated(poolLoad(dataSource))) return saturatedOrDown(dataSource, timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = storedReportCount(dataSource);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    const reports = await Promise.race([query, timeout]);
    return { ok: true, database: 'up', reports };
  } catch {
    // Timed out waiting behind busy connections, or the database is gone: the probe says which.
    return isSaturated(poolLoad(dataSource)) ? saturatedOrDown(dataSource, timeoutMs) : DOWN;
  } finally {
    clearTimeout(timer);
  }
}

const DOWN: Health = { ok: false, database: 'down', error: 'the database is not reachable' };

async function saturatedOrDown(dataSource: DataSource, timeoutMs: number): Promise<Health> {
  if (!(await probeOutsidePool(dataSource, timeoutMs))) return DOWN;
  return { ok: true, database: 'up', status: 'degraded', reason: 'saturated' };
}
