/**
 * What an agency's name says about it, without the division tree: its kind (government, department, zone, street
 * office) from the words after the division, and the usual short forms of those words (发改局 = 发展和改革局).
 */
import type { AgencyKind } from './types';

/** Words of a division government after the division name (白土镇人民政府, 沭阳县政府). */
export const GOVERNMENT_WORDS = /^(?:人民政府|政府|镇政府|乡政府)/;

/**
 * Zone words: special and development zones, whose 管委会 issues reports. 新区 is a zone only when it is not a
 * division (浦东新区 is a district with its own 人民政府).
 */
const ZONE_WORD =
  /(?:综合实验区|综合试验区|经济综合实验区|实验区|试验区|新区|高新技术产业开发区|高新技术开发区|高技术产业开发区|高新技术产业园区|高新区|经济技术开发区|经济开发区|经开区|技术开发区|开发区|工业园区|产业园区|科技园区|物流园区|园区|综合保税区|保税港区|保税区|自由贸易试验区|自贸区|示范区|合作区|旅游度假区|度假区|风景名胜区|管理区|新城)/;
const ZONE_OFFICE = /(?:党工委[、，]?)?(?:管理委员会|管委会|管委)$/;
const ZONE_NAME = new RegExp(`${ZONE_WORD.source}(?:${ZONE_OFFICE.source.replace(/\$$/, '')})?$`);
/** Ends of a department's name: bureaus, commissions, offices, centres… */
const DEPARTMENT_END = /(?:局|委员会|委|办公室|办公厅|厅|中心|院|署|办|所|站|队|处|会|馆|部|社|室|行)$/;

export function isZoneName(s: string): boolean {
  return ZONE_NAME.test(s);
}

/** 平潭综合实验区管委会 → 平潭综合实验区. */
export function zoneBase(s: string): string {
  return s.replace(ZONE_OFFICE, '');
}

/**
 * The kind of agency told by the words after its divisions (`rest`), or null when they name no agency (a sentence
 * fragment). `lowestIsZone`: the lowest division is itself a zone (苏州工业园区).
 */
export function kindOfRest(rest: string, lowestIsStreet: boolean, lowestIsZone: boolean): AgencyKind | null {
  const own = lowestIsStreet ? 'street_office' : lowestIsZone ? 'zone' : 'government';
  if (rest === '' || rest === '办事处' || rest === '街道办事处') return own;
  if (lowestIsZone && zoneBase(rest) === '') return 'zone'; // 苏州工业园区管委会
  const afterGov = rest.replace(GOVERNMENT_WORDS, '');
  if (afterGov === '') return lowestIsStreet ? 'street_office' : 'government';
  if (ZONE_NAME.test(rest)) return 'zone';
  if (DEPARTMENT_END.test(afterGov)) return 'department';
  return null;
}

/**
 * Version of the short-form rules below: raise it with every change of SHORT_WORDS or shortNamesOf, so that stored
 * vocabulary entries worked out with older rules are written again (migrations/1764310000000).
 */
export const SHORT_FORM_RULES = 3;

