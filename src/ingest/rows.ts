import type { ParsedReport } from '../parser/types';
import type { PreparedReport } from './types';

// The column values the write statements (writes.ts) store, derived from a prepared report: pure functions.

/** `${regionCode}:${name}` when the region is known, `?:${fullName}` otherwise. */
export function agencyIdentity(parsed: ParsedReport): string {
  const a = parsed.agency;
  return a.region ? `${a.region.code}:${a.name || a.fullName}` : `?:${a.fullName || a.name}`;
}

/** The column values of a report row (without agency and source). */
export function reportValues(r: PreparedReport) {
  const p = r.parsed;
  return {
    region_code: p.agency.region?.code ?? null,
    year: p.year as number,
    format: p.format,
    title: clip(p.title || p.agency.fullName, 300),
    published_at: p.publishedAt,
    parser_version: clip(r.parserVersion, 20),
    contact: Object.fromEntries(
      Object.entries(p.contact ?? {})
        .filter(([, value]) => typeof value === 'string')
        .map(([k, value]) => [k, clean(value as string)]),
    ),
    warnings: p.warnings.map((w) => ({ code: w.code, message: clean(w.message), ...(w.line ? { line: w.line } : {}), ...(w.key ? { key: w.key } : {}) })),
    missing_cells: [...new Set(p.warnings.filter((w) => w.code === 'cell_missing' && w.key).map((w) => w.key as string))],
  };
}

/** The regions along the agency's path, parents first. */
export function regionRows(parsed: ParsedReport) {
  const a = parsed.agency;
  const path = a.region ? (a.region.path.length ? a.region.path : [a.region]) : [];
  return path.map((p, i) => ({ code: p.code, name: clip(p.name, 64), level: p.level, parent_code: i === 0 ? null : path[i - 1].code }));
}

/** One row per section kind (the table has one per kind): repeated kinds are merged in order. */
export function sectionRows(r: PreparedReport) {
  const byKind = new Map<string, { kind: string; ordinal: number; title: string; text: string; search_words: string }>();
  r.parsed.sections.forEach((s, i) => {
    const words = r.searchWords[i] ?? '';
    const seen = byKind.get(s.kind);
    if (seen) {
      seen.text += `\n${clean(s.text)}`;
      seen.search_words += ` ${words}`;
    } else {
      byKind.set(s.kind, { kind: s.kind, ordinal: s.ordinal, title: clip(s.title, 200), text: clean(s.text), search_words: words });
    }
  });
  return [...byKind.values()];
}

/** One row per key (the table has one per report and key): a repeated key keeps its first occurrence. */
export function cellRows(p: ParsedReport) {
  const seen = new Set<string>();
  const rows = [];
  for (const c of p.cells) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    rows.push({
      key: c.key,
      table_id: c.table,
      row_id: c.row,
      col_id: c.col,
      raw: clean(c.raw),
      value: c.value === null || !Number.isFinite(c.value) ? null : c.value,
      unit: c.unit,
      line: c.line ?? null,
    });
  }
  return rows;
}

/** PostgreSQL text cannot hold NUL characters; they only come from broken files. */
export function clean(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}

export function clip(s: string, max: number): string {
  const c = clean(s);
  return c.length > max ? c.slice(0, max) : c;
}
