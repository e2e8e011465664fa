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
  const measures = sql`count(c.value) AS count, ${m('sum')} AS sum, ${m('avg')} AS avg, ${m('min')} AS min, ${m('max')} AS max`;
  const statement = f.groupBy === 'PROVINCE' && f.year !== undefined && f.regionPrefix === undefined
    ? byProvince(f.key, f.year, measures)
    : sql`SELECT ${GROUP_SQL[f.groupBy]} AS grp, ${measures} FROM cells c ${sql.where(c)} ${grouping}`;
  const rows = await executorOf(ds).rows(statement);
  return rows.map((r) => ({
    group: r.grp === null ? null : String(r.grp), count: Number(r.count),
    sum: num(r.sum), avg: num(r.avg), min: num(r.min), max: num(r.max),
  }));
}

/**
 * Where the range of a group starts and where the next one may: for a 2-character group, the code after every code
 * that starts with it (its last character + 1, the index's byte order); a shorter code is its own region's whole code
 * (left(…, 2) of '3' is '3', and '36…' is another group), so its range holds that code only (no text holds chr(0)).
 */
const STOP = `CASE WHEN length(p.code) < 2 THEN p.code || chr(1) ELSE left(p.code, -1) || chr(ascii(right(p.code, 1)) + 1) END`;

/**
 * One key and year by province, as a loose index scan: the covering index (key, year, region_code pattern_ops) holds
 * the key's cells in code order, so each province is one range of it. The provinces present are found by jumping
 * from one range to the next (a recursive CTE, ~31 index descents), and each range is aggregated on its own: no
 * `left(region_code, 2)` per cell and no hash table over the key's 10,000–40,000 cells of a year (the plain GROUP
 * BY); about half the statement's cost on the 10,000-report bench (BENCHMARKS.md, P10). Same groups, same order, and
 * the unknown region (a null code) last. Cities and counties stay on the GROUP BY: with hundreds or thousands of
 * groups the descents cost more than the hashing saves.
 */
function byProvince(key: string, year: number, measures: Sql): Sql {
  const cellsOf = sql`c.key = ${key} AND c.year = ${year}`;
  const first = (from: Sql) => sql`(SELECT left(c.region_code, 2) AS code FROM cells c WHERE ${cellsOf} AND ${from}
      ORDER BY c.region_code USING ~<~ LIMIT 1)`;
  return sql`WITH RECURSIVE g(code, stop) AS (
      SELECT p.code, ${sql.raw(STOP)} FROM ${first(sql`c.region_code IS NOT NULL`)} p
      UNION ALL
      SELECT p.code, ${sql.raw(STOP)} FROM g CROSS JOIN LATERAL ${first(sql`c.region_code ~>=~ g.stop`)} p)
    SELECT * FROM (
      SELECT g.code AS grp, a.* FROM g CROSS JOIN LATERAL (
          SELECT ${measures} FROM cells c WHERE ${cellsOf} AND c.region_code ~>=~ g.code AND c.region_code ~<~ g.stop) a
      UNION ALL
      SELECT NULL, ${measures} FROM cells c WHERE ${cellsOf} AND c.region_code IS NULL HAVING count(*) > 0
    ) t ORDER BY 1 ASC NULLS LAST`;
}
