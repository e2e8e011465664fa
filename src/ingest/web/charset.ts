import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';

/** The GB family: the parser's decoder reads these bytes itself (strict UTF-8 first, else GB18030). */
const GB = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'csgb2312', 'hz-gb-2312']);

/** The charset a page declares: Content-Type header first, then a <meta charset> or http-equiv in its head. */
export function declaredCharset(contentType: string | null, body: Buffer): string | null {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  if (fromHeader) return fromHeader[1].toLowerCase();
  const head = body.subarray(0, 4096).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}

/**
 * Bytes for the parser. UTF-8 and GBK/GB2312/GB18030 pages are kept verbatim (the parser's decoder tells them apart
 * by the bytes: a header claiming gbk over a valid UTF-8 page is a common server mistake); a page in another declared
 * charset (Big5, UTF-16 without BOM, …) is re-encoded as UTF-8 so that the stored source reads back the same.
 */
export function bytesForParser(body: Buffer, charset: string | null): Buffer {
  if (!charset || charset === 'utf-8' || charset === 'utf8' || GB.has(charset)) return body;
  if (isUtf8(body) || !iconv.encodingExists(charset)) return body;
  return Buffer.from(iconv.decode(body, charset), 'utf8');
}
