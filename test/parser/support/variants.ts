/** Layout and encoding noise applied to the Word-text samples: the cells read must not change. */
import * as iconv from 'iconv-lite';

/** Rows of TAB cells (continuation lines joined) → `render(cells)`; other lines unchanged. */
function rewriteRows(text: string, render: (cells: string[], first: boolean) => string[]): string {
  const out: string[] = [];
  let cells: string[] | null = null;
  let tableStarted = false;
  const flush = () => {
    if (cells) {
      out.push(...render(cells, !tableStarted));
      tableStarted = true;
    }
    cells = null;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      (cells ??= []).push(line.slice(1));
    } else if (cells && line.trim() !== '') {
      cells[cells.length - 1] += line;
    } else {
      flush();
      if (line.trim() !== '') tableStarted = false;
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** 「规章 0 0 0」: every row on one line, cells glued by spaces. */
export const cellsOnOneLine = (text: string) => rewriteRows(text, (cells) => [cells.join(' ')]);

/** `| 规章 | 0 | 0 | 0 |` as PDF-to-text converters emit, with a separator row under each table's first row. */
export const pipeTable = (text: string) =>
  rewriteRows(text, (cells, first) => {
    const row = `| ${cells.join(' | ')} |`;
    return first ? [row, `|${cells.map(() => '---').join('|')}|`] : [row];
  });

/**
 * What `pdftotext -layout` makes of the tables: a row per line, cells apart by runs of spaces, long labels wrapped
 * onto the next line (「5、要求行政机关确认或重新」 / 「出具已获取信息」).
 */
export const pdfLayout = (text: string) =>
  rewriteRows(text, (cells) => {
    const wrapped: string[] = [];
    const line = cells.map((c) => {
      if (c.length <= 12) return c;
      wrapped.push(c.slice(12));
      return c.slice(0, 12);
    });
    return [`  ${line.join('    ')}`, ...(wrapped.length ? [`      ${wrapped.join('      ')}`] : [])];
  });

export const extraBlankLines = (text: string) => text.replace(/\n\n/g, '\n\n\n\n').replace(/\n(\t)/g, '\n\n$1').replace(/\n\n(\t)/g, '\n$1');

const FULL = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0);
export const fullWidthDigits = (text: string) => text.replace(/[0-9]/g, FULL);

/** 「0件」: a unit after every bare number cell. */
export const unitsInCells = (text: string) => text.replace(/^(\t[\s\u00a0]*)(\d+)([\s\u00a0]*)$/gm, '$1$2件$3');

export const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A GBK file cannot hold NBSP (a real one has plain spaces there). */
export const gbk = (text: string) => iconv.encode(text.replace(/\u00a0/g, ' '), 'gbk');
export const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
export const utf16leBom = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
export const utf16leNoBom = (text: string) => Buffer.from(text, 'utf16le');
export const utf16beBom = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
