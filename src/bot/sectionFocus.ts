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
  return parts;
}

function fits(heading: string, focus: FocusWord): boolean {
  const improve = SECTION_FOCUS.improvement.some((w) => heading.includes(w));
  const problems = SECTION_FOCUS.problems.some((w) => heading.includes(w));
  return focus === 'improvement' ? improve : problems && !improve;
}

/** The part of the section the question asks for, or the whole text. */
export function focusedText(title: string, text: string, question: string): string {
  const focus = askedFocus(question);
  if (!focus) return text;
  const parts = partsOf(title, text).filter((p) => fits(p.heading, focus));
  return parts.length === 1 ? parts[0].text.trim() : text;
}
