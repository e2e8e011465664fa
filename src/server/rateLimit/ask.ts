import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '../../contracts/errors';
import type { NianbaoContext } from '../../resolvers/context';
import { perMinuteFromEnv } from './index';
import { perDocument } from '../documents';

export const DEFAULT_ASK_RATE_LIMIT = 30;

/** `NIANBAO_ASK_RATE_LIMIT`: `ask` questions per minute per client address; 0 turns the limit off. */
export function askRateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return perMinuteFromEnv(env.NIANBAO_ASK_RATE_LIMIT, 'NIANBAO_ASK_RATE_LIMIT', DEFAULT_ASK_RATE_LIMIT, 'questions');
}

/** How many `ask` fields an operation runs (aliases make several), fragments included. */
export const askCount = perDocument((document: DocumentNode): number => {
  let n = 0;
  visit(document, { Field: (f) => void (f.name.value === 'ask' && f.kind === Kind.FIELD && n++) });
  return n;
});

/**
 * A question costs far more than a lookup (understanding, several queries): `ask` gets its own, tighter budget per
 * client address on top of the /graphql one, each aliased `ask` counting once. Over it → 429 RATE_LIMITED.
 * In-process callers (no address: the bot's own channel, with its own per-user limit) are not counted.
 */
export function askRateLimitPlugin(perMinute: number): ApolloServerPlugin<NianbaoContext> | undefined {
  if (perMinute === 0) return undefined;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          const address = contextValue.clientAddress;
          if (!address) return;
          const asks = askCount(document);
          if (asks === 0) return;
          try {
            await limiter.consume(address, asks);
          } catch (e) {
            if (!(e instanceof RateLimiterRes)) throw e;
            const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
            throw new GraphQLError(`too many questions: at most ${perMinute} per minute; try again in ${retry} s`, {
              extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retry, http: { status: 429, headers: new HeaderMap([['retry-after', String(retry)]]) as never } },
            });
          }
        },
      };
    },
  };
}
