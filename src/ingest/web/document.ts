import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';
import { parseReport } from '../../parser';
import type { ReportHints } from '../../parser/types';
import { readPage } from './attachment';
import { bytesForParser, declaredCharset } from './charset';
import type { Fetched, WebClient } from './client';
import { WebError } from './errors';

/** Where a fetched document came from, recorded with its stored source. */
export interface WebOrigin {
  /** The address the document's bytes came from (after redirects; the attachment's for a wrapper page). */
  url: string;
  /** The wrapper page that linked to the attachment, when there was one. */
  pageUrl: string | null;
  fetchedAt: Date;
}

export type FetchedReport =
  | { ok: true; address: string; content: Buffer; hints: ReportHints; origin: WebOrigin }
  | { ok: false; address: string; reason: string };

/**
 * The report at an address: the page or file itself, or — when the page is only a wrapper around an attachment
 * (「附件：…年度报告.docx」) and does not itself hold the report's tables — the attachment it links to.
 */
export async function fetchReport(client: WebClient, address: string, hints: ReportHints = {}): Promise<FetchedReport> {
  try {
    const page = await client.get(address);
    const content = bytesForParser(page.body, declaredCharset(page.contentType, page.body));
    const attachment = looksLikeHtml(page, content) ? await attachmentOf(page, content, hints) : null;
    if (!attachment) return { ok: true, address, content, hints: { ...hints, url: hints.url ?? page.url }, origin: originOf(page, null) };
    const file = await client.get(attachment.url).catch((e: unknown) => {
      throw new WebError(`attachment ${attachment.url}: ${(e as Error).message}`);
    });
    const fileContent = bytesForParser(file.body, declaredCharset(file.contentType, file.body));
    const withTitle = { ...hints, title: hints.title ?? attachment.pageTitle ?? undefined, url: hints.url ?? file.url };
    return { ok: true, address, content: fileContent, hints: dropUndefined(withTitle), origin: originOf(file, page.url) };
  } catch (e) {
    return { ok: false, address, reason: e instanceof WebError ? e.message : `cannot be fetched (${(e as Error)?.message ?? String(e)})` };
  }
}

function originOf(f: Fetched, pageUrl: string | null): WebOrigin {
  return { url: f.url, pageUrl, fetchedAt: f.fetchedAt };
}

function looksLikeHtml(page: Fetched, content: Buffer): boolean {
  if (/html/i.test(page.contentType ?? '')) return true;
  return /<(?:!doctype\s+html|html|body)[\s>]/i.test(content.subarray(0, 4096).toString('latin1'));
}

/** The attachment to follow, or null when the page is the report (its tables are here) or links to no document. */
async function attachmentOf(page: Fetched, content: Buffer, hints: ReportHints): Promise<{ url: string; pageTitle: string | null } | null> {
  const html = isUtf8(content) ? content.toString('utf8') : iconv.decode(content, 'gb18030');
  const info = readPage(html, page.url);
  if (!info.attachments.length) return null;
  if (await holdsTables(page.url, content, hints)) return null;
  return { url: info.attachments[0].url, pageTitle: info.title };
}

async function holdsTables(url: string, content: Buffer, hints: ReportHints): Promise<boolean> {
  try {
    const parsed = await parseReport({ fileName: url, content, hints });
    return parsed.cells.length > 0;
  } catch {
    return false;
  }
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
