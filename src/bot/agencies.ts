/**
 * Agency names as officials type them (白土镇, 白土, 白土镇政府, 丰城市白土镇人民政府), indexed for the question scanner.
 * Built from the graph's `agencies` list; at national scale (~45,000 agencies) a Map lookup per candidate substring.
 */

import { agencyShortNames } from '../parser';

export interface AgencyRecord {
  id: string;
  name: string;
  fullName: string;
  regionCode: string | null;
}

const NAME_SUFFIXES = ['街道办事处', '街道', '镇', '乡', '县', '市', '区'];
const GOVERNMENT_SUFFIXES = ['人民政府', '政府'];

/** Every form an official may type for this agency. */
export function agencyForms(a: AgencyRecord): string[] {
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
  for (const f of [a.name, a.fullName]) for (const short of agencyShortNames(f)) forms.add(short);
  for (const f of [...forms]) for (const short of zoneDepartmentForms(f)) forms.add(short);
  return [...forms].filter((f) => f.length >= 2);
}

/** 「平潭综合实验区公安局」 → 「平潭实验区公安局」: a department named after a zone keeps the zone's short form. */
function zoneDepartmentForms(name: string): string[] {
  const m = /^(.{2,}?)综合(实验区|试验区|开发区)(.+)$/.exec(name);
  return m ? [`${m[1]}${m[2]}${m[3]}`] : [];
}

export class AgencyIndex {
  readonly byId = new Map<string, AgencyRecord>();
  readonly terms = new Map<string, string[]>();

  constructor(agencies: readonly AgencyRecord[]) {
    for (const a of agencies) {
      this.byId.set(a.id, a);
      for (const form of agencyForms(a)) {
        const ids = this.terms.get(form) ?? [];
        ids.push(a.id);
        this.terms.set(form, ids);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): AgencyRecord | undefined {
    return this.byId.get(id);
  }
}
