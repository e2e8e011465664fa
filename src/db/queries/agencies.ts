import type { DataSource } from 'typeorm';
import type { Agency } from '../../entities';
import { executorOf } from './executor';
import { readersOf, type Projection } from './readers';
import { agencyExactFirst, agencyNameMatches } from './agencyMatch';
import { sql, type Sql } from './sql';

export interface AgencyFilter {
  /** Substring of the short or full name, matched literally. */
  search?: string;
  regionPrefix?: string;
}

export { likeEscape } from './agencyMatch';

function conditions(f: AgencyFilter): Sql[] {
  const c: Sql[] = [];
  if (f.search !== undefined) c.push(agencyNameMatches('a', f.search));
  if (f.regionPrefix !== undefined) c.push(sql`a.region_code LIKE ${`${f.regionPrefix}%`}`);
  return c;
}

/** One page of agencies; `columns`: only these properties (the GraphQL selection's), every column when absent. */
export async function agencyPage(ds: DataSource, f: AgencyFilter, w: { limit: number; offset: number; columns?: Projection }): Promise<Agency[]> {
  const read = readersOf(ds).agency;
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(read.columns('a', '', w.columns))} FROM agencies a ${sql.where(conditions(f))}
     ORDER BY ${f.search !== undefined ? sql`${agencyExactFirst('a', f.search)}, ` : sql.empty}a.region_code ASC NULLS LAST, a.name ASC, a.id ASC LIMIT ${w.limit} OFFSET ${w.offset}`);
  return rows.map(read.hydrate);
}

export async function countAgencies(ds: DataSource, f: AgencyFilter): Promise<number> {
  const [row] = await executorOf(ds).rows(sql`SELECT count(*)::int AS n FROM agencies a ${sql.where(conditions(f))}`);
  return row.n as number;
}

export async function agenciesByIds(ds: DataSource, ids: readonly string[]): Promise<Agency[]> {
  const read = readersOf(ds).agency;
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(read.columns('a'))} FROM agencies a WHERE a.id = ANY(${ids}::uuid[])`, 'nb_agencies_by_id');
  return rows.map(read.hydrate);
}
