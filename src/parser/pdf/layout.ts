/**
 * Positioned text items of one page → text lines, the way `pdftotext -layout` rebuilds a page: items on one
 * baseline (within a tolerance) form a line, ordered by x; horizontal gaps become spaces in proportion to the
 * distance, so that table columns stay apart. One addition: the national Word template aligns the 总计 column
 * of 表三 to the top of its cell and the other columns to the middle, so in a row whose label wraps, the total
 * sits one line above the other numbers; such a lone number is put back into its row (see mergeOffsetValues).
 */
import type { RawPage } from './extract';
import { dominantQuarter, quarter, turn } from './orient';
import { normaliseText } from './radicals';
import { startsWithNumbering } from '../normalize';

export interface LayoutLine {
  text: string;
  /** Baseline, points from the top of the page. */
  y: number;
  /** Font size of the line (its largest text item). */
  size: number;
}

interface Item {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A whitespace item: a space pdf.js saw between words. */
  space: boolean;
}

interface Line {
  y: number;
  size: number;
  items: Item[];
}

const NUMBER = /^[-+]?\d(?:[\d,.]*\d)?$/; // not 「1.」, the numbering of a label

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Items of the page's main direction, turned upright; text at another angle (diagonal watermarks, stamps, a
 * sideways note in a margin) is left out.
 */
function itemsOf(page: RawPage): { items: Item[]; height: number } {
  const q = dominantQuarter(page.items);
  const items = page.items
    .filter((it) => quarter(it) === q && it.h > 0)
    .map((it) => {
      const [x, y] = turn(it.x, it.y, q, page.width, page.height);
      return { s: normaliseText(it.s), x, y, w: it.w, h: it.h, space: it.s.trim() === '' };
    });
  return { items, height: q % 2 === 1 ? page.width : page.height };
}

/** Items whose baselines are within 0.4 of a font size of the line's first item belong to that line. */
function groupLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(it.y - line.y) <= 0.4 * Math.max(line.size, it.h)) {
      line.items.push(it);
      if (!it.space) line.size = Math.max(line.size, it.h);
    } else {
      lines.push({ y: it.y, size: it.h, items: [it] });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.filter((l) => l.items.some((it) => !it.space));
}

/** Numbers standing alone as table cells: apart from their neighbours on the line by most of an em (not 「2023 年」 in a sentence). */
function numbers(line: Line): Item[] {
  const text = line.items.filter((it) => !it.space);
  const alone = (i: number) => {
    const [it, prev, next] = [text[i], text[i - 1], text[i + 1]];
    const far = 0.8 * it.h;
    return (!prev || it.x - (prev.x + prev.w) >= far) && (!next || next.x - (it.x + it.w) >= far);
  };
  return text.filter((it, i) => NUMBER.test(it.s.trim()) && alone(i));
}

function overlaps(a: Item, b: Item, margin: number): boolean {
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin;
}

/**
 * A line with few numbers next to a line (at most 1.6 font sizes away, the next text line) with more numbers, none of them in the same
 * columns: cells of one table row printed at different vertical alignments. The few move into the fuller line.
 */
function mergeOffsetValues(lines: Line[]): Line[] {
  for (let i = 0; i < lines.length; i++) {
    // The line below may not be the next one: a rowspan label (「他处理」) can sit between the two.
    for (let j = i + 1; j < lines.length && lines[j].y - lines[i].y <= 1.6 * Math.max(lines[i].size, lines[j].size); j++) {
      if (mergeInto(lines[i], lines[j])) break;
    }
  }
  return lines.filter((l) => l.items.some((it) => !it.space));
}

