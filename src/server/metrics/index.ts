import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { IngestObserver } from '../../contracts';
import { storedReportCount } from '../../db/queries';
import { operationLabel, requestOperationName, responseErrorCodes, type RequestOutcome } from './labels';

/** Distinct operation names kept as labels; more would grow the registry without bound, so they count as `other`. */
const MAX_OPERATIONS = 200;

export interface ServerMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin<object>;
  /** Counts a request answered outside Apollo's pipeline (an operation already compiled: server/compiledPath.ts). */
  record(outcome: RequestOutcome): void;
  /** Handed to ingest (through the GraphQL context): documents by outcome, cells written. */
  ingest: IngestObserver;
}

/** A registry per server (tests run several in one process): requests, latency, errors, pool, stored reports. */
export function createMetrics(dataSource: DataSource): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'nianbao_process_' });
  const requests = new Counter({ name: 'nianbao_graphql_requests_total', help: 'GraphQL requests by operation name and HTTP status', labelNames: ['operation', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'nianbao_graphql_request_duration_seconds', help: 'GraphQL request latency by operation name', labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const errors = new Counter({ name: 'nianbao_graphql_errors_total', help: 'GraphQL errors by code', labelNames: ['code'], registers: [registry] });
  poolGauges(registry, dataSource);
  new Gauge({
    name: 'nianbao_ingest_reports_stored', help: 'reports stored by ingest (read from the database at each scrape)', registers: [registry],
    async collect() {
      this.set(await storedReportCount(dataSource).catch(() => Number.NaN));
    },
  });
  const documents = new Counter({
    name: 'nianbao_ingest_documents_total', help: 'documents given to ingest by outcome (ingested, replaced, unchanged, alternate, refused)',
    labelNames: ['outcome'], registers: [registry],
  });
  const cells = new Counter({ name: 'nianbao_ingest_cells_written_total', help: 'cell rows written by ingest', registers: [registry] });
  // Every outcome shows from the first scrape (0), so a rate() over it has a series to start from.
  for (const outcome of ['ingested', 'replaced', 'unchanged', 'alternate', 'refused']) documents.inc({ outcome }, 0);
  const ingest: IngestObserver = {
    documentDone(outcome, cellsWritten) {
      documents.inc({ outcome });
      if (cellsWritten > 0) cells.inc(cellsWritten);
    },
  };
  const seen = new Set<string>();
  const label = (name: string | null | undefined) => {
    const op = operationLabel(name);
    if (seen.has(op)) return op;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(op);
    return op;
  };
  const record = (o: RequestOutcome) => {
    const operation = label(o.operation);
    latency.observe({ operation }, o.durationMs / 1000);
    requests.inc({ operation, status: String(o.status) });
    for (const code of o.errorCodes) errors.inc({ code });
  };
  const plugin: ApolloServerPlugin<object> = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(ctx) {
          record({
            operation: requestOperationName(ctx), status: ctx.response.http.status ?? 200,
            errorCodes: responseErrorCodes(ctx.response.body), durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          });
        },
      };
    },
  };
  return { registry, plugin, record, ingest };
}

interface PgPool { totalCount: number; idleCount: number; waitingCount: number }

function poolGauges(registry: Registry, dataSource: DataSource): void {
  const pool = () => (dataSource.driver as unknown as { master?: PgPool }).master;
  const gauge = (name: string, help: string, read: (p: PgPool) => number) =>
    new Gauge({ name, help, registers: [registry], collect() { const p = pool(); this.set(p ? read(p) : 0); } });
  gauge('nianbao_db_pool_connections_total', 'database pool connections', (p) => p.totalCount);
  gauge('nianbao_db_pool_connections_idle', 'idle database pool connections', (p) => p.idleCount);
  gauge('nianbao_db_pool_requests_waiting', 'queries waiting for a pool connection', (p) => p.waitingCount);
}
