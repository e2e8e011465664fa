import type { DataSource } from 'typeorm';
import { executorOf } from './executor';
import { sql } from './sql';

export interface AgencyVocabularyRows {
  count: number;
  /** JSON: `[[id, name, fullName, regionCode, kind, shortNames], …]`, shortNames null where ingest has not written them. */
  rows: string;
}

/**
 * Every agency with its kind, region and short forms, as one JSON text: the stored entries (table
 * agency_vocabulary, written and deleted with their agency) joined in order — no JSON is built per request but for
 * an agency stored before the table (its short forms then null). Always as fresh as the agencies table. Ordered like
 * the agency list (region, name, id).
 */
export async function agencyVocabulary(ds: DataSource): Promise<AgencyVocabularyRows> {
  const [row] = await executorOf(ds).rows(sql`SELECT count(*)::int AS count,
      '[' || coalesce(string_agg(coalesce(v.entry, json_build_array(a.id, a.name, a.full_name, a.region_code, a.kind, NULL)::text), ','
        ORDER BY a.region_code ASC NULLS LAST, a.name ASC, a.id ASC), '') || ']' AS rows
    FROM agencies a LEFT JOIN agency_vocabulary v ON v.agency_id = a.id`, 'nb_agency_vocabulary');
  return { count: row.count as number, rows: row.rows as string };
}
