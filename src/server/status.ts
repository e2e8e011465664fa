import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../contracts/errors';

/** Codes the formatter writes itself (from a masked database error) whose HTTP status the formatter cannot set. */
const STATUS: Partial<Record<string, number>> = { [ErrorCode.STORAGE_FULL]: 503 };

/** The database out of space is the server's state, not the client's fault: 503, so that a client retries later. */
export function statusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) {
            const status = STATUS[String(e.extensions?.code)];
            if (status) response.http.status = status;
          }
        },
      };
    },
  };
}
