import type { DataSource } from 'typeorm';
import type { Loaders } from './loaders';

/** What the bot answers to a question (implemented by the bot engineer; the graph only carries it). */
export interface AskAnswer {
  text: string;
  operation: string | null;
  variables: Record<string, unknown> | null;
  cells: { reportId: string; key: string }[];
  suggestions: string[];
}

export interface AskService {
  ask(question: string, sessionId?: string): Promise<AskAnswer>;
}

/** Server-side log sink: never sent to clients. */
export interface ServerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

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
  logger: ServerLogger;
}
