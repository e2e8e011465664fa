/**
 * A PDF report → the text the text path reads: pdf.js items (extract.ts) → page layout (layout.ts) → pages joined
 * without chrome (chrome.ts). What cannot be read is refused with one specific reason: a scan without text layer,
 * a password, a damaged or truncated file, too many pages, too long or too large to read.
 */
import { ReportParseError, type ParseWarning, type SourceDocument } from '../types';
import { extractPdf, type ExtractLimits, type ExtractResult } from './extract';
import { joinPages } from './chrome';
import { layoutPage, pageHasText } from './layout';

/** Annual reports have 3–15 pages; a document far longer is something else (a yearbook, a merged archive). */
export const MAX_PDF_PAGES = 100;

export const PDF_LIMITS: ExtractLimits = {
  maxPages: MAX_PDF_PAGES,
  maxItems: 500_000,
  timeoutMs: 20_000,
  maxMemoryMb: 512,
};

export interface PdfText {
  text: string;
  pages: number;
  warnings: ParseWarning[];
}

/** A complete PDF ends with %%EOF (readers look for it in the last 1024 bytes); without it the file was cut off. */
function isTruncated(bytes: Buffer): boolean {
  return bytes.subarray(Math.max(0, bytes.length - 1024)).indexOf('%%EOF') < 0;
}

function refusal(result: Exclude<ExtractResult, { ok: true }>, limits: ExtractLimits): string {
  switch (result.code) {
    case 'password':
      return 'this PDF is password-protected (encrypted): save it without the password, or ask the agency for an unprotected copy';
    case 'too_many_pages':
      return `this PDF has ${result.pages} pages; an annual report has far fewer (the limit is ${limits.maxPages} pages)`;
    case 'too_much_text':
      return `this PDF holds more than ${limits.maxItems} pieces of text; an annual report has far fewer`;
    case 'timeout':
      return `reading this PDF took longer than ${limits.timeoutMs / 1000} s and was stopped`;
    case 'memory':
      return `reading this PDF needed more than ${limits.maxMemoryMb} MB of memory and was stopped`;
    case 'corrupt':
      return `this PDF is damaged and cannot be read (${result.message ?? 'invalid structure'})`;
    case 'crashed':
      return `the PDF reader failed on this file (${result.message ?? 'no reason given'})`;
  }
}

export async function readPdf(doc: SourceDocument, bytes: Buffer, limits: ExtractLimits = PDF_LIMITS): Promise<PdfText> {
  const fail = (reason: string): never => {
    throw new ReportParseError(doc.fileName, reason);
  };
  if (isTruncated(bytes)) fail('this PDF is truncated (its end-of-file marker is missing): the download or upload was cut off');
  const result = await extractPdf(bytes, limits);
  if (!result.ok) return fail(refusal(result, limits));
  const { pages } = result;
  const textless = pages.map((p, i) => (pageHasText(p) ? 0 : i + 1)).filter((n) => n > 0);
  if (textless.length === pages.length) {
    fail(`this PDF has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images only, e.g. a scan): it needs OCR before its tables can be read`);
  }
  const warnings: ParseWarning[] = textless.length
    ? [{ code: 'pdf_pages_without_text', message: `PDF pages without a text layer (images only, not read): ${textless.join(', ')}` }]
    : [];
  const text = joinPages(pages.map(layoutPage)).join('\n');
  return { text, pages: pages.length, warnings };
}
