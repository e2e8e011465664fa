/**
 * Agency names as officials type them (白土镇, 白土, 白土镇政府, 丰城市白土镇人民政府), indexed for the question scanner.
 * Built from the graph's `agencies` list; at national scale (~45,000 agencies) a Map lookup per candidate substring.
 */

/* eslint-disable @typescript-eslint/no-require-imports */
import { agencyWordVariants, knownAgencyWord } from '../parser/agencyNames';

export interface AgencyRecord {
  id: string;
  name: string;
  fullName: string;
  regionCode: string | null;
  /** government, department, zone or street_office (GraphQL AgencyKind). */
  kind?: string;
}

/** An agency as the index receives it: the graph's vocabulary brings its short forms (null: not stored yet). */
export type IndexedAgency = AgencyRecord & { shortNames?: readonly string[] | null };

/**
 * The parser's short forms of an agency's names when the graph has none stored (an agency from before they were
 * kept, or an older server). Loaded on first use: the parser and its division tables cost a cold start ~0.5 s.
 */
function derivedShortNames(a: AgencyRecord): string[] {
  const { agencyShortNames } = require('../parser/agency') as typeof import('../parser/agency');
  return [...agencyShortNames(a.name), ...agencyShortNames(a.fullName)];
}

const NAME_SUFFIXES = ['街道办事处', '街道', '镇', '乡', '县', '市', '区'];
const GOVERNMENT_SUFFIXES = ['人民政府', '政府'];

/** Every form an official may type for this agency. */
export function agencyForms(a: IndexedAgency): string[] {
  const forms = new Set<string>([a.name, a.fullName]);
  for (const g of GOVERNMENT_SUFFIXES) forms.add(a.name + g);
  // the longest suffix only: 「…人民政府」 minus 「政府」 would leave 「…人民」
  const suffix = GOVERNMENT_SUFFIXES.find((g) => a.fullName.endsWith(g));
  if (suffix) forms.add(a.fullName.slice(0, -suffix.length));
  for (const s of NAME_SUFFIXES) {
    if (a.name.endsWith(s) && a.name.length - s.length >= 2) {
      const short = a.name.slice(0, -s.length);
      forms.add(short);
      for (const g of GOVERNMENT_SUFFIXES) forms.add(short + g);
      break;
    }
  }
  // departments and zones: 沭阳县发改局, 上海市科委, 市科委, 平潭实验区 (the parser's usual short forms)
  for (const short of a.shortNames ?? derivedShortNames(a)) forms.add(short);
  // 「区行政审批局」: a department's own short name, its place cut to the level (as 县发改局, 市科委)
  if (a.kind === 'department') for (const name of [a.name, a.fullName]) {
    const short = levelShortName(name);
    if (short) forms.add(short);
  }
  // 「沭阳县发展改革局」: the 和 of 发展和改革 is often left out
  for (const f of [...forms]) if (f.includes('发展和改革')) forms.add(f.replace('发展和改革', '发展改革'));
  return [...forms].filter((f) => f.length >= 2);
}

/** 「平潭综合实验区行政审批局」 → 「区行政审批局」: from the first level word after a place name of two or more characters. */
function levelShortName(name: string): string | null {
  const at = name.slice(2).search(/[省市县区]/);
  if (at < 0) return null;
  const short = name.slice(at + 2);
  return short.length >= 3 ? short : null;
}

/** Longest name considered for a near match, and how such names end. */
const MAX_NEAR = 12;
const NAME_END = /(?:镇|乡|街道|县|区|市|局|委|委员会|办|办公室|厅|署|中心|管委会)$/;

export class AgencyIndex {
  readonly byId = new Map<string, AgencyRecord>();
  readonly terms = new Map<string, string[]>();

  constructor(agencies: readonly IndexedAgency[]) {
    for (const indexed of agencies) {
      // the record without its forms: what the answers read back (as the graph's agency fields)
      const a: AgencyRecord = { id: indexed.id, name: indexed.name, fullName: indexed.fullName, regionCode: indexed.regionCode, kind: indexed.kind };
      this.byId.set(a.id, a);
      for (const form of agencyForms(indexed)) {
        const ids = this.terms.get(form) ?? [];
        ids.push(a.id);
        this.terms.set(form, ids);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * A name one character off an agency's (白士镇, 百土镇 → 白土镇): the longest such piece of `text` and the agencies it
   * may mean. Only pieces ending like an agency name (镇, 乡, 局…) and differing before that ending count, so that
   * ordinary words are never read as names.
   */
  nearName(text: string): { term: string; ids: string[] } | null {
    const wild = this.wildcards();
    let best: { term: string; ids: string[] } | null = null;
    for (let start = 0; start < text.length; start++) {
      for (let len = Math.min(MAX_NEAR, text.length - start); len >= 3; len--) {
        if (best && len <= best.term.length) break;
        const piece = text.slice(start, start + len);
        if (!NAME_END.test(piece) || this.terms.has(piece)) continue;
        const ids = new Set<string>();
        for (let i = 0; i < len - 1; i++) for (const id of wild.get(`${piece.slice(0, i)}*${piece.slice(i + 1)}`) ?? []) ids.add(id);
        // 「上海市教委」 ends with a real agency word: another agency, not a slip of 上海市科委
        const word = knownAgencyWord(piece);
        const same = word ? agencyWordVariants(word) : [];
        const fitting = word ? [...ids].filter((id) => same.some((w) => this.byId.get(id)?.name.endsWith(w))) : [...ids];
        if (fitting.length > 0) best = { term: piece, ids: fitting };
      }
    }
    return best;
  }

  private wild: Map<string, string[]> | null = null;

  /** Each name with one character (not the last) replaced by 「*」, built on first use. */
  private wildcards(): Map<string, string[]> {
    if (this.wild) return this.wild;
    const wild = new Map<string, string[]>();
    for (const a of this.byId.values()) {
      if (a.name.length < 3 || a.name.length > MAX_NEAR) continue;
      for (let i = 0; i < a.name.length - 1; i++) {
        const key = `${a.name.slice(0, i)}*${a.name.slice(i + 1)}`;
        const ids = wild.get(key) ?? [];
        ids.push(a.id);
        wild.set(key, ids);
      }
    }
    // A department is typed by its short forms (沭阳县发改局 for 沭阳县发展和改革局): those are near names too. Only
    // departments: the few hundred thousand township forms would multiply the keys for no new township.
    for (const [term, ids] of this.terms) {
      if (term.length < 4 || term.length > MAX_NEAR) continue;
      const departments = ids.filter((id) => this.byId.get(id)?.kind === 'department');
      for (let i = 0; departments.length > 0 && i < term.length - 1; i++) {
        const key = `${term.slice(0, i)}*${term.slice(i + 1)}`;
        wild.set(key, [...new Set([...(wild.get(key) ?? []), ...departments])]);
      }
    }
    this.wild = wild;
    return wild;
  }

  get(id: string): AgencyRecord | undefined {
    return this.byId.get(id);
  }
}
