import { createHash, timingSafeEqual } from 'node:crypto';
import type { NianbaoContext } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * Compares the bearer token in constant time: both sides are hashed first, so neither the content nor the length
 * of the configured token leaks through timing.
 */
export function tokenMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header) return false;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = createHash('sha256').update(match[1]).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected);
}

export function requireAdmin(ctx: NianbaoContext): void {
  if (!ctx.mutationsEnabled) {
    throw forbidden('mutations are disabled on this server: set NIANBAO_API_TOKEN to enable them');
  }
  if (!ctx.isAdmin) {
    throw unauthenticated('this mutation needs the header "Authorization: Bearer <NIANBAO_API_TOKEN>"');
  }
}
