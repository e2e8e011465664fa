import { badInput } from './errors';
export { resolveCellKey } from './cellKeys';
import { normalizeRegionCode } from './regions';

/** The code prefix a region filter selects (codes are hierarchical: a prefix selects everything below), validated. */
export function regionPrefix(regionCode: string | null | undefined): string | undefined {
  if (regionCode == null || regionCode === '') return undefined;
  return normalizeRegionCode(regionCode);
}

/** A GraphQL optional argument as an optional filter value (null and absent both mean no filter). */
export function given<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}


export function assertYear(year: number | null | undefined): void {
  if (year != null && (year < 1990 || year > 2100)) throw badInput(`year must be a statistics year such as 2020 (got ${year})`);
}
