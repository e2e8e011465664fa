import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../contracts';
import { ErrorCode, isClientVisible } from '../contracts/errors';
import { createErrorLog, type ErrorLogLimit } from './logging/limit';

/** PostgreSQL query_canceled: the statement timeout cut a slow query. */
const PG_QUERY_CANCELED = '57014';
/** PostgreSQL disk_full (e.g. `could not extend file …: No space left on device`). */
export const PG_DISK_FULL = '53100';
/** Apollo's message (a GraphQLError without a code, HTTP 400) when an APQ hash does not match the query sent with it. */
const APQ_MISMATCH = 'provided sha does not match query';

/** The message a client gets when the database has no space left: no file path, nothing stored. */
export const STORAGE_FULL_MESSAGE = 'the database has no space left to store this; nothing was stored, try again later';

/**
 * Masks every error not meant for clients: no SQL, stack trace or file path leaves the server. The full error is
 * logged with a reference the client can quote (a storm of the same error is logged once with its stack, see
 * logging/limit.ts). Client errors are not logged here: the request line names their codes.
 */
export function createErrorFormatter(logger: Logger, logLimit?: ErrorLogLimit) {
  const logInternal = createErrorLog(logger, logLimit);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = unwrapResolverError(error);
    const clientError = isClientVisible(code) && !(original instanceof Error && !(original instanceof GraphQLError));
    if (clientError) return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: publicExtensions(formatted) };
    const uncoded = uncodedClientError(code, original);
    if (uncoded) return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: uncoded } };
    const reference = randomUUID().slice(0, 8);
    const where = formatted.path?.join('.') ?? '(operation)';
    if (pgCode(original) === PG_QUERY_CANCELED) {
      logger.warn(`[${reference}] statement timeout at ${where}`);
      return {
        message: `the query took too long and was cancelled (statement timeout); narrow it down, e.g. with year or regionCode (reference ${reference})`,
        path: formatted.path, locations: formatted.locations,
        extensions: { code: ErrorCode.QUERY_TIMEOUT, reference },
      };
    }
    logInternal(reference, where, original);
    if (pgCode(original) === PG_DISK_FULL) {
      return {
        message: `${STORAGE_FULL_MESSAGE} (reference ${reference})`, path: formatted.path, locations: formatted.locations,
        extensions: { code: ErrorCode.STORAGE_FULL, reference },
      };
    }
    return {
      message: `internal error (reference ${reference})`,
      path: formatted.path, locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reference },
    };
  };
}

/**
 * A GraphQLError that Apollo raised about the request itself without a code (an APQ hash mismatch, HTTP 400): the
 * client's error, with a code of its own instead of a masked internal error.
 */
function uncodedClientError(code: unknown, original: unknown): ErrorCode | undefined {
  if (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR) return undefined;
  if (!(original instanceof GraphQLError) || original.originalError) return undefined;
  if (original.message === APQ_MISMATCH) return ErrorCode.PERSISTED_QUERY_HASH_MISMATCH;
  const status = (original.extensions?.http as { status?: number } | undefined)?.status;
  return status !== undefined && status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : undefined;
}

function publicExtensions(formatted: GraphQLFormattedError): Record<string, unknown> {
  const { stacktrace: _stack, exception: _exception, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return rest;
}

export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; pgCode?: unknown } | null;
  const code = e?.driverError?.code ?? e?.pgCode ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
