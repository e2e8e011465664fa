import type { ParsedReport, ReportHints } from '../parser/types';

// The contracts of the write path, in a module of their own so that rows, writes and store import them without a cycle.

/** A parsed report ready to be written: everything CPU-heavy (parsing, word segmentation) is done already. */
export interface PreparedReport {
  fileName: string;
  sha256: string;
  encoding: string;
  content: Buffer;
  parsed: ParsedReport;
  /** search_words of each section, aligned with parsed.sections. */
  searchWords: string[];
  parserVersion: string;
  /** The hints it was parsed with (kept with the source, so that a reparse reads it the same way). */
  hints?: ReportHints;
  /** Where it was fetched from (web ingest). */
  origin?: SourceOrigin;
}

/** A fetched document's address, the wrapper page that linked to it, and when it was fetched. */
export interface SourceOrigin {
  url: string;
  pageUrl: string | null;
  fetchedAt: Date;
}

export interface StoreOptions {
  /**
   * Bulk ingest (ingestPaths), whatever pool it runs on:
   * - commits without waiting for the WAL flush (`SET LOCAL synchronous_commit = off`); README: a server crash may
   *   lose the last fraction of a second of reports, never half of one, and re-running the ingest restores them;
   * - commits the regions along the reports' paths before the report transaction (see ensureRegions), so that
   *   concurrent writers do not wait for each other; a report the database then refuses may leave its regions.
   * Single documents (the GraphQL mutation) keep durable commits and store nothing at all when refused.
   */
  bulk?: boolean;
}

/**
 * `alternate`: another capture of a report already stored that reads fewer cells (a page saved as glued text beside its
 * HTML): kept as history while the current version, which reads more, stays current.
 */
export type StoreStatus = 'ingested' | 'replaced' | 'unchanged' | 'alternate';

export interface StoreResult {
  status: StoreStatus;
  /** The current report (null when unchanged and the source is not current anymore). */
  reportId: string | null;
  /** For `alternate`: the file of the current version and how many more cells it reads. */
  current?: { file: string; moreCells: number };
}

/** Runs one parameterised statement and returns its rows. */
export type Sql = { query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]> };

