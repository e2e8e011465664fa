import type { AgencyIndex, AgencyRecord } from './agencies';
import { blankSpans } from './text';
import type { Parsed, Token } from './understand';

/**
 * A place followed by an agency word the scan did not read as one name (「福州市人民政府」, 「平潭综合实验区教育局」,
 * 「平潭综合实验区财政金触局」, 「平潭公安」): that agency is what is asked, never the place itself. It is the one agency of
 * the place the word fits, a question back (a name one character off, or a department sharing the word's stem), or
 * unknown — so that the place's (or its other agencies') numbers are never given for it.
 */
export type Mention =
  | { kind: 'agency'; id: string; term: string; word: string; start: number; end: number }
  | { kind: 'guess'; term: string; ids: string[] }
  | { kind: 'unknown'; name: string };

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3007]';
/** How the name of a government or of a department ends. */
const ENDINGS = '人民政府|政府|委员会|管委会|局|委|办公室|办公厅|办|厅|署|中心';
/** One agency word right after the place (lazy: 「人民政府办公厅」 is read as 「人民政府」 then 「办公厅」). */
const AGENCY_WORD = new RegExp(`^${HAN}{0,8}?(?:${ENDINGS})`);
/** The word names the place's own government. */
// a zone's government is its 管委会: 「平潭管委会」 is the zone, 「平潭管委会办公室」 its office
const GOVERNMENT_WORD = /^(?:人民政府|政府|管委会|管理委员会)$/;
/** The word's ending, removed to get its stem (「教育局」 → 「教育」). */
const ENDING = new RegExp(`(?:${ENDINGS})$`);
/** Words after a place that are no agency of it: a second name (「和」), a level (「各局」), a verb (「办理」). */
const NOT_AGENCY_WORD = /^(?:和|与|及|跟|同|或|的|哪|各|每|所有|全部|本|该|在|办理|办结|办了|办件)/;

/** The region codes a place token stands for: its regions', and its agencies' regions. */
function placeCodes(token: Token, agencies: AgencyIndex): string[] {
  const codes = new Set<string>();
  for (const tag of token.tags) {
    if (tag.kind === 'region') for (const c of tag.codes) codes.add(c);
    if (tag.kind === 'agency') for (const id of tag.ids) {
      const code = agencies.get(id)?.regionCode;
      if (code) codes.add(code);
    }
  }
  return [...codes];
}

function agencyIds(token: Token): string[] {
  return token.tags.flatMap((t) => (t.kind === 'agency' ? t.ids : []));
}

function isPlace(token: Token): boolean {
  return token.tags.some((t) => t.kind === 'region' || t.kind === 'agency');
}

const within = (code: string, codes: readonly string[]) => codes.some((c) => code.startsWith(c));

/** A word after a place, and whether it lacks an agency's ending (「平潭财政」: only a department's stem). */
interface Word {
  word: string;
  bare: boolean;
}

/** The agency word after `place` (repeated endings joined: 「人民政府」+「办公厅」), or null. */
function wordAfter(blanked: string, place: Token, next: Token | undefined, codes: string[], agencies: AgencyIndex): Word | null {
  // 「平潭公安」: a second place that does not lie in the first (公安县 is in Hubei) is a department's stem of the first
  if (next && next.start === place.end && isPlace(next)) {
    const nextCodes = placeCodes(next, agencies);
    const nested = nextCodes.some((c) => within(c, codes) || codes.some((p) => p.startsWith(c)));
    if (nested || nextCodes.length === 0) return null;
    const ending = AGENCY_WORD.exec(blanked.slice(next.end));
    const word = next.term + (ending && !NOT_AGENCY_WORD.test(ending[0]) ? ending[0] : '');
    return { word, bare: false };
  }
  let word = '';
  let rest = blanked.slice(place.end);
  for (let m = AGENCY_WORD.exec(rest); m && !NOT_AGENCY_WORD.test(m[0]); m = AGENCY_WORD.exec(rest)) {
    word += m[0];
    rest = rest.slice(m[0].length);
  }
  if (word.length >= 2) return { word, bare: false };
  const run = BARE_RUN.exec(rest);
  return run && !NOT_AGENCY_WORD.test(run[0]) ? { word: run[0], bare: true } : null;
}

/** Unread characters right after a place (metric and intent words are blanked). */
const BARE_RUN = new RegExp(`^${HAN}{2,6}`);

