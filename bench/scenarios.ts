import type { Pool } from 'pg';
import { keysFor, type TemplateFormat } from '../src/parser/catalog';
import type { GraphQLRequest } from './load';
import { createRng, type Rng } from './prng';

/** What the load draws its variables from: real rows of the benchmark database. */
export interface Targets {
  reports: { id: string; agencyId: string; year: number; format: TemplateFormat }[];
  years: number[];
  provinces: string[];
}

export type ScenarioName = 'lookup' | 'ranking' | 'aggregate' | 'report';
export const SCENARIOS: readonly ScenarioName[] = ['lookup', 'ranking', 'aggregate', 'report'];

/** One query shape asked two ways: GraphQL over HTTP and the same data straight from PostgreSQL through `pg`. */
export interface Scenario {
  name: ScenarioName;
  title: string;
  graphql(rng: Rng): GraphQLRequest;
  sql(rng: Rng, pool: Pool): Promise<unknown>;
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

const LOOKUP = `query BenchLookup($agency: String!, $year: Int!, $key: String!) {
  reports(filter: { agency: $agency, year: $year }, first: 1) {
    edges { node { id year cell(key: $key) { key raw value unit } } }
  }
}`;

const RANKING = `query BenchRanking($key: String!, $year: Int!, $regionCode: String!) {
  cells(filter: { key: $key, year: $year, regionCode: $regionCode }, orderBy: VALUE_DESC, first: 10) {
    totalCount
    edges { node { raw value report { id agency { id name fullName } } } }
  }
}`;

const AGGREGATE = `query BenchAggregate($key: String!, $year: Int!) {
  aggregate(key: $key, year: $year, groupBy: PROVINCE) { group label count sum avg min max }
}`;

const REPORT = `query BenchReport($id: ID!) {
  report(id: $id) {
    id title year format publishedAt missingCells
    agency { id name fullName regionCode }
    region { code name level }
    contact { address postcode phone website }
    sections { kind ordinal title text }
    cells { key table row col raw value unit line }
    checks { rule scope description keys passed left right }
  }
}`;

const keyCache = new Map<TemplateFormat, string[]>();
function randomKey(rng: Rng, format: TemplateFormat): string {
  let keys = keyCache.get(format);
  if (!keys) keyCache.set(format, (keys = keysFor(format)));
  return rng.pick(keys);
}

export function scenarios(t: Targets): Scenario[] {
  const formatOf = (year: number): TemplateFormat => t.reports.find((r) => r.year === year)?.format ?? '2021';
  const formats = new Map(t.years.map((y) => [y, formatOf(y)]));
  const keyYear = (rng: Rng) => {
    const year = rng.pick(t.years);
    return { year, key: randomKey(rng, formats.get(year)!) };
  };
  return [
    {
      name: 'lookup',
      title: 'bot lookup (agency + year + key)',
      graphql: (rng) => {
        const r = rng.pick(t.reports);
        return { operationName: 'BenchLookup', query: LOOKUP, variables: { agency: r.agencyId, year: r.year, key: randomKey(rng, r.format) } };
      },
      sql: (rng, pool) => {
        const r = rng.pick(t.reports);
        return pool.query(
          `SELECT r.id, r.year, c.key, c.raw, c.value, c.unit FROM reports r
           LEFT JOIN cells c ON c.report_id = r.id AND c.key = $3
           WHERE r.agency_id = $1 AND r.year = $2`,
          [r.agencyId, r.year, randomKey(rng, r.format)],
        );
      },
    },
    {
      name: 'ranking',
      title: 'ranking (top 10 of a key in a province, one year)',
      graphql: (rng) => {
        const { year, key } = keyYear(rng);
        return { operationName: 'BenchRanking', query: RANKING, variables: { key, year, regionCode: rng.pick(t.provinces) } };
      },
      sql: (rng, pool) => {
        const { year, key } = keyYear(rng);
        // As the API does it: the window of ten from the index alone, then those rows and their agencies; the total is
        // counted on the index.
        return pool.query(
          `WITH w AS (SELECT c.id, c.value FROM cells c WHERE c.key = $1 AND c.year = $2 AND c.region_code LIKE $3
                      ORDER BY c.value DESC NULLS LAST, c.id LIMIT 10)
           SELECT c.raw, c.value, c.report_id, a.id AS agency_id, a.name, a.full_name,
                  (SELECT count(*) FROM cells n WHERE n.key = $1 AND n.year = $2 AND n.region_code LIKE $3) AS total
           FROM w JOIN cells c ON c.id = w.id JOIN agencies a ON a.id = c.agency_id
           ORDER BY w.value DESC NULLS LAST, w.id`,
          [key, year, `${rng.pick(t.provinces)}%`],
        );
      },
    },
    {
      name: 'aggregate',
      title: 'national aggregate of a key grouped by province',
      graphql: (rng) => {
        const { year, key } = keyYear(rng);
        return { operationName: 'BenchAggregate', query: AGGREGATE, variables: { key, year } };
      },
      sql: (rng, pool) => {
        const { year, key } = keyYear(rng);
        return pool.query(
          `SELECT g.grp, coalesce((SELECT rg.name FROM regions rg WHERE rg.code = g.grp), g.grp) AS label,
                  g.count, g.sum, g.avg, g.min, g.max FROM (
             SELECT left(c.region_code, 2) AS grp, count(c.value) AS count, sum(c.value) AS sum, avg(c.value) AS avg,
                    min(c.value) AS min, max(c.value) AS max
             FROM cells c WHERE c.key = $1 AND c.year = $2 GROUP BY 1
           ) g ORDER BY g.grp NULLS LAST`,
          [key, year],
        );
      },
    },
    {
      name: 'report',
      title: 'one full report (all sections, cells, checks)',
      graphql: (rng) => ({ operationName: 'BenchReport', query: REPORT, variables: { id: rng.pick(t.reports).id } }),
      sql: async (rng, pool) => {
        const id = rng.pick(t.reports).id;
        const head = await pool.query(
          `SELECT r.*, a.name AS agency_name, a.full_name, rg.name AS region_name, rg.level
           FROM reports r JOIN agencies a ON a.id = r.agency_id LEFT JOIN regions rg ON rg.code = r.region_code
           WHERE r.id = $1`,
          [id],
        );
        const [sections, cells, checks] = await Promise.all([
          pool.query(`SELECT kind, ordinal, title, text FROM sections WHERE report_id = $1 ORDER BY ordinal`, [id]),
          pool.query(`SELECT key, table_id, row_id, col_id, raw, value, unit, line FROM cells WHERE report_id = $1 ORDER BY id`, [id]),
          pool.query(`SELECT rule, scope, description, keys, passed, "left", "right" FROM checks WHERE report_id = $1 ORDER BY id`, [id]),
        ]);
        return { head: head.rows, sections: sections.rows, cells: cells.rows, checks: checks.rows };
      },
    },
  ];
}

/** A fresh stream per scenario and side, so GraphQL and SQL draw the same sequence of variables. */
export function streamFor(seed: string, scenario: ScenarioName): Rng {
  return createRng(`${seed}:load:${scenario}`);
}
