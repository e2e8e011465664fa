import type { Pool } from 'pg';
import type { TemplateFormat } from '../src/parser/catalog';

// Bench tooling: which rows of the generated corpus the load draws its variables from (not a query the API makes).

/** What the load draws its variables from: real rows of the benchmark database. */
export interface Targets {
  reports: { id: string; agencyId: string; year: number; format: TemplateFormat }[];
  years: number[];
  provinces: string[];
}

export async function loadTargets(pool: Pool): Promise<Targets> {
  // Ordered by a stable identity, so that a seed draws the same agencies on every run of the same corpus.
  const reports = await pool.query<{ id: string; agency_id: string; year: number; format: TemplateFormat }>(
    `SELECT r.id, r.agency_id, r.year, r.format FROM reports r JOIN agencies a ON a.id = r.agency_id
     WHERE r.format IS NOT NULL ORDER BY a.identity, r.year`,
  );
  const years = await pool.query<{ year: number }>(`SELECT DISTINCT year FROM reports ORDER BY year`);
  const provinces = await pool.query<{ p: string }>(
    `SELECT DISTINCT left(region_code, 2) AS p FROM reports WHERE region_code IS NOT NULL ORDER BY 1`,
  );
  if (reports.rows.length === 0) throw new Error('the benchmark database holds no report with tables: nothing to query');
  return {
    reports: reports.rows.map((r) => ({ id: r.id, agencyId: r.agency_id, year: r.year, format: r.format })),
    years: years.rows.map((r) => r.year),
    provinces: provinces.rows.map((r) => r.p),
  };
}
