import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, visit, type ValidationRule, getNamedType, isLeafType, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_FIRST } from '../resolvers/pagination';
import { checkStringArguments } from './strings';
import { ErrorCode } from '../contracts/errors';

export interface QueryLimits {
  /** Deepest field nesting (introspection fields not counted: graphql-js bounds those itself). */
  maxDepth: number;
  /** Estimated cost: every field 1, multiplied by the page size (`first` or `last`) or the typical list length below. */
  maxCost: number;
  maxAliases: number;
  /** Field selections in the whole document (a "wide" query), checked first during validation. */
  maxFields: number;
  /** Tokens the parser reads before giving up (a huge document is refused before it is even parsed whole). */
  maxTokens: number;
}

/** Field selections after expanding fragments: a generous multiple of maxFields for documents that reuse fragments. */
export const MAX_EXPANDED_FIELDS = 20_000;

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxCost: 50_000, maxAliases: 30, maxFields: 500, maxTokens: 5_000 };

/** Typical lengths of the lists that do not page, for the cost estimate. */
const LIST_LENGTHS: Record<string, number> = {
  'Report.cells': 200,
  'Report.sections': 6,
  'Report.checks': 40,
  'Report.sources': 3,
  'Report.warnings': 5,
  'Agency.reports': 10,
  'Region.path': 4,
  'Query.metrics': 400,
  'Query.aggregate': 40,
  'Query._entities': 1,
};

function estimateCost({ args, childComplexity, field, type }: ComplexityEstimatorArgs): number {
  const fieldKey = `${type.name}.${field.name}`;
  let multiplier = 1;
  if (field.args.some((a) => a.name === 'first')) {
    // `last` pages as many rows as `first` does.
    const size = typeof args.first === 'number' ? args.first : args.last;
    multiplier = typeof size === 'number' && size > 0 ? size : DEFAULT_FIRST;
  } else if (fieldKey === 'Query.nodes' && Array.isArray(args.ids)) {
    multiplier = args.ids.length;
  } else if (fieldKey === 'Report.cells' && Array.isArray(args.keys)) {
    multiplier = args.keys.length;
  } else if (fieldKey === 'Query._entities' && Array.isArray(args.representations)) {
    multiplier = args.representations.length;
  } else if (LIST_LENGTHS[fieldKey]) {
    multiplier = LIST_LENGTHS[fieldKey];
  }
  return (isLeafType(getNamedType(field.type)) ? 1 : 1 + childComplexity) * multiplier;
}

function rejected(message: string, code: ErrorCode, extra: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400 } } });
}

/**
 * A validation rule that refuses documents with too many field selections before the other rules run: graphql-js
 * would otherwise spend quadratic time comparing them (and then abort with an unhelpful "Validation aborted.").
 */
export function maxFieldsRule(maxFields: number): ValidationRule {
  return (context) => ({
    Document(node) {
      let fields = 0;
      visit(node, { Field: () => void fields++ });
      if (fields > maxFields) {
        context.reportError(new GraphQLError(`query selects too many fields: ${fields}, at most ${maxFields}`, { nodes: [node] }));
      }
      return false;
    },
  });
}

interface Shape {
  depth: number;
  aliases: number;
  /** Field selections once every fragment spread is expanded: what an executor (and the cost estimate) would walk. */
  expanded: number;
}

/**
 * Depth, alias count and expanded size of an operation, following fragments (validation has already refused fragment
 * cycles). Each fragment is measured once and its shape reused at every spread: a document whose fragments spread
 * each other twice per level doubles its expanded size per level, and walking it spread by spread would take
 * exponential time (issue 13). Counts may grow large; the work stays linear in the document.
 */
export function measure(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): Shape {
  const memo = new Map<string, Shape>();
  const shapeOf = (set: SelectionSetNode | undefined, inProgress: Set<string>): Shape => {
    const out: Shape = { depth: 0, aliases: 0, expanded: 0 };
    if (!set) return out;
    for (const sel of set.selections) {
      let inner: Shape;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const child = shapeOf(sel.selectionSet, inProgress);
        inner = { depth: child.depth + 1, aliases: child.aliases + (sel.alias ? 1 : 0), expanded: child.expanded + 1 };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = shapeOf(sel.selectionSet, inProgress);
      } else {
        inner = fragmentShape(sel.name.value, inProgress);
      }
      out.depth = Math.max(out.depth, inner.depth);
      out.aliases += inner.aliases;
      out.expanded += inner.expanded;
    }
    return out;
  };
  const fragmentShape = (name: string, inProgress: Set<string>): Shape => {
    const known = memo.get(name);
    if (known) return known;
    if (inProgress.has(name)) return { depth: 0, aliases: 0, expanded: 0 };
    inProgress.add(name);
    const shape = shapeOf(fragments.get(name)?.selectionSet, inProgress);
    inProgress.delete(name);
    memo.set(name, shape);
    return shape;
  };
  return shapeOf(operation.selectionSet, new Set());
}

