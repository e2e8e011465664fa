/**
 * Text normalisation that keeps line numbers: every step works inside a line, so line i of the result is
 * line i of the decoded document (warnings point at the source).
 */

const BOOKMARK = /\[bookmark:[^\]]*\]/g;
// NBSP, ideographic space, en/em spaces, zero-width space, BOM.
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
// Full-width digits, letters and the number punctuation (+ - . / %); brackets and Chinese punctuation stay as written.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff0d\uff0e\uff0f\uff05]/g;
const toHalfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

// Page furniture of converted PDFs (「- 3 -」「— 3 —」「第 3 页 共 9 页」): emptied so its digits are not read as cells.
const PAGE_NUMBER = /^[ \t\f]*(?:[-—–－]{1,2}[ \t]*\d{1,3}[ \t]*[-—–－]{1,2}|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?)[ \t]*$/gm;

export function normalizeText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(BOOKMARK, '')
    .replace(PAGE_NUMBER, '')
    .replace(ODD_SPACES, ' ')
    .replace(FULL_WIDTH, toHalfWidth)
    .replace(/[\u2212\u2013]/g, '-')
    .split('\n');
}

/** Key used to match a printed label against the catalog: no whitespace, brackets full-width. */
export function compactKey(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

// 「一、」「（三）」「(3)」「()」「)」「3.」「1、」 and their combinations, possibly garbled.
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.,，]|[（(][一二三四五六七八九十\d]*[）)]|[）)]|\d{1,2}[、.,，]?(?!\d))+/;

/** The label with numbering prefixes stripped (after compactKey). */
export function labelKey(s: string): string {
  const k = compactKey(s);
  return k.replace(NUMBERING, '');
}

/** Does the line start with a numbering prefix (a new item, never a continuation)? */
export function startsWithNumbering(s: string): boolean {
  return /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))/.test(s);
}
