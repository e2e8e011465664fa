import type { QueryResultRow } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Agency, Cell, Check, Region, Report, ReportSource, Section } from '../../entities';

/**
 * Reads entity rows with plain SQL on the pool TypeORM already holds, and hydrates them as TypeORM would (same
 * property names, column transformers, dates as 'YYYY-MM-DD'). The API's hot paths use it: building and hydrating
 * through the QueryBuilder cost more CPU per request than the rest of a GraphQL lookup together (measured in
 * BENCHMARKS.md); the select list is built once per entity from TypeORM's own metadata, so the two cannot drift.
 */
export interface EntityReader<T> {
  /**
   * `alias."column" AS "property", …` for every column (relations excluded); with a prefix, AS "prefixproperty".
   * With `only`, just those properties (a projection: what the GraphQL selection needs, see resolvers/lookahead).
   */
  columns(alias: string, prefix?: string, only?: Projection): string;
  hydrate(row: QueryResultRow): T;
  /**
   * For a row that joined this entity under `prefix` (see columns): its properties moved out of the row into an
   * entity, or null when the join found nothing (every prefixed column null).
   */
  take(row: QueryResultRow, prefix: string, only?: Projection): T | null;
  /**
   * `json_build_object('property', alias."column", …)`: a row as one JSON value, so that a statement can bring a
   * report's sections, cells and checks as arrays beside it (one round trip); read back with `fromJson`.
   */
  jsonObject(alias: string): string;
  /** An object built by jsonObject, hydrated like a row (timestamps as Date, bigint ids as text, transformers). */
  fromJson(value: Record<string, unknown>): T;
  /**
   * `json_build_array(alias."column", …)`: the row as a positional JSON array (with `only`, just those properties).
   * Without the property names the JSON is about half as long: PostgreSQL builds and the server parses less.
   */
  jsonArray(alias: string, only?: Projection): string;
  /** An array built by jsonArray with the same `only`, hydrated like fromJson. */
  fromJsonArray(only?: Projection): (value: unknown[]) => T;
}

/** A sorted, de-duplicated list of property names; null or undefined means every column. */
export type Projection = readonly string[] | null;

const readers = new WeakMap<DataSource, Map<string, EntityReader<unknown>>>();

/** The reader of an entity, without the properties in `omit` (e.g. large contents a query does not need). */
export function readerOf<T extends ObjectLiteral, K extends keyof T & string = never>(
  dataSource: DataSource, entity: EntityTarget<T>, omit: readonly K[] = [],
): EntityReader<Omit<T, K>> {
  let cache = readers.get(dataSource);
  if (!cache) readers.set(dataSource, (cache = new Map()));
  const metadata = dataSource.getMetadata(entity);
  const key = `${metadata.name}|${omit.join(',')}`;
  let reader = cache.get(key) as EntityReader<Omit<T, K>> | undefined;
  if (!reader) {
    reader = buildReader<Omit<T, K>>(metadata.columns.filter((c) => !(omit as readonly string[]).includes(c.propertyName)));
    cache.set(key, reader);
  }
  return reader;
}

