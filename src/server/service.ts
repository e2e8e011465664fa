import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from '../contracts/errors';
import { tokenMatches } from '../resolvers/auth';
import { perDocument } from './documents';

const selectsService = perDocument((document: DocumentNode): boolean => {
  let found = false;
  visit(document, { Field: (f) => void (f.name.value === '_service' && (found = true)) });
  return found;
});

/**
 * `{ _service { sdl } }` is the whole schema: with introspection off (production) it is served only to the gateway,
 * which presents `Authorization: Bearer $NIANBAO_GATEWAY_TOKEN` (issue 13 item 5). Anyone else gets 403 FORBIDDEN.
 */
export function servicePlugin(introspection: boolean, gatewayToken: string | undefined): ApolloServerPlugin | undefined {
  if (introspection) return undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          if (!selectsService(document)) return;
          if (tokenMatches(request.http?.headers.get('authorization') ?? undefined, gatewayToken)) return;
          throw new GraphQLError(
            gatewayToken
              ? 'the subgraph schema (_service) is served to the gateway only: send "Authorization: Bearer <NIANBAO_GATEWAY_TOKEN>"'
              : 'the subgraph schema (_service) is not served: introspection is off and NIANBAO_GATEWAY_TOKEN is not set',
            { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } },
          );
        },
      };
    },
  };
}
