/**
 * A web page saved as text may hold the whole report on one line. Section headings are found on short lines, so a
 * long line is cut before and after each numbered section title (「二、主动公开政府信息情况」); `origin` maps each new
 * line back to its source line, so warnings still point at the source.
 */

/** Lines shorter than this are left alone (a heading with its paragraph is far shorter). */
const LONG_LINE = 300;

const SECTION_TITLE = new RegExp(
  '[一二三四五六]、\\s*(?:' + [
    '(?:政府信息公开(?:工作)?)?总体情况',
    '(?:行政机关)?主动公开政府信息(?:的)?情况',
    '收到和处理政府信息公开申请(?:的)?情况',
    '(?:政府信息公开)?行政法?复议.{0,4}行政诉讼(?:的)?情况',
    '(?:政府信息公开工作)?存在的?主要问题(?:及(?:其)?(?:改进|整改)(?:情况|措施))?',
    '其[他它]需要报告的?事项',
  ].join('|') + ')',
  'g',
);

const LIST_GOES_ON = /^[；;，,、]/;

export interface Reflowed {
  lines: readonly string[];
  /** 0-based source line of each line; null when nothing was cut. */
  origin: number[] | null;
}

export function reflowLongLines(lines: readonly string[]): Reflowed {
  if (!lines.some((l) => l.length > LONG_LINE)) return { lines, origin: null };
  const out: string[] = [];
  const origin: number[] = [];
  lines.forEach((line, i) => {
    const push = (s: string) => {
      out.push(s);
      origin.push(i);
    };
    if (line.length <= LONG_LINE) return push(line);
    let from = 0;
    for (const m of line.matchAll(SECTION_TITLE)) {
      const at = m.index ?? 0;
      // 「本报告包括一、总体情况；二、…」: titles listed in a sentence are not headings.
      if (LIST_GOES_ON.test(line.slice(at + m[0].length, at + m[0].length + 1))) continue;
      if (line.slice(from, at).trim() !== '') push(line.slice(from, at));
      push(m[0]);
      from = at + m[0].length;
    }
    if (from === 0) return push(line);
    if (line.slice(from).trim() !== '') push(line.slice(from));
  });
  return { lines: out, origin };
}

/** Source line (1-based) of a line of the reflowed text. */
export function sourceLine(origin: readonly number[] | null, line: number): number {
  return origin ? (origin[line - 1] ?? line - 1) + 1 : line;
}
