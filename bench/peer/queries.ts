import { loadOperation } from '../../src/bot/client';
import type { TemplateFormat } from '../../src/parser/catalog';
import type { GraphQLRequest } from '../load';
import type { Rng } from '../prng';
import { randomKey, REPORT_QUERY, type Targets } from '../scenarios';

// The queries asked of both servers (issue 15): one set of parameters drawn per request, written once in nianbao's API
// and once in PostGraphile's generated one, and both answers brought to one canonical form so they can be compared.

export type PeerQueryName = 'lookup' | 'report' | 'ranking' | 'aggregate';
export const PEER_QUERIES: readonly PeerQueryName[] = ['lookup', 'report', 'ranking', 'aggregate'];

type Data = Record<string, unknown>;
type Params = Record<string, unknown>;

export interface PeerQuery {
  name: PeerQueryName;
  title: string;
  /** The parameters of one request, drawn once and sent to both servers. */
  params(rng: Rng): Params;
  nianbao(p: Params): GraphQLRequest;
  peer(p: Params): GraphQLRequest;
  /** The answer in a form both servers' answers share: equal forms, equal answers. */
  canonNianbao(data: Data): unknown;
  canonPeer(data: Data): unknown;
}

const RANKING_SIZE = 20;

const PEER_CELL = `query PeerCell($agency: UUID!, $year: Int!, $key: String!) {
  allReports(condition: { agencyId: $agency, year: $year }, first: 1) {
    nodes { id title year format missingCells cellsByReportId(condition: { key: $key }, first: 1) { nodes { key raw value unit } } }
  }
}`;

const PEER_REPORT = `query PeerReport($id: UUID!) {
  reportById(id: $id) {
    id title year format publishedAt missingCells contact
    agencyByAgencyId { id name fullName regionCode }
    regionByRegionCode { code name level }
    sectionsByReportId { nodes { kind ordinal title text } }
    cellsByReportId { nodes { key tableId rowId colId raw value unit line } }
    checksByReportId { nodes { rule scope description keys passed left right } }
  }
}`;

// nianbao orders ties by the cell's id; PostGraphile's VALUE_DESC alone leaves ties to PostgreSQL.
const PEER_RANKING = `query PeerRanking($key: String!, $year: Int!, $first: Int!) {
  allCells(condition: { key: $key, year: $year }, orderBy: [VALUE_DESC, ID_ASC], first: $first) {
    totalCount
    nodes { key raw value unit year reportByReportId { id title year agencyByAgencyId { id name fullName regionCode } } }
  }
}`;

/** pg-aggregates groups by columns: the province is a column of the view bench/peer/compare.ts creates. */
const PEER_AGGREGATE = `query PeerAggregate($key: String!, $year: Int!) {
  allNianbaoPeerProvinceCells(condition: { key: $key, year: $year }) {
    groupedAggregates(groupBy: [PROVINCE]) { keys sum { value counted } }
  }
}`;

const NIANBAO_AGGREGATE = `query PeerAggregate($key: String!, $year: Int!) {
  aggregate(key: $key, year: $year, groupBy: PROVINCE) { group count sum }
}`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((x, k) => (x as Data | null)?.[k] ?? null, o);
const list = (o: unknown): Data[] => (Array.isArray(o) ? (o as Data[]) : []);
const pick = (o: unknown, keys: string[]): Data | null => (o ? Object.fromEntries(keys.map((k) => [k, (o as Data)[k] ?? null])) : null);

const AGENCY = ['id', 'name', 'fullName', 'regionCode'];
const cell = (c: Data | null) => (c ? { key: c.key, raw: c.raw, value: num(c.value), unit: c.unit } : null);

function canonReport(r: Data | null, cells: Data[], checks: Data[], sections: Data[], agency: unknown, region: unknown, contact: unknown) {
  if (!r) return null;
  return {
    id: r.id, title: r.title, year: r.year, format: r.format,
    publishedAt: r.publishedAt ? String(r.publishedAt).slice(0, 10) : null,
    missingCells: [...list(r.missingCells)].sort(),
    contact: pick(contact, ['address', 'postcode', 'phone', 'website']),
    agency: pick(agency, AGENCY),
    region: pick(region, ['code', 'name', 'level']),
    sections: sections.map((s) => pick(s, ['kind', 'ordinal', 'title', 'text'])).sort(byJson),
    cells: cells.map((c) => ({ ...pick(c, ['key', 'table', 'row', 'col', 'raw', 'unit', 'line']), value: num(c.value) })).sort(byJson),
    checks: checks.map((k) => ({ ...pick(k, ['rule', 'scope', 'description', 'keys', 'passed']), left: num(k.left), right: num(k.right) })).sort(byJson),
  };
}

