import { DataSource, type DataSourceOptions } from 'typeorm';
import { Client } from 'pg';
import { ENTITIES } from '../entities';
import { noteReadReplica } from './pool';
import { MIGRATIONS } from '../../migrations';

export interface PoolSettings {
  /** Statement timeout in ms for every connection of the pool (0 = none). Default 5000: a slow query is cut. */
  statementTimeoutMs?: number;
  /** Pool size. Default 10. */
  poolSize?: number;
  /** Log SQL (TypeORM logger). */
  logSql?: boolean;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
  /**
   * false for bulk ingest: a commit does not wait for its WAL flush. A server crash may then lose the last
   * fraction of a second of reports — whole reports only, never half of one — and re-running the ingest restores
   * them; an ingest process killed alone loses nothing it reported as stored. Default true.
   */
  synchronousCommit?: boolean;
  /**
   * A read replica (DATABASE_READ_URL): the graph's read queries go there, writes, migrations and the bot's
   * sessions (an unlogged table, which replicas do not have) to the primary. Default: none, all on the primary.
   */
  readUrl?: string;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

/** The one definition of how nianbao talks to PostgreSQL: entities, migrations as classes, never synchronize. */
export function dataSourceOptions(url: string, settings: PoolSettings = {}): DataSourceOptions {
  const statementTimeout = settings.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return {
    type: 'postgres',
    ...(settings.readUrl ? { replication: { master: { url }, slaves: [{ url: settings.readUrl }] } } : { url }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // The migration creates the extensions under the migration lock; racing CREATE EXTENSIONs at connect time fail.
    installExtensions: false,
    applicationName: settings.applicationName ?? 'nianbao',
    // Failed queries are reported to the caller (and by it to the user); TypeORM's own console logging would print SQL.
    logging: settings.logSql ? ['query', 'error'] : false,
    extra: {
      max: settings.poolSize ?? 10,
      ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
      ...(settings.synchronousCommit === false ? { options: '-c synchronous_commit=off' } : {}),
    },
  };
}

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that two processes starting at once on a
 * fresh database do not both try to create the schema.
 */
export async function migrate(dataSource: DataSource, url: string): Promise<string[]> {
  return underMigrationLock(url, async () => (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name));
}

/** Runs `work` holding the migration advisory lock (on a connection of its own, so `work` may use the whole pool). */
export async function underMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: url, application_name: 'nianbao-migrate' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await work();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/** Arbitrary constant key of the migration advisory lock ('nianbao' in ASCII, fits in a bigint). */
const MIGRATION_LOCK = '31087463165747823';

/** Creates, initialises and migrates a data source on `url`. */
export async function connect(url: string, settings: PoolSettings = {}): Promise<DataSource> {
  await migrateOnce(url, settings);
  if (settings.readUrl) noteReadReplica();
  const dataSource = new DataSource(dataSourceOptions(url, settings));
  await dataSource.initialize();
  return dataSource;
}

/** Runs the pending migrations on a data source of its own, closed afterwards. */
async function migrateOnce(url: string, settings: PoolSettings): Promise<void> {
  // Migrations run on a pool of their own without the statement timeout: a short timeout meant for queries (the
  // tests use 500 ms) must not cut a schema change on a busy machine.
  const migrator = new DataSource(dataSourceOptions(url, { ...settings, statementTimeoutMs: 0, poolSize: 1, readUrl: undefined }));
  await migrator.initialize();
  try {
    await migrate(migrator, url);
  } finally {
    await migrator.destroy();
  }
}

/** A data source for schema changes: no statement timeout, nothing migrated on connect. */
export function migrationDataSource(url: string, settings: PoolSettings = {}): DataSource {
  return new DataSource(dataSourceOptions(url, { ...settings, statementTimeoutMs: 0, poolSize: 2, applicationName: 'nianbao-migrate', readUrl: undefined }));
}
