import type { DataSource } from 'typeorm';
import { agencyShortNames, SHORT_FORM_RULES } from '../parser';
import { poolOf } from '../db/pool';
import { arrayLiteral } from './arrays';
import type { Sql } from './types';

/**
 * The bot's agency vocabulary (table agency_vocabulary, issue 15): each agency's usual short forms, worked out here
 * with the parser's rules when the agency is written, so that the bot reads them with the names in one request
 * instead of deriving them for every agency at start-up.
 */

export interface VocabularyAgency {
  id: string;
  name: string;
  full_name: string;
}

/** The short forms of both names of an agency, each once, in the order the parser lists them. */
export function shortNamesOf(name: string, fullName: string): string[] {
  return [...new Set([...agencyShortNames(name), ...agencyShortNames(fullName)])];
}

/** The entry of each agency ($1 ids, $2 their short forms as array literals), built from its row as stored now. */
const ENTRIES = `SELECT a.id, json_build_array(a.id, a.name, a.full_name, a.region_code, a.kind, x.forms::text[])::text, ${SHORT_FORM_RULES}
  FROM unnest($1::uuid[], $2::text[]) AS x(id, forms) JOIN agencies a ON a.id = x.id`;

function entryParams(agencies: readonly VocabularyAgency[]): string[] {
  return [arrayLiteral(agencies.map((a) => a.id)), arrayLiteral(agencies.map((a) => arrayLiteral(shortNamesOf(a.name, a.full_name))))];
}

/**
 * Writes (or rewrites) the entries of these agencies inside the caller's transaction, right after it wrote their
 * rows (which it holds: an entry is written only by the writer of its agency, so this adds no wait). Sorted by id
 * like every lock.
 */
export async function writeAgencyVocabulary(q: Sql, agencies: readonly VocabularyAgency[]): Promise<void> {
  if (agencies.length === 0) return;
  const rows = [...agencies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await q.query(
    `INSERT INTO agency_vocabulary (agency_id, entry, rules) ${ENTRIES}
     ON CONFLICT (agency_id) DO UPDATE SET entry = EXCLUDED.entry, rules = EXCLUDED.rules
     WHERE agency_vocabulary.entry IS DISTINCT FROM EXCLUDED.entry OR agency_vocabulary.rules <> EXCLUDED.rules`,
    entryParams(rows),
  );
}

/** Agencies filled per statement when a database from before the table is filled. */
const FILL_BATCH = 2000;

/**
 * Fills the entries of agencies that have none (stored before the table existed) or one worked out with older
 * short-form rules; returns how many. An agency deleted meanwhile is skipped (the join finds it no more), one written
 * meanwhile by ingest keeps ingest's entry.
 */
export async function fillAgencyVocabulary(dataSource: DataSource): Promise<number> {
  const pool = poolOf(dataSource);
  let filled = 0;
  for (;;) {
    const { rows } = await pool.query<VocabularyAgency>(
      `SELECT a.id, a.name, a.full_name FROM agencies a
       WHERE NOT EXISTS (SELECT 1 FROM agency_vocabulary v WHERE v.agency_id = a.id AND v.rules >= ${SHORT_FORM_RULES})
       ORDER BY a.id LIMIT ${FILL_BATCH}`,
    );
    if (rows.length === 0) return filled;
    await pool.query(
      `INSERT INTO agency_vocabulary (agency_id, entry, rules) ${ENTRIES}
       ON CONFLICT (agency_id) DO UPDATE SET entry = EXCLUDED.entry, rules = EXCLUDED.rules WHERE agency_vocabulary.rules < EXCLUDED.rules`,
      entryParams(rows),
    );
    filled += rows.length;
  }
}
