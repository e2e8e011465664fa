import type { DataSource } from 'typeorm';
import { segmentWords } from '../../src/ingest/segment';
import { deleteReport, IngestError, storePrepared } from '../../src/ingest/store';
import { keysFor } from '../../src/parser/catalog';
import { freshDatabase, type FreshDatabase } from '../support/db';
import { BAITU, parsedReport, prepared } from './fixtures';

async function counts(ds: DataSource): Promise<Record<string, number>> {
  const [row] = await ds.query(`SELECT
    (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM agencies)::int AS agencies,
    (SELECT count(*) FROM report_sources)::int AS sources, (SELECT count(*) FROM reports)::int AS reports,
    (SELECT count(*) FROM sections)::int AS sections, (SELECT count(*) FROM cells)::int AS cells,
    (SELECT count(*) FROM checks)::int AS checks`);
  return row;
}

describe('storing one parsed report (one transaction)', () => {
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => db.drop());

  it('stores regions along the path, the agency, the verbatim source and every cell with copied year/region/agency', async () => {
    const p = prepared(parsedReport());
    const result = await storePrepared(db.dataSource, p);
    expect(result.status).toBe('ingested');
    const regions = await db.dataSource.query(`SELECT code, name, level, parent_code FROM regions ORDER BY code`);
    expect(regions).toEqual([
      { code: '36', name: '江西省', level: 'province', parent_code: null },
      { code: '3609', name: '宜春市', level: 'city', parent_code: '36' },
      { code: '360981', name: '丰城市', level: 'county', parent_code: '3609' },
      { code: '360981105', name: '白土镇', level: 'township', parent_code: '360981' },
    ]);
    const [agency] = await db.dataSource.query(`SELECT id, identity, name, full_name, region_code FROM agencies`);
    expect(agency).toMatchObject({ identity: '360981105:白土镇', name: '白土镇', full_name: '丰城市白土镇人民政府', region_code: BAITU.code });
    const [source] = await db.dataSource.query(`SELECT sha256, content, year, agency_id FROM report_sources`);
    expect(source.sha256).toBe(p.sha256);
    expect(Buffer.compare(source.content, p.content)).toBe(0);
    const [report] = await db.dataSource.query(`SELECT id, year, region_code, format, parser_version, contact FROM reports`);
    expect(report).toMatchObject({ id: result.reportId, year: 2020, region_code: BAITU.code, format: '2019', parser_version: 'test' });
    expect(report.contact.phone).toBe('0795-6852008');
    const cells = await db.dataSource.query(
      `SELECT key, value, year, region_code, agency_id FROM cells WHERE report_id = $1 ORDER BY line`,
      [result.reportId],
    );
    expect(cells.map((c: { key: string }) => c.key)).toEqual(keysFor('2019'));
    expect(cells.every((c: { year: number; region_code: string; agency_id: string }) => c.year === 2020 && c.region_code === BAITU.code && c.agency_id === agency.id)).toBe(true);
    expect(Number(cells[0].value)).toBe(1);
    expect(await counts(db.dataSource)).toMatchObject({ sections: 2, checks: 1 });
  });

  it('makes section words searchable with Chinese full-text search', async () => {
    await storePrepared(db.dataSource, prepared(parsedReport()));
    const hits = await db.dataSource.query(
      `SELECT kind FROM sections WHERE to_tsvector('simple', search_words) @@ plainto_tsquery('simple', $1)`,
      [segmentWords('主动公开')],
    );
    expect(hits).toEqual([{ kind: 'overview' }]);
  });

  it('the same file again is unchanged and writes nothing', async () => {
    const p = prepared(parsedReport());
    const first = await storePrepared(db.dataSource, p);
    const before = await counts(db.dataSource);
    const [{ xid: xidBefore }] = await db.dataSource.query(`SELECT max(xmin::text::bigint) AS xid FROM agencies`);
    const again = await storePrepared(db.dataSource, p);
    expect(again).toEqual({ status: 'unchanged', reportId: first.reportId });
    expect(await counts(db.dataSource)).toEqual(before);
    const [{ xid: xidAfter }] = await db.dataSource.query(`SELECT max(xmin::text::bigint) AS xid FROM agencies`);
    expect(xidAfter).toBe(xidBefore); // the agency upsert was rolled back
  });

  it('a new file for the same agency and year replaces the report and keeps the earlier source as history', async () => {
    const first = await storePrepared(db.dataSource, prepared(parsedReport({}, 1), 'v1.txt'));
    const second = await storePrepared(db.dataSource, prepared(parsedReport({}, 1000), 'v2.txt'));
    expect(second).toEqual({ status: 'replaced', reportId: first.reportId });
    const c = await counts(db.dataSource);
    expect(c).toMatchObject({ reports: 1, sources: 2, cells: keysFor('2019').length, sections: 2, checks: 1 });
    const [report] = await db.dataSource.query(`SELECT s.file_name FROM reports r JOIN report_sources s ON s.id = r.source_id`);
    expect(report.file_name).toBe('v2.txt');
    const [{ min }] = await db.dataSource.query(`SELECT min(value)::int AS min FROM cells`);
    expect(min).toBe(1000);
  });

  it('a good file sent again after a bad one for the same agency and year is the current version again', async () => {
    const good = prepared(parsedReport({}, 7), 'good.txt');
    const first = await storePrepared(db.dataSource, good);
    expect((await storePrepared(db.dataSource, prepared(parsedReport({}, 5000), 'bad.txt'))).status).toBe('replaced');
    const again = await storePrepared(db.dataSource, good);
    expect(again).toEqual({ status: 'replaced', reportId: first.reportId });
    const [report] = await db.dataSource.query(`SELECT s.file_name FROM reports r JOIN report_sources s ON s.id = r.source_id`);
    expect(report.file_name).toBe('good.txt');
    const [{ min }] = await db.dataSource.query(`SELECT min(value)::int AS min FROM cells`);
    expect(min).toBe(7);
    expect(await counts(db.dataSource)).toMatchObject({ reports: 1, sources: 2, cells: keysFor('2019').length });
    expect(await storePrepared(db.dataSource, good)).toEqual({ status: 'unchanged', reportId: first.reportId });
  });

  it('a report without a year or an agency is refused with the reason and stores nothing', async () => {
    await expect(storePrepared(db.dataSource, prepared(parsedReport({ year: null }), 'noyear.txt'))).rejects.toThrow(
      /noyear\.txt: no statistics year/,
    );
    const noAgency = parsedReport({ agency: { name: '', fullName: '', kind: 'government', region: null, regionCandidates: [] } });
    await expect(storePrepared(db.dataSource, prepared(noAgency, 'noagency.txt'))).rejects.toThrow(/no issuing agency/);
    expect(Object.values(await counts(db.dataSource)).every((n) => n === 0)).toBe(true);
  });

  it('a report the database refuses halfway stores nothing at all (no region, agency or source left behind)', async () => {
    const bad = parsedReport();
    bad.cells[150] = { ...bad.cells[150], unit: '件件件' as never }; // too long for cells.unit: fails in the last statement
    const error = await storePrepared(db.dataSource, prepared(bad, 'bad.txt')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(/^bad\.txt: the database refused the report/);
    expect(Object.values(await counts(db.dataSource)).every((n) => n === 0)).toBe(true);
  });

  it('an agency with no resolved region is keyed by its full name and keeps the candidates', async () => {
    const parsed = parsedReport({
      agency: { name: '白土镇', fullName: '白土镇人民政府', kind: 'government', region: null, regionCandidates: [BAITU, { ...BAITU, code: '140000000' }] },
    });
    await storePrepared(db.dataSource, prepared(parsed));
    const [agency] = await db.dataSource.query(`SELECT identity, region_code, region_candidates FROM agencies`);
    expect(agency).toEqual({ identity: '?:白土镇人民政府', region_code: null, region_candidates: ['360981105', '140000000'] });
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM cells WHERE region_code IS NULL`);
    expect(n).toBe(keysFor('2019').length);
  });

  it('repeated section kinds and cell keys are merged instead of breaking the unique indexes', async () => {
    const parsed = parsedReport();
    parsed.sections.push({ kind: 'problems', ordinal: 6, title: '六、其他', text: '无其他需要报告的事项。', line: 120 });
    parsed.cells.push({ ...parsed.cells[0], raw: '999', value: 999 });
    await storePrepared(db.dataSource, prepared(parsed));
    const sections = await db.dataSource.query(`SELECT kind, text FROM sections ORDER BY ordinal`);
    expect(sections).toHaveLength(2);
    expect(sections[1].text).toContain('无其他需要报告的事项');
    expect(await counts(db.dataSource)).toMatchObject({ cells: keysFor('2019').length });
  });

  it('strips NUL characters, which PostgreSQL text cannot hold', async () => {
    const parsed = parsedReport();
    parsed.sections[0].text = 'a\u0000b';
    parsed.cells[0].raw = '1\u0000';
    await expect(storePrepared(db.dataSource, prepared(parsed))).resolves.toMatchObject({ status: 'ingested' });
  });

  it('deleteReport removes the report, its rows and its sources, so the same file can be ingested again', async () => {
    const p = prepared(parsedReport());
    const { reportId } = await storePrepared(db.dataSource, p);
    expect(await deleteReport(db.dataSource, reportId!)).toBe(true);
    expect(await counts(db.dataSource)).toMatchObject({ agencies: 0, reports: 0, sources: 0, cells: 0, sections: 0, checks: 0 });
    expect(await deleteReport(db.dataSource, reportId!)).toBe(false);
    expect(await deleteReport(db.dataSource, 'not-a-uuid')).toBe(false);
    expect((await storePrepared(db.dataSource, p)).status).toBe('ingested');
  });
});

it('deleteReport keeps an agency that still has another year', async () => {
  const db = await freshDatabase();
  try {
    const a = await storePrepared(db.dataSource, prepared(parsedReport({}, 3), 'y2020.txt'));
    await storePrepared(db.dataSource, prepared(parsedReport({ year: 2021, title: '白土镇2021年政府信息公开工作年度报告' }, 9), 'y2021.txt'));
    expect(await deleteReport(db.dataSource, a.reportId!)).toBe(true);
    expect(await counts(db.dataSource)).toMatchObject({ agencies: 1, reports: 1, sources: 1 });
  } finally {
    await db.drop();
  }
});

describe('segmentWords', () => {
  it('cuts Chinese text into words separated by spaces, dropping punctuation', () => {
    expect(segmentWords('主动公开政府信息，共130条。')).toBe('主动 公开 政府 信息 共 130 条');
  });
});