/** Short form → full forms of department and zone words. One full form: certain; several: only when the text writes one. */
const SHORT_WORDS: Record<string, string[]> = {
  发改局: ['发展和改革局'],
  发改委: ['发展和改革委员会'],
  科委: ['科学技术委员会'],
  科技局: ['科学技术局'],
  经信局: ['经济和信息化局'],
  经信委: ['经济和信息化委员会'],
  工信局: ['工业和信息化局'],
  人社局: ['人力资源和社会保障局'],
  住建局: ['住房和城乡建设局'],
  住建委: ['住房和城乡建设委员会'],
  交通局: ['交通运输局'],
  卫健委: ['卫生健康委员会'],
  卫健局: ['卫生健康局'],
  卫计委: ['卫生和计划生育委员会'],
  卫计局: ['卫生和计划生育局'],
  市场监管局: ['市场监督管理局'],
  文旅局: ['文化和旅游局', '文化广电和旅游局', '文化广电旅游局'],
  文广旅局: ['文化广电和旅游局', '文化广电旅游局'],
  应急局: ['应急管理局'],
  医保局: ['医疗保障局'],
  退役军人局: ['退役军人事务局'],
  民宗局: ['民族宗教事务局'],
  国资委: ['国有资产监督管理委员会'],
  教委: ['教育委员会'],
  农委: ['农业委员会', '农业农村委员会'],
  安监局: ['安全生产监督管理局'],
  食药监局: ['食品药品监督管理局'],
  环保局: ['环境保护局'],
  国土局: ['国土资源局'],
  自然资源局: ['自然资源和规划局'],
  城管局: ['城市管理局', '城市管理综合执法局', '城市管理行政执法局'],
  人防办: ['人民防空办公室'],
  外办: ['外事办公室'],
  侨办: ['侨务办公室'],
  台办: ['台湾事务办公室'],
  金融办: ['金融工作办公室'],
  政府办: ['人民政府办公室'],
  政府办公室: ['人民政府办公室'],
  政府办公厅: ['人民政府办公厅'],
  机关事务局: ['机关事务管理局'],
  审批局: ['行政审批局', '行政审批服务局'],
  经发局: ['经济发展局', '经济发展和改革局'],
  国资局: ['国有资产管理局', '国有资产监督管理局'],
  大数据局: ['大数据管理局', '大数据发展管理局'],
  数据局: ['数据管理局', '大数据管理局', '数据资源管理局'],
  政务服务局: ['政务服务管理局', '政务服务和大数据管理局'],
  综合执法局: ['综合行政执法局', '城市管理和综合执法局'],
  规资局: ['自然资源和规划局'],
  资规局: ['自然资源和规划局'],
  财金局: ['财政金融局'],
  管委办: ['管委会办公室', '管理委员会办公室'],
  粮储局: ['粮食和物资储备局'],
  商委: ['商务委员会'],
  管委会: ['管理委员会'],
  经开区: ['经济技术开发区'],
  高新区: ['高新技术产业开发区', '高新技术开发区'],
  综保区: ['综合保税区'],
  自贸区: ['自由贸易试验区'],
  实验区: ['综合实验区', '综合试验区'],
};

/** Short words that are also real names somewhere (a 科技局, a 交通局, a 自然资源局 exist): expanded only when the text writes the full form. */
const TEXT_ONLY = new Set(['科技局', '交通局', '自然资源局', '教委', '实验区', '审批局', '数据局']);

/** Full word → its short forms (the inverse of SHORT_WORDS). */
const FULL_WORDS = new Map<string, string[]>();
for (const [short, fulls] of Object.entries(SHORT_WORDS)) {
  for (const f of fulls) FULL_WORDS.set(f, [...(FULL_WORDS.get(f) ?? []), short]);
}
// Words whose short form is not an entry above: keep them findable as endings.
const FULL_ENDINGS = [...FULL_WORDS.keys()].sort((a, b) => b.length - a.length);
const SHORT_ENDINGS = Object.keys(SHORT_WORDS).sort((a, b) => b.length - a.length);

/**
 * The agency word a name ends with when it is one of the known short or full words (上海市教委 → 教委), else null: a
 * name that ends with a real word is that agency, never a one-character slip of another (上海市科委).
 */
export function knownAgencyWord(name: string): string | null {
  return SHORT_ENDINGS.find((w) => name.endsWith(w)) ?? FULL_ENDINGS.find((w) => name.endsWith(w)) ?? null;
}

/** A known agency word and the words that name the same (综合实验区 ↔ 综合试验区 ↔ 实验区; 科委 ↔ 科学技术委员会). */
export function agencyWordVariants(word: string): string[] {
  const shorts = [...(SHORT_WORDS[word] ? [word] : []), ...(FULL_WORDS.get(word) ?? [])];
  return [...new Set([word, ...shorts, ...shorts.flatMap((w) => SHORT_WORDS[w] ?? [])])];
}

