import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HttpGraphQLClient, loadOperation } from '../../src/bot/client';
import { GraphApi } from '../../src/bot/graph';
import { deleteReport, fillAgencyVocabulary, ingestPaths } from '../../src/ingest';
import { shortNamesOf } from '../../src/ingest/vocabulary';
import { SHORT_FORM_RULES } from '../../src/parser';
import { SAMPLES, startBotHarness, writeSecondBaitu, type BotHarness } from './harness';

/**
 * The bot's agency vocabulary (issue 15): every agency with its short forms in one request (BotVocabulary), the
 * forms stored by ingest with the agency and deleted with it, so that what the bot loads is never stale.
 */

type Row = [string, string, string, string | null, string, string[] | null];

let h: BotHarness;
let graph: HttpGraphQLClient;
beforeAll(async () => {
  h = await startBotHarness([writeSecondBaitu()], { minReloadMs: 0 });
  graph = new HttpGraphQLClient(h.endpoint);
});
afterAll(() => h?.close());

async function vocabulary(): Promise<{ count: number; rows: Row[] }> {
  const data = await graph.request<{ agencyVocabulary: { count: number; agencies: string } }>('BotVocabulary', loadOperation('BotVocabulary'), {});
  return { count: data.agencyVocabulary.count, rows: JSON.parse(data.agencyVocabulary.agencies) as Row[] };
}

/** The 施集镇 sample issued by 南谯区发展和改革局 (a department: its short forms come from the parser), 9,150元. */
function writeDepartment(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-vocab-'));
  const file = path.join(dir, 'nanqiao-fagai-2020.txt');
  const text = readFileSync(path.join(SAMPLES, 'shiji-2020.txt'), 'utf8')
    .replaceAll('南谯区施集镇人民政府', '南谯区发展和改革局').replaceAll('南谯区施集镇', '南谯区发展和改革局').replaceAll('施集镇', '南谯区发展和改革局')
    .replace('7380元整', '9150元整');
  writeFileSync(file, text);
  return file;
}

const QUESTION = '南谯区发改局2020年政府采购金额';

it('serves every agency with kind, region and the short forms ingest stored, in one request', async () => {
  const { count, rows } = await vocabulary();
  const [{ n }] = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM agencies`);
  expect(count).toBe(n);
  expect(rows).toHaveLength(n);
  const baitu = rows.find((r) => r[1] === '白土镇')!;
  expect(baitu.slice(2)).toEqual(['丰城市白土镇人民政府', '360981101', 'government', ['白土镇人民政府', '白土镇政府', '丰城市白土镇政府', '白土镇', '丰城市白土镇']]);
  for (const r of rows) expect(r[5]).toEqual(shortNamesOf(r[1], r[2]));
});

describe('an agency ingested after the bot loaded its vocabulary, then deleted', () => {
  let reportId: string;

  it('is found by its short form once the bot reloads', async () => {
    await h.engine.ready();
    expect((await h.engine.ask(QUESTION)).text).not.toContain('9,150元');
    const summary = await ingestPaths([writeDepartment()], { dataSource: h.db.dataSource, workers: 0 });
    expect(summary.failed).toEqual([]);
    [{ id: reportId }] = await h.db.dataSource.query(`SELECT r.id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.full_name = '南谯区发展和改革局'`);
    const row = (await vocabulary()).rows.find((r) => r[2] === '南谯区发展和改革局')!;
    expect(row.slice(3)).toEqual(['341103', 'department', ['南谯发展和改革局', '区发展和改革局', '南谯区发改局', '南谯发改局', '区发改局']]);
    h.engine.invalidate();
    expect((await h.engine.ask(QUESTION)).text).toContain('南谯区发展和改革局2020年「政府集中采购 · 采购总金额」：9,150元');
  });

  it('disappears from the vocabulary with its stored forms when its report is deleted', async () => {
    const before = await vocabulary();
    expect(await deleteReport(h.db.dataSource, reportId)).toBe(true);
    const after = await vocabulary();
    expect(after.count).toBe(before.count - 1);
    expect(after.rows.map((r) => r[2])).not.toContain('南谯区发展和改革局');
    const [{ n }] = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM agency_vocabulary v WHERE NOT EXISTS (SELECT 1 FROM agencies a WHERE a.id = v.agency_id)`);
    expect(n).toBe(0);
    h.engine.invalidate();
    expect((await h.engine.ask(QUESTION)).text).not.toContain('9,150元');
  });
});

it('an agency stored before the forms were kept is still found by them, and filling stores them', async () => {
  const summary = await ingestPaths([writeDepartment()], { dataSource: h.db.dataSource, workers: 0 });
  expect(summary.failed).toEqual([]);
  // as a database from before the table: no row for this agency
  await h.db.dataSource.query(`DELETE FROM agency_vocabulary v USING agencies a WHERE a.id = v.agency_id AND a.full_name = '南谯区发展和改革局'`);
  expect((await vocabulary()).rows.find((r) => r[2] === '南谯区发展和改革局')![5]).toBeNull();
  h.engine.invalidate();
  expect((await h.engine.ask(QUESTION)).text).toContain('9,150元');
  expect(await fillAgencyVocabulary(h.db.dataSource)).toBe(1);
  expect(await fillAgencyVocabulary(h.db.dataSource)).toBe(0);
  expect((await vocabulary()).rows.find((r) => r[2] === '南谯区发展和改革局')![5]).toEqual(shortNamesOf('南谯区发展和改革局', '南谯区发展和改革局'));
});

it('an entry worked out with older short-form rules is served without its forms, and filling writes it again', async () => {
  // a stale entry: a form the current rules would never give, and the version before the current one
  await h.db.dataSource.query(
    `UPDATE agency_vocabulary v SET rules = $1, entry = json_build_array(a.id, a.name, a.full_name, a.region_code, a.kind, ARRAY['南谯旧称局'])::text
     FROM agencies a WHERE a.id = v.agency_id AND a.full_name = '南谯区发展和改革局'`, [SHORT_FORM_RULES - 1]);
  expect((await vocabulary()).rows.find((r) => r[2] === '南谯区发展和改革局')![5]).toBeNull();
  h.engine.invalidate();
  expect((await h.engine.ask('南谯区发改局2020年政府采购金额')).text).toContain('9,150元');
  expect(await fillAgencyVocabulary(h.db.dataSource)).toBe(1);
  expect(await fillAgencyVocabulary(h.db.dataSource)).toBe(0);
  const [{ rules }] = await h.db.dataSource.query(`SELECT v.rules FROM agency_vocabulary v JOIN agencies a ON a.id = v.agency_id WHERE a.full_name = '南谯区发展和改革局'`);
  expect(rules).toBe(SHORT_FORM_RULES);
  expect((await vocabulary()).rows.find((r) => r[2] === '南谯区发展和改革局')![5]).toEqual(shortNamesOf('南谯区发展和改革局', '南谯区发展和改革局'));
});

it('reads the agencies in the order of the paged agency list (namesakes are offered in the same order)', async () => {
  const api = new GraphApi(graph);
  const { agencies } = await api.vocabulary([]);
  const paged = await api.allAgencies([]);
  expect(agencies.map((a) => a.id)).toEqual(paged.map((a) => a.id));
  expect(agencies.filter((a) => a.name === '白土镇').map((a) => a.regionCode)).toEqual(['341322116', '360981101']);
});
