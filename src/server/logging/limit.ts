import type { Logger } from '../../contracts';

export interface ErrorLogLimit {
  /** Window in ms in which one kind of error is logged with its stack once, then a few times as one line. */
  windowMs: number;
  /** One-line repeats per kind and window; past these, errors of the kind are only counted. */
  repeats: number;
}

export const DEFAULT_ERROR_LOG_LIMIT: ErrorLogLimit = { windowMs: 60_000, repeats: 5 };

/** Kinds remembered at once: a flood of distinct messages cannot grow the map without bound. */
const MAX_KINDS = 200;

interface Kind {
  since: number;
  /** Reference of the entry that carried the stack. */
  reference: string;
  logged: number;
  suppressed: number;
}

/**
 * Internal errors, logged so that a storm (the database down under load: every request fails the same way) cannot
 * flood the log: per kind of error (its message with numbers blanked) and window, the first is logged with its stack,
 * the next few as one line naming that first reference, the rest only counted and summed up when the window ends.
 */
export function createErrorLog(logger: Logger, limit: ErrorLogLimit = DEFAULT_ERROR_LOG_LIMIT, now: () => number = Date.now) {
  const kinds = new Map<string, Kind>();
  return (reference: string, where: string, error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${where}|${message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|\d+/gi, '#').slice(0, 300)}`;
    const t = now();
    let kind = kinds.get(key);
    if (kind && t - kind.since >= limit.windowMs) {
      if (kind.suppressed) logger.warn(`${kind.suppressed} more errors like [${kind.reference}] were not logged in the last ${Math.round((t - kind.since) / 1000)} s`);
      kinds.delete(key);
      kind = undefined;
    }
    if (!kind) {
      if (kinds.size >= MAX_KINDS) kinds.clear();
      kinds.set(key, { since: t, reference, logged: 0, suppressed: 0 });
      const stack = error instanceof Error ? (error.stack ?? message) : message;
      logger.error(`[${reference}] ${where}: ${stack}`);
      return;
    }
    if (kind.logged < limit.repeats) {
      kind.logged++;
      logger.error(`[${reference}] ${where}: ${oneLine(message)} (as [${kind.reference}], stack logged there)`);
    } else kind.suppressed++;
  };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
