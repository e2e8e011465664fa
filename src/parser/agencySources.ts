/**
 * Where a report names its agency, most trusted first: the title, the signature, the intro's statement
 * (「现向社会公布沭阳县发展和改革局2023年度…报告」, 「汇总平潭综合实验区各有关单位…」), the overview's subject
 * (「2023年，平潭综合实验区坚持…」), a crawler's metadata header, the contact paragraph (「请与…办公室联系」).
 * Each mention is only a candidate string: agency.ts reads it against the division tree.
 */
import type { MetadataHeader } from './header';

export type MentionSource = 'title' | 'signature' | 'statement' | 'subject' | 'hint' | 'metadata' | 'contact';

export interface AgencyMention {
  text: string;
  source: MentionSource;
  line?: number;
}

/** The part of the title naming the agency: before the year or before 「政府信息公开」. */
export function agencyPart(title: string): string {
  const t = title.replace(/^关于/, '').replace(/^(?:20\d{2}|[〇零○一二三四五六七八九]{4})年度?/, '');
  const cut = t.search(/20\d{2}|[〇零○一二三四五六七八九]{4}年|政府信息公开|信息公开|政务公开|年度报告/);
  // 「平潭综合实验区海坛片区管理局 关于2021年度…」: a title written as a letter's subject.
  return (cut >= 0 ? t.slice(0, cut) : t).replace(/[（(][^（()）]*[）)]$/, '').trim().replace(/\s*关于$/, '');
}

const SIGNATURE_LINES = 8;
const SIGNATURE = /^[\u3400-\u4dbf\u4e00-\u9fff\u3007（）()]{3,40}$/;

function signatureMentions(lines: readonly string[]): AgencyMention[] {
  const out: AgencyMention[] = [];
  let checked = 0;
  for (let i = lines.length - 1; i >= 0 && checked < SIGNATURE_LINES; i--) {
    const t = lines[i].replace(/\s+/g, '');
    if (t === '') continue;
    checked++;
    if (SIGNATURE.test(t)) out.push({ text: t, source: 'signature', line: i + 1 });
  }
  return out;
}

/** How far into the text the intro, the overview's first sentence and the contact paragraph are looked for. */
const HEAD_CHARS = 12000;
const CJK_RUN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3007]{2,40}';
const YEAR = '(?:20\\d{2}|[〇零○一二三四五六七八九]{4})\\s*年度?';
// 「…公布沭阳县发展和改革局2023年度政府信息公开年度报告」「现报告甘河子镇人民政府2020年度政府信息公开工作情况」:
// found by what follows the name; the name is the run of Chinese characters just before (a backwards scan, linear).
const REPORT_OF = new RegExp(`${YEAR}(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报|情况)`, 'g');
const NAME_BEFORE = 40;
const STATEMENTS = [
  new RegExp(`汇总(${CJK_RUN}?)(?:各有关|各|所属|下属|本级)`, 'g'),
  new RegExp(`由(${CJK_RUN}?)(?:负责)?(?:编制|制作)`, 'g'),
];
const SUBJECT = new RegExp(
  `(?:^|[。\\s])${YEAR}(?:以来)?[，,]\\s*(${CJK_RUN}?)(?:坚持|认真|深入|全面|按照|紧紧|紧扣|始终|严格|围绕|持续|进一步|着力|积极|高度|继续|扎实|聚焦|立足|贯彻|落实|不断|大力|切实|根据|依据|结合|强化|加强|推进|统筹|以习近平|在[^，。]{0,20}(?:领导|指导))`,
  'gm',
);
const CONTACT = /请与([\u3400-\u4dbf\u4e00-\u9fff\u3007（）()]{2,40}?)(?:联系|联络)/g;
/** The contact is often the agency's office or section: what is left after them is the agency. */
const OFFICE_END =
  /(?:政府信息(?:与政务)?公开(?:工作)?(?:领导小组)?办公室|政务公开(?:工作)?(?:领导小组)?办公室|信息公开办公室|信息公开办|公开办|党政(?:综合)?办公室|党政办|综合办公室|办公室|[\u3400-\u4dbf\u4e00-\u9fff\u3007]{2,10}(?:处|科|股|组))$/;

function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Strip the office words off a contact (平潭综合实验区管委会办公室保密与电子政务处 → 平潭综合实验区管委会). */
export function contactAgency(s: string): string {
  let t = s;
  for (let n = 0; n < 3; n++) {
    const next = t.replace(OFFICE_END, '');
    if (next === t || next.length < 2) break;
    t = next;
  }
  return t;
}

export interface MentionInput {
  lines: readonly string[];
  /** The title as found, or null. */
  title: { title: string; line: number } | null;
  header: MetadataHeader;
}

interface Head {
  text: string;
  starts: number[];
}

/** The first HEAD_CHARS of the text with 《…》 blanked (book titles quote other agencies' documents: 《福建省人民政府办公厅关于…》). */
function headOf(lines: readonly string[]): Head {
  const headLines: string[] = [];
  const starts: number[] = [];
  let size = 0;
  for (const l of lines) {
    if (size > HEAD_CHARS) break;
    headLines.push(l.length > HEAD_CHARS ? l.slice(0, HEAD_CHARS) : l);
    starts.push(size);
    size += headLines[headLines.length - 1].length + 1;
  }
  const text = headLines.join('\n').replace(/《[^》\n]{0,200}》/g, (m) => '|'.repeat(m.length));
  return { text, starts };
}

function* statementMentions(head: Head): Generator<AgencyMention> {
  for (const m of head.text.matchAll(REPORT_OF)) {
    const at = m.index ?? 0;
    let from = at;
    while (from > 0 && at - from < NAME_BEFORE && /[\u3400-\u4dbf\u4e00-\u9fff\u3007]/.test(head.text[from - 1])) from--;
    if (at - from >= 2) yield { text: head.text.slice(from, at), source: 'statement', line: lineOf(head.starts, at) };
  }
  for (const re of STATEMENTS) {
    for (const m of head.text.matchAll(re)) yield { text: m[1], source: 'statement', line: lineOf(head.starts, m.index ?? 0) };
  }
}

/**
 * Every candidate string, in order of trust; `hint` goes between the text's own statements and the weaker ones.
 * Lazy: most reports name their agency in the title, and the body is then never scanned.
 */
export function* agencyMentions(input: MentionInput, hint?: string): Generator<AgencyMention> {
  const { lines, title, header } = input;
  if (title) {
    const part = agencyPart(title.title);
    if (part) yield { text: part, source: 'title', line: title.line };
  }
  if (header.title) {
    const part = agencyPart(header.title.text);
    if (part) yield { text: part, source: 'title', line: header.title.line };
  }
  yield* signatureMentions(lines);
  const head = headOf(lines);
  yield* statementMentions(head);
  for (const m of head.text.matchAll(SUBJECT)) yield { text: m[1], source: 'subject', line: lineOf(head.starts, m.index ?? 0) };
  if (hint && hint.trim()) yield { text: hint.trim(), source: 'hint' };
  for (const f of header.agencies) yield { text: f.text, source: 'metadata', line: f.line };
  for (const m of head.text.matchAll(CONTACT)) yield { text: contactAgency(m[1]), source: 'contact', line: lineOf(head.starts, m.index ?? 0) };
}

/** Sources whose mention is only a run of characters before a pattern: the agency starts somewhere inside. */
export function isLooseSource(source: MentionSource): boolean {
  return source === 'statement' || source === 'subject' || source === 'contact';
}
