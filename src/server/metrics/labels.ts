import type { GraphQLResponse } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** What the metrics and the request log keep of one answered GraphQL request. */
export interface RequestOutcome {
  /** The operation's name as the client gave it (labelled by operationLabel). */
  operation: string | null | undefined;
  status: number;
  errorCodes: string[];
  durationMs: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A client chooses operation names: anything not a GraphQL name becomes `invalid`, none is `anonymous`. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return NAME.test(name) ? name : 'invalid';
}

export function responseErrorCodes(body: GraphQLResponse['body']): string[] {
  if (body.kind !== 'single') return [];
  const codes = (body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
  return [...new Set(codes)].sort();
}

/** The operation's name, also when validation failed (then Apollo has not resolved it, but the document is parsed). */
export function requestOperationName(ctx: { operationName?: string | null; request: { operationName?: string }; document?: DocumentNode }): string | undefined {
  if (ctx.operationName) return ctx.operationName;
  if (ctx.request.operationName) return ctx.request.operationName;
  const operations = (ctx.document?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 ? operations[0].name?.value : undefined;
}