/** The first place of the question followed by an agency word, read as that agency. */
export function agencyMention(parsed: Parsed, agencies: AgencyIndex): Mention | null {
  // metric and intent words are no part of a name (「福州市政府采购」 is 福州市 and 政府采购)
  const blanked = blankSpans(parsed.text, parsed.tokens.filter((t) => !isPlace(t)));
  let leadStart = 0;
  for (let i = 0; i < parsed.tokens.length; i++) {
    const place = parsed.tokens[i];
    if (!isPlace(place)) continue;
    // 「上海市浦东新区人民政府」: the places before this one are part of the name said back
    const previous = parsed.tokens[i - 1];
    if (!previous || !isPlace(previous) || previous.end !== place.start) leadStart = place.start;
    const codes = placeCodes(place, agencies);
    if (codes.length === 0) continue;
    const found = wordAfter(blanked, place, parsed.tokens[i + 1], codes, agencies);
    const lead = parsed.text.slice(leadStart, place.start);
    const mention = found ? resolveMention(place, found.word, codes, agencies, lead) : null;
    // a bare word (「平潭今年」) is a department's stem only when a department of the place has it
    if (mention && !(found?.bare && mention.kind === 'unknown')) return mention;
  }
  return null;
}

function resolveMention(place: Token, word: string, codes: string[], agencies: AgencyIndex, lead: string): Mention {
  const name = lead + place.term + word;
  const own = new Set(agencyIds(place));
  const all = [...agencies.byId.values()];
  const found = (ids: string[]): Mention => ({ kind: 'agency', id: ids[0], term: name, word, start: place.start - lead.length, end: place.end + word.length });
  if (GOVERNMENT_WORD.test(word)) {
    // 「平潭县人民政府」: the one government (or zone) seated at exactly that place
    const heads = all.filter((a) => (a.kind === 'government' || a.kind === 'zone') && a.regionCode !== null && codes.includes(a.regionCode));
    return heads.length === 1 ? found([heads[0].id]) : { kind: 'unknown', name };
  }
  const inScope = (a: AgencyRecord) => !own.has(a.id) && a.regionCode !== null && within(a.regionCode, codes);
  // a department has no departments: after one (「平潭财政金融局办公室」) only a near name can be meant
  const placeIsDepartment = own.size > 0 && [...own].every((id) => agencies.get(id)?.kind === 'department');
  const fitting = placeIsDepartment ? [] : all.filter((a) => inScope(a) && (a.name.includes(word) || a.fullName.includes(word))).map((a) => a.id);
  if (fitting.length === 1) return found(fitting);
  if (fitting.length > 1) return { kind: 'guess', term: name, ids: fitting };
  // 「财政金触局」: one character off a department of the place (never of another place: 北京 is not 上海)
  const near = agencies.nearName(place.term + word);
  const nearIds = near ? near.ids.filter((id) => { const a = agencies.get(id); return a !== undefined && inScope(a); }) : [];
  if (nearIds.length > 0) return { kind: 'guess', term: name, ids: nearIds };
  // 「财政局」 for 财政金融局: departments of the place sharing the word's stem, asked back
  const stem = word.replace(ENDING, '');
  // (only the place's own departments: 福州市财政局 is the city's bureau, never 平潭's 财政金融局 inside 福州)
  const ofPlace = (a: AgencyRecord) => !own.has(a.id) && a.regionCode !== null && codes.includes(a.regionCode);
  const similar = !placeIsDepartment && stem.length >= 2 && stem !== word ? all.filter((a) => ofPlace(a) && a.name.includes(stem)).map((a) => a.id) : [];
  if (similar.length > 0) return { kind: 'guess', term: name, ids: similar };
  // 「苏平片区办公室地址」: the office of one agency with no report of its own is where that agency's report points to
  // (a government's office is an agency of its own: 「沭阳县人民政府办公室」 is not the county's report)
  if (OWN_OFFICE.test(word) && own.size === 1 && [...own].every((id) => agencies.get(id)?.kind !== 'government')) return found([...own]);
  return { kind: 'unknown', name };
}

/** An office word after an agency's own name: that agency's office, not another agency. */
const OWN_OFFICE = /^(?:办公室|办)$/;

/** The question as it reads with the mentioned agency as one token (for the draft to be built afresh). */
export function withAgencyToken(parsed: Parsed, m: Extract<Mention, { kind: 'agency' }>): Parsed {
  const token: Token = { term: m.term, start: m.start, end: m.end, tags: [{ kind: 'agency', ids: [m.id] }] };
  const tokens = [...parsed.tokens.filter((t) => t.end <= m.start || t.start >= m.end), token].sort((a, b) => a.start - b.start);
  const leftover = parsed.leftover.replace(m.word, ' ').replace(/\s+/g, ' ').trim();
  return { ...parsed, tokens, leftover };
}
