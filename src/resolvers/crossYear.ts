import type { Pool } from 'pg';
import { crossYearChecks, REQUEST_COLS, type CheckResult, type TemplateFormat, type YearCells } from '../parser';
import { isUuid } from './errors';

/** The cells the cross-year rules read, from either year. */
const CROSS_YEAR_KEYS = [
  ...REQUEST_COLS.flatMap((c) => [`requests.carried_forward.${c.id}`, `requests.carried_over.${c.id}`]),
  ...['regulations', 'normative_docs'].flatMap((row) => ['issued', 'repealed', 'in_force'].map((col) => `active.${row}.${col}`)),
];

interface PairRow {
  report_id: string;
  side: 'prev' | 'curr';
  year: number;
  format: TemplateFormat | null;
  key: string | null;
  value: string | null;
}

/**
 * Cross-year rules for a batch of reports, in one statement: each report with the same agency's report of the year
 * before (when stored), and the few cells the rules read from both. Computed when asked rather than stored, so a
 * replaced or deleted neighbour year can never leave a stale result behind.
 */
export async function loadCrossYearChecks(pool: Pool, reportIds: readonly string[]): Promise<CheckResult[][]> {
  const ids = reportIds.filter(isUuid);
  const rows: PairRow[] = ids.length === 0 ? [] : (await pool.query<PairRow>({
    name: 'nb_cross_year_cells',
    text: `WITH pairs AS (
       SELECT r.id AS report_id, r.id AS curr_id, p.id AS prev_id
         FROM reports r JOIN reports p ON p.agency_id = r.agency_id AND p.year = r.year - 1
        WHERE r.id = ANY($1::uuid[]))
     SELECT pairs.report_id, side.side, rep.year, rep.format, c.key, c.value
       FROM pairs
       CROSS JOIN LATERAL (VALUES ('prev', pairs.prev_id), ('curr', pairs.curr_id)) AS side(side, id)
       JOIN reports rep ON rep.id = side.id
       LEFT JOIN cells c ON c.report_id = side.id AND c.key = ANY($2::text[])`,
    values: [ids, CROSS_YEAR_KEYS],
  })).rows;
  const years = new Map<string, { prev?: YearCells; curr?: YearCells }>();
  for (const row of rows) {
    const pair = years.get(row.report_id) ?? {};
    const side = (pair[row.side] ??= { year: row.year, format: row.format, values: new Map() });
    if (row.key) (side.values as Map<string, number | null>).set(row.key, row.value === null ? null : Number(row.value));
    years.set(row.report_id, pair);
  }
  return reportIds.map((id) => {
    const pair = years.get(id);
    return pair?.prev && pair.curr ? crossYearChecks(pair.prev, pair.curr) : [];
  });
}
