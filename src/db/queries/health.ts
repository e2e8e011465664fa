import { Client, type ClientConfig, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from '../pool';

export interface PoolLoad {
  max: number;
  total: number;
  idle: number;
  /** Callers queued for a connection. */
  waiting: number;
}

export function poolLoad(ds: DataSource): PoolLoad {
  const pool = poolOf(ds) as Pool & { options?: { max?: number } };
  return { max: pool.options?.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** Every connection of the pool is busy and callers are queued (or would be): the database is up but saturated. */
export function isSaturated(load: PoolLoad): boolean {
  return load.idle === 0 && (load.waiting > 0 || load.total >= load.max);
}

/**
 * `SELECT 1` on a connection of its own, outside the pool: tells "up but every pooled connection is busy" from
 * "not reachable" without queueing behind the busy ones. Only one probe runs at a time per data source.
 */
const probes = new WeakMap<DataSource, Promise<boolean>>();
export function probeOutsidePool(ds: DataSource, timeoutMs: number): Promise<boolean> {
  const running = probes.get(ds);
  if (running) return running;
  const probe = runProbe(ds, timeoutMs).finally(() => probes.delete(ds));
  probes.set(ds, probe);
  return probe;
}

async function runProbe(ds: DataSource, timeoutMs: number): Promise<boolean> {
  const options = (poolOf(ds) as Pool & { options: ClientConfig }).options;
  const client = new Client({ ...options, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: 'nianbao-health' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