function buildReader<T>(plain: ColumnMetadata[]): EntityReader<T> {
  const selects = plain.map((c) => ({
    // TypeORM hands `date` columns back as the text 'YYYY-MM-DD'; pg would make a local-time Date of them.
    expression: (alias: string) => `${alias}."${c.databaseName}"${c.type === 'date' ? '::text' : ''}`,
    // In JSON, a bigint would become a number: pg (and TypeORM) give it as text.
    json: (alias: string) => `${alias}."${c.databaseName}"${c.type === 'date' || c.type === 'bigint' ? '::text' : ''}`,
    property: c.propertyName,
    timestamp: c.type === 'timestamptz' || c.type === 'timestamp' || c.type === Date,
  }));
  const timestamps = selects.filter((s) => s.timestamp).map((s) => s.property);
  const transformed = plain.flatMap((c) => {
    const from = c.transformer && !Array.isArray(c.transformer) ? c.transformer.from : null;
    return from ? [{ property: c.propertyName, from }] : [];
  });
  const cache = new Map<string, string>();
  const decoders = new Map<string, (value: unknown[]) => unknown>();
  const hydrate = (row: QueryResultRow) => {
    for (const t of transformed) if (t.property in row) row[t.property] = t.from(row[t.property]);
    return row as T;
  };
  const chosen = (only?: Projection) => (only ? selects.filter((s) => only.includes(s.property)) : selects);
  return {
    columns: (alias, prefix = '', only) => {
      const key = `${alias}|${prefix}|${only?.join(',') ?? '*'}`;
      let list = cache.get(key);
      if (!list) cache.set(key, (list = chosen(only).map((s) => `${s.expression(alias)} AS "${prefix}${s.property}"`).join(', ')));
      return list;
    },
    hydrate,
    jsonObject: (alias) => {
      const key = `json|${alias}`;
      let list = cache.get(key);
      if (!list) cache.set(key, (list = `json_build_object(${selects.map((s) => `'${s.property}', ${s.json(alias)}`).join(', ')})`));
      return list;
    },
    fromJson: (value) => {
      for (const p of timestamps) if (typeof value[p] === 'string') value[p] = new Date(value[p] as string);
      return hydrate(value);
    },
    jsonArray: (alias, only) => {
      const key = `array|${alias}|${only?.join(',') ?? '*'}`;
      let list = cache.get(key);
      if (!list) cache.set(key, (list = `json_build_array(${chosen(only).map((s) => s.json(alias)).join(', ')})`));
      return list;
    },
    fromJsonArray: (only) => {
      const key = only?.join(',') ?? '*';
      let decode = decoders.get(key);
      if (!decode) decoders.set(key, (decode = arrayDecoder(chosen(only), transformed)));
      return decode as (value: unknown[]) => T;
    },
    take: (row, prefix, only) => {
      const entity: QueryResultRow = {};
      let found = false;
      for (const s of chosen(only)) {
        const value = row[prefix + s.property];
        delete row[prefix + s.property];
        entity[s.property] = value;
        if (value !== null) found = true;
      }
      return found ? hydrate(entity) : null;
    },
  };
}

type Select = { property: string; timestamp: boolean };
type Transform = { property: string; from: (value: unknown) => unknown };

/** Positional values → an entity: each value under its property, timestamps as Date, then the column transformers. */
function arrayDecoder(selects: readonly Select[], transformed: readonly Transform[]): (value: unknown[]) => QueryResultRow {
  const props = selects.map((s) => s.property);
  const stamps = selects.map((s) => s.timestamp);
  const transforms = props.map((p) => transformed.find((t) => t.property === p)?.from ?? null);
  return (value) => {
    const entity: QueryResultRow = {};
    for (let i = 0; i < props.length; i++) {
      let v = value[i];
      if (stamps[i] && typeof v === 'string') v = new Date(v);
      const from = transforms[i];
      entity[props[i]] = from ? from(v) : v;
    }
    return entity;
  };
}

type Readers = ReturnType<typeof buildReaders>;
const readersBySource = new WeakMap<DataSource, Readers>();

/** The readers of every entity the API reads, built once per data source (queries run on every request). */
export function readersOf(dataSource: DataSource): Readers {
  let found = readersBySource.get(dataSource);
  if (!found) readersBySource.set(dataSource, (found = buildReaders(dataSource)));
  return found;
}

function buildReaders(dataSource: DataSource) {
  return {
    report: readerOf(dataSource, Report),
    agency: readerOf(dataSource, Agency),
    region: readerOf(dataSource, Region),
    source: readerOf(dataSource, ReportSource, ['content', 'agency']),
    section: readerOf(dataSource, Section, ['searchWords', 'report']),
    cell: readerOf(dataSource, Cell),
    check: readerOf(dataSource, Check),
  };
}

/** A report source without its (possibly large) verbatim content. */
export type SourceSummary = Omit<ReportSource, 'content' | 'agency'>;
/** A section without the segmented words kept for full-text search. */
export type SectionRow = Omit<Section, 'searchWords' | 'report'>;
