import type { AgencyRecord } from './agencies';
import { loadOperation, type GraphQLClient } from './client';
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
  report: ReportNode & { agency: AgencyRecord };
}

export interface AggregateNode {
  label: string;
  count: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
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

export interface OperationCall {
  operation: string;
  variables: Record<string, unknown>;
}

interface Edges<T> {
  edges: { node: T }[];
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

  async allAgencies(): Promise<AgencyRecord[]> {
    const out: AgencyRecord[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { agencies: Edges<AgencyRecord> & { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await this.run('BotAgencies', { first: AGENCY_PAGE, after });
      for (const e of data.agencies.edges) out.push(e.node);
      if (!data.agencies.pageInfo.hasNextPage || !data.agencies.pageInfo.endCursor) return out;
      after = data.agencies.pageInfo.endCursor;
    }
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

  async cell(reportId: string, key: string): Promise<{ report: ReportNode & { missingCells: string[] }; cell: CellNode | null } | null> {
    const data = await this.run<{ report: (ReportNode & { missingCells: string[]; cell: CellNode | null }) | null }>('BotCell', { reportId, key });
    if (!data.report) return null;
    const { cell, ...report } = data.report;
    return { report, cell };
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

  async checks(reportId: string): Promise<CheckNode[]> {
    const data = await this.run<{ report: { checks: CheckNode[] } | null }>('BotChecks', { reportId });
    return data.report?.checks ?? [];
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
