import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The bot reaches data only through GraphQL: over HTTP (`--endpoint`) or in-process (the server's `execute`). */

export interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: readonly GraphQLErrorShape[];
}

export interface GraphQLClient {
  request<T>(operationName: string, query: string, variables: Record<string, unknown>): Promise<T>;
}

/** The graph cannot be reached (connection refused, timeout, 5xx): the user hears 「服务暂时不可用」. */
export class ServiceUnavailableError extends Error {
  constructor(reason: string) {
    super(`GraphQL service unavailable: ${reason}`);
    this.name = 'ServiceUnavailableError';
  }
}

/** The graph answered with errors: a bug or a bad question, never shown verbatim to a user. */
export class GraphQLRequestError extends Error {
  constructor(readonly operationName: string, readonly errors: readonly GraphQLErrorShape[]) {
    super(`${operationName}: ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'GraphQLRequestError';
  }
}

function unwrap<T>(operationName: string, result: GraphQLResponse<T>): T {
  if (result.errors && result.errors.length > 0) throw new GraphQLRequestError(operationName, result.errors);
  if (!result.data) throw new GraphQLRequestError(operationName, [{ message: 'no data in the response' }]);
  return result.data;
}

export class HttpGraphQLClient implements GraphQLClient {
  constructor(
    readonly endpoint: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async request<T>(operationName: string, query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ operationName, query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new ServiceUnavailableError(e instanceof Error ? (e.cause as Error | undefined)?.message ?? e.message : String(e));
    }
    if (response.status >= 500 || response.status === 429) throw new ServiceUnavailableError(`HTTP ${response.status}`);
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new ServiceUnavailableError(`HTTP ${response.status} without a JSON body`);
    }
    return unwrap(operationName, body);
  }
}

export type ExecuteFn = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<unknown>>;

export class InProcessGraphQLClient implements GraphQLClient {
  constructor(private readonly execute: ExecuteFn) {}

  async request<T>(operationName: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const result = (await this.execute(query, variables)) as GraphQLResponse<T>;
    return unwrap(operationName, result);
  }
}

/**
 * The named operations, kept as `.graphql` files in `src/bot/operations`. Read from the source folder both when
 * running from `src/` (ts-jest) and from `dist/src/bot` (the built CLI), so no copy step is needed after `tsc`.
 */
export function operationsFolder(): string {
  const candidates = [path.join(__dirname, 'operations'), path.resolve(__dirname, '../../../src/bot/operations')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'BotMetrics.graphql')));
  if (!found) throw new Error(`bot operations not found (looked in ${candidates.join(', ')})`);
  return found;
}

const cache = new Map<string, string>();

export function loadOperation(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(operationsFolder(), `${name}.graphql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
