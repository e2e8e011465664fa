import { GraphQLError } from 'graphql';
import { ErrorCode } from '../contracts/errors';
import { badInput } from './errors';
import type { CountFn, EdgeShape } from '../schema/types/connection';
import type { PageInfo } from '../schema/types/common';

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

export interface Page {
  /** Absolute position of the first row of the window. */
  offset: number;
  /** Rows the page shows. */
  limit: number;
  /** Rows to read: limit + 1 forward (the extra row tells whether a next page exists), exactly limit backward. */
  fetch: number;
  /** Sort key of the row the cursor points at (keyset paging), when the list provides one. Forward pages only. */
  afterKey: unknown[] | null;
  /** Backward pages (`last`/`before`) know their neighbours from the positions instead of an extra row. */
  backward: { hasNextPage: boolean } | null;
}

/** first/after or last/before of a connection (see PageArgs). */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function pageSize(name: 'first' | 'last', value: number | null | undefined): number {
  const size = value ?? DEFAULT_FIRST;
  if (!Number.isInteger(size) || size < 1 || size > MAX_FIRST) {
    const more = name === 'first' ? 'page with `after` for more' : 'page with `before` for more';
    throw badInput(`${name} must be between 1 and ${MAX_FIRST} (got ${value}); ${more}`, { maxFirst: MAX_FIRST });
  }
  return size;
}

/**
 * Validates the paging arguments and turns them into a window (cursors are opaque to clients). Forward pages follow
 * the keyset in `after`; backward pages are positioned by the offset in `before` (or from the end: `last` alone
 * counts the rows, through the same lazy count as totalCount). A page goes one way: `first` with `before`, or `last`
 * with `after`, is refused rather than given a meaning of its own.
 */
export async function pageOf(req: PageRequest, count: CountFn): Promise<Page> {
  const backward = req.last != null || req.before != null;
  if (backward && (req.first != null || req.after != null)) {
    throw badInput('page forward with first/after or backward with last/before, not both in one request');
  }
  if (!backward) {
    const limit = pageSize('first', req.first);
    if (!req.after) return { offset: 0, limit, fetch: limit + 1, afterKey: null, backward: null };
    const cursor = decodeCursor(req.after);
    return { offset: cursor.offset + 1, limit, fetch: limit + 1, afterKey: cursor.key, backward: null };
  }
  const size = pageSize('last', req.last);
  const end = req.before ? decodeCursor(req.before).offset : await count();
  const offset = Math.max(0, end - size);
  return { offset, limit: end - offset, fetch: end - offset, afterKey: null, backward: { hasNextPage: Boolean(req.before) } };
}

/**
 * A cursor holds the position and, for lists that page by keyset, the sort key of its row: deep pages then cost an
 * index range scan instead of skipping OFFSET rows.
 */
export function encodeCursor(offset: number, key?: unknown[]): string {
  return Buffer.from(JSON.stringify(key ? [offset, key] : [offset])).toString('base64url');
}

/** A cursor the server did not write (or wrote for another list): 400 BAD_CURSOR, never a database error. */
export function badCursor(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_CURSOR, http: { status: 400 } } });
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
  if (!valid) throw badCursor(`invalid cursor "${cursor.slice(0, 40)}": pass an endCursor or edge cursor from a previous page`);
  const [offset, key] = parsed as [number, unknown[]?];
  return { offset, key: key ?? null };
}

/** The keyset part of a cursor, checked against the types the list expects (a cursor from another list is refused). */
export function keyOfCursor<T extends unknown[]>(page: Page, check: (key: unknown[]) => key is T): T | null {
  if (!page.afterKey) return null;
  if (!check(page.afterKey)) throw badCursor('invalid cursor: it belongs to another list or ordering');
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
  const edges = nodes.map((node, i) => new Edge(node, page.offset + i, keyOf));
  const shape: ConnectionShape<T> = {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.backward.hasNextPage : rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    count: memo(count),
  };
  return Object.assign(new Target(), shape);
}

/** An edge whose cursor is written only when the client selects it (the bot's lookups never do). */
class Edge<T> implements EdgeShape<T> {
  constructor(readonly node: T, private readonly position: number, private readonly keyOf?: (node: T) => unknown[]) {}

  get cursor(): string {
    return encodeCursor(this.position, this.keyOf?.(this.node));
  }
}

/** A count that runs at most once (a `last` page and totalCount share it). */
export function memo(fn: CountFn): CountFn {
  let result: Promise<number> | null = null;
  return () => (result ??= fn());
}
