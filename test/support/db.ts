import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { connect, type PoolSettings } from '../../src/db/options';

export interface FreshDatabase {
  dataSource: DataSource;
  /** Connection URL of the new database (for child processes: DATABASE_URL). */
  url: string;
  /** Closes the data source and drops the database. */
  drop(): Promise<void>;
}

/**
 * A new, empty, migrated database on the test server (process.env.TEST_DATABASE_URL, started by globalSetup),
 * with a unique name, so that test files running in parallel never see each other's rows.
 *
 *   let db: FreshDatabase;
 *   beforeAll(async () => { db = await freshDatabase(); });
 *   afterAll(() => db.drop());
 */
export async function freshDatabase(settings: PoolSettings = {}): Promise<FreshDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  let dataSource: DataSource;
  try {
    dataSource = await connect(url, settings);
  } catch (e) {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw e;
  }
  let dropped = false;
  return {
    dataSource,
    url,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      if (dataSource.isInitialized) await dataSource.destroy();
      // FORCE ends connections a test may have left open (e.g. a killed child process).
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** The server URL with another database name. */
export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
