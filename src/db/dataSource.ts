import type { DataSource } from 'typeorm';
import { startEmbedded, type EmbeddedServer } from './embedded';
import { connect, type PoolSettings } from './options';
import { migrationControl, type MigrationControl } from './migrations';

export interface OpenOptions extends PoolSettings {
  /** Data folder of the embedded server. Default: $NIANBAO_DATA_DIR, else ./.nianbao */
  dataDir?: string;
  /** An external PostgreSQL. Default: $DATABASE_URL; when unset, the embedded server is used. */
  databaseUrl?: string;
  /** The embedded server of the data folder, started earlier by this process (the CLI's `ask`): used instead of starting one. */
  embedded?: Promise<EmbeddedServer>;
  /** Progress messages (starting the embedded server…). */
  log?: (message: string) => void;
}

export interface Database {
  dataSource: DataSource;
  /** Where the data lives, with the password hidden (for messages). */
  where: string;
  /** 'external' (DATABASE_URL), or the embedded server this process started ('embedded-owner') or shares ('embedded-shared'). */
  server: 'external' | 'embedded-owner' | 'embedded-shared';
  /** Closes the pool; stops the embedded server when no other nianbao process uses it any more. */
  close(): Promise<void>;
}

/**
 * Opens the nianbao database: DATABASE_URL when given, otherwise an embedded PostgreSQL in the data folder
 * (shared with any other nianbao process on that folder). Pending migrations are run.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const { url, server } = await databaseServer(options);
  const readUrl = options.readUrl ?? (process.env.DATABASE_READ_URL || undefined);
  let dataSource: DataSource;
  try {
    dataSource = await connect(url, { ...options, readUrl });
  } catch (e) {
    await server?.stop();
    throw new Error(`cannot open the database at ${redact(url)}: ${(e as Error).message}`);
  }
  let closed = false;
  return {
    dataSource,
    where: redact(url),
    server: server ? (server.owner ? 'embedded-owner' : 'embedded-shared') : 'external',
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await dataSource.destroy();
      } finally {
        await server?.stop();
      }
    },
  };
}

/** DATABASE_URL, or the embedded server of the data folder (started, or joined when another process runs it). */
export async function databaseServer(options: OpenOptions = {}): Promise<{ url: string; server: EmbeddedServer | null }> {
  const externalUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  if (externalUrl) return { url: externalUrl, server: null };
  const dataDir = options.dataDir ?? (process.env.NIANBAO_DATA_DIR || './.nianbao');
  const server = await (options.embedded ?? startEmbedded(dataDir, options.log ?? (() => {})));
  return { url: server.url, server };
}

/** The database for `nianbao migrate`: nothing is migrated on opening; closing leaves the embedded server too. */
export async function openMigrations(options: OpenOptions = {}): Promise<MigrationControl & { where: string }> {
  const { url, server } = await databaseServer(options);
  let control: MigrationControl;
  try {
    control = await migrationControl(url, options);
  } catch (e) {
    await server?.stop();
    throw new Error(`cannot open the database at ${redact(url)}: ${(e as Error).message}`);
  }
  return {
    ...control,
    where: redact(url),
    close: async () => {
      try {
        await control.close();
      } finally {
        await server?.stop();
      }
    },
  };
}

/** A connection URL without its password. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid database URL)';
  }
}
