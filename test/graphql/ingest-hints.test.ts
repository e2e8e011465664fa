import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES, startHarness, type Harness } from './harness';

/** ingestReport with hints (issue 10): checked like the CLI's, kept with the source, shown on ReportSource. */
const TOKEN = 'nb-hints-token-5b21e0';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const INGEST = `mutation($input: IngestReportInput!) {
  ingestReport(input: $input) { status report { year agency { fullName } sources { fileName url pageUrl fetchedAt current } } }
}`;
const shiji = () => readFileSync(path.join(SAMPLES, 'shiji-2020.txt')).toString('base64');

describe('ingestReport hints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, apiToken: TOKEN });
  });
  afterAll(() => h?.close());

  it('stores the hinted url with the source and the hints for reparse', async () => {
    const hints = { agency: '石基镇人民政府', year: 2020, url: 'http://www.example.gov.cn/shiji/2021/0112.html', publishedAt: '2021-01-12', title: null };
    const res = await h.post(INGEST, { input: { fileName: 'shiji-2020.txt', content: shiji(), hints } }, AUTH);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.ingestReport.status).toBe('ingested');
    expect(res.body.data.ingestReport.report.sources).toEqual([
      { fileName: 'shiji-2020.txt', url: 'http://www.example.gov.cn/shiji/2021/0112.html', pageUrl: null, fetchedAt: null, current: true },
    ]);
    const [{ hints: stored }] = await h.db.dataSource.query(`SELECT hints FROM report_sources`);
    expect(stored).toEqual({ agency: '石基镇人民政府', year: 2020, url: 'http://www.example.gov.cn/shiji/2021/0112.html', publishedAt: '2021-01-12' });
  });

  it('a bad hint is a BAD_USER_INPUT naming the field, and nothing is stored', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ publishedAt: '2021-13-01' }, 'hints.publishedAt', 'hints.publishedAt: expected a date YYYY-MM-DD, got "2021-13-01"'],
      [{ url: 'javascript:alert(1)' }, 'hints.url', 'hints.url: expected an http:// or https:// address, got "javascript:alert(1)"'],
      [{ year: 1789 }, 'hints.year', 'hints.year: expected a year 1990–2100, got 1789'],
    ];
    const before = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM report_sources`);
    for (const [hints, field, message] of cases) {
      const res = await h.post(INGEST, { input: { fileName: 'zhangjiachan-2020.txt', content: readFileSync(path.join(SAMPLES, 'zhangjiachan-2020.txt')).toString('base64'), hints } }, AUTH);
      expect(res.body.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await h.db.dataSource.query(`SELECT count(*)::int AS n FROM report_sources`)).toEqual(before);
  });
});
