import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from '../contracts/errors';
import { perDocument } from './documents';

export const INTROSPECTION_DISABLED_MESSAGE =
  'introspection is disabled in production; set NIANBAO_INTROSPECTION=true to enable it';

const introspects = perDocument((document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
});

/**
 * Refuses `__schema`/`__type` with a message naming our switch. Apollo's own rule (introspection: false) runs as
 * validation, whose errors Apollo always re-codes GRAPHQL_VALIDATION_FAILED with a text about its constructor option;
 * this plugin answers after validation with a code of ours instead (`__typename` stays allowed).
 */
export function introspectionOffPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          if (!introspects(document)) return;
          throw new GraphQLError(INTROSPECTION_DISABLED_MESSAGE, {
            extensions: { code: ErrorCode.INTROSPECTION_DISABLED, http: { status: 400 } },
          });
        },
      };
    },
  };
}
