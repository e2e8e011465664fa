import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  GraphQLError, TypeInfo, getNamedType, isAbstractType, visit, visitWithTypeInfo, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Fields whose operations keep graphql-js: introspection, federation, and `ask` (it has side effects). */
const GENERIC_FIELDS = new Set(['__schema', '__type', '_entities', '_service', 'ask']);

/** An operation compiled, or `false`: executed by graphql-js as before. */
type Entry = CompiledQuery | false;

/** How many operations were compiled, and executed compiled (read by tests). */
export const jitCounters = { compiled: 0, executed: 0 };

export interface JitOptions {
  /** The server's own error formatter (Apollo's `formatError`): errors keep their shape and codes. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Distinct operations kept compiled (least recently used dropped). */
  maxOperations?: number;
  /**
   * Requests of an operation text executed by graphql-js before it is compiled (default 1): a client sending a new
   * document with every request (compiling costs far more than executing once) never makes the server compile.
   */
  compileAfter?: number;
}

export type JitTuning = Pick<JitOptions, 'maxOperations' | 'compileAfter'>;

/**
 * Executes queries with graphql-jit (issue 15): each operation text is compiled once into a function, instead of
 * graphql-js walking the document and the schema for every request. Mutations, subscriptions, introspection, the
 * federation fields, `ask` and interface or union fields keep Apollo's execution, and so does any operation
 * graphql-jit cannot compile. The context (DataLoaders included) is the request's own; the resolvers are the schema's.
 */
export function jitPlugin<C extends object>(options: JitOptions): ApolloServerPlugin<C> {
  const compileAfter = options.compileAfter ?? 1;
  const perSchema = new WeakMap<GraphQLSchema, LRUCache<string, { seen: number; entry?: Entry }>>();
  const cacheOf = (schema: GraphQLSchema) => {
    let cache = perSchema.get(schema);
    if (!cache) perSchema.set(schema, (cache = new LRUCache({ max: options.maxOperations ?? 500 })));
    return cache;
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation(ctx): Promise<GraphQLResponse | null> {
          const { operation, document, schema } = ctx;
          // No operation (an unknown operationName): Apollo answers that itself.
          if (!operation || operation.operation !== 'query') return null;
          const cache = cacheOf(schema);
          const key = `${ctx.queryHash ?? ctx.source}\n${ctx.operationName ?? ''}`;
          let cached = cache.get(key);
          if (!cached) cache.set(key, (cached = { seen: 0 }));
          if (cached.seen < compileAfter) {
            cached.seen++;
            return null;
          }
          cached.entry ??= compile(schema, document, operation, ctx.request.operationName);
          if (!cached.entry) return null;
          jitCounters.executed++;
          const result = await cached.entry.query(undefined, ctx.contextValue, ctx.request.variables ?? {});
          if (!result.errors?.length) return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
          // Variables refused before anything ran: graphql-js answers with its own messages and codes.
          if (result.data === undefined) return null;
          return formatted(result, options.formatError);
        },
      };
    },
  };
}

function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null | undefined): Entry {
  if (needsGraphqlJs(schema, document)) return false;
  try {
    const compiled = compileQuery(schema, document, operationName ?? operation.name?.value ?? undefined);
    if (!isCompiledQuery(compiled)) return false;
    jitCounters.compiled++;
    return compiled;
  } catch {
    return false;
  }
}

/**
 * Introspection, federation and `ask` fields, and any field of an interface or union type: type-graphql's
 * `resolveType` is async (it awaits the class's function), which graphql-js awaits and graphql-jit does not (it took
 * the promise for a type name: "Abstract type Node must resolve to an Object type at runtime"). `node`/`nodes` thus
 * stay on graphql-js.
 */
function needsGraphqlJs(schema: GraphQLSchema, document: DocumentNode): boolean {
  let found = false;
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(f) {
      const type = typeInfo.getType();
      if (GENERIC_FIELDS.has(f.name.value) || (type && isAbstractType(getNamedType(type)))) found = true;
    },
  }));
  return found;
}

/** What Apollo does with execution errors (errorNormalize.ts): a code always, `extensions.http` moved to the response. */
function formatted(result: ExecutionResult, formatError: JitOptions['formatError']): GraphQLResponse {
  const http: GraphQLResponse['http'] = { headers: new HeaderMap() };
  const errors = (result.errors ?? []).map((error) => {
    try {
      const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR' };
      const head = extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
      if (head && typeof head === 'object') {
        if (typeof head.status === 'number') http.status = head.status;
        if (head.headers instanceof Map) for (const [k, v] of head.headers) http.headers.set(k, v);
        delete extensions.http;
      }
      return formatError({ ...(error as GraphQLError).toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { http, body: { kind: 'single', singleResult: { ...result, errors } } };
}
