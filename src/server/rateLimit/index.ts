import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '../../contracts/errors';
import { sendJson } from '../http';
import type { HttpMiddleware } from '../cors';

export const DEFAULT_RATE_LIMIT = 600;

/** A per-minute budget as an environment variable gives it (`text`): unset or empty → the default; 0 turns the limit off. */
export function perMinuteFromEnv(text: string | undefined, name: string, fallback: number, unit: string): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0 (${unit} per minute), got "${text}"`);
  return n;
}

/** `NIANBAO_RATE_LIMIT`: /graphql requests per minute per client address; 0 turns the limit off. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return perMinuteFromEnv(env.NIANBAO_RATE_LIMIT, 'NIANBAO_RATE_LIMIT', DEFAULT_RATE_LIMIT, 'requests');
}

/** Per-IP budget in memory (one process); over budget → 429 RATE_LIMITED with Retry-After in seconds. */
export function rateLimitMiddleware(perMinute: number): HttpMiddleware | undefined {
  if (perMinute === 0) return undefined;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      await limiter.consume(req.socket.remoteAddress ?? 'unknown');
      return false;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      res.setHeader('retry-after', String(Math.max(1, Math.ceil(e.msBeforeNext / 1000))));
      sendJson(res, 429, {
        errors: [{ message: `too many requests: at most ${perMinute} per minute`, extensions: { code: ErrorCode.RATE_LIMITED } }],
      });
      return true;
    }
  };
}
