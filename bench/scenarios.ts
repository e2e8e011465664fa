import type { DataSource } from 'typeorm';
import { loadOperation } from '../src/bot/client';
import {
  aggregateCells, agenciesByIds, cellPage, cellsOfReports, checksOfReports, countCells, crossYearPairs, regionsByCodes,
  reportPage, reportsByIds, sectionsOfReports,
} from '../src/db/queries';
import { keysFor, type TemplateFormat } from '../src/parser/catalog';
import type { GraphQLRequest } from './load';
import { createRng, type Rng } from './prng';
import type { Targets } from './targets';

export { loadTargets, type Targets } from './targets';

export type ScenarioName = 'lookup' | 'ranking' | 'aggregate' | 'report';
export const SCENARIOS: readonly ScenarioName[] = ['lookup', 'ranking', 'aggregate', 'report'];

/**
 * One query shape asked two ways: GraphQL over HTTP, and its SQL floor — the very query functions (src/db/queries)
 * the resolvers call for it, on a pool of their own. The GraphQL side replays the bot's own operation files
 * (src/bot/operations), so the bench measures what the bot sends.
 */
export interface Scenario {
  name: ScenarioName;
  title: string;
  graphql(rng: Rng): GraphQLRequest;
  sql(rng: Rng, ds: DataSource): Promise<unknown>;
}

/** The bot's operation, as the bot sends it. */
const bot = (operationName: string, variables: Record<string, unknown>): GraphQLRequest => ({
  operationName, query: loadOperation(operationName), variables,
});

/** Not a bot operation: the whole report, as an API client reads it. */
export const REPORT_QUERY = `query BenchReport($id: ID!) {
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
export function randomKey(rng: Rng, format: TemplateFormat): string {
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
      title: 'bot lookup (BotCell: agency + year + key, one statement)',
      graphql: (rng) => {
        const r = rng.pick(t.reports);
        return bot('BotCell', { agency: r.agencyId, year: r.year, key: randomKey(rng, r.format) });
      },
      sql: (rng, ds) => {
        const r = rng.pick(t.reports);
        return reportPage(ds, { agencyId: r.agencyId, year: r.year }, { after: null, limit: 2, offset: 0, cellKey: randomKey(rng, r.format) });
      },
    },
    {
      name: 'ranking',
      title: 'bot ranking (BotRanking: top 10 of a key in a province, one year)',
      graphql: (rng) => {
        const { year, key } = keyYear(rng);
        return bot('BotRanking', { key, year, regionCode: rng.pick(t.provinces), orderBy: 'VALUE_DESC', first: 10 });
      },
      sql: (rng, ds) => {
        const { year, key } = keyYear(rng);
        const filter = { key, year, regionPrefix: rng.pick(t.provinces) };
        return Promise.all([
          cellPage(ds, filter, { direction: 'DESC', after: null, limit: 11, offset: 0, withReport: true, withAgency: true }),
          countCells(ds, filter),
        ]);
      },
    },
    {
      name: 'aggregate',
      title: 'bot total (BotAggregate: national count/sum/avg/min/max of a key, one year)',
      graphql: (rng) => {
        const { year, key } = keyYear(rng);
        return bot('BotAggregate', { key, year, regionCode: null });
      },
      sql: (rng, ds) => {
        const { year, key } = keyYear(rng);
        return aggregateCells(ds, { key, year, groupBy: 'NONE' });
      },
    },
    {
      name: 'report',
      title: 'one full report (all sections, cells, checks; an API client, not the bot)',
      graphql: (rng) => ({ operationName: 'BenchReport', query: REPORT_QUERY, variables: { id: rng.pick(t.reports).id } }),
      sql: async (rng, ds) => {
        const id = rng.pick(t.reports).id;
        const [report] = await reportsByIds(ds, [id]);
        return Promise.all([
          agenciesByIds(ds, [report.agencyId]),
          report.regionCode ? regionsByCodes(ds, [report.regionCode]) : [],
          sectionsOfReports(ds, [id]),
          cellsOfReports(ds, [id], null),
          checksOfReports(ds, [id]),
          crossYearPairs(ds, [id]),
        ]);
      },
    },
  ];
}

/** A fresh stream per scenario and side, so GraphQL and SQL draw the same sequence of variables. */
export function streamFor(seed: string, scenario: ScenarioName): Rng {
  return createRng(`${seed}:load:${scenario}`);
}
