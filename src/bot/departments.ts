import type { AgencyIndex } from './agencies';
import type { Draft } from './draft';
import { blankSpans } from './text';
import type { Parsed } from './understand';
import { DEPARTMENT_AFTER } from './vocabulary';

/**
 * Departments named without their place, or with a place the question also needs: 「经发局」, 「帮我查一下审批局」,
 * 「公安局」 (公安 is also a county of Hubei), 「上海市科委」 unknown — read from the agencies of the index alone.
 */

/**
 * 「上海市科委」 with no such agency in the index: the region followed by a department's or zone's word is that
 * agency, unknown — not a question about the whole region (which would answer with another agency's number).
 */
export function unknownDepartments(parsed: Parsed): string[] {
  const blanked = blankSpans(parsed.text, parsed.tokens.filter((t) => !t.tags.some((tag) => tag.kind === 'region')));
  for (const token of parsed.tokens) {
    if (!token.tags.some((t) => t.kind === 'region')) continue;
    const m = DEPARTMENT_AFTER.exec(blanked.slice(token.end));
    if (m) return [`${token.term}${m[0]}`];
  }
  return [];
}

/**
 * A near name's agencies that lie in the regions the question names: 「北京市人民政府办公厅」 is not 上海市's, however
 * few characters differ (null when none lies there).
 */
export function inNamedRegions(parsed: Parsed, near: { term: string; ids: string[] }, agencies: AgencyIndex): { term: string; ids: string[] } | null {
  const codes = parsed.tokens.flatMap((t) => t.tags.flatMap((tag) => (tag.kind === 'region' ? tag.codes : [])));
  if (codes.length === 0) return near;
  const ids = near.ids.filter((id) => codes.some((c) => agencies.get(id)?.regionCode?.startsWith(c)));
  return ids.length > 0 ? { term: near.term, ids } : null;
}

/** A department's word in a question that names no place (「财政金融局规范性文件…」). */
export const DEPARTMENT_WORD = /[\u3400-\u4dbf\u4e00-\u9fff\u3007]{1,8}?(?:局|委员会|委(?![员会])|办公室|办公厅|厅|中心)/;

/** The agencies a department word without a place fits: their name has it, or one of their forms ends with it (经发局). */
export function agenciesEndingWith(agencies: AgencyIndex, word: string): string[] {
  const ids = new Set([...agencies.byId.values()].filter((a) => a.name.includes(word)).map((a) => a.id));
  for (const [form, owners] of agencies.terms) if (form.endsWith(word)) for (const id of owners) ids.add(id);
  return [...ids];
}

/** A place's short form that is also a department's stem (「公安」 of 公安县, Hubei): 「公安局」 is the department. */
export function departmentOfShortPlace(parsed: Parsed, name: string, agencies: AgencyIndex): string[] {
  const place = parsed.tokens.find((t) => t.tags.some((tag) => tag.kind === 'region') && name.startsWith(t.term));
  if (!place || FULL_PLACE_NAME.test(place.term)) return [];
  return agenciesEndingWith(agencies, name);
}

/** A place written with its level (公安县, 沭阳县): never a department's stem. */
const FULL_PLACE_NAME = /[省市县区州旗盟镇乡]$/;

/** 「经发局2023年…」 with no place: the one agency the department word fits, if exactly one does. */
export function bareDepartment(d: Draft, agencies: AgencyIndex): { id: string; word: string } | null {
  if (d.agencies.length > 0 || d.region.length > 0 || d.unknownNames.length > 0 || d.guess) return null;
  const found = fittingDepartmentWord(d.content, agencies);
  return found && found.ids.length === 1 ? { id: found.ids[0], word: found.word } : null;
}

/**
 * The department word of a question and the agencies it fits: the longest tail of the matched run that fits one
 * (「帮我查一下审批局」 → 审批局), since what precedes the word is not always filler the parser knows.
 */
export function fittingDepartmentWord(content: string, agencies: AgencyIndex): { word: string; ids: string[] } | null {
  const run = DEPARTMENT_WORD.exec(content)?.[0];
  if (!run) return null;
  for (let i = 0; i + MIN_DEPARTMENT_WORD <= run.length; i++) {
    const word = run.slice(i);
    if (GENERIC_OFFICE.test(word)) return null;
    const ids = agenciesEndingWith(agencies, word);
    if (ids.length > 0) return { word, ids };
  }
  return null;
}

/** 「科委」, 「审批局」: two characters at least. */
const MIN_DEPARTMENT_WORD = 2;

/** A department pointed at, not named: 「那个局」, 「哪个委」, 「某个办」. */
export const POINTED_DEPARTMENT = /(?:那个|哪个|这个|某个|那一个|哪一个)(局|委|办)/;

/** Words every agency has an office of: never one agency's name alone. */
const GENERIC_OFFICE = /^(?:办公室|办公厅|政府办公室|人民政府办公室)$/;
