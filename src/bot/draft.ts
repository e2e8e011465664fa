import type { AgencyIndex } from './agencies';
import type { RegionIndex } from './regions';
import { hasWord, type IntentWord, type Parsed, type Tag, type Token } from './understand';
import { APPLICANT_LIST, APPLICANT_RANK, CHANGE_WORDS, COMPARED_YEAR, FILLER, PART_SEPARATOR, RATIO_WORDS, TIMES_WORDS, UNIT_WORDS, UNREAD_NOISE, WHOLE_FIRST, type VocabTag } from './vocabulary';

/**
 * From scanned tokens to a draft of what is asked: which agencies (candidates per mention), region scope, years,
 * metric row/column candidates and intent. A slot with several candidates is resolved later by asking back.
 */

export type Intent = 'value' | 'compare' | 'rank' | 'sum' | 'avg' | 'each' | 'list' | 'checks' | 'help' | 'quote' | 'about';

/** What an 'about' question asks of a report besides its tables. */
export type Topic = 'contact' | 'signed' | 'published' | 'problems' | 'other_matters';
// 「落款日期」 before 「发布」: the date under the signature is not the page's publication date
const TOPICS: readonly Topic[] = ['contact', 'signed', 'published', 'problems', 'other_matters'];

export interface Draft {
  intent: Intent | null;
  /** Candidate agency ids per mention (one id = resolved). */
  agencies: string[][];
  /** A township name the question uses that no report in the graph has. */
  unknownNames: string[];
  /** A name one character off a known agency's (白士镇 → 白土镇): asked back as 「您是不是要问…？」. */
  guess: { term: string; ids: string[] } | null;
  /** A metric word one character off (「行政徐可」): the question as it reads with the vocabulary's word, asked back. */
  metricGuess?: { piece: string; term: string; draft: Draft } | null;
  /** Years no report can have: refused. */
  badYears: number[];
  /** Candidate codes of the region scope (one = resolved); empty for the whole graph. */
  region: string[];
  years: number[];
  yoy: boolean;
  /** Candidate rows (`table.row`); one = resolved. */
  rows: string[];
  colId: string | null;
  /** A column word the row lacks: told, never replaced by the row's 总计. */
  strayCol: string | null;
  /** The rows are added up (「被起诉」: both kinds of 行政诉讼), one value. */
  sum: boolean;
  /** The word that asked for the sum (「不予公开」), its label when the rows share none. */
  sumWord: string | null;
  /** Several values asked at once (「收到多少申请，予以公开多少」): each answered on its own. */
  parts: MetricPart[];
  order: 'desc' | 'asc';
  topN: number | null;
  /** The question's own words minus names and years, for searching the report text. */
  content: string;
  /** Words of the question nothing read (「还没审结」 when no word of the vocabulary says it): never answered as 总计. */
  unread?: string;
  /** 「哪个镇」, 「各乡镇」: rankings and lists compare only agencies of this level. */
  level: AgencyLevel | null;
  /** The region asked about has no report of its own (only of places inside it): those are listed, not summed. */
  ownMissing?: boolean;
  /** For 'about': the report's contact, date, problems (section 五) or other matters (section 六). */
  topic: Topic | null;
  /** The unit a count or money word asks for (「多少钱」 元, 「几个项目」 项, 「多少件」 件): decides between columns. */
  unit: string | null;
  /** 「哪类申请人最多」: the applicant columns of 表三 ranked, not the agencies; 「各类申请人分别多少」: listed. */
  applicants: 'rank' | 'list' | null;
  /** 「占比」 (a part of a whole) or 「几倍」 (one value over another): computed from two printed cells. */
  ratio: Ratio | null;
}

export type Ratio = 'share' | 'times';

/** A share or a ratio asked for; a percentage of change (「比去年增长百分之几」) is a comparison, not a ratio. */
export function readRatio(text: string): Ratio | 'change' | null {
  if (!RATIO_WORDS.test(text)) return null;
  if (TIMES_WORDS.test(text)) return 'times';
  return CHANGE_WORDS.test(text) ? 'change' : 'share';
}

