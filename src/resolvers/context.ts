import type { DataSource } from 'typeorm';
import type { AskService, IngestObserver, Logger } from '../contracts';
import type { Loaders } from './loaders';

export type { AskAnswer, AskService } from '../contracts';

/** The per-request context: a fresh set of DataLoaders per request, so caching never leaks between requests. */
export interface NianbaoContext {
  dataSource: DataSource;
  loaders: Loaders;
  askService?: AskService;
  /** The request carried `Authorization: Bearer <NIANBAO_API_TOKEN>`. */
  isAdmin: boolean;
  /** A token is configured on the server (mutations are disabled otherwise). */
  mutationsEnabled: boolean;
  requestId: string;
  logger: Logger;
  /** Counts what ingestReport stored (the server's /metrics); absent, nothing is counted. */
  ingestObserver?: IngestObserver;
  /** The client's address over HTTP (per-client limits such as `ask`'s); absent for in-process calls. */
  clientAddress?: string;
}
