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

/** An operation compiled for one exact request text, with what Apollo resolved for it. */
export interface CompiledOperation {
  compiled: CompiledQuery;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The name Apollo resolved (the operation's own when the request gave none). */
  operationName: string | null;
}

export interface Jit<C extends object> {
  plugin: ApolloServerPlugin<C>;
  /**
   * The operation compiled for this exact text and operationName, once Apollo has parsed, validated and compiled it
   * (texts over MAX_TEXT are never kept: a client cannot make the server hold megabytes of whitespace).
   */
  find(query: string, operationName: string | null | undefined): CompiledOperation | undefined;
}

/** The bot's operations are under 1 KB; a text longer than this is served by Apollo's pipeline every time. */
export const MAX_TEXT = 16 * 1024;

const textKey = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${query}`;

/**
 * Executes queries with graphql-jit (issue 15): each operation text is compiled once into a function, instead of
 * graphql-js walking the document and the schema for every request. Mutations, subscriptions, introspection, the
 * federation fields, `ask` and interface or union fields keep Apollo's execution, and so does any operation
 * graphql-jit cannot compile. The context (DataLoaders included) is the request's own; the resolvers are the schema's.
 */
export function jitPlugin<C extends object>(options: JitOptions): ApolloServerPlugin<C> {
  return createJit<C>(options).plugin;
}

/**
 * The plugin, and the operations it has compiled by request text (for server/compiledPath.ts). The texts are not
 * kept per schema: a server has one schema for its life.
 */
export function createJit<C extends object>(options: JitOptions): Jit<C> {
  const byText = new LRUCache<string, CompiledOperation>({ max: options.maxOperations ?? 500 });
  const compileAfter = options.compileAfter ?? 1;
  const perSchema = new WeakMap<GraphQLSchema, LRUCache<string, { seen: number; entry?: Entry }>>();
  const cacheOf = (schema: GraphQLSchema) => {
    let cache = perSchema.get(schema);
    if (!cache) perSchema.set(schema, (cache = new LRUCache({ max: options.maxOperations ?? 500 })));
    return cache;
  };
  const plugin: ApolloServerPlugin<C> = {
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
          const text = ctx.source;
          if (text !== undefined && text.length <= MAX_TEXT && !byText.has(textKey(text, ctx.request.operationName))) {
            byText.set(textKey(text, ctx.request.operationName), { compiled: cached.entry, document, operation, operationName: ctx.operationName ?? null });
          }
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
  return { plugin, find: (query, operationName) => byText.get(textKey(query, operationName)) };
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
