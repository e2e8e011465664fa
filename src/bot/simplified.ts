import { Converter } from 'opencc-js';
import { divisionTable } from '../parser/divisions';

/**
 * Traditional characters as some officials type them (「白土鎮2020年政府採購金額」) → simplified, with OpenCC. A
 * character that place names use as it is stays (乾县 is not 干县, 於 of a name is kept): OpenCC would "simplify" it.
 */

let convert: ((text: string) => string) | null = null;
let placeChars: Set<string> | null = null;

function converter(): (text: string) => string {
  const fn = convert ?? Converter({ from: 't', to: 'cn' });
  convert = fn;
  return fn;
}

/** Every character of the country's division names (simplified already). */
function keptChars(): Set<string> {
  if (placeChars) return placeChars;
  const chars = new Set<string>();
  for (const table of ['provinces', 'cities', 'areas', 'streets'] as const) for (const row of divisionTable(table)) for (const ch of row.name) chars.add(ch);
  placeChars = chars;
  return chars;
}

export function toSimplified(text: string): string {
  // ASCII and common simplified text pass untouched without loading anything large
  if (!/[^\x00-\x7f]/.test(text)) return text;
  const converted = converter()(text);
  if (converted === text) return text;
  const keep = keptChars();
  const from = [...text];
  const to = [...converted];
  if (from.length !== to.length) return converted;
  return to.map((ch, i) => (keep.has(from[i]) ? from[i] : ch)).join('');
}
