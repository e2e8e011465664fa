import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, visit, type ValidationRule, getNamedType, isLeafType, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_FIRST } from '../resolvers/pagination';
import { ErrorCode } from '../contracts/errors';

export interface QueryLimits {
  /** Deepest field nesting (introspection fields not counted: graphql-js bounds those itself). */
  maxDepth: number;
  /** Estimated cost: every field 1, multiplied by the page size (`first`) or the typical list length below. */
  maxCost: number;
  maxAliases: number;
  /** Field selections in the whole document (a "wide" query), checked first during validation. */
  maxFields: number;
  /** Tokens the parser reads before giving up (a huge document is refused before it is even parsed whole). */
  maxTokens: number;
}

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
    multiplier = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_FIRST;
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
}

/** Depth and alias count of an operation, following fragments (validation has already refused fragment cycles). */
export function measure(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): Shape {
  let aliases = 0;
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
    if (!set) return depth;
    let deepest = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (sel.alias) aliases++;
        deepest = Math.max(deepest, visit(sel.selectionSet, depth + 1, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, visit(sel.selectionSet, depth, seen));
      } else {
        const name = sel.name.value;
        if (seen.has(name)) continue;
        deepest = Math.max(deepest, visit(fragments.get(name)?.selectionSet, depth, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  return { depth: visit(operation.selectionSet, 0, new Set()), aliases };
}

/** Refuses deep, aliased and expensive operations after validation and before anything executes. */
export function limitsPlugin(schema: () => GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  // Apollo keeps one parsed DocumentNode per query text, so a client repeating a query hits this cache; the answer
  // can only change with the variables that reach the cost (see costSignature).
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const key = `${request.operationName ?? ''}|${costSignature(variables)}`;
          let known = passed.get(document);
          if (known?.has(key)) return;
          checkOperation(schema(), document, operation, variables, request.operationName, limits);
          if (!known) passed.set(document, (known = new Set()));
          if (known.size >= 256) known.clear(); // bounded: a client drawing endless `first` values only loses the cache
          known.add(key);
        },
      };
    },
  };
}

/**
 * The part of the variables the verdict can depend on: numbers (`first`), booleans (@include/@skip), the length of
 * lists (`keys`, `representations`) and anything nested. Strings (agency names, keys, ids) never change the cost, and
 * leaving them out lets a lookup repeated for other agencies skip the analysis.
 */
export function costSignature(variables: Record<string, unknown>): string {
  return Object.keys(variables).sort().map((name) => {
    const v = variables[name];
    if (typeof v === 'string') return name;
    if (Array.isArray(v)) return `${name}[${v.length}]`;
    return `${name}=${JSON.stringify(v)}`;
  }).join(',');
}

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
  const { depth, aliases } = measure(operation, fragments);
  if (depth > limits.maxDepth) {
    throw rejected(`query is too deep: depth ${depth}, at most ${limits.maxDepth}`, ErrorCode.QUERY_TOO_DEEP, { depth, maxDepth: limits.maxDepth });
  }
  if (aliases > limits.maxAliases) {
    throw rejected(`query uses too many aliases: ${aliases}, at most ${limits.maxAliases}`, ErrorCode.TOO_MANY_ALIASES, {
      aliases, maxAliases: limits.maxAliases,
    });
  }
  const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimateCost] });
  if (cost > limits.maxCost) {
    throw rejected(
      `query is too expensive: estimated cost ${cost}, at most ${limits.maxCost}; ask for fewer items (first) or fewer nested lists`,
      ErrorCode.QUERY_TOO_COMPLEX,
      { cost, maxCost: limits.maxCost },
    );
  }
}
