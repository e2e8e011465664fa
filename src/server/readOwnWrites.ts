import type { ApolloServerPlugin } from '@apollo/server';
import { readOwnWrites } from '../db/queries';

/**
 * With a read replica (DATABASE_READ_URL), a mutation's own answer is read from the primary: the report an
 * ingestReport has just stored is not on the replica yet. Queries keep reading from the replica.
 */
export function readOwnWritesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') readOwnWrites();
        },
      };
    },
  };
}