function mergeInto(a: Line, b: Line): boolean {
  const [na, nb] = [numbers(a), numbers(b)];
  if (na.length === 0 || nb.length === 0 || na.length === nb.length) return false;
  const [from, to, moving] = na.length < nb.length ? [a, b, na] : [b, a, nb];
  if (numbers(to).length < 2) return false;
  const margin = 0.3 * to.size;
  if (moving.some((m) => to.items.some((t) => !t.space && overlaps(m, t, margin)))) return false;
  from.items = from.items.filter((it) => !moving.includes(it));
  to.items = [...to.items, ...moving].sort((p, q) => p.x - q.x);
  return true;
}

/** Display width in columns of half an em: ideographs and full-width forms take two. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/**
 * Two items apart by more than this are two words (or cells). Digits of one number are never set apart, while
 * the numbers of adjacent narrow table cells may be less than a tenth of an em apart (browsers, no cell padding).
 */
function separated(prev: string, next: string, gap: number, size: number): boolean {
  const digits = /[\d.]$/.test(prev) && /^[-+\d]/.test(next);
  return gap > (digits ? 0.03 : 0.15) * size;
}

/** Items → text: an item after a gap starts at the column of its x (pitch: half the page's usual font size), at least one space on. */
function render(line: Line, left: number, pitch: number): string {
  let out = '';
  let width = 0;
  let end = -Infinity;
  let spaced = false;
  for (const it of line.items) {
    if (it.space) {
      spaced = true;
      continue;
    }
    if (out !== '' && (spaced || separated(out, it.s, it.x - end, it.h))) {
      const pad = Math.max(1, Math.round((it.x - left) / pitch) - width);
      out += ' '.repeat(pad);
      width += pad;
    } else if (out === '') {
      const pad = Math.max(0, Math.round((it.x - left) / pitch));
      out += ' '.repeat(pad);
      width += pad;
    }
    out += it.s;
    width += columns(it.s);
    end = Math.max(end, it.x + it.w);
    spaced = false;
  }
  return out.replace(/\s+$/, '');
}

export interface PageLayout {
  height: number;
  lines: LayoutLine[];
}

/**
 * A heading wrapped over several lines (a long title in a large font: 「…工作年度」 / 「报告」) becomes one line
 * again, as the paragraph it is in the source: consecutive lines of the same font size, well above the body's.
 */
function joinHeadings(lines: LayoutLine[], bodySize: number): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const heading = line.size >= 1.25 * bodySize;
    // A table set in a larger font than the body is no heading: the next line has cells apart (「本年新  本年新」)
    // or starts a new item (「第二十条第（五）项」), the line before ends with a number cell (「规章  0  0  7」);
    // joined, four rows became one line. (A title's own gaps, 「丰城市自然资源局  2023  年…」, do not count.)
    const wraps = prev && !isTableLine(line.text) && !/\s{2,}[-+]?\d[\d,.]*$/.test(prev.text.trim())
      && !startsWithNumbering(line.text) && !/^\s*第[一二三四五六七八九十]+条/.test(line.text);
    if (prev && heading && wraps && Math.abs(prev.size - line.size) < 0.5 && line.y - prev.y <= 1.8 * line.size) {
      prev.text = `${prev.text.replace(/\s+$/, '')}${line.text.trim()}`;
      prev.y = line.y;
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

/** Text items set apart inside the line (two or more spaces between them): table cells, not a wrapped heading. */
function isTableLine(text: string): boolean {
  return /\S\s{2,}\S/.test(text.trim());
}

export function layoutPage(page: RawPage): PageLayout {
  const { items, height } = itemsOf(page);
  const text = items.filter((it) => !it.space);
  const size = median(text.map((it) => it.h)) || 10;
  const left = text.reduce((m, it) => Math.min(m, it.x), text.length ? Infinity : 0);
  const lines = mergeOffsetValues(groupLines(items));
  const rendered = lines.map((l) => ({ text: render(l, left, size / 2), y: l.y, size: l.size }));
  return { height, lines: joinHeadings(rendered, size) };
}

/** True when the page has no text at all (a scanned page). */
export function pageHasText(page: RawPage): boolean {
  return page.items.some((it) => it.s.trim() !== '');
}
