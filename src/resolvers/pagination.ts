import { badInput } from './errors';
import type { CountFn, EdgeShape } from '../schema/types/connection';
import type { PageInfo } from '../schema/types/common';

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

export interface Page {
  offset: number;
  limit: number;
  /** Sort key of the row the cursor points at (keyset paging), when the list provides one. */
  afterKey: unknown[] | null;
}

/** Validates `first`/`after` and turns them into a window (cursors are opaque to clients). */
export function pageOf(first: number | null | undefined, after: string | null | undefined): Page {
  const limit = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIRST) {
    throw badInput(`first must be between 1 and ${MAX_FIRST} (got ${first}); page with \`after\` for more`, { maxFirst: MAX_FIRST });
  }
  if (!after) return { offset: 0, limit, afterKey: null };
  const cursor = decodeCursor(after);
  return { offset: cursor.offset + 1, limit, afterKey: cursor.key };
}

/**
 * A cursor holds the position and, for lists that page by keyset, the sort key of its row: deep pages then cost an
 * index range scan instead of skipping OFFSET rows.
 */
export function encodeCursor(offset: number, key?: unknown[]): string {
  return Buffer.from(JSON.stringify(key ? [offset, key] : [offset])).toString('base64url');
}

export function decodeCursor(cursor: string): { offset: number; key: unknown[] | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const valid = Array.isArray(parsed) && Number.isSafeInteger(parsed[0]) && parsed[0] >= 0 &&
    (parsed.length === 1 || (parsed.length === 2 && Array.isArray(parsed[1])));
  if (!valid) throw badInput(`invalid cursor "${cursor.slice(0, 40)}": pass an endCursor or edge cursor from a previous page`);
  const [offset, key] = parsed as [number, unknown[]?];
  return { offset, key: key ?? null };
}

/** The keyset part of a cursor, checked against the types the list expects (a cursor from another list is refused). */
export function keyOfCursor<T extends unknown[]>(page: Page, check: (key: unknown[]) => key is T): T | null {
  if (!page.afterKey) return null;
  if (!check(page.afterKey)) throw badInput('invalid cursor: it belongs to another list or ordering');
  return page.afterKey;
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
  keyOf?: (node: T) => unknown[],
): C {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i, keyOf?.(node)), node }));
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
