import type { DataSource } from 'typeorm';
import { parseReport } from '../../src/parser';

/** Cells of a stored report as `key → raw|value`, read back from the database. */
export async function storedCells(dataSource: DataSource, where: { url?: string; fileName?: string }): Promise<Map<string, string>> {
  const rows: { key: string; raw: string; value: string | null }[] = await dataSource.query(
    `SELECT c.key, c.raw, c.value::text AS value FROM cells c JOIN reports r ON r.id = c.report_id
       JOIN report_sources s ON s.id = r.source_id WHERE ($1::text IS NULL OR s.url = $1) AND ($2::text IS NULL OR s.file_name = $2)`,
    [where.url ?? null, where.fileName ?? null],
  );
  return new Map(rows.map((r) => [r.key, `${r.raw}|${r.value === null ? '' : Number(r.value)}`]));
}

/** Cells of the same bytes parsed directly: what the database must hold after a fetch. */
export async function parsedCells(fileName: string, content: Buffer): Promise<Map<string, string>> {
  const r = await parseReport({ fileName, content });
  return new Map(r.cells.map((c) => [c.key, `${c.raw}|${c.value === null ? '' : c.value}`]));
}

export async function sources(dataSource: DataSource): Promise<{ file_name: string; url: string | null; page_url: string | null; fetched: boolean; encoding: string; hints: unknown }[]> {
  return dataSource.query(
    `SELECT file_name, url, page_url, fetched_at IS NOT NULL AS fetched, encoding, hints FROM report_sources ORDER BY file_name`,
  );
}
