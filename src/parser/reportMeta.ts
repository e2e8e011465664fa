/**
 * Year and title of a report from the text and the caller's hints: the text wins where it says the thing, a hint
 * fills what it lacks, and what neither says is inferred (with a warning) or left missing (with a warning).
 */
import type { AgencyInfo, ParseWarning, ReportHints } from './types';
import { findYear } from './metadata';

export interface YearChoice {
  year: number | null;
  warnings: ParseWarning[];
}

const YEAR_SOURCES = { title: 'the title', period: 'the statistics period', this_year: '「本年度」', overview: 'the overview' } as const;

const validYear = (y: unknown): y is number => typeof y === 'number' && Number.isInteger(y) && y >= 2000 && y < 2100;

/** A hint's year as a number (manifests may carry 「2023」 as a string); anything else is no hint. */
function hintYear(y: unknown): number | null {
  const n = typeof y === 'string' && /^\s*\d{4}\s*$/.test(y) ? Number(y) : y;
  return validYear(n) ? n : null;
}

/** A hint's publication date when it is an ISO date (YYYY-MM-DD, time part dropped); else none. */
export function hintDate(d: unknown): string | null {
  const m = typeof d === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/.exec(d) : null;
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export function chooseYear(title: string | null, text: string, hints: ReportHints, publishedAt: string | null): YearChoice {
  const found = findYear(title, text);
  const hinted = hintYear(hints.year);
  if (found) {
    const warnings: ParseWarning[] =
      hinted !== null && hinted !== found.year
        ? [{ code: 'hint_conflict', message: `the hint says the year ${hinted} but ${YEAR_SOURCES[found.source]} says ${found.year}: the text is kept` }]
        : [];
    return { year: found.year, warnings };
  }
  if (hinted !== null) return { year: hinted, warnings: [] };
  // Reports are published in the first months after their year: the year before publication.
  const published = publishedAt ? Number(publishedAt.slice(0, 4)) : NaN;
  if (validYear(published - 1)) {
    return {
      year: published - 1,
      warnings: [{ code: 'year_inferred', message: `no statistics year in the text: ${published - 1}, the year before its publication (${publishedAt})` }],
    };
  }
  return { year: null, warnings: [{ code: 'year_missing', message: 'no statistics year in the title, a 统计期限 sentence, the overview or a hint' }] };
}

export interface TitleChoice {
  title: string;
  warnings: ParseWarning[];
}

/** The title as written; else the hint's; else one composed from agency and year (「平潭综合实验区2023年…」). */
export function chooseTitle(title: string | null, agency: AgencyInfo, year: number | null, hints: ReportHints): TitleChoice {
  if (title) return { title, warnings: [] };
  const hinted = hints.title?.replace(/\s+/g, '');
  if (hinted) return { title: hinted, warnings: [{ code: 'title_missing', message: 'no title line in the text: the title is the hint\'s' }] };
  const who = agency.kind === 'zone' ? agency.name : agency.fullName;
  const composed = `${who}${year ?? ''}${year ? '年' : ''}政府信息公开工作年度报告`;
  return { title: composed, warnings: [{ code: 'title_missing', message: `no title line in the text: the title 「${composed}」 is composed from the agency and the year` }] };
}
