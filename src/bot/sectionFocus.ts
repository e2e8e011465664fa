import { SECTION_FOCUS } from './vocabulary';

/**
 * Section 五 often has two sub-parts (「（一）上年存在问题的改进情况」, 「（二）本年存在的主要问题」) in either order:
 * a question about problems is answered from the part that names problems without improvement, a question about
 * improvement from the part that names it. Without sub-headings, or when no heading fits, the whole section.
 */

/** A sub-heading: a short line 「（一）…」 that opens a part of the section. */
const SUB_HEADING = /^\s*[（(][一二三四五六七八九十][）)][^\n。；]{2,40}$/;

export type FocusWord = 'problems' | 'improvement';

/** What the question asks of section 五, if it says. */
export function askedFocus(question: string): FocusWord | null {
  const improve = SECTION_FOCUS.improvement.some((w) => question.includes(w));
  const problems = SECTION_FOCUS.problems.some((w) => question.includes(w));
  if (improve === problems) return null;
  return improve ? 'improvement' : 'problems';
}

interface Part { heading: string; text: string }

/** The section's title opens the first part when it is itself a sub-heading (the 五 heading was lost in conversion). */
function partsOf(title: string, text: string): Part[] {
  const parts: Part[] = SUB_HEADING.test(title) ? [{ heading: title.trim(), text: '' }] : [];
  for (const line of text.split('\n')) {
    if (SUB_HEADING.test(line)) parts.push({ heading: line.trim(), text: `${line.trim()}\n` });
    else if (parts.length > 0) parts[parts.length - 1].text += `${line}\n`;
  }
  return parts.length > 0 ? parts : inlineParts(text);
}

/** A numbered sub-heading inside running text (「…（二）改进措施一是…」), its first characters read as its heading. */
const INLINE_MARK = /[（(][一二三四五六七八九十][）)]/g;
const INLINE_HEADING_CHARS = 12;

/** Pages flattened to one paragraph keep their 「（一）存在的主要问题」「（二）改进措施」 inline: split there. */
function inlineParts(text: string): Part[] {
  const starts = [...text.matchAll(INLINE_MARK)]
    .map((m) => m.index ?? 0)
    .filter((at) => {
      const head = text.slice(at, at + INLINE_HEADING_CHARS);
      return fits(head, 'problems') || fits(head, 'improvement');
    });
  return starts.map((at, i) => {
    const part = text.slice(at, starts[i + 1] ?? text.length);
    return { heading: part.slice(0, INLINE_HEADING_CHARS), text: part };
  });
}

/** Only the line wraps of a PDF page (a long line broken inside a sentence) are joined: paragraphs stay apart. */
const WRAPPED_LINE = 20;

export function unwrapped(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1].trim();
    const next = lines[i].trim();
    const wrap = prev.length >= WRAPPED_LINE && !/[。；！？：”」]$/.test(prev) && /^[\u3400-\u9fff\d，、]/.test(next);
    out += wrap ? next : `\n${lines[i]}`;
  }
  return out;
}

function fits(heading: string, focus: FocusWord): boolean {
  const improve = SECTION_FOCUS.improvement.some((w) => heading.includes(w));
  const problems = SECTION_FOCUS.problems.some((w) => heading.includes(w));
  return focus === 'improvement' ? improve : problems && !improve;
}

/** The part of the section the question asks for, or the whole text. */
export function focusedText(title: string, wrapped: string, question: string): string {
  const text = unwrapped(wrapped);
  const focus = askedFocus(question);
  if (!focus) return text;
  const parts = partsOf(title, text).filter((p) => fits(p.heading, focus));
  return parts.length === 1 ? parts[0].text.trim() : text;
}

/** Where the report's body ends: the signature date, a copy list or the site's footer (kept by some page captures). */
const END_OF_BODY = /^(?:20\d{2}年\d{1,2}月\d{1,2}日(?:印发)?|抄送[:：].*|主办单位[:：].*|网站标识码.*)$/;
const SIGNATURE_NAME = /^[\u3400-\u9fff（）()]{2,30}(?:局|委|委员会|办公室|办公厅|政府|管委会|中心|街道办事处|镇|乡)$/;

/** The last section quoted without the signature and what follows it. */
export function withoutSignature(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => END_OF_BODY.test(l.trim()));
  if (end < 0) {
    const tail = INLINE_SIGNATURE.exec(text.trim());
    return tail ? text.trim().slice(0, tail.index + 1) : text;
  }
  const body = lines.slice(0, end);
  while (body.length > 1 && (SIGNATURE_NAME.test(body[body.length - 1].trim()) || body[body.length - 1].trim() === '')) body.pop();
  return body.join('\n');
}

/** A signature date line (「2023年1月9日」) in the last lines of the text, as printed; the first after the body ends. */
const SIGNED_ON = /^(20\d{2}年\d{1,2}月\d{1,2}日)$/;
const SIGNATURE_LINES = 12;

export function signatureDate(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(-SIGNATURE_LINES);
  for (const line of lines) {
    const m = SIGNED_ON.exec(line);
    if (m) return m[1];
  }
  // a page flattened to one line ends 「…无。 平潭综合实验区国有资产管理局 2020年1月7日」
  const tail = INLINE_SIGNATURE.exec(text.trim());
  return tail ? tail[2] : null;
}

/** After the last full stop: at most an agency's name, then the date, then nothing. */
const INLINE_SIGNATURE = /[。；]\s*([\u3400-\u9fff（）()]{0,40})\s*(20\d{2}年\d{1,2}月\d{1,2}日)$/;
