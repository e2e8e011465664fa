import type { DataSource } from 'typeorm';
import { executorOf } from './executor';
import { sql } from './sql';

export interface AgencyVocabularyRows {
  count: number;
  /** JSON: `[[id, name, fullName, regionCode, kind, shortNames], …]`, shortNames null where ingest has not written them. */
  rows: string;
}

/**
 * Every agency with its kind, region and short forms (table agency_vocabulary), as one JSON text built by
 * PostgreSQL: the bot's whole agency vocabulary in one statement, always as fresh as the agencies table (the forms
 * are written and deleted with their agency). Ordered like the agency list (region, name, id).
 */
export async function agencyVocabulary(ds: DataSource): Promise<AgencyVocabularyRows> {
  const [row] = await executorOf(ds).rows(sql`SELECT count(*)::int AS count,
      coalesce(json_agg(json_build_array(a.id, a.name, a.full_name, a.region_code, a.kind, v.short_names)
        ORDER BY a.region_code ASC NULLS LAST, a.name ASC, a.id ASC), '[]')::text AS rows
    FROM agencies a LEFT JOIN agency_vocabulary v ON v.agency_id = a.id`, 'nb_agency_vocabulary');
  return { count: row.count as number, rows: row.rows as string };
}
