import type { DataSource } from 'typeorm';
import { likeEscape } from './agencies';
import { executorOf } from './executor';
import { readersOf, type SectionRow } from './readers';
import { sql, type Sql } from './sql';

export interface SectionSearch {
  /** Segmented words: full-text search on the GIN index; otherwise `like` matches a substring of the text. */
  words?: string;
  like?: string;
  year?: number;
  regionPrefix?: string;
}

function conditions(f: SectionSearch): Sql[] {
  const c: Sql[] = [];
  // Same expression as the GIN index idx_sections_search, so the index serves it.
  if (f.words !== undefined) c.push(sql`to_tsvector('simple', s.search_words) @@ plainto_tsquery('simple', ${f.words})`);
  if (f.like !== undefined) c.push(sql`s.text ILIKE ${`%${likeEscape(f.like)}%`} ESCAPE '\\'`);
  if (f.year !== undefined) c.push(sql`r.year = ${f.year}`);
  if (f.regionPrefix !== undefined) c.push(sql`r.region_code LIKE ${`${f.regionPrefix}%`}`);
  return c;
}

/** Matching sections, best match first (full text), then newest year. */
export async function searchSections(ds: DataSource, f: SectionSearch, w: { limit: number; offset: number }): Promise<SectionRow[]> {
  const read = readersOf(ds).section;
  const rank = f.words !== undefined
    ? sql`ts_rank(to_tsvector('simple', s.search_words), plainto_tsquery('simple', ${f.words})) DESC, `
    : sql.empty;
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(read.columns('s'))} FROM sections s JOIN reports r ON r.id = s.report_id
     ${sql.where(conditions(f))} ORDER BY ${rank}r.year DESC, s.id ASC LIMIT ${w.limit} OFFSET ${w.offset}`);
  return rows.map(read.hydrate);
}

export async function countSections(ds: DataSource, f: SectionSearch): Promise<number> {
  const [row] = await executorOf(ds).rows(
    sql`SELECT count(*)::int AS n FROM sections s JOIN reports r ON r.id = s.report_id ${sql.where(conditions(f))}`,
  );
  return row.n as number;
}

export async function sectionsOfReports(ds: DataSource, reportIds: readonly string[]): Promise<SectionRow[]> {
  const read = readersOf(ds).section;
  const rows = await executorOf(ds).rows(
    sql`SELECT ${sql.raw(read.columns('s'))} FROM sections s WHERE s.report_id = ANY(${reportIds}::uuid[]) ORDER BY s.ordinal`,
    'nb_sections_of_reports',
  );
  return rows.map(read.hydrate);
}

/** Sections by id (the ids are checked to be bigints by the caller). */
export async function sectionsByIds(ds: DataSource, ids: readonly string[]): Promise<SectionRow[]> {
  const read = readersOf(ds).section;
  const rows = await executorOf(ds).rows(
    sql`SELECT ${sql.raw(read.columns('s'))} FROM sections s WHERE s.id = ANY(${ids}::bigint[])`,
    'nb_sections_by_ids',
  );
  return rows.map(read.hydrate);
}
