import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { ingestPaths } from '../../src/ingest';
import { buildNianbaoSchema, type NianbaoSchema } from '../../src/server/schema';
import { createNianbaoServer, type ListeningServer, type NianbaoServer, type NianbaoServerOptions } from '../../src/server';
import type { Logger } from '../../src/contracts';
import { freshDatabase, type FreshDatabase } from '../support/db';

export const SAMPLES = path.join(__dirname, '..', '..', 'samples');
/** The five sample reports as plain text (the folder also holds other layouts of the same reports and expectations). */
export const SAMPLE_FILES = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(SAMPLES, f));

/** A logger that keeps lines in memory, so tests can assert what the server logs (and what it never logs). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

let schemaOnce: Promise<NianbaoSchema> | null = null;
export function sharedSchema(): Promise<NianbaoSchema> {
  return (schemaOnce ??= buildNianbaoSchema());
}

export interface Harness {
  db: FreshDatabase;
  server: NianbaoServer;
  http: ListeningServer;
  logger: ReturnType<typeof memoryLogger>;
  /** POST /graphql over real HTTP. */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export interface GraphQLResponse {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[] };
  text: string;
}

/** A fresh migrated database with the five samples ingested through the real ingest, served on 127.0.0.1:0. */
export async function startHarness(
  options: Partial<NianbaoServerOptions> & { samples?: boolean } = {},
  dbSettings: Parameters<typeof freshDatabase>[0] = {},
): Promise<Harness> {
  const db = await freshDatabase(dbSettings);
  try {
    if (options.samples !== false) {
      const summary = await ingestPaths(SAMPLE_FILES, { dataSource: db.dataSource, workers: 0 });
      if (summary.failed.length) throw new Error(`samples failed to ingest: ${JSON.stringify(summary.failed)}`);
    }
    const logger = memoryLogger();
    const server = await createNianbaoServer({ dataSource: db.dataSource, logger, schema: await sharedSchema(), ...options });
    const http = await server.listen(0, '127.0.0.1');
    const post = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const res = await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text), text };
    };
    return {
      db, server, http, logger, post,
      close: async () => {
        await server.stop();
        await db.drop();
      },
    };
  } catch (e) {
    await db.drop();
    throw e;
  }
}

/**
 * Counts every statement that reaches PostgreSQL: TypeORM sends all SQL through pg.Client#query, so wrapping it
 * sees each round trip, whatever builds the SQL.
 */
export function countStatements(): { statements: string[]; restore(): void } {
  const statements: string[] = [];
  const original = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push(typeof first === 'string' ? first : (first?.text ?? '?'));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return { statements, restore: () => void (Client.prototype.query = original) };
}


/**
 * One sample-loaded server for a whole test file, and `data()`: the answer of an operation that must succeed (no
 * errors, HTTP 200). Registers its own beforeAll/afterAll.
 */
export function sampleServer(): { readonly h: Harness; data: (query: string, variables?: Record<string, unknown>) => Promise<any> } {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());
  return {
    get h() {
      return harness!;
    },
    data: async (query, variables) => {
      const res = await harness!.post(query, variables);
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      return res.body.data;
    },
  };
}
