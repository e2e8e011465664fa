import type { DataSource } from 'typeorm';
import { migrate, migrationDataSource, underMigrationLock, type PoolSettings } from './options';

export interface MigrationState {
  name: string;
  applied: boolean;
}

/** `nianbao migrate`: what is applied, apply the pending ones, revert the last one. */
export interface MigrationControl {
  status(): Promise<MigrationState[]>;
  /** Names of the migrations applied now (empty when none was pending). */
  up(): Promise<string[]>;
  /** Name of the migration reverted, null when none was applied. */
  down(): Promise<string | null>;
  close(): Promise<void>;
}

/** The migrations TypeORM knows (in order) against the rows of its `migrations` table (absent on a fresh database). */
export async function migrationStatus(ds: DataSource): Promise<MigrationState[]> {
  const [table] = (await ds.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`)) as { present: boolean }[];
  const applied = new Set(
    table.present ? ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name) : [],
  );
  return ds.migrations.map((m) => {
    const name = m.name ?? m.constructor.name;
    return { name, applied: applied.has(name) };
  });
}

/** Opens a data source on `url` that runs nothing by itself; `up`/`down` hold the same lock as the start-up migration. */
export async function migrationControl(url: string, settings: PoolSettings = {}): Promise<MigrationControl> {
  const ds = migrationDataSource(url, settings);
  await ds.initialize();
  return {
    status: () => migrationStatus(ds),
    up: () => migrate(ds, url),
    down: () =>
      underMigrationLock(url, async () => {
        const last = (await migrationStatus(ds)).filter((m) => m.applied).pop();
        if (!last) return null;
        await ds.undoLastMigration({ transaction: 'all' });
        return last.name;
      }),
    close: () => ds.destroy(),
  };
}