export interface Expansion {
  /** The rest with its short word replaced, or as written when no expansion is certain. */
  rest: string;
  expanded: boolean;
}

/**
 * 发改局 → 发展和改革局; 实验区 → 综合实验区 only when `written(candidate)` (the text writes the full form) or the short
 * word has a single full form that cannot be mistaken (实验区 may be a real name: it needs the text).
 */
export function expandRest(rest: string, written: (full: string) => boolean): Expansion {
  const base = rest.replace(/(?:管理委员会|管委会)$/, '');
  const office = rest.slice(base.length);
  for (const short of SHORT_ENDINGS) {
    if (!base.endsWith(short)) continue;
    const head = base.slice(0, base.length - short.length);
    if (FULL_ENDINGS.some((f) => base.endsWith(f))) return { rest, expanded: false }; // already the full word (…管理委员会)
    const fulls = SHORT_WORDS[short];
    const seen = fulls.find((f) => written(head + f));
    const certain = fulls.length === 1 && !TEXT_ONLY.has(short);
    const full = seen ?? (certain ? fulls[0] : undefined);
    return full ? { rest: head + full + office, expanded: true } : { rest, expanded: false };
  }
  return { rest, expanded: false };
}

const DIVISION_SUFFIX = /(?:(?:壮族|回族|维吾尔)?自治区|特别行政区|自治州|自治县|自治旗|地区|省|市|县|区|盟|旗)$/;

/** 沭阳县 → 沭阳, 上海市 → 上海; null when too short to be written alone (沙县 → 沙). */
export function divisionShort(name: string): string | null {
  const short = name.replace(DIVISION_SUFFIX, '');
  return short.length >= 2 && short !== name ? short : null;
}

/** The level word a department uses for its own division (县发改局, 市科委): the division's last character. */
export function levelWord(name: string): string | null {
  const m = /(省|市|县|区|州|盟|旗|镇|乡)$/.exec(name);
  return m ? m[1] : null;
}

export interface NameParts {
  /** Division names written before the agency words, highest first (丰城市, 白土镇). */
  divisions: string[];
  /** The agency words after them (发展和改革局, 人民政府, 综合实验区). */
  rest: string;
}

function shortsOfRest(rest: string): string[] {
  const out: string[] = [];
  for (const full of FULL_ENDINGS) {
    if (!rest.endsWith(full)) continue;
    for (const s of FULL_WORDS.get(full) ?? []) out.push(rest.slice(0, rest.length - full.length) + s);
    break;
  }
  return out;
}

const ZONE_DEPARTMENT = new RegExp(`^(${ZONE_WORD.source})(${ZONE_OFFICE.source.replace(/\$$/, '')})?(.+)$`);
/** A part of a zone with its own office (海坛片区管理局): named alone too, as its staff and the zone's text do. */
const ZONE_PART = /片区|园区|组团|新城|港区/;
/** The office word of a zone's part: 「海坛片区」 names 海坛片区管理局 too. */
const PART_OFFICE = /(?:管理局|管理委员会|管委会|办事处)$/;
/** 「行政审批局」 is said 「审批局」; the short word alone is no entry of SHORT_WORDS's direction text → full. */
const ADMINISTRATIVE = /^行政(?=审批)/;

interface ZoneDepartment {
  zone: string;
  /** 管委会 when the name writes it between the zone and the department (管委会办公室). */
  office: string;
  department: string;
}

/** 综合实验区公安局 → zone 综合实验区, department 公安局; null when the words are not a zone's department. */
function zoneDepartment(rest: string): ZoneDepartment | null {
  const m = ZONE_DEPARTMENT.exec(rest);
  if (!m || ZONE_NAME.test(rest) || !DEPARTMENT_END.test(m[3])) return null;
  return { zone: m[1], office: m[2] ?? '', department: m[3] };
}

