import { ingestDocuments, readChunk, type IngestFailure, type IngestOptions, type IngestSummary, type ReadFile } from './index';
import { sha256Of } from './store';
import type { ReportHints } from '../parser/types';
import { WebClient, type WebOptions } from './web/client';
import { fetchReport } from './web/document';

/** One document to ingest: a web address to fetch, or a local file (a manifest row without url), with its hints. */
export interface IngestEntry {
  address?: string;
  file?: string;
  hints?: ReportHints;
}

export interface EntryOptions extends IngestOptions {
  web?: WebOptions;
  /** Failures found before (bad list lines, bad manifest rows). */
  failed?: IngestFailure[];
}

/** Sites fetched at the same time; each site still gets one request at a time (see politeness.ts). */
const HOSTS_AT_ONCE = 4;
/** Fetched documents waiting for the parser at most (each up to 32 MB): fetching pauses beyond. */
const READY_AT_MOST = 8;

/**
 * Ingests web addresses and listed files. Addresses are fetched politely (WebClient), several sites side by side;
 * each fetched document is parsed and stored as it arrives, with its address and fetch time as its source. An
 * address that cannot be fetched is one failure line (「404 Not Found」, 「redirect loop」…), nothing stored.
 */
export async function ingestEntries(entries: IngestEntry[], options: EntryOptions): Promise<IngestSummary> {
  const client = new WebClient(options.web);
  return ingestDocuments(documentsOf(entries, client), entries.length, { skipped: 0, failed: options.failed ?? [] }, options);
}

async function* documentsOf(entries: IngestEntry[], client: WebClient): AsyncGenerator<ReadFile[]> {
  const files = entries.filter((e) => !e.address && e.file);
  for (let i = 0; i < files.length; i += 64) {
    const chunk = files.slice(i, i + 64);
    yield readChunk(chunk.map((e) => e.file!), new Map(chunk.map((e) => [e.file!, e.hints ?? {}])));
  }
  yield* fetchedAsTheyCome(entries.filter((e) => e.address), client);
}

/** Fetches by site (HOSTS_AT_ONCE sites at once, each site's addresses in order) and yields each document when it is in. */
async function* fetchedAsTheyCome(entries: IngestEntry[], client: WebClient): AsyncGenerator<ReadFile[]> {
  const bySite = new Map<string, IngestEntry[]>();
  for (const e of entries) {
    const site = siteOf(e.address!);
    bySite.set(site, [...(bySite.get(site) ?? []), e]);
  }
  const sites = [...bySite.values()];
  const ready: ReadFile[] = [];
  let wake: (() => void) | null = null;
  const room: (() => void)[] = [];
  let running = 0;
  const push = (f: ReadFile) => {
    ready.push(f);
    wake?.();
  };
  const work = async () => {
    running++;
    for (let site = sites.shift(); site; site = sites.shift()) {
      for (const e of site) {
        while (ready.length >= READY_AT_MOST) await new Promise<void>((resolve) => room.push(resolve));
        push(await fetched(client, e));
      }
    }
    running--;
    wake?.();
  };
  for (let i = 0; i < Math.min(HOSTS_AT_ONCE, sites.length); i++) void work();
  while (running > 0 || ready.length) {
    if (!ready.length) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    if (ready.length) {
      const batch = ready.splice(0, ready.length);
      room.splice(0).forEach((resolve) => resolve());
      yield batch;
    }
  }
}

async function fetched(client: WebClient, e: IngestEntry): Promise<ReadFile> {
  const got = await fetchReport(client, e.address!, e.hints);
  if (!got.ok) return { file: got.address, sha256: '', content: null, error: got.reason };
  return { file: got.address, sha256: sha256Of(got.content), content: got.content, hints: got.hints, source: got.origin.url, origin: got.origin };
}

function siteOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return '';
  }
}
