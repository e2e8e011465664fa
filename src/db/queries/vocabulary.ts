import type { DataSource } from 'typeorm';
import { executorOf } from './executor';
import { sql } from './sql';

export interface AgencyVocabularyRows {
  count: number;
  /** JSON: `[[id, name, fullName, regionCode, kind, shortNames], …]` in no order, shortNames null where ingest has not written them. */
  rows: string;
}

/**
 * Every agency with its kind, region and short forms, as one JSON text: the stored entries (table
 * agency_vocabulary, written and deleted with their agency) concatenated, always as fresh as the agencies table. In
 * no order: sorting 40,000 entries made PostgreSQL spill to disk and took longer than the rest (the client sorts). Agencies stored before the table (no entry yet: the counts differ,
 * checked once per statement) get one built on the fly, with null short forms.
 */
export async function agencyVocabulary(ds: DataSource, rules: number): Promise<AgencyVocabularyRows> {
  // an entry of older short-form rules than `rules` (the running parser's) goes without its forms: the bot derives them
  const [row] = await executorOf(ds).rows(sql`WITH e AS (
      SELECT CASE WHEN v.rules >= ${rules} THEN v.entry
        ELSE (SELECT json_build_array(a.id, a.name, a.full_name, a.region_code, a.kind, NULL)::text FROM agencies a WHERE a.id = v.agency_id) END AS entry
      FROM agency_vocabulary v
      UNION ALL
      SELECT json_build_array(a.id, a.name, a.full_name, a.region_code, a.kind, NULL)::text FROM agencies a
      WHERE (SELECT count(*) FROM agencies) <> (SELECT count(*) FROM agency_vocabulary)
        AND NOT EXISTS (SELECT 1 FROM agency_vocabulary v WHERE v.agency_id = a.id))
    SELECT count(*)::int AS count, '[' || coalesce(string_agg(e.entry, ','), '') || ']' AS rows
    FROM e`, 'nb_agency_vocabulary');
  return { count: row.count as number, rows: row.rows as string };
}
