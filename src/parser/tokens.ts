/**
 * A table region (lines) → cell tokens, whatever the layout: TAB-prefixed cells with continuation lines (Word text),
 * blank-line-separated paragraphs (web text), pipe tables (`| 规章 | 0 | 0 | 0 |`) and cells glued by spaces
 * (`规章 0 0 0`). Alignment to the template happens later, by label.
 */
import { classify } from './values';
import type { CellToken } from './tableTypes';
import { startsWithNumbering } from './normalize';
import { gluedTokens, isGluedLine } from './glued';

export type { CellToken } from './tableTypes';

const PIPE_SEPARATOR = /^[\s|:：\-—]+$/;
const UNIT_ONLY = /^(?:万元|元整?|件|项|个|条|次|笔|份|宗)$/;
const CONTINUATION_MAX = 30;
const NOTE_LINE = /^[（(][^（()）]*[）)]$/;

function token(text: string, line: number, block: number): CellToken {
  const t = text.trim();
  return { text: t, kind: classify(t), line, block };
}

/** Fields of a line glued by spaces: labels stay whole, numbers become their own cells, a lone unit joins its number. */
function splitGlued(line: string, lineNo: number, block: number): CellToken[] {
  const fields = line.trim().split(/\s+/);
  if (fields.length === 1) return [token(fields[0], lineNo, block)];
  const kinds = fields.map((f) => classify(f));
  if (!kinds.slice(1).includes('value')) return [token(line, lineNo, block)];
  const out: CellToken[] = [];
  for (let i = 0; i < fields.length; i++) {
    const prev = out[out.length - 1];
    if (kinds[i] === 'label' && prev && prev.kind === 'value' && UNIT_ONLY.test(fields[i])) {
      prev.text += fields[i];
    } else if (kinds[i] === 'label' && prev && prev.kind === 'label') {
      prev.text += fields[i];
    } else {
      out.push(token(fields[i], lineNo, block));
    }
  }
  return out;
}

/**
 * A space-separated field of several digits that starts with 0 (「00」「02」) is no one cell — a cell starts with 0
 * only when it is 0 — but cells glued together: the line is read as glued (「总计 00 0 00 0 0 0 00 0 0 0 00」, a
 * 表四 row cut from its labels by the section split), never as the numbers 0 and 2.
 */
const GLUED_FIELD = /(?:^|\s)0\d+(?=\s|$)/;

function hasGluedField(t: string): boolean {
  return GLUED_FIELD.test(t) && /\d\s+\d/.test(t);
}

function splitPipes(line: string, lineNo: number, block: number): CellToken[] {
  if (PIPE_SEPARATOR.test(line)) return [];
  const parts = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return parts.map((p) => token(p, lineNo, block));
}

function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') && t.indexOf('|', 1) > 0;
}

/** Lines [from, to) of the normalised document → tokens. */
export function tokenize(lines: readonly string[], from: number, to: number): CellToken[] {
  const out: CellToken[] = [];
  let block = 0;
  let open: CellToken | null = null; // the last cell, which may continue on the next line
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    // A TAB line is a cell even when empty (a blank cell); only a line without TAB can be a row separator.
    if (line.includes('\t')) {
      const parts = line.split('\t');
      if (parts[0].trim() === '') parts.shift();
      for (const p of parts) out.push(token(p, lineNo, block));
      open = out[out.length - 1] ?? null;
      continue;
    }
    if (line.trim() === '') {
      block++;
      open = null;
      continue;
    }
    if (isPipeRow(line)) {
      out.push(...splitPipes(line, lineNo, block));
      open = null;
      continue;
    }
    const t = line.trim();
    // 「22」 then 「（其中修订 16 件）」: a note under a number stays with it (a PDF cell of two lines).
    const last = out[out.length - 1];
    if (last?.kind === 'value' && last.line === lineNo - 1 && NOTE_LINE.test(t) && classify(last.text + t.replace(/\s+/g, '')) === 'value') {
      last.text += t.replace(/\s+/g, '');
      continue;
    }
    if (isGluedLine(t) || hasGluedField(t)) {
      out.push(...gluedTokens(t, lineNo, block));
      open = null;
      continue;
    }
    // 「本年新\n制作数量」「（三）不予\n以公\n开」: a short label fragment continues the cell above it.
    if (open && open.kind !== 'value' && t.length <= CONTINUATION_MAX && !/\s/.test(t) && classify(t) === 'label' && !startsWithNumbering(t)) {
      open.text += t;
      open.kind = classify(open.text);
      continue;
    }
    const pieces = splitGlued(line, lineNo, block);
    out.push(...pieces);
    open = pieces.length === 1 ? pieces[0] : null;
  }
  return out;
}
