import type { AgencyRecord, IndexedAgency } from './agencies';
import { ErrorCode } from '../contracts';
import { GraphQLRequestError, loadOperation, type GraphQLClient } from './client';
import type { MetricInfo } from './vocabulary';

/** Typed access to the bot's named operations, one instance per question; remembers the last operation for the answer's provenance. */

export interface MetricNode extends MetricInfo {
  tableLabel: string;
}

export interface ReportNode {
  id: string;
  title: string;
  year: number;
  format: string | null;
}

export interface CellNode {
  key: string;
  raw: string;
  value: number | null;
  unit: string;
}

export interface RankedCell extends CellNode {
  year: number;
  /** BotRanking does not select the format (test/bot/responseTypes.test.ts holds the type to the operation). */
  report: Omit<ReportNode, 'format'> & { agency: AgencyRecord };
}

export interface AggregateNode {
  label: string;
  count: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

export interface GroupNode extends AggregateNode {
  group: string | null;
}

export interface CheckNode {
  rule: string;
  scope: string;
  description: string;
  keys: string[];
  passed: boolean | null;
  left: number | null;
  right: number | null;
}

export interface SectionNode {
  kind: string;
  ordinal: number;
  title: string;
  text: string;
}

export interface ReportInfoNode {
  id: string;
  title: string;
  year: number;
  publishedAt: string | null;
  contact: { address: string | null; postcode: string | null; phone: string | null; website: string | null; email?: string | null };
}

export interface OperationCall {
  operation: string;
  variables: Record<string, unknown>;
}

type VocabularyRow = [id: string, name: string, fullName: string, regionCode: string | null, kind: string, shortNames: string[] | null];

/**
 * `[[id, name, fullName, regionCode, kind, shortNames], …]` (schema: AgencyVocabulary.agencies, in no order) →
 * records in the agency list's order (region code, name, id; code-unit order, as PostgreSQL's C.UTF-8 sorts the
 * names), so that namesakes are offered in the same order as ever.
 */
function vocabularyRows(json: string): IndexedAgency[] {
  const rows = (JSON.parse(json) as VocabularyRow[]).sort(byRegionNameId);
  return rows.map(([id, name, fullName, regionCode, kind, shortNames]) => ({ id, name, fullName, regionCode, kind, shortNames }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byRegionNameId(a: VocabularyRow, b: VocabularyRow): number {
  if (a[3] !== b[3]) return a[3] === null ? 1 : b[3] === null ? -1 : compare(a[3], b[3]);
  return compare(a[1], b[1]) || compare(a[0], b[0]);
}

const isValidationError = (e: { extensions?: { code?: unknown } }) => e.extensions?.code === ErrorCode.GRAPHQL_VALIDATION_FAILED;

interface Edges<T> {
  edges: { node: T }[];
}

interface AgencyPage extends Edges<AgencyRecord> {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Largest page the graph serves (`first` is capped there); the agency list is read page by page. */
const AGENCY_PAGE = 100;

export class GraphApi {
  lastCall: OperationCall | null = null;
  private readonly reportsOf = new Map<string, Promise<ReportNode[]>>();

  constructor(private readonly client: GraphQLClient) {}

  async metrics(): Promise<MetricNode[]> {
    const data = await this.run<{ metrics: MetricNode[] }>('BotMetrics', {});
    return data.metrics;
  }

  /**
   * The metric catalog and every agency with its short forms, in one request (BotVocabulary). A server without the
   * `agencyVocabulary` field (older than the bot, through `--endpoint`) is read the old way: metrics, then the agency
   * list page by page.
   */
  async vocabulary(provinceCodes: readonly string[]): Promise<{ metrics: MetricNode[]; agencies: IndexedAgency[] }> {
    try {
      const data = await this.run<{ metrics: MetricNode[]; agencyVocabulary: { count: number; agencies: string } }>('BotVocabulary', {});
      return { metrics: data.metrics, agencies: vocabularyRows(data.agencyVocabulary.agencies) };
    } catch (e) {
      if (!(e instanceof GraphQLRequestError) || !e.errors.some(isValidationError)) throw e;
      return { metrics: await this.metrics(), agencies: await this.allAgencies(provinceCodes) };
    }
  }

  /** How many agencies are stored: a changed count means the agency index is out of date. */
  async agencyCount(): Promise<number> {
    const data = await this.run<{ agencies: { totalCount: number } }>('BotAgencyCount', {});
    return data.agencies.totalCount;
  }

  /**
   * Every agency. Read province by province, a few provinces at a time (small pages of a small range are cheap for
   * the server, and 45,000 agencies are then read in a few seconds); if the provinces do not add up to the total
   * (agencies without a region), the whole list is read in one sequence instead.
   */
  async allAgencies(provinceCodes: readonly string[], concurrency = 3): Promise<AgencyRecord[]> {
    const first = await this.agencyPage(null, null, true);
    if (!first.pageInfo.hasNextPage) return first.edges.map((e) => e.node);
    const byProvince: AgencyRecord[] = [];
    const queue = [...provinceCodes];
    const worker = async () => {
      for (let code = queue.shift(); code !== undefined; code = queue.shift()) byProvince.push(...(await this.agencyList(code)));
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (byProvince.length === first.totalCount) return byProvince;
    // agencies without a region: only the whole list has them
    return this.agencyList(null);
  }

  private async agencyList(regionCode: string | null): Promise<AgencyRecord[]> {
    const out: AgencyRecord[] = [];
    for (let after: string | null = null; ;) {
      const page = await this.agencyPage(regionCode, after);
      for (const e of page.edges) out.push(e.node);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out;
      after = page.pageInfo.endCursor;
    }
  }

  private async agencyPage(regionCode: string | null, after: string | null, withCount = false): Promise<AgencyPage> {
    const data = await this.run<{ agencies: AgencyPage }>('BotAgencies', { first: AGENCY_PAGE, after, regionCode, withCount });
    return data.agencies;
  }

  /** Memoised for the question: clarifying and answering both need the agency's reports. */
  agencyReports(id: string): Promise<ReportNode[]> {
    let reports = this.reportsOf.get(id);
    if (!reports) {
      reports = this.run<{ agency: (AgencyRecord & { reports: ReportNode[] }) | null }>('BotAgencyReports', { id }).then((d) => d.agency?.reports ?? []);
      reports.catch(() => this.reportsOf.delete(id));
      this.reportsOf.set(id, reports);
    }
    return reports;
  }

  /** The agency's report of `year` with its cell of `key` (null cell: the report lacks it); null when there is no such report. */
  async cell(agencyId: string, year: number, key: string): Promise<{ report: ReportNode & { missingCells: string[] }; cell: CellNode | null } | null> {
    const data = await this.run<{ reports: Edges<ReportNode & { missingCells: string[]; cell: CellNode | null }> }>('BotCell', { agency: agencyId, year, key });
    const node = data.reports.edges[0]?.node;
    if (!node) return null;
    const { cell, ...report } = node;
    return { report, cell };
  }

  /** Several cells of the agency's report of `year` (a key the report lacks is absent); null when there is no such report. */
  async reportCells(agencyId: string, year: number, keys: string[]): Promise<{ report: ReportNode; cells: CellNode[] } | null> {
    const data = await this.run<{ reports: Edges<ReportNode & { cells: CellNode[] }> }>('BotReportCells', { agency: agencyId, year, keys });
    const node = data.reports.edges[0]?.node;
    if (!node) return null;
    const { cells, ...report } = node;
    return { report, cells };
  }

  async ranking(key: string, year: number | null, regionCode: string | null, order: 'desc' | 'asc', first: number): Promise<{ totalCount: number; cells: RankedCell[] }> {
    const data = await this.run<{ cells: Edges<RankedCell> & { totalCount: number } }>('BotRanking', {
      key, year, regionCode, orderBy: order === 'desc' ? 'VALUE_DESC' : 'VALUE_ASC', first,
    });
    return { totalCount: data.cells.totalCount, cells: data.cells.edges.map((e) => e.node) };
  }

  async aggregate(key: string, year: number | null, regionCode: string | null): Promise<AggregateNode | null> {
    const data = await this.run<{ aggregate: AggregateNode[] }>('BotAggregate', { key, year, regionCode });
    return data.aggregate[0] ?? null;
  }

  /** One key added up per province (or another grouping) of the region. */
  async aggregateGroups(key: string, year: number | null, regionCode: string | null, groupBy: 'PROVINCE' | 'CITY' | 'COUNTY'): Promise<GroupNode[]> {
    const data = await this.run<{ aggregate: GroupNode[] }>('BotAggregateGroups', { key, year, regionCode, groupBy });
    return data.aggregate;
  }

  async checks(reportId: string): Promise<CheckNode[]> {
    const data = await this.run<{ report: { checks: CheckNode[] } | null }>('BotChecks', { reportId });
    return data.report?.checks ?? [];
  }

  async reportInfo(reportId: string): Promise<ReportInfoNode | null> {
    const data = await this.run<{ report: ReportInfoNode | null }>('BotReportInfo', { reportId });
    return data.report;
  }

  async sections(reportId: string): Promise<SectionNode[]> {
    const data = await this.run<{ report: { sections: SectionNode[] } | null }>('BotSections', { reportId });
    return data.report?.sections ?? [];
  }

  async reports(regionCode: string | null, year: number | null, first = 20): Promise<{ totalCount: number; reports: (ReportNode & { agency: AgencyRecord })[] }> {
    const data = await this.run<{ reports: Edges<ReportNode & { agency: AgencyRecord }> & { totalCount: number } }>('BotReports', { regionCode, year, first });
    return { totalCount: data.reports.totalCount, reports: data.reports.edges.map((e) => e.node) };
  }

  private async run<T>(operation: string, variables: Record<string, unknown>): Promise<T> {
    this.lastCall = { operation, variables };
    return this.client.request<T>(operation, loadOperation(operation), variables);
  }
}