/** A department's own word and its short forms: 财政金融局 → 财金局, 行政审批局 → 审批局, 管委会办公室 → 管委办. */
function departmentForms(zd: ZoneDepartment): string[] {
  const words = [zd.department, ...(zd.office ? [zd.office + zd.department] : [])];
  const forms = words.flatMap((w) => [w, ...shortsOfRest(w)]);
  if (ADMINISTRATIVE.test(zd.department)) forms.push(zd.department.replace(ADMINISTRATIVE, ''));
  return forms;
}

/**
 * 平潭综合实验区公安局 → 平潭实验区公安局, 平潭公安局; 海坛片区管理局 and 海坛片区 alone for a part of the zone; never
 * the department word alone.
 */
function zoneDepartmentForms(own: string, zd: ZoneDepartment): string[] {
  const departments = departmentForms(zd);
  const zones = [zd.zone, ...shortsOfRest(zd.zone), ''];
  const forms = zones.flatMap((z) => departments.map((d) => own + z + d));
  if (ZONE_PART.test(zd.department)) {
    const part = zd.department.replace(PART_OFFICE, '');
    forms.push(...departments, ...(part !== zd.department ? [part, own + part] : []));
    // 「君山22年…」: the part's own place name alone, as the zone's staff say it (a region of that name elsewhere
    // yields to it only where the question ranks or lists nothing)
    const place = part.replace(ZONE_PART, '');
    if (place.length >= 2 && place !== part) forms.push(place, own + place);
  }
  return forms;
}

/**
 * The usual short forms of an agency's full name, as people write them in text and questions:
 * 沭阳县发展和改革局 → 沭阳县发改局, 沭阳发展和改革局, 沭阳发改局, 县发展和改革局, 县发改局. Pure: needs the name split
 * into its divisions and words (see `agencyNameParts` in agency.ts for a split against the division tree).
 */
export function shortNamesOf(parts: NameParts): string[] {
  const { divisions, rest } = parts;
  if (divisions.length === 0) return [];
  const lowest = divisions[divisions.length - 1];
  const own = divisions.join('');
  const forms: string[] = [];
  const add = (s: string) => {
    if (s && !forms.includes(s)) forms.push(s);
  };
  const restForms = [rest, ...shortsOfRest(rest)];
  if (GOVERNMENT_WORDS.test(rest)) {
    const words = rest.replace(GOVERNMENT_WORDS, '');
    const gov = words === '' ? ['人民政府', '政府', ''] : [`人民政府${words}`, `政府${words}`, ...shortsOfRest(`政府${words}`)];
    for (const g of gov) {
      add(lowest + g);
      if (divisions.length > 1) add(own + g);
      const level = levelWord(lowest);
      // 「县政府办公室」 names a department; 「镇政府」 alone names nothing.
      if (level && words !== '' && g !== '') add(level + g);
    }
    // 「上海办公厅」: the government's own office is named by its division alone; 「上海市府办公厅」, 「县府办」 too.
    if (/^办公[厅室]$/.test(words)) {
      for (const d of [own, lowest, divisionShort(lowest)]) if (d) add(d + words);
      if (/[市县]$/.test(lowest)) for (const f of [`府${words}`, '府办']) add(lowest + f);
    }
  } else if (rest === '' || rest === '办事处' || rest === '街道办事处') {
    add(lowest);
    if (lowest.endsWith('街道')) add(`${lowest}办事处`), add(`${lowest}办`);
  } else if (zoneDepartment(rest)) {
    for (const f of zoneDepartmentForms(own, zoneDepartment(rest)!)) add(f);
  } else {
    if (ZONE_NAME.test(rest)) {
      const base = zoneBase(rest);
      restForms.push(base, ...shortsOfRest(base));
      if (base !== rest) restForms.push(`${base}管委会`);
    }
    const short = divisionShort(lowest);
    const level = levelWord(lowest);
    for (const r of restForms) {
      add(own + r);
      if (divisions.length > 1) add(lowest + r);
      if (short) add(short + r);
      if (level && !ZONE_NAME.test(r) && !/^(?:综合)?(?:实验区|试验区)/.test(r)) add(level + r);
    }
  }
  const full = divisions.join('') + rest;
  return forms.filter((f) => f !== full && f !== '');
}
