/**
 * The six standard sections, found by their titles even when the numbering is garbled (「1、 总体情况」「()…」).
 * Headings are short lines; the introduction names every title too, but in one long sentence.
 */
import type { ParsedSection, SectionKind } from './types';
import { labelKey } from './normalize';

const HEADING_MAX = 40;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const SENTENCE_GOES_ON = /^[^（(]*[。；]./;

const SECTION_TITLES: readonly { kind: SectionKind; ordinal: number; pattern: RegExp }[] = [
  { kind: 'overview', ordinal: 1, pattern: /^(?:政府信息公开(?:工作)?)?(?:总体(?:情况|概况)|概述)/ },
  { kind: 'active', ordinal: 2, pattern: /^(?:行政机关)?主动公开政府信息(?:的)?情况/ },
  { kind: 'requests', ordinal: 3, pattern: /^收到和处理政府信息公开申请(?:的)?情况/ },
  { kind: 'appeals', ordinal: 4, pattern: /^(?:政府信息公开)?行政法?复议.{0,4}行政诉讼/ },
  // 「五、政府信息公开工作存在的主要问题及改进情况」 (沭阳县 2025) names the work first
  { kind: 'problems', ordinal: 5, pattern: /^(?:政府信息公开(?:工作)?(?:中)?)?存在的?主要问题/ },
  { kind: 'other', ordinal: 6, pattern: /^其[他它]需要报告的?事项/ },
];

/**
 * A sub-heading of section 五 (「（一）2024年工作中存在问题的改进情况」, 「（二）存在的主要问题」): where a conversion lost
 * 五's own heading, its first sub-heading after section 四 begins it (else its text is quoted as part of 四).
 */
const PROBLEMS_SUBHEADING = /^[（(][一二三][）)]/;
const PROBLEMS_WORDS = /^(?:(?:19|20)\d{2}年(?:度)?(?:工作中)?)?(?:存在的?(?:主要)?问题|(?:上一?年度?)?(?:存在)?问题的?改进情况|主要问题及改进)/;

function problemsSubheading(line: string): boolean {
  const t = line.trim().replace(MARKDOWN_HEADING, '');
  return t.length <= HEADING_MAX && PROBLEMS_SUBHEADING.test(t) && PROBLEMS_WORDS.test(labelKey(t));
}

export interface Heading {
  kind: SectionKind;
  ordinal: number;
  title: string;
  /** 0-based line index. */
  index: number;
}

function headingKind(line: string): (typeof SECTION_TITLES)[number] | null {
  if (line.startsWith('\t')) return null;
  // A Markdown heading (「## 二、主动公开政府信息情况」: PDF → Markdown conversions) is a heading like any other.
  const t = line.trim().replace(MARKDOWN_HEADING, '');
  if (t === '' || t.length > HEADING_MAX) return null;
  const key = labelKey(t);
  for (const s of SECTION_TITLES) {
    const m = s.pattern.exec(key);
    // 「其他需要报告的事项。本年度报告中所列数据…」: the introduction's sentence wrapped there, not a heading.
    if (m) return SENTENCE_GOES_ON.test(key.slice(m[0].length)) ? null : s;
  }
  return null;
}

/** Headings in increasing template order (a later mention of an earlier title is body text). */
export function findHeadings(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  let last = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = headingKind(lines[i]) ?? (last === 4 && problemsSubheading(lines[i]) ? SECTION_TITLES[4] : null);
    if (s && s.ordinal > last) {
      out.push({ kind: s.kind, ordinal: s.ordinal, title: lines[i].trim().replace(MARKDOWN_HEADING, ''), index: i });
      last = s.ordinal;
    }
  }
  return out;
}

export function buildSections(lines: readonly string[], headings: readonly Heading[]): ParsedSection[] {
  return headings.map((h, i) => {
    const end = i + 1 < headings.length ? headings[i + 1].index : lines.length;
    const text = lines.slice(h.index + 1, end).map((l) => l.trim()).filter((l) => l !== '').join('\n');
    return { kind: h.kind, ordinal: h.ordinal, title: h.title, text, line: h.index + 1 };
  });
}
