import { GraphQLError } from 'graphql';
import { ErrorCode } from '../contracts/errors';

/** An error caused by the client's input: its message is shown as is (never for internal failures). */
export function badInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs in the database: anything else cannot exist, so answer before PostgreSQL rejects the syntax. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
