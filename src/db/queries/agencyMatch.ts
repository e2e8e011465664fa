import { sql, type Sql } from './sql';

/** Escapes LIKE wildcards so that user text is matched literally. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The one rule for every field that takes an agency name: the text is a literal substring (case-insensitive) of the
 * short or the full name. `alias` is the agencies table's alias in the surrounding statement.
 */
export function agencyNameMatches(alias: string, text: string): Sql {
  const a = sql.raw(alias);
  const like = `%${likeEscape(text)}%`;
  return sql`(${a}.name ILIKE ${like} ESCAPE '\\' OR ${a}.full_name ILIKE ${like} ESCAPE '\\')`;
}

/** Sort key that puts exact name matches (short or full) before substring matches: 0 exact, 1 otherwise. */
export function agencyExactFirst(alias: string, text: string): Sql {
  const a = sql.raw(alias);
  return sql`(CASE WHEN ${a}.name = ${text} OR ${a}.full_name = ${text} THEN 0 ELSE 1 END)`;
}