/** The per-request limits check: throws the GraphQLError a request over a limit is refused with. */
export type LimitsCheck = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, operationName: string | undefined) => void;

export function createLimitsCheck(schema: () => GraphQLSchema, limits: QueryLimits): LimitsCheck {
  // Apollo keeps one parsed DocumentNode per query text, so a client repeating a query hits this cache; the answer
  // can only change with the variables that reach the cost (see costSignature).
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return (document, operation, variables, operationName) => {
    // Strings are left out of the cached verdict below, so they are checked on every request.
    checkStringArguments(document, operation, variables);
    const key = `${operationName ?? ''}|${costSignature(variables)}`;
    let known = passed.get(document);
    if (known?.has(key)) return;
    checkOperation(schema(), document, operation, variables, operationName, limits);
    if (!known) passed.set(document, (known = new Set()));
    if (known.size >= 256) known.clear(); // bounded: a client drawing endless `first` values only loses the cache
    known.add(key);
  };
}

/** Refuses deep, aliased and expensive operations after validation and before anything executes. */
export function limitsPlugin(check: LimitsCheck): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation) check(document, operation, request.variables ?? {}, request.operationName);
        },
      };
    },
  };
}

/**
 * The part of the variables the verdict can depend on: numbers (`first`), booleans (@include/@skip), the length of
 * lists (`keys`, `representations`) and the shape of nested objects. Strings (agency names, keys, ids) never change the
 * cost, and leaving them out lets a lookup repeated for other agencies skip the analysis. A long signature is kept as
 * its digest: a client sending megabytes of variables cannot make the cache hold them (issue 13); a short one (every
 * bot operation's) is kept as it is, which spares a SHA-1 per request.
 */
export function costSignature(variables: Record<string, unknown>): string {
  let text = '';
  let hash: ReturnType<typeof createHash> | null = null;
  const add = (part: string) => {
    if (hash) hash.update(part);
    else if ((text += part).length > MAX_PLAIN_SIGNATURE) hash = createHash('sha1').update(text);
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') add('s');
    else if (Array.isArray(v)) {
      add(`[${v.length}`);
      for (const x of v) walk(x);
      add(']');
    } else if (v !== null && typeof v === 'object') {
      add('{');
      for (const k of Object.keys(v).sort()) {
        add(`${k.length}:${k}`);
        walk((v as Record<string, unknown>)[k]);
      }
      add('}');
    } else add(`${typeof v}:${String(v)};`);
  };
  walk(variables);
  return hash ? `#${(hash as ReturnType<typeof createHash>).digest('base64')}` : text;
}

/** Longer signatures are kept as a digest (`#…`; a plain one never starts with `#`: it is `{…}`). */
const MAX_PLAIN_SIGNATURE = 200;

export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  limits: QueryLimits,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const { depth, aliases, expanded } = measure(operation, fragments);
  if (depth > limits.maxDepth) {
    throw rejected(`query is too deep: depth ${depth}, at most ${limits.maxDepth}`, ErrorCode.QUERY_TOO_DEEP, { depth, maxDepth: limits.maxDepth });
  }
  if (aliases > limits.maxAliases) {
    throw rejected(`query uses too many aliases: ${aliases}, at most ${limits.maxAliases}`, ErrorCode.TOO_MANY_ALIASES, {
      aliases, maxAliases: limits.maxAliases,
    });
  }
  // The complexity estimator expands every spread again; past this size it would burn CPU (or hit its own node cap
  // and throw a plain Error, i.e. HTTP 500). A document this large is refused as too complex before it runs.
  if (expanded > MAX_EXPANDED_FIELDS) {
    throw rejected(
      `query is too expensive: its fragments expand to ${expanded} field selections, at most ${MAX_EXPANDED_FIELDS}`,
      ErrorCode.QUERY_TOO_COMPLEX,
      { expanded, maxExpanded: MAX_EXPANDED_FIELDS },
    );
  }
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimateCost] });
  } catch (e) {
    // The estimator coerces the variables itself: a wrong one is the client's error, as it is at execution.
    if (e instanceof GraphQLError) throw rejected(e.message, ErrorCode.BAD_USER_INPUT, {});
    throw rejected(`query cannot be estimated: ${(e as Error).message}`, ErrorCode.QUERY_TOO_COMPLEX, {});
  }
  if (cost > limits.maxCost) {
    throw rejected(
      `query is too expensive: estimated cost ${cost}, at most ${limits.maxCost}; ask for fewer items (first) or fewer nested lists`,
      ErrorCode.QUERY_TOO_COMPLEX,
      { cost, maxCost: limits.maxCost },
    );
  }
}
