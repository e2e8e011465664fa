import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** The pg Pool behind a TypeORM data source (its statement timeout and settings apply). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}
