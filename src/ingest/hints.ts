import type { ReportHints } from '../parser/types';

/** A hint value that is not what its field expects: says which field, what was expected and what was given. */
export class HintError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`${field}: expected ${expected}, got ${JSON.stringify(typeof got === 'string' ? got.slice(0, 80) : got)}`);
    this.name = 'HintError';
  }
}

export const HINT_FIELDS = ['agency', 'year', 'title', 'url', 'publishedAt'] as const;
export type HintField = (typeof HINT_FIELDS)[number];

const LIMITS = { agency: 200, title: 500, url: 2000 };
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/**
 * Hints as the caller wrote them (CLI flags, a manifest row, GraphQL input) → ReportHints; empty values are absent.
 * Throws HintError for the first field that is not what it should be.
 */
export function checkHints(raw: Partial<Record<HintField, unknown>>): ReportHints {
  const hints: ReportHints = {};
  const text = (field: 'agency' | 'title' | 'url') => {
    const v = raw[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') throw new HintError(field, 'text', v);
    const t = v.replace(/\s+/g, ' ').trim();
    if (t.length > LIMITS[field]) throw new HintError(field, `at most ${LIMITS[field]} characters`, `${t.slice(0, 40)}…`);
    return t || undefined;
  };
  const agency = text('agency');
  const title = text('title');
  const url = text('url');
  if (agency) hints.agency = agency;
  if (title) hints.title = title;
  if (url) hints.url = checkUrl(url);
  const year = checkYear(raw.year);
  if (year !== undefined) hints.year = year;
  const publishedAt = checkDate(raw.publishedAt);
  if (publishedAt) hints.publishedAt = publishedAt;
  return hints;
}

/** The caller's hints over another source's (e.g. CLI flags over a manifest row): the explicit command wins. */
export function mergeHints(base: ReportHints | undefined, over: ReportHints | undefined): ReportHints {
  return { ...(base ?? {}), ...(over ?? {}) };
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HintError('url', 'an http:// or https:// address', url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new HintError('url', 'an http:// or https:// address', url);
  return parsed.href;
}

function checkYear(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < MIN_YEAR || n > MAX_YEAR) throw new HintError('year', `a year ${MIN_YEAR}–${MAX_YEAR}`, v);
  return n;
}

/** Crawlers write dates as 2024-01-17, 2024-01-17 09:30:00, 2024-01-17T09:30:00+08:00, 2024/1/17 or 2024年1月17日. */
const DATE = /^\s*(\d{4})(?:-|\/|年)(\d{1,2})(?:-|\/|月)(\d{1,2})日?(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;

function checkDate(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const expected = 'a date YYYY-MM-DD';
  if (typeof v !== 'string') throw new HintError('publishedAt', expected, v);
  const m = DATE.exec(v);
  if (!m) throw new HintError('publishedAt', expected, v);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < MIN_YEAR || y > MAX_YEAR) {
    throw new HintError('publishedAt', expected, v);
  }
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
