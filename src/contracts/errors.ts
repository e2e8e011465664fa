/**
 * Every error code the API answers with (in `extensions.code`), the ones Apollo and graphql-js produce included.
 * `clientVisible`: the message under this code was written for the client (input, auth, limits, GraphQL validation)
 * and is shown as it is; any other error is masked by the server's formatter (see server/errors.ts).
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  BAD_REQUEST = 'BAD_REQUEST',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
  UNKNOWN_ENTITY_TYPE = 'UNKNOWN_ENTITY_TYPE',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  ARGUMENT_TOO_LONG = 'ARGUMENT_TOO_LONG',
  DOCUMENT_TOO_COMPLEX = 'DOCUMENT_TOO_COMPLEX',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED',
  BAD_CURSOR = 'BAD_CURSOR',
  BAD_NODE_ID = 'BAD_NODE_ID',
  STORAGE_FULL = 'STORAGE_FULL',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** The flag of each code; a new code does not compile until it says whether its message may reach the client. */
const CLIENT_VISIBLE: Record<ErrorCode, boolean> = {
  [ErrorCode.BAD_USER_INPUT]: true,
  [ErrorCode.FORBIDDEN]: true,
  [ErrorCode.UNAUTHENTICATED]: true,
  [ErrorCode.BAD_REQUEST]: true,
  [ErrorCode.GRAPHQL_PARSE_FAILED]: true,
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: true,
  [ErrorCode.OPERATION_RESOLUTION_FAILURE]: true,
  [ErrorCode.PERSISTED_QUERY_NOT_FOUND]: true,
  [ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]: true,
  [ErrorCode.PERSISTED_QUERY_HASH_MISMATCH]: true,
  [ErrorCode.UNKNOWN_ENTITY_TYPE]: true,
  [ErrorCode.QUERY_TOO_DEEP]: true,
  [ErrorCode.QUERY_TOO_COMPLEX]: true,
  [ErrorCode.TOO_MANY_ALIASES]: true,
  [ErrorCode.ARGUMENT_TOO_LONG]: true,
  [ErrorCode.DOCUMENT_TOO_COMPLEX]: true,
  // Written by the formatter itself, from a masked database error: never passed through from elsewhere.
  [ErrorCode.QUERY_TIMEOUT]: false,
  [ErrorCode.RATE_LIMITED]: true,
  [ErrorCode.INTROSPECTION_DISABLED]: true,
  [ErrorCode.BAD_CURSOR]: true,
  [ErrorCode.BAD_NODE_ID]: true,
  // Written by us (the database is out of disk space); the PostgreSQL message with its file path is only logged.
  [ErrorCode.STORAGE_FULL]: true,
  [ErrorCode.INTERNAL_SERVER_ERROR]: false,
};

const VISIBLE = new Set<string>(Object.values(ErrorCode).filter((c) => CLIENT_VISIBLE[c]));

/** Whether a message under `code` (any value found in extensions.code) is meant for the client. */
export function isClientVisible(code: unknown): boolean {
  return typeof code === 'string' && VISIBLE.has(code);
}
