import type { QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from '../pool';
import type { Sql } from './sql';

/**
 * The one way the read queries reach PostgreSQL: plain statements on the pool TypeORM holds (building and hydrating
 * through the QueryBuilder cost more CPU per request than the rest of a lookup, BENCHMARKS.md). A `name` makes pg
 * prepare a statement once per connection: only for texts that do not change between calls.
 */
export interface Executor {
  rows(query: Sql, name?: string): Promise<QueryResultRow[]>;
}

const executors = new WeakMap<DataSource, Executor>();

export function executorOf(dataSource: DataSource): Executor {
  let found = executors.get(dataSource);
  if (!found) {
    const pool = poolOf(dataSource);
    found = { rows: async (query, name) => (await pool.query({ name, text: query.text, values: query.values })).rows };
    executors.set(dataSource, found);
  }
  return found;
}
