import type { DataSource } from 'typeorm';
import { executorOf } from './executor';
import { sql, type Sql } from './sql';

export type Grouping = 'NONE' | 'YEAR' | 'PROVINCE' | 'CITY' | 'COUNTY' | 'AGENCY';

/** SQL expression of each grouping; region groups are prefixes of the hierarchical code. */
const GROUP_SQL: Record<Grouping, Sql> = {
  NONE: sql.raw('NULL::text'),
  YEAR: sql.raw('c.year::text'),
  PROVINCE: sql.raw('left(c.region_code, 2)'),
  CITY: sql.raw('left(c.region_code, 4)'),
  COUNTY: sql.raw('left(c.region_code, 6)'),
  AGENCY: sql.raw('c.agency_id::text'),
};

export type Measure = 'sum' | 'avg' | 'min' | 'max';

export interface AggregateFilter {
  key: string;
  year?: number;
  regionPrefix?: string;
  groupBy: Grouping;
  /** The measures to compute (count always is); the others come back null. Absent: all of them. */
  measures?: ReadonlySet<Measure>;
}

/** Aggregates over `numeric` cost per row: a measure nobody asked for is not computed. */
const MEASURE_SQL: Record<Measure, Sql> = {
  sum: sql.raw('sum(c.value)'), avg: sql.raw('avg(c.value)'), min: sql.raw('min(c.value)'), max: sql.raw('max(c.value)'),
};
const NOT_ASKED = sql.raw('NULL::numeric');

export interface AggregateResult {
  group: string | null;
  count: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

/**
 * numeric → number; a sum past the range of a double (a stored value of hundreds of digits, from before the parser
 * dropped implausible values) is null rather than Infinity, which GraphQL's Float cannot carry (issue 13 item 9).
 */
const num = (v: unknown) => {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/** count / sum / avg / min / max of one key, grouped; groups in ascending order, the unknown one last. */
export async function aggregateCells(ds: DataSource, f: AggregateFilter): Promise<AggregateResult[]> {
  const c = [sql`c.key = ${f.key}`];
  if (f.year !== undefined) c.push(sql`c.year = ${f.year}`);
  if (f.regionPrefix !== undefined) c.push(sql`c.region_code LIKE ${`${f.regionPrefix}%`}`);
  const grouping = f.groupBy === 'NONE' ? sql.empty : sql.raw('GROUP BY 1 ORDER BY 1 ASC NULLS LAST');
  const m = (x: Measure) => (!f.measures || f.measures.has(x) ? MEASURE_SQL[x] : NOT_ASKED);
  const rows = await executorOf(ds).rows(
    sql`SELECT ${GROUP_SQL[f.groupBy]} AS grp, count(c.value) AS count, ${m('sum')} AS sum, ${m('avg')} AS avg,
               ${m('min')} AS min, ${m('max')} AS max
          FROM cells c ${sql.where(c)} ${grouping}`,
  );
  return rows.map((r) => ({
    group: r.grp === null ? null : String(r.grp), count: Number(r.count),
    sum: num(r.sum), avg: num(r.avg), min: num(r.min), max: num(r.max),
  }));
}
