import type { DataSource } from 'typeorm';
import { CROSS_YEAR_KEYS, type TemplateFormat, type YearCells } from '../../parser';
import { executorOf } from './executor';
import { sql } from './sql';

export interface YearPair {
  prev?: YearCells;
  curr?: YearCells;
}

/**
 * Each report with the same agency's report of the year before (when stored) and the cells the cross-year rules read
 * from both, in one statement. Keyed by report id; a report without a stored year before has no entry.
 */
export async function crossYearPairs(ds: DataSource, reportIds: readonly string[]): Promise<Map<string, YearPair>> {
  const pairs = new Map<string, YearPair>();
  if (reportIds.length === 0) return pairs;
  const rows = await executorOf(ds).rows(sql`WITH pairs AS (
       SELECT r.id AS report_id, r.id AS curr_id, p.id AS prev_id
         FROM reports r JOIN reports p ON p.agency_id = r.agency_id AND p.year = r.year - 1
        WHERE r.id = ANY(${reportIds}::uuid[]))
     SELECT pairs.report_id, side.side, rep.year, rep.format, c.key, c.value
       FROM pairs
       CROSS JOIN LATERAL (VALUES ('prev', pairs.prev_id), ('curr', pairs.curr_id)) AS side(side, id)
       JOIN reports rep ON rep.id = side.id
       LEFT JOIN cells c ON c.report_id = side.id AND c.key = ANY(${CROSS_YEAR_KEYS}::text[])`, 'nb_cross_year_cells');
  for (const row of rows) {
    const pair = pairs.get(row.report_id) ?? {};
    const sideName = row.side as 'prev' | 'curr';
    const side = (pair[sideName] ??= { year: row.year as number, format: row.format as TemplateFormat | null, values: new Map() });
    if (row.key) (side.values as Map<string, number | null>).set(row.key, row.value === null ? null : Number(row.value));
    pairs.set(row.report_id, pair);
  }
  return pairs;
}
