/**
 * Page chrome of printed reports: page numbers (「- 3 -」, 「第 4 页 共 9 页」, 「3/9」), running headers and footers
 * (a line repeated at the same place on most pages: Word headers, a browser's date/title/URL margins). They are
 * dropped, and the pages are joined without a break, so that a table cut by a page break reads as one table; its
 * header rows, when the table repeats them at the top of the next page, are dropped there too.
 */
import type { PageLayout } from './layout';

/** Headers and footers live in the top and bottom eighth of a page. */
const MARGIN_SHARE = 0.125;

const PAGE_NUMBER = [
  /^[-—–－\s]*\d{1,4}[-—–－\s]*$/, // 3, - 3 -, — 3 —
  /^第\s*\d{1,4}\s*页\s*[,，/]?\s*(?:共\s*\d{1,4}\s*页)?$/, // 第 4 页 共 9 页
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/, // 共 9 页 第 4 页
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 4/9
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
];

function inMargin(y: number, height: number): boolean {
  return y < height * MARGIN_SHARE || y > height * (1 - MARGIN_SHARE);
}

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Same text up to numbers and spacing (page numbers, dates change from page to page). */
function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/** Heights two lines may differ by and still be "the same place". */
const SAME_PLACE = 4;

type Running = Map<string, number[]>;

/** Margin lines whose shape recurs at about the same height on at least half of the pages (and on two or more). */
function runningLines(pages: PageLayout[]): Running {
  const seen = new Map<string, { page: number; y: number }[]>();
  pages.forEach((page, index) => {
    for (const line of page.lines) {
      if (!inMargin(line.y, page.height)) continue;
      const key = shape(line.text);
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key)!.push({ page: index, y: line.y });
    }
  });
  const need = Math.max(2, Math.ceil(pages.length / 2));
  const out: Running = new Map();
  for (const [key, places] of seen) {
    for (const p of places) {
      const pagesThere = new Set(places.filter((q) => Math.abs(q.y - p.y) <= SAME_PLACE).map((q) => q.page));
      if (pagesThere.size >= need) out.set(key, [...(out.get(key) ?? []), p.y]);
    }
  }
  return out;
}

function isRunning(running: Running, text: string, y: number): boolean {
  return (running.get(shape(text)) ?? []).some((ry) => Math.abs(ry - y) <= SAME_PLACE);
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * How many of a page's first lines repeat, in order, a block of lines already read: the header rows of a table
 * that goes on from the page before (Word's 「重复标题行」, a browser's <thead>). Two lines at least, so that one
 * recurring label (「信息内容 本年处理决定数量」) is never taken for a header block.
 */
function repeatedHeader(lines: string[], before: string[]): number {
  const first = lines.slice(0, 15).map(compact);
  let best = 0;
  for (let s = 0; s < before.length; s++) {
    let n = 0;
    while (n < first.length && s + n < before.length && before[s + n] === first[n] && first[n] !== '') n++;
    best = Math.max(best, n);
  }
  return best >= 2 ? best : 0;
}

/**
 * The report's lines without page chrome, pages joined. A page number counts only as the first or last line of a
 * page and inside the margins: a lone number in the body may be a table cell.
 */
export function joinPages(pages: PageLayout[]): string[] {
  const running: Running = pages.length >= 2 ? runningLines(pages) : new Map();
  const out: string[] = [];
  const seen: string[] = [];
  for (const page of pages) {
    const kept = page.lines.filter((line, i) => {
      if (!inMargin(line.y, page.height)) return true;
      if (isRunning(running, line.text, line.y)) return false;
      const edge = i === 0 || i === page.lines.length - 1;
      return !(edge && isPageNumber(line.text));
    });
    const texts = kept.map((l) => l.text);
    out.push(...texts.slice(out.length > 0 ? repeatedHeader(texts, seen) : 0));
    seen.push(...texts.map(compact));
  }
  return out;
}
