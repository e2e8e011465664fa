import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { Where } from '../db/reader';
import { metric } from '../parser/catalog';
import { badInput } from './errors';
import { normalizeRegionCode } from './regions';

/** Escapes LIKE wildcards so that user text is matched literally. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Adds `column LIKE 'code%'` for a region filter (codes are hierarchical: a prefix selects everything below). */
export function whereRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T> | Where, column: string, regionCode: string | null | undefined): void {
  if (regionCode == null || regionCode === '') return;
  const prefix = `${normalizeRegionCode(regionCode)}%`;
  if ('andWhere' in qb) qb.andWhere(`${column} LIKE :regionPrefix`, { regionPrefix: prefix });
  else qb.add(`${column} LIKE ?`, prefix);
}

export function assertKnownKey(key: string): void {
  if (!metric(key)) {
    throw badInput(`unknown cell key "${key}": keys look like active.procurement.amount; the query \`metrics\` lists them all`);
  }
}

export function assertYear(year: number | null | undefined): void {
  if (year != null && (year < 1990 || year > 2100)) throw badInput(`year must be a statistics year such as 2020 (got ${year})`);
}
