import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf, readPoolOf, readReplicaInUse } from '../pool';
import type { Sql } from './sql';

/**
 * The one way the read queries reach PostgreSQL: plain statements on the pool TypeORM holds (building and hydrating
 * through the QueryBuilder cost more CPU per request than the rest of a lookup, BENCHMARKS.md).
 *
 * Every statement is a named (prepared) one: pg parses and plans it once per connection, then sends only the
 * parameters. The sql tag never splices a value into the text, so the texts are a small, fixed set (one per query
 * shape: which filters are present, which columns are selected); each text gets its own name. A `name` given by the
 * caller is used as it is. Past MAX_NAMED distinct texts (a shape explosion would be a bug), statements go unnamed
 * rather than growing every connection's statement cache without bound.
 */
export interface Executor {
  /** A read: on the read replica when DATABASE_READ_URL is set. */
  rows(query: Sql, name?: string): Promise<QueryResultRow[]>;
  /** On the primary: writes, and reads that must see this process's own writes at once. */
  primaryRows(query: Sql, name?: string): Promise<QueryResultRow[]>;
}

const readScope = new AsyncLocalStorage<{ primary: boolean }>();

/** Runs one GraphQL request in a scope of its own, so that readOwnWrites() applies to that request alone. */
export function inReadScope<T>(work: () => Promise<T>): Promise<T> {
  // Only with a replica: an AsyncLocalStorage in use makes Node track every promise, which graphql-js makes many of.
  return readReplicaInUse() ? readScope.run({ primary: false }, work) : work();
}

/**
 * The rest of this request reads from the primary: a mutation's answer (the report just ingested) must not wait
 * for the replica to replay it.
 */
export function readOwnWrites(): void {
  const store = readScope.getStore();
  if (store) store.primary = true;
}

/** Distinct statement texts prepared per data source (each connection prepares those it runs). */
export const MAX_NAMED = 400;

const executors = new WeakMap<DataSource, Executor>();

export function executorOf(dataSource: DataSource): Executor {
  let found = executors.get(dataSource);
  if (!found) {
    const nameOf = statementNamer();
    const on = (pool: () => Pool) => async (query: Sql, name?: string) =>
      (await pool().query({ name: name ?? nameOf(query.text), text: query.text, values: query.values })).rows;
    const primary = poolOf(dataSource);
    const replica = readPoolOf(dataSource);
    const reads = replica === primary ? () => primary : () => (readScope.getStore()?.primary ? primary : replica);
    found = { rows: on(reads), primaryRows: on(() => primary) };
    executors.set(dataSource, found);
  }
  return found;
}

/** text → stable statement name, `nb_s<n>`; undefined (unnamed) once MAX_NAMED texts have names. */
export function statementNamer(limit = MAX_NAMED): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < limit) names.set(text, (name = `nb_s${names.size + 1}`));
    return name;
  };
}
