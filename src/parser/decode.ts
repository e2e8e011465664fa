/**
 * Bytes → text. Decides the encoding (BOM, UTF-16 by NUL pattern, strict UTF-8, else GB18030) and the kind
 * (text / HTML / DOCX / PDF) from the content, never from the file extension, and rejects what is not a document.
 */
import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';
import { ReportParseError, type ParseWarning, type SourceDocument } from './types';
import { htmlToText } from './html';
import { readPdf } from './pdf/read';

export type DocumentKind = 'text' | 'html' | 'docx' | 'pdf';

export interface DecodedDocument {
  text: string;
  encoding: string;
  kind: DocumentKind;
  /** What decoding could not read (e.g. PDF pages that are only images). */
  warnings?: ParseWarning[];
}

/** Annual reports are well under 5 MB; anything this large is refused before any work is done. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

const HTML_START = /^\s*<(?:!doctype\s+html|html|head|body|table|div|p|meta|title|!--)[\s>/]/i;
const HTML_INSIDE = /<(?:html|body|table)[\s>]/i;

function fail(doc: SourceDocument, reason: string): never {
  throw new ReportParseError(doc.fileName, reason);
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** Refuse well-known binary formats by their magic bytes, with a reason an official can act on. */
function rejectBinaryFormats(doc: SourceDocument, buf: Buffer): void {
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) fail(doc, 'this is a PNG image, not a report (expected text, HTML, DOCX or PDF)');
  if (startsWith(buf, [0xff, 0xd8, 0xff])) fail(doc, 'this is a JPEG image, not a report (expected text, HTML, DOCX or PDF)');
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) fail(doc, 'this is a GIF image, not a report (expected text, HTML, DOCX or PDF)');
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) fail(doc, 'this is a legacy Word .doc/.xls file; save it as .docx first');
  if (startsWith(buf, [0x1f, 0x8b])) fail(doc, 'this is a gzip archive, not a report');
  if (startsWith(buf, [0x52, 0x61, 0x72, 0x21])) fail(doc, 'this is a RAR archive, not a report');
}

/** %PDF within the first 1024 bytes, as readers accept (some generators put junk before it). */
function isPdf(buf: Buffer): boolean {
  return buf.subarray(0, 1024).indexOf('%PDF-') >= 0;
}

async function decodePdf(doc: SourceDocument, buf: Buffer): Promise<DecodedDocument> {
  const pdf = await readPdf(doc, buf);
  return { text: pdf.text, encoding: 'pdf', kind: 'pdf', warnings: pdf.warnings };
}

function isZip(buf: Buffer): boolean {
  return startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06]);
}

/** UTF-16 without a BOM: ASCII characters (digits, tabs, newlines) leave NUL bytes on one parity. */
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.1 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.1 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

/** High bytes of UTF-16 code units in Chinese text: ASCII, general punctuation, CJK punctuation, CJK ideographs, full-width forms. */
function chineseHighByte(b: number): boolean {
  return b === 0x00 || b === 0x20 || b === 0x30 || (b >= 0x4e && b <= 0x9f) || b === 0xff;
}

/**
 * UTF-16 without BOM and with little ASCII (a long Chinese introduction first): nearly every code unit has a
 * "Chinese" high byte on one parity, which neither GBK nor UTF-8 bytes produce.
 */
function plausibleUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 65536) & ~1;
  if (n < 16) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (chineseHighByte(buf[i + 1])) le++;
    if (chineseHighByte(buf[i])) be++;
  }
  const units = n / 2;
  if (le >= units * 0.95 && le > be) return 'utf-16le';
  if (be >= units * 0.95 && be > le) return 'utf-16be';
  return null;
}

function decodeBytes(buf: Buffer): { text: string; encoding: string } {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return { text: buf.toString('utf8', 3), encoding: 'utf-8-bom' };
  if (startsWith(buf, [0xff, 0xfe])) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(buf);
  if (utf16 === 'utf-16le') return { text: buf.toString('utf16le'), encoding: utf16 };
  if (utf16 === 'utf-16be') return { text: iconv.decode(buf, 'utf-16be'), encoding: utf16 };
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8' };
  const plausible = plausibleUtf16(buf);
  if (plausible === 'utf-16le') return { text: buf.toString('utf16le'), encoding: plausible };
  if (plausible === 'utf-16be') return { text: iconv.decode(buf, 'utf-16be'), encoding: plausible };
  // Not valid UTF-8: most Chinese government files that are not UTF-8 are GBK, a subset of GB18030.
  return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
}

/** Share of characters that no text document contains (C0 controls other than whitespace, U+FFFD). */
function garbageShare(text: string): number {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

async function decodeDocx(doc: SourceDocument, buf: Buffer): Promise<DecodedDocument> {
  // A DOCX is a ZIP whose central directory names word/document.xml (names are stored uncompressed).
  if (buf.indexOf('word/document.xml') < 0) fail(doc, 'this is a ZIP archive but not a DOCX (no word/document.xml inside)');
  // mammoth is loaded lazily (it is large and only DOCX needs it) with require: a dynamic import() breaks under Jest.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mammoth = require('mammoth') as typeof import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: buf })).value;
  } catch (e) {
    fail(doc, `this DOCX could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  return { text: htmlToText(html), encoding: 'docx', kind: 'docx' };
}

/** Decode a document to the canonical text layout shared by all input kinds. */
export async function decodeDocument(doc: SourceDocument): Promise<DecodedDocument> {
  const buf = typeof doc.content === 'string' ? null : doc.content;
  const size = buf ? buf.length : doc.content.length;
  if (size > MAX_DOCUMENT_BYTES) {
    fail(doc, `file is too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB, annual reports are far smaller)`);
  }
  let text: string;
  let encoding: string;
  if (buf) {
    rejectBinaryFormats(doc, buf);
    if (isPdf(buf)) return decodePdf(doc, buf);
    if (isZip(buf)) return decodeDocx(doc, buf);
    ({ text, encoding } = decodeBytes(buf));
  } else {
    text = doc.content as string;
    encoding = 'string';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') fail(doc, 'the file is empty (no text)');
  if (garbageShare(text) > 0.01) fail(doc, 'binary data, not text (control characters or undecodable bytes)');
  const head = text.slice(0, 4096);
  if (HTML_START.test(head) || HTML_INSIDE.test(head)) return { text: htmlToText(text), encoding, kind: 'html' };
  return { text, encoding, kind: 'text' };
}
