/**
 * Lines of a web page saved as text, where a table row lost its cell borders: 「规范性文件898989」「230 000023」
 * 「1.属于国家秘密00000002.其他法律…」. Such a line becomes label tokens and `glued` tokens (a run of digits that holds
 * one or more cells); the split of a glued run is decided later, by the form's rules (resolve.ts).
 */
import type { CellToken } from './tableTypes';

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
/** Characters that end a row label when digits follow them directly (CJK, closing brackets and quotes). */
const LABEL_END = /[\u3400-\u4dbf\u4e00-\u9fff\u3007）)”"》]/;
/** A number followed by these is narrative (「12件」「2019年」「5%」), not a table cell. */
/** Characters that start a row label (「二、」「（四）」「“三安全一稳定”」). */
const LABEL_START = /[\u3400-\u4dbf\u4e00-\u9fff\u3007（(“"《]/;
const NARRATIVE_UNIT = /^[件条个项年月日%人次篇期场]/;
const NUMBERING_MARK = /^[.、．]\D/;
const MONEY_UNIT = /^(?:万元|元)/;

interface Run {
  start: number;
  end: number;
}

/**
 * The digit run starting at i: digits, inner spaces (cells padded with &nbsp;), one decimal point, and a minus sign
 * between digits (「35-15」: 本年增/减 −15 after 35), which starts a new cell.
 */
function runAt(t: string, i: number): Run {
  let j = i;
  let lastDigit = i;
  let dot = false;
  while (j < t.length) {
    const c = t[j];
    if (isDigit(c)) lastDigit = j;
    else if (c === '.' && !dot && isDigit(t[j + 1]) && isDigit(t[j - 1])) dot = true;
    else if (c === '-' && j > i && isDigit(t[j + 1]) && (isDigit(t[j - 1]) || isSpace(t[j - 1]))) dot = false;
    else if (!isSpace(c)) break;
    j++;
  }
  return { start: i, end: lastDigit + 1 };
}

/**
 * A run followed by 「2.其他…」 ends with the next label's item number: give that digit back to the label.
 * Returns the run's new end, or its start when the whole run is the number.
 */
function withoutNumbering(t: string, run: Run): number {
  if (!NUMBERING_MARK.test(t.slice(run.end, run.end + 2))) return run.end;
  let end = run.end - 1;
  while (end > run.start && isSpace(t[end - 1])) end--;
  return end;
}

/** Is this line a table whose cells were glued to their labels? */
const ANY_JOIN = /[\u3400-\u4dbf\u4e00-\u9fff\u3007）)”"》]\d|\d[\u3400-\u4dbf\u4e00-\u9fff\u3007（(“"《]/;

export function isGluedLine(t: string): boolean {
  if (t.length < 8 || !ANY_JOIN.test(t)) return false;
  let joins = 0;
  for (let i = 1; i < t.length; i++) {
    if (!isDigit(t[i]) || isDigit(t[i - 1]) || t[i - 1] === '.') continue;
    const run = runAt(t, i);
    const end = withoutNumbering(t, run);
    i = run.end;
    if (end === run.start || NARRATIVE_UNIT.test(t.slice(end, end + 1))) continue;
    const after = t.slice(end).replace(MONEY_UNIT, '');
    const before = LABEL_END.test(t[run.start - 1]);
    // Digits touching a label on either side (「规章000规范性文件」「数量 713000074二、」) are a join.
    if (!before && !LABEL_START.test(after[0] ?? '')) continue;
    // Two joins, or one that ends the line (「…结果尚未审结总计000000000000000」).
    if (++joins >= 2 || (before && after.trim() === '')) return true;
  }
  return false;
}

/** A glued line → label tokens (the text between runs) and glued tokens (each run, with its money unit). */
export function gluedTokens(t: string, line: number, block: number): CellToken[] {
  const out: CellToken[] = [];
  let textStart = 0;
  const pushLabel = (to: number) => {
    const text = t.slice(textStart, to).trim();
    if (text !== '') out.push({ text, kind: 'label', line, block });
  };
  for (let i = 0; i < t.length; i++) {
    if (!isDigit(t[i]) || (i > 0 && (isDigit(t[i - 1]) || t[i - 1] === '.'))) continue;
    const run = runAt(t, i);
    const end = withoutNumbering(t, run);
    if (end === run.start || NARRATIVE_UNIT.test(t.slice(end, end + 1))) {
      i = run.end - 1;
      continue;
    }
    const unit = MONEY_UNIT.exec(t.slice(end))?.[0] ?? '';
    pushLabel(run.start);
    out.push({ text: t.slice(run.start, end).trim() + unit, kind: 'glued', line, block });
    textStart = end + unit.length;
    i = textStart - 1;
  }
  pushLabel(t.length);
  return out;
}
