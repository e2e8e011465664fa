import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { ErrorCode } from '../contracts/errors';
import { ENTITY_KEYS } from './schema';

/**
 * `_entities(representations:)` checked before it runs: a representation whose `__typename` is not an entity of
 * this graph, or without its key, is the client's error (400 UNKNOWN_ENTITY_TYPE / BAD_USER_INPUT), where the
 * federation library would throw a plain Error (an internal error with a stack in the log; issue 13 item 4).
 */
export function entitiesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) checkRepresentations(operation, request.variables ?? {});
        },
      };
    },
  };
}

export function checkRepresentations(operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  for (const sel of operation.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD || sel.name.value !== '_entities') continue;
    const arg = sel.arguments?.find((a) => a.name.value === 'representations');
    if (!arg) continue;
    const value = argumentValue(arg.value, variables);
    const list = Array.isArray(value) ? value : [value];
    list.forEach((rep, i) => checkOne(rep, i));
  }
}

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  return node.kind === Kind.VARIABLE ? variables[node.name.value] : valueFromASTUntyped(node, variables);
}

function checkOne(rep: unknown, index: number): void {
  if (rep === null || typeof rep !== 'object' || Array.isArray(rep)) throw refused(`representations[${index}] is not an object`, ErrorCode.BAD_USER_INPUT);
  const { __typename: type } = rep as Record<string, unknown>;
  const key = typeof type === 'string' && Object.hasOwn(ENTITY_KEYS, type) ? ENTITY_KEYS[type] : undefined;
  if (!key) {
    const shown = typeof type === 'string' ? `"${type.slice(0, 100)}"` : 'missing';
    throw refused(`representations[${index}].__typename is ${shown}; entities of this graph: ${Object.keys(ENTITY_KEYS).join(', ')}`, ErrorCode.UNKNOWN_ENTITY_TYPE);
  }
  const keyValue = (rep as Record<string, unknown>)[key];
  if (typeof keyValue !== 'string' && typeof keyValue !== 'number') {
    throw refused(`representations[${index}] (${String(type)}) needs its key field "${key}"`, ErrorCode.BAD_USER_INPUT);
  }
}

function refused(message: string, code: ErrorCode): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
