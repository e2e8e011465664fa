/**
 * Reading one written agency name against the division tree: the divisions it starts with (written in full, in
 * short, or misspelt by OCR), or a level word standing for a division the context names (县发改局), then the
 * agency words and the kind they tell.
 */
import type { AgencyKind } from './types';
import { ancestors, divisionNameAt, divisionsNamed, type Division } from './region';
import { fuzzyDivision, shortFormsAt, type FuzzyMatch } from './regionNames';
import { isZoneName, kindOfRest } from './agencyNames';

export interface NamePiece {
  /** As written (平潭, 沐阳县, 沭阳县). */
  text: string;
  candidates: Division[];
  via: 'exact' | 'short' | 'fuzzy';
  /** How a misspelt piece was placed (via 'fuzzy' only). */
  fuzzy?: Omit<FuzzyMatch, 'division'>;
}

export interface NameReading {
  written: string;
  pieces: NamePiece[];
  /** Level word written instead of a division (「县」发改局), when no division is written. */
  relative: string | null;
  /** The agency words after the divisions. */
  rest: string;
  kind: AgencyKind | null;
}

const ZONE_START = /^(?:综合|经济|高新|高技术|工业|产业|科技|物流|保税|综合保税|自由贸易|自贸|国家级|省级|旅游|风景|实验区|试验区|新区|开发区|园区|示范区|合作区|度假区|管理区|新城)/;
const RELATIVE = /^(省|市|县|区|州|盟|旗|镇|乡)/;
/** A misspelt division ends with its level word within a few characters. */
const LEVEL_END = /(?:省|市|县|区|镇|乡|旗|街道)$/;

function inside(d: Division, within: readonly Division[]): boolean {
  return within.length === 0 || ancestors(d).some((a) => within.includes(a));
}

/** Keep the highest of candidates that contain one another (长沙 → 长沙市, not 长沙县 inside it). */
function highest(ds: readonly Division[]): Division[] {
  return ds.filter((d) => !ds.some((o) => o !== d && ancestors(d).includes(o)));
}

/** A short form stands for a division only before agency words or a division inside it (平潭|综合实验区). */
function shortPiece(s: string, i: number, within: readonly Division[]): NamePiece | null {
  for (const { length, divisions } of shortFormsAt(s, i)) {
    const candidates = highest(divisions.filter((d) => inside(d, within)));
    if (candidates.length === 0) continue;
    const next = s.slice(i + length);
    if (/^(?:省|市|县|区|镇|乡|旗|州|盟)/.test(next)) continue; // 青山县 is not 青山(区)+县…: a division not in the tree
    const nextDivision = divisionNameAt(next, 0);
    const beforeDivision = nextDivision !== null && divisionsNamed(nextDivision).some((d) => inside(d, candidates));
    const kind = kindOfRest(next, false, false);
    if (ZONE_START.test(next) || beforeDivision || kind === 'department' || kind === 'zone') {
      return { text: s.substr(i, length), candidates, via: 'short' };
    }
  }
  return null;
}

function fuzzyPiece(s: string, i: number, within: readonly Division[], text: string): NamePiece | null {
  for (let j = i + 3; j <= Math.min(s.length, i + 10); j++) {
    const sub = s.slice(i, j);
    if (!LEVEL_END.test(sub)) continue;
    const m = fuzzyDivision(sub, within, text);
    if (m) return { text: sub, candidates: [m.division], via: 'fuzzy', fuzzy: { lookalike: m.lookalike, by: m.by } };
  }
  return null;
}

/** Division names at the start of `s`, each inside the one before. */
function readPieces(s: string, text: string, fuzzy: boolean): { pieces: NamePiece[]; end: number } {
  const pieces: NamePiece[] = [];
  let i = 0;
  while (i < s.length) {
    const within = pieces.length ? pieces[pieces.length - 1].candidates : [];
    const exact = divisionNameAt(s, i);
    const candidates = exact ? divisionsNamed(exact).filter((d) => inside(d, within)) : [];
    let piece: NamePiece | null = exact && candidates.length ? { text: exact, candidates, via: 'exact' } : null;
    piece ??= shortPiece(s, i, within);
    // A misspelt division is looked for at the start, or where the rest reads as no agency: 「丰城市住房和城乡建设局」
    // does not make 「住房和城乡」 a misspelt township.
    if (!piece && fuzzy && (pieces.length === 0 || kindOfRest(s.slice(i), false, false) === null)) piece = fuzzyPiece(s, i, within, text);
    if (!piece) break;
    pieces.push(piece);
    i += piece.text.length;
  }
  return { pieces, end: i };
}

export function isZoneDivision(d: Division): boolean {
  // County-level codes 71–79 are the functional zones of the division list (苏州工业园区 320576).
  if (d.level === 'county') return Number(d.code.slice(4, 6)) >= 70;
  return d.level === 'township' && isZoneName(d.name) && !d.name.endsWith('新区');
}

/**
 * @param fuzzy also read a misspelt division (needs `text` for its province/city context)
 * @returns null when `s` starts with no division and no level word
 */
export function readAgencyName(s: string, text: string, fuzzy = true): NameReading | null {
  const written = s.trim();
  const { pieces, end } = readPieces(written, text, fuzzy);
  if (pieces.length === 0) {
    const m = RELATIVE.exec(written);
    const rest = written.slice(1);
    if (!m || rest.length < 2) return null;
    const kind = kindOfRest(rest, false, false);
    if (kind !== 'department' && kind !== 'government') return null;
    return { written, pieces, relative: m[1], rest, kind };
  }
  const lowest = pieces[pieces.length - 1];
  const isStreet = lowest.candidates.every((d) => d.name.endsWith('街道'));
  const isZone = lowest.candidates.every(isZoneDivision);
  const rest = written.slice(end);
  return { written, pieces, relative: null, rest, kind: kindOfRest(rest, isStreet, isZone) };
}

/** The kind of a name that starts with no known division (国家税务总局, a place not in the tree). */
export function kindOfUnknown(s: string): AgencyKind | null {
  if (/^(?:我|本|该|各|全)/.test(s) || s.length < 3) return null; // 「我局」「本机关」: a reference, not a name
  if (/街道(?:办事处)?$/.test(s)) return 'street_office';
  if (isZoneName(s)) return 'zone';
  if (/(?:人民政府|政府|[镇乡县旗])$/.test(s)) return 'government';
  return kindOfRest(s, false, false) === 'department' ? 'department' : null;
}
