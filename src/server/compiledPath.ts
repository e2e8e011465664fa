import type { IncomingHttpHeaders } from 'node:http';
import { inReadScope } from '../db/queries';
import type { LimitsCheck } from './limits';
import type { RequestOutcome } from './metrics/labels';
import { jitCounters, type Jit } from './plugins/jit';

/**
 * A request for an operation Apollo has already parsed, validated and compiled (plugins/jit) is answered here, without
 * Apollo's pipeline: its per-request hooks, content negotiation and result re-ordering cost a third of the server's
 * CPU per lookup (BENCHMARKS.md, P14). Only the plain case comes here: a POST of a JSON object with a query text seen
 * before, object or absent variables, no extensions, and an Accept that Apollo answers with `application/json`. The
 * limits are checked as Apollo's plugin checks them. Anything else, and any answer with an error, goes to Apollo,
 * which answers it as before: a query read twice on an error path, never a different answer.
 */
export interface CompiledPath<C> {
  /** The JSON text of the answer, or null: Apollo answers this request. */
  answer(body: unknown, headers: IncomingHttpHeaders, context: () => Promise<C>): Promise<string | null>;
}

/** The `content-type` Apollo gives a single result for these Accept headers (and for none). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const PLAIN_ACCEPT = new Set(['application/json', '*/*']);

/** Requests answered here (read by tests). */
export const compiledPathCounters = { answered: 0 };

export function compiledPath<C extends object>(jit: Jit<C>, limits: LimitsCheck, done: (outcome: RequestOutcome) => void): CompiledPath<C> {
  return {
    async answer(body, headers, context) {
      const started = process.hrtime.bigint();
      const request = plainRequest(body, headers);
      if (!request) return null;
      const entry = jit.find(request.query, request.operationName);
      if (!entry) return null;
      try {
        limits(entry.document, entry.operation, request.variables, request.operationName ?? undefined);
      } catch {
        return null;
      }
      let result: Awaited<ReturnType<typeof entry.compiled.query>>;
      try {
        const contextValue = await context();
        result = await inReadScope(async () => entry.compiled.query(undefined, contextValue, request.variables));
      } catch {
        return null; // Apollo answers it, with its own error handling
      }
      if (result.errors?.length || result.data === undefined) return null;
      jitCounters.executed++;
      compiledPathCounters.answered++;
      done({ operation: entry.operationName ?? request.operationName, status: 200, errorCodes: [], durationMs: Number(process.hrtime.bigint() - started) / 1e6 });
      return `${JSON.stringify({ data: result.data })}\n`;
    },
  };
}

interface PlainRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
}

/** The request as Apollo would read it when it is the plain case, else null. */
function plainRequest(body: unknown, headers: IncomingHttpHeaders): PlainRequest | null {
  if (!isRecord(body) || typeof body.query !== 'string') return null;
  const accept = headers.accept?.trim().toLowerCase();
  if (accept !== undefined && !PLAIN_ACCEPT.has(accept)) return null;
  if (body.extensions !== undefined && body.extensions !== null) return null;
  const { operationName, variables } = body;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  return { query: body.query, operationName: operationName ?? null, variables: variables ?? {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