function rankingRow(c: Data, report: unknown, agency: unknown) {
  return { ...cell(c), year: c.year, report: { ...pick(report, ['id', 'title', 'year']), agency: pick(agency, AGENCY) } };
}

export function peerQueries(t: Targets): PeerQuery[] {
  const formatOf = (year: number): TemplateFormat => t.reports.find((r) => r.year === year)?.format ?? '2021';
  const keyYear = (rng: Rng) => {
    const year = rng.pick(t.years);
    return { year, key: randomKey(rng, formatOf(year)) };
  };
  return [
    {
      name: 'lookup',
      title: 'lookup (agency + year + one cell)',
      params: (rng) => {
        const r = rng.pick(t.reports);
        return { agency: r.agencyId, year: r.year, key: randomKey(rng, r.format) };
      },
      nianbao: (p) => ({ operationName: 'BotCell', query: loadOperation('BotCell'), variables: p }),
      peer: (p) => ({ operationName: 'PeerCell', query: PEER_CELL, variables: p }),
      canonNianbao: (d) => {
        const n = get(list(get(d, 'reports', 'edges'))[0], 'node') as Data | null;
        return n && { ...pick(n, ['id', 'title', 'year', 'format', 'missingCells']), cell: cell(n.cell as Data | null) };
      },
      canonPeer: (d) => {
        const n = list(get(d, 'allReports', 'nodes'))[0] ?? null;
        return n && { ...pick(n, ['id', 'title', 'year', 'format', 'missingCells']), cell: cell(list(get(n, 'cellsByReportId', 'nodes'))[0] ?? null) };
      },
    },
    {
      name: 'report',
      title: 'full report (agency, region, contact, sections, ~200 cells, checks)',
      params: (rng) => ({ id: rng.pick(t.reports).id }),
      nianbao: (p) => ({ operationName: 'BenchReport', query: REPORT_QUERY, variables: p }),
      peer: (p) => ({ operationName: 'PeerReport', query: PEER_REPORT, variables: p }),
      canonNianbao: (d) => {
        const r = get(d, 'report') as Data | null;
        // nianbao also derives the cross-year checks (rules `years.*`) from last year's cells; the tables hold the rest.
        const stored = list(r?.checks).filter((k) => !String(k.rule).startsWith('years.'));
        return canonReport(r, list(r?.cells), stored, list(r?.sections), r?.agency, r?.region, r?.contact);
      },
      canonPeer: (d) => {
        const r = get(d, 'reportById') as Data | null;
        const cells = list(get(r, 'cellsByReportId', 'nodes')).map((c) => ({ ...c, table: c.tableId, row: c.rowId, col: c.colId }));
        return canonReport(r, cells, list(get(r, 'checksByReportId', 'nodes')), list(get(r, 'sectionsByReportId', 'nodes')),
          r?.agencyByAgencyId, r?.regionByRegionCode, r?.contact);
      },
    },
    {
      name: 'ranking',
      title: `ranking (top ${RANKING_SIZE} of a key in a year, with totalCount, report and agency)`,
      params: (rng) => ({ ...keyYear(rng), first: RANKING_SIZE }),
      nianbao: (p) => ({ operationName: 'BotRanking', query: loadOperation('BotRanking'), variables: { ...p, regionCode: null, orderBy: 'VALUE_DESC' } }),
      peer: (p) => ({ operationName: 'PeerRanking', query: PEER_RANKING, variables: p }),
      canonNianbao: (d) => ({
        totalCount: get(d, 'cells', 'totalCount'),
        rows: list(get(d, 'cells', 'edges')).map((e) => {
          const n = e.node as Data;
          return rankingRow(n, n.report, get(n, 'report', 'agency'));
        }),
      }),
      canonPeer: (d) => ({
        totalCount: get(d, 'allCells', 'totalCount'),
        rows: list(get(d, 'allCells', 'nodes')).map((n) => rankingRow(n, n.reportByReportId, get(n, 'reportByReportId', 'agencyByAgencyId'))),
      }),
    },
    {
      name: 'aggregate',
      title: 'aggregate by province (count and sum of a key in a year)',
      params: keyYear,
      nianbao: (p) => ({ operationName: 'PeerAggregate', query: NIANBAO_AGGREGATE, variables: p }),
      peer: (p) => ({ operationName: 'PeerAggregate', query: PEER_AGGREGATE, variables: p }),
      canonNianbao: (d) => list(get(d, 'aggregate')).map((g) => ({ group: g.group, count: num(g.count), sum: num(g.sum) })).sort(byJson),
      canonPeer: (d) => list(get(d, 'allNianbaoPeerProvinceCells', 'groupedAggregates'))
        .map((g) => ({ group: list(g.keys)[0] ?? null, count: num(get(g, 'sum', 'counted')), sum: num(get(g, 'sum', 'value')) }))
        .sort(byJson),
    },
  ];
}