export function readUnit(text: string): string | null {
  return UNIT_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

// zone_part: 「哪个片区」 (平潭's 片区管理局); department: 「哪个局」, 「各部门」
export type AgencyLevel = 'township' | 'county' | 'street' | 'province' | 'zone_part' | 'department';

/** The level a ranking or list is about, from the words that name it (「哪个乡镇」, 「各县」, 「哪个省」, 「各街道」). */
export function readLevel(text: string): AgencyLevel | null {
  if (/(?:哪个|哪些|哪几个|哪一个|各个?|每个|所有)(?:省份|省区|省)/.test(text)) return 'province';
  if (/(?:哪个|哪些|哪几个|哪一个|各个?|每个|所有)街道/.test(text)) return 'street';
  if (/(?:哪个|哪些|哪几个|哪一个|各个?|每个|所有)片区/.test(text)) return 'zone_part';
  if (/(?:哪个|哪些|哪几个|哪一个|各个?|每个|所有)(?:局|委办局|部门)/.test(text)) return 'department';
  if (/(?:哪个|哪些|哪几个|各个?|每个|所有)(?:乡镇|镇|乡|街道)|(?:乡镇|镇|乡|街道)(?:中|里|当中|之间)?(?:最|排名|前)/.test(text)) return 'township';
  if (/(?:哪个|哪些|哪几个|各个?|每个|所有)(?:县区|区县|县|区|县市|市县)/.test(text)) return 'county';
  return null;
}

function tagsOf<K extends Tag['kind']>(token: Token, kind: K): Extract<Tag, { kind: K }>[] {
  return token.tags.filter((t): t is Extract<Tag, { kind: K }> => t.kind === kind);
}

const SCOPE_WORDS = ['each', 'rank_desc', 'rank_asc', 'sum', 'avg'] as const;

function isScopeQuestion(parsed: Parsed): boolean {
  return parsed.topN !== null || SCOPE_WORDS.some((w) => hasWord(parsed, w)) || /哪个|哪些|哪家|哪几个/.test(parsed.text);
}

interface Places {
  agencies: string[][];
  region: string[];
  /** 「萧县白土镇」 when no 白土镇 of the index lies in 萧县: that agency is unknown, never another 白土镇. */
  mismatched: string[];
}

/** Agencies and the region scope. A region right before an agency qualifies it (「丰城市白土镇」). */
function readPlaces(parsed: Parsed, agencies: AgencyIndex): Places {
  const scope = isScopeQuestion(parsed);
  const out: Places = { agencies: [], region: [], mismatched: [] };
  let qualifier: string[] | null = null;
  let qualifierTerm = '';
  let qualifierEnd = -1;
  for (const token of parsed.tokens) {
    const agencyTags = tagsOf(token, 'agency');
    const regionTags = tagsOf(token, 'region');
    const asRegion = regionTags.length > 0 && (agencyTags.length === 0 || scope);
    if (asRegion) {
      qualifier = regionTags.flatMap((t) => t.codes);
      qualifierEnd = token.end;
      qualifierTerm = token.term;
      continue;
    }
    if (agencyTags.length > 0) {
      let ids = [...new Set(agencyTags.flatMap((t) => t.ids))];
      if (qualifier && qualifierEnd === token.start) {
        const codes = qualifier;
        const narrowed = ids.filter((id) => codes.some((c) => agencies.get(id)?.regionCode?.startsWith(c)));
        qualifier = null;
        // an agency's own full name may start with the region (「丰城市白土镇」 is one term), so only a separate region counts
        if (narrowed.length === 0) {
          out.mismatched.push(`${qualifierTerm}${token.term}`);
          continue;
        }
        ids = narrowed;
      }
      if (!out.agencies.some((known) => known.length === ids.length && known.every((id) => ids.includes(id)))) out.agencies.push(ids);
    }
  }
  if (qualifier && out.agencies.length === 0) out.region = qualifier;
  else if (qualifier && qualifierEnd >= 0) {
    // a region that qualifies nothing (「丰城市」 after the agency) still narrows the agencies
    const codes = qualifier;
    out.agencies = out.agencies.map((ids) => {
      const narrowed = ids.filter((id) => codes.some((c) => agencies.get(id)?.regionCode?.startsWith(c)));
      return narrowed.length > 0 ? narrowed : ids;
    });
  }
  return out;
}


/** The row 「申请」 alone names when an applicant is given (the catalog's 本年新收 row). */
const NEW_REQUESTS = 'requests.new';

export interface MetricPart {
  rows: string[];
  colId: string | null;
  /** A column word that fits none of the row's columns (「行政复议自然人」). */
  strayCol?: string;
  /** The part is a sum of its rows (「…和诉讼」). */
  sum?: boolean;
  sumWord?: string;
  /** Where the part's word stands in the question (a share's part and whole are told by their order). */
  at?: { start: number; end: number };
}

interface MetricSlots extends MetricPart {
  sum: boolean;
  sumWord?: string;
  parts: MetricPart[];
}

/** Whether the question separates two words (「和」, a comma, a 「、」) between `end` and `start`. */
export function apart(parsed: Parsed, end: number, start: number): boolean {
  const between = parsed.text.slice(end, start);
  // 「予以公开占新收申请的比例」, 「新收申请是予以公开的几倍」, 「办理结果中予以公开的比例」: two values of one ratio
  const ratioApart = RATIO_WORDS.test(parsed.text) && RATIO_SEPARATOR.test(between);
  return PART_SEPARATOR.test(between) || ratioApart || parsed.breaks.some((b) => b >= end && b <= start);
}

/** What stands between the two values of a ratio. */
const RATIO_SEPARATOR = /占|是|中|里/;

interface SumToken {
  rows: string[];
  term: string;
  start: number;
  end: number;
}

/** Rows named directly, else implied by a column word that only one row has, else the previous question's row. */
export function readMetric(parsed: Parsed, hintRow: string | null): MetricSlots {
  const rowTags: string[] = [];
  const groups: { rows: string[]; start: number; end: number }[] = [];
  const sums: SumToken[] = [];
  const colTokens: ColToken[] = [];
  for (const token of parsed.tokens) {
    const rows = [...new Set(tagsOf(token, 'row').map((t) => t.rowKey))];
    for (const r of rows) if (!rowTags.includes(r)) rowTags.push(r);
    if (rows.length > 0 && !groups.some((g) => g.rows.join() === rows.join())) groups.push({ rows, start: token.start, end: token.end });
    for (const t of tagsOf(token, 'sum')) if (!sums.some((x) => x.rows.join() === t.rowKeys.join())) sums.push({ rows: t.rowKeys, term: token.term, start: token.start, end: token.end });
    const cols = tagsOf(token, 'col');
    if (cols.length > 0) colTokens.push({ term: token.term, tags: cols, start: token.start, end: token.end });
  }
  dropGenericRequests(parsed, rowTags, groups);
  const colFor = (rowKey: string) => colTokens
    .map((c) => ({ term: c.term, tag: c.tags.find((t) => t.rowKey === rowKey) }))
    .filter((c) => c.tag)
    .sort((a, b) => b.term.length - a.term.length)[0]?.tag?.colId ?? null;
  // 「行政诉讼维持几件」: a column every summed row has
  const sumPart = (x: SumToken): MetricPart => {
    const { rows, term } = x;
    const col = colFor(rows[0]);
    return { rows, colId: col && rows.every((r) => colFor(r) === col) ? col : null, sum: true, sumWord: term, at: { start: x.start, end: x.end } };
  };
  // 「收到多少申请，予以公开多少」, 「复议和诉讼一共多少件」, 「予以公开、部分公开、不予公开」, 「不予公开和无法提供」: each
  // value on its own. Two rows are two values only when a separator stands between their words; a row that one of
  // the sums adds up (「不予公开属于国家秘密」, 「行政诉讼复议后起诉」) is that row alone.
  const separated = groups.every((g, i) => i === 0 || apart(parsed, groups[i - 1].end, g.start));
  const inSum = (rowKey: string) => sums.some((x) => x.rows.includes(rowKey));
  const units = [...groups.map((g) => ({ start: g.start, part: { rows: g.rows, colId: colFor(g.rows[0]), at: { start: g.start, end: g.end } } as MetricPart })), ...sums.map((x) => ({ start: x.start, part: sumPart(x) }))]
    .sort((a, b) => a.start - b.start);
  // a word naming one row per template (「其他处理」) is one value too: the report's form decides its row
  if (units.length >= 2 && separated && groups.every((g) => g.rows.every((r) => !inSum(r)))) {
    // the rows of every part, so that the question is one of the tables (not of the report's text)
    return { rows: [...new Set(units.flatMap((u) => u.part.rows))], colId: null, sum: false, parts: units.map((u) => u.part) };
  }
  // 「被起诉」 alone: one summed value
  if (sums.length > 0 && rowTags.length === 0) return { ...sumPart(sums[0]), sum: true, parts: [] };
  // 「律师事务所申请」: an applicant column and 申请 alone mean the new requests of that applicant (a 总计 every row
  // has is no applicant: 「申请处理总计」 is not the new requests' 总计)
  if (rowTags.length === 0 && /申请/.test(parsed.text)) {
    const applicantRows = new Set(colTokens.flatMap((c) => c.tags.filter((t) => t.colId !== 'total').map((t) => t.rowKey)));
    if (applicantRows.has(NEW_REQUESTS)) {
      const one = readRows([NEW_REQUESTS], colTokens, hintRow);
      return { ...one, sum: false, parts: columnParts(parsed, one, colTokens, null) };
    }
  }
  const one = readRows(rowTags, colTokens, hintRow);
  const rowWord = groups.length === 1 ? groups[0] : null;
  return { ...one, sum: false, parts: columnParts(parsed, one, colTokens, rowWord) };
}

/**
 * 「申请多少件」, 「信息公开申请」 say only 「申请」: the new requests when nothing else is named, but in 「上年结转的申请多少件」,
 * 「结转下年度继续办理的申请」 the other row of 表三 is what is asked, not a second value.
 */
function dropGenericRequests(parsed: Parsed, rowTags: string[], groups: { rows: string[]; start: number; end: number }[]): void {
  const otherRequestRow = rowTags.some((r) => r !== NEW_REQUESTS && r.startsWith('requests.'));
  if (!otherRequestRow || !rowTags.includes(NEW_REQUESTS)) return;
  const named = parsed.tokens.filter((t) => tagsOf(t, 'row').some((x) => x.rowKey === NEW_REQUESTS));
  if (named.some((t) => NEW_REQUEST_WORD.test(t.term))) return;
  rowTags.splice(rowTags.indexOf(NEW_REQUESTS), 1);
  for (let i = groups.length - 1; i >= 0; i--) if (groups[i].rows.includes(NEW_REQUESTS)) groups.splice(i, 1);
}

/** What makes a word name the new requests themselves, not requests in general. */
const NEW_REQUEST_WORD = /新收|收到|提出|受理|新/;

interface ColToken {
  term: string;
  tags: Extract<VocabTag, { kind: 'col' }>[];
  start: number;
  end: number;
}

/**
 * 「自然人和商业企业申请分别多少」: two columns of the one row, each named and separated, are two values.
 * 「收到申请多少件，其中自然人多少件」: the row's word, a separator, then its columns: the row's 总计 and each column.
 */
function columnParts(parsed: Parsed, one: MetricPart, colTokens: ColToken[], rowWord: { start: number; end: number } | null): MetricPart[] {
  if (one.rows.length !== 1) return [];
  const rowKey = one.rows[0];
  const colOf = (c: ColToken) => c.tags.find((t) => t.rowKey === rowKey)!.colId;
  const partsOf = (tokens: ColToken[]): MetricPart[] => tokens.map((c) => ({ rows: one.rows, colId: colOf(c), at: { start: c.start, end: c.end } }));
  const eachApart = (tokens: ColToken[]) => tokens.every((c, i) => i === 0 || apart(parsed, tokens[i - 1].end, c.start));
  const distinct = (tokens: ColToken[]) => new Set(tokens.map(colOf)).size === tokens.length;
  const inRow = colTokens.filter((c) => c.tags.some((t) => t.rowKey === rowKey));
  if (inRow.length >= 2 && distinct(inRow) && eachApart(inRow)) return partsOf(inRow);
  // a generic word (「多少」 is 表四's 总计) does not name a column here
  const named = inRow.filter((c) => !GENERIC_COLUMN_WORDS.has(c.term));
  // the row's own value asked first (「收到申请多少件，其中…」): a quote mark inside a label (「危及“三安全一稳定”」) is no such clause
  const asksRowFirst = (between: string) => /其中/.test(between) || (PART_SEPARATOR.test(between) && /多少|几/.test(between));
  const totalFirst = rowWord !== null && named.length > 0 && named.every((c) => c.start >= rowWord.end) && asksRowFirst(parsed.text.slice(rowWord.end, named[0].start))
    && distinct(named) && eachApart(named) && !named.some((c) => colOf(c) === 'total') && TOTAL_TABLES.has(rowKey.split('.')[0]);
  return totalFirst ? [{ rows: one.rows, colId: 'total', at: rowWord }, ...partsOf(named)] : [];
}

function readRows(rowTags: string[], colTokens: ColToken[], hintRow: string | null): MetricPart {
  let rows = rowTags;
  if (rows.length > 1) {
    const withCol = rows.filter((r) => colTokens.some((c) => c.tags.some((t) => t.rowKey === r)));
    if (withCol.length > 0) rows = withCol;
  }
  if (rows.length === 0) {
    const implied = colTokens.map((c) => [...new Set(c.tags.map((t) => t.rowKey))]).filter((rs) => rs.length === 1).map((rs) => rs[0]);
    const hinted = hintRow && colTokens.some((c) => c.tags.some((t) => t.rowKey === hintRow)) ? [hintRow] : [];
    rows = hinted.length > 0 ? hinted : [...new Set(implied)];
    // 「上一年项目数量」 alone: the few rows that have the column are the choices (not a search of the text)
    // a printed column label, not a short alias (「发布」 also says what the text reports)
    const named = colTokens.filter((c) => !GENERIC_COLUMN_WORDS.has(c.term) && c.term.length >= 4);
    const candidates = [...new Set(named.flatMap((c) => c.tags.map((t) => t.rowKey)))];
    if (rows.length === 0 && named.length === 1 && candidates.length <= MAX_COLUMN_ROWS) rows = candidates;
  }
  if (rows.length !== 1) {
    // 「其他处理自然人」: two rows (one per template) that share the named column keep it for when the form decides
    const colIds = new Set(colTokens.flatMap((c) => c.tags.filter((t) => rows.includes(t.rowKey)).map((t) => t.colId)));
    return { rows, colId: colIds.size === 1 ? [...colIds][0] : null };
  }
  const inRow = colTokens
    .map((c) => ({ term: c.term, tag: c.tags.find((t) => t.rowKey === rows[0]) }))
    .filter((c) => c.tag)
    .sort((a, b) => b.term.length - a.term.length);
  // 「行政复议自然人」: a column the row does not have is said, not dropped for the row's 总计
  const stray = inRow.length === 0 ? colTokens.find((c) => !GENERIC_COLUMN_WORDS.has(c.term)) : undefined;
  return { rows, colId: inRow[0]?.tag?.colId ?? null, strayCol: stray?.term };
}

/** The tables whose every row has a 总计 column (表二's rows have none). */
const TOTAL_TABLES = new Set(['requests', 'appeals']);

/** A column word alone names its row when at most this many rows have it. */
const MAX_COLUMN_ROWS = 6;

/** Column words every table has a form of (「多少」 is an alias of 表四's 总计): never a column of another row. */
const GENERIC_COLUMN_WORDS = new Set(['多少', '总计', '合计', '总数', '其他', '数量']);


function readTopic(parsed: Parsed): Topic | null {
  return TOPICS.find((t) => hasWord(parsed, t)) ?? null;
}

/** What the intent table looks at: the question's intent words and how many places and years it names. */
interface IntentCues {
  has: (word: IntentWord) => boolean;
  agencies: number;
  years: number;
  topN: boolean;
  topic: boolean;
  comparedYear: boolean;
}

/** The intent of a question, decided once: the first rule that holds (order matters: 「有没有勾稽错误」 is checks, not list). */
const INTENT_RULES: readonly [Intent, (c: IntentCues) => boolean][] = [
  ['checks', (c) => c.has('checks')],
  ['about', (c) => c.topic && c.agencies > 0],
  ['list', (c) => c.has('years') || (c.has('report') && c.has('list'))],
  // 「平潭综合实验区…分别多少」 names its agency: not a list of every report
  ['each', (c) => c.has('each') && c.agencies === 0],
  ['rank', (c) => c.topN || c.has('rank_desc') || c.has('rank_asc')],
  ['avg', (c) => c.has('avg')],
  ['sum', (c) => c.has('sum') && c.agencies === 0],
  ['compare', (c) => c.has('compare') || c.has('yoy') || c.agencies > 1 || c.years > 1 || c.comparedYear],
  ['help', (c) => c.has('help') && c.agencies === 0],
];

function readIntent(parsed: Parsed, places: Places, years: number[]): Intent | null {
  const cues: IntentCues = {
    has: (word) => hasWord(parsed, word),
    agencies: places.agencies.length,
    years: years.length,
    topN: parsed.topN !== null,
    topic: readTopic(parsed) !== null,
    comparedYear: COMPARED_YEAR.test(parsed.text),
  };
  return INTENT_RULES.find(([, holds]) => holds(cues))?.[0] ?? null;
}

/** The question minus names, years and particles: what to look for in the report text. */
/** The longest run of words left over that say something (not filler, units, politeness, punctuation). */
function unreadOf(leftover: string): string {
  const said = leftover.replace(new RegExp(RATIO_WORDS.source, 'g'), ' ').replace(new RegExp(CHANGE_WORDS.source, 'g'), ' ');
  const runs = said.replace(FILLER, ' ').replace(UNREAD_NOISE, ' ').split(/\s+/).filter((r) => r.length >= 2);
  return runs.sort((a, b) => b.length - a.length)[0] ?? '';
}

function contentOf(parsed: Parsed): string {
  const named = parsed.tokens.filter((t) => t.tags.some((tag) => tag.kind === 'agency' || tag.kind === 'region'));
  let text = parsed.text;
  for (const t of named) text = text.replace(t.term, ' ');
  return text.replace(/(?:19|20)\d{2}年?度?/g, ' ').replace(/\s+/g, '');
}

export function buildDraft(parsed: Parsed, agencies: AgencyIndex, hintRow: string | null): Draft {
  const places = readPlaces(parsed, agencies);
  const metric = readMetric(parsed, hintRow);
  const applicants = APPLICANT_RANK.test(parsed.text) ? 'rank' : APPLICANT_LIST.test(parsed.text) ? 'list' : null;
  // 「哪类申请人最多」 names no row: the new requests, by applicant
  const rows = applicants && metric.rows.length === 0 ? [NEW_REQUESTS] : metric.rows;
  const ratio = readRatio(parsed.text);
  const parts = ratio === 'share' ? shareParts(parsed, metric) : metric.parts;
  let intent = readIntent(parsed, places, parsed.years);
  let yoy = hasWord(parsed, 'yoy');
  // 「白土镇2021年申请增长了百分之几」: the change against the year before
  if (ratio === 'change' && intent === null && places.agencies.length === 1 && parsed.years.length <= 1) {
    intent = 'compare';
    yoy = true;
  }
  return {
    intent,
    agencies: places.agencies,
    unknownNames: places.mismatched,
    guess: null,
    badYears: parsed.badYears,
    region: places.region,
    years: parsed.years,
    yoy,
    rows,
    colId: metric.colId,
    strayCol: metric.strayCol ?? null,
    sum: metric.sum,
    sumWord: metric.sumWord ?? null,
    parts,
    order: hasWord(parsed, 'rank_asc') ? 'asc' : 'desc',
    topN: parsed.topN,
    content: contentOf(parsed),
    unread: unreadOf(parsed.leftover),
    level: readLevel(parsed.text),
    topic: readTopic(parsed),
    unit: readUnit(parsed.text),
    applicants,
    ratio: ratio === 'change' ? null : ratio,
  };
}

/**
 * A share's part and whole: two named values (the whole named first in 「办理结果中予以公开的比例」), or one row and the
 * sum that contains it (「不予公开中国家秘密占比」: of 不予公开, not of every request handled).
 */
function shareParts(parsed: Parsed, metric: MetricSlots): MetricPart[] {
  if (metric.parts.length >= 2) return partThenWhole(parsed, metric.parts);
  if (metric.rows.length !== 1 || metric.sum) return metric.parts;
  const row = metric.rows[0];
  for (const token of parsed.tokens) {
    const sum = tagsOf(token, 'sum').find((t) => t.rowKeys.includes(row));
    if (sum) return [{ rows: [row], colId: metric.colId }, { rows: sum.rowKeys, colId: metric.colId, sum: true, sumWord: token.term }];
  }
  return metric.parts;
}

/** 「办理结果中予以公开的比例」 names the whole first: a share's parts in the order part, whole. */
function partThenWhole(parsed: Parsed, parts: MetricPart[]): MetricPart[] {
  const [a, b] = parts;
  if (parts.length !== 2 || !a.at || !b.at) return parts;
  return WHOLE_FIRST.test(parsed.text.slice(a.at.end, b.at.start)) ? [b, a] : parts;
}

/**
 * The intent once the engine has found the one agency a question means (a region's own report, a bare department
 * word, 「那个局」): a topic word asks what that report says (「经发局的联系电话」); 「一共」/「分别」 were read as over
 * several agencies while none was named, and are that report's value now.
 */
export function intentOfNamedAgency(d: Draft): Intent | null {
  if (d.topic !== null && d.intent !== 'checks') return 'about';
  return d.intent === 'sum' || d.intent === 'each' ? null : d.intent;
}

/** Whether a draft names anything at all (else it cannot be a follow-up and is not understood). */
export function hasSlots(d: Draft): boolean {
  return d.agencies.length > 0 || d.region.length > 0 || d.years.length > 0 || d.badYears.length > 0 || d.rows.length > 0 || d.colId !== null || d.intent !== null || d.topic !== null;
}

/** Fill what the follow-up leaves out from the previous question (「那施集镇呢」, 「2021年呢」, 「那采购项目数呢」). */
export function mergeFollowUp(d: Draft, last: Draft, parsed: Parsed): Draft {
  const leftover = parsed.leftover;
  const merged: Draft = { ...d };
  // 「2020年政府采购金额合计」 names what it wants: a new question over everything, not the last place
  const freshScope = SCOPED.includes(d.intent) && d.rows.length > 0;
  if (d.agencies.length === 0 && d.region.length === 0 && !freshScope && !(SCOPED.includes(d.intent) && last.agencies.length > 0)) {
    merged.agencies = last.agencies;
    merged.region = last.region;
  }
  if (d.years.length === 0) {
    // 「同比呢」 keeps the last question's year and compares it with the year before
    merged.years = last.years;
    merged.yoy = d.yoy || last.yoy;
  } else if (d.intent === 'compare' && last.years.length > 0 && !d.yoy && d.agencies.length === 0) {
    // 「跟去年比呢」 after a 2022 question is 2022 against 2021; 「和2020年比呢」 is 2022 against 2020 (after a
    // comparison, its first year is the one asked about)
    const base = last.years[0];
    if (parsed.relativeYears) {
      merged.years = [base];
      merged.yoy = true;
    } else if (!d.years.includes(base)) merged.years = [base, ...d.years];
  }
  // words the vocabulary does not know (「主动公开了多少条信息」) are a new question for the text, not a follow-up
  if (d.rows.length === 0 && !isMeaningful(leftover)) {
    merged.rows = last.rows;
    merged.colId = d.colId ?? last.colId;
    merged.sum = last.sum;
    merged.sumWord = last.sumWord;
    merged.strayCol = d.strayCol;
    merged.parts = last.parts;
    // 「那2020年呢」 after 「哪类申请人最多」 or a share asks the same of another year
    merged.applicants = d.applicants ?? last.applicants;
    merged.ratio = d.ratio ?? last.ratio;
  }
  if (d.intent === null) merged.intent = inheritedIntent(merged, d, last);
  if (merged.intent === 'rank' || merged.intent === 'each') {
    merged.order = d.intent === null ? last.order : d.order;
    merged.topN = d.topN ?? last.topN;
    merged.level = d.level ?? last.level;
  }
  if (merged.intent === 'quote' && !isMeaningful(d.content)) merged.content = last.content;
  if (merged.intent === 'about') merged.topic = d.topic ?? last.topic;
  return merged;
}

const SCOPED: readonly (Intent | null)[] = ['rank', 'each', 'sum', 'avg'];

function inheritedIntent(merged: Draft, d: Draft, last: Draft): Intent | null {
  // a named agency after a ranking asks for that agency's own value
  if (d.agencies.length > 0 && SCOPED.includes(last.intent)) return null;
  if (last.intent === 'compare' && merged.agencies.length < 2 && merged.years.length < 2 && !merged.yoy) return null;
  // 「那平潭呢」 after one agency's value names a region: decided afresh (a list of its agencies)
  if (last.intent === 'value' && merged.agencies.length === 0) return null;
  return last.intent;
}

/** Text with something to search for once particles are gone (「呢」 alone is not). */
export function isMeaningful(content: string): boolean {
  return content.replace(FILLER, '').length >= 2;
}


/** A draft that names agency/region, year and metric is a new question, not a follow-up. */
export function isComplete(d: Draft): boolean {
  return (d.agencies.length > 0 || d.region.length > 0) && (d.years.length > 0 || d.yoy) && d.rows.length > 0;
}

export function describeRegion(regions: RegionIndex, code: string): string {
  return regions.shortPath(code) || code;
}
