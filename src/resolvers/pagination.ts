import { badInput } from './errors';
import type { CountFn, EdgeShape } from '../schema/types/connection';
import type { PageInfo } from '../schema/types/common';

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

export interface Page {
  offset: number;
  limit: number;
}

/** Validates `first`/`after` and turns them into an offset window (cursors are opaque to clients). */
export function pageOf(first: number | null | undefined, after: string | null | undefined): Page {
  const limit = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIRST) {
    throw badInput(`first must be between 1 and ${MAX_FIRST} (got ${first}); page with \`after\` for more`, { maxFirst: MAX_FIRST });
  }
  return { offset: after ? decodeCursor(after) + 1 : 0, limit };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`nb:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^nb:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(`invalid cursor "${cursor.slice(0, 40)}": pass an endCursor or edge cursor from a previous page`);
  return Number(match[1]);
}

export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  pageInfo: PageInfo;
  count: CountFn;
}

/**
 * Builds a connection from a window fetched with `limit + 1` rows (the extra row only tells whether a next page
 * exists). `count` runs only if the client selects totalCount.
 */
export function toConnection<T, C extends object>(
  Target: new () => C,
  rows: T[],
  page: Page,
  count: CountFn,
): C {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  const shape: ConnectionShape<T> = {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: memo(count),
  };
  return Object.assign(new Target(), shape);
}

function memo(fn: CountFn): CountFn {
  let result: Promise<number> | null = null;
  return () => (result ??= fn());
}
