import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../contracts';
import { ErrorCode, isClientVisible } from '../contracts/errors';

/** PostgreSQL query_canceled: the statement timeout cut a slow query. */
const PG_QUERY_CANCELED = '57014';

/**
 * Masks every error not meant for clients: no SQL, stack trace or file path leaves the server. The full error is
 * logged with a reference the client can quote.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = unwrapResolverError(error);
    const clientError = isClientVisible(code) && !(original instanceof Error && !(original instanceof GraphQLError));
    if (clientError) return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: publicExtensions(formatted) };
    const reference = randomUUID().slice(0, 8);
    if (pgCode(original) === PG_QUERY_CANCELED) {
      logger.warn(`[${reference}] statement timeout at ${formatted.path?.join('.') ?? '(operation)'}`);
      return {
        message: `the query took too long and was cancelled (statement timeout); narrow it down, e.g. with year or regionCode (reference ${reference})`,
        path: formatted.path, locations: formatted.locations,
        extensions: { code: ErrorCode.QUERY_TIMEOUT, reference },
      };
    }
    const detail = original instanceof Error ? (original.stack ?? original.message) : String(original);
    logger.error(`[${reference}] ${formatted.path?.join('.') ?? '(operation)'}: ${detail}`);
    return {
      message: `internal error (reference ${reference})`,
      path: formatted.path, locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reference },
    };
  };
}

function publicExtensions(formatted: GraphQLFormattedError): Record<string, unknown> {
  const { stacktrace: _stack, exception: _exception, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return rest;
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
