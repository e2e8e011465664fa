import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

interface PoolsOfDriver {
  master: Pool;
  slaves: Pool[];
}

/** The primary's pg Pool behind a TypeORM data source (its statement timeout and settings apply). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as PoolsOfDriver).master;
}

/** The read replica's pool when DATABASE_READ_URL is set, else the primary's. */
export function readPoolOf(dataSource: DataSource): Pool {
  const driver = dataSource.driver as unknown as PoolsOfDriver;
  return driver.slaves?.[0] ?? driver.master;
}

let replicas = false;

/** Called when a data source with a read replica is created (before any request can use it). */
export function noteReadReplica(): void {
  replicas = true;
}

/** True once any data source of this process reads from a replica. */
export function readReplicaInUse(): boolean {
  return replicas;
}
