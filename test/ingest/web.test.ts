import { readFileSync } from 'node:fs';
import path from 'node:path';
import { reparseAll } from '../../src/ingest/reparse';
import { readPage } from '../../src/ingest/web/attachment';
import { ingestEntries, type EntryOptions } from '../../src/ingest/entries';
import { freshDatabase, type FreshDatabase } from '../support/db';
import {
  BAITU_GBK, BAITU_HTML, closedPort, GANGKOU_DOCX, HUGE_BYTES, hitsOf, SHIJI_TXT, SHUYANG_WITH_ATTACHMENT, startFixtureServer, type FixtureServer,
} from './server';
import { parsedCells, sources, storedCells } from './support';

/** ingestEntries against a real HTTP server on 127.0.0.1 and a real database: what is stored, and each failure's line. */
const ROOT = path.join(__dirname, '..', '..');
const SHUYANG_EXPECTED = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/real/expected/shuyang-fgj-2023.json'), 'utf8')) as { cells: Record<string, number | null> };

let server: FixtureServer;
let db: FreshDatabase;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDatabase();
  server.hits.length = 0;
});
afterEach(() => db.drop());

const options = (extra: Partial<EntryOptions['web']> = {}): EntryOptions => ({
  dataSource: db.dataSource,
  workers: 0,
  web: { delayMs: 5, backoffMs: 5, timeoutMs: 2000, retries: 1, ...extra },
});

describe('ingest from web addresses', () => {
  it('stores a report page with every hand-read cell, its address and its fetch time', async () => {
    const url = `${server.base}/reports/shuyang.html`;
    const summary = await ingestEntries([{ address: url }], options());
    expect(summary).toEqual({ ingested: 1, unchanged: 0, replaced: 0, alternate: 0, failed: [], skipped: 0 });
    const cells = await storedCells(db.dataSource, { url });
    expect(cells.size).toBe(200);
    const values = Object.fromEntries(Object.keys(SHUYANG_EXPECTED.cells).map((k) => [k, valueOf(cells.get(k))]));
    expect(values).toEqual(SHUYANG_EXPECTED.cells);
    expect(await sources(db.dataSource)).toEqual([{ file_name: url, url, page_url: null, fetched: true, encoding: 'utf-8', hints: { url } }]);
    const [{ fetched_at }] = await db.dataSource.query(`SELECT fetched_at FROM report_sources`);
    expect(Math.abs(new Date(fetched_at).getTime() - server.hits.find((h) => h.path === '/reports/shuyang.html')!.start)).toBeLessThan(60_000);
    // robots.txt first, then the page; the same address again is unchanged (same bytes)
    expect(server.hits.map((h) => h.path)).toEqual(['/robots.txt', '/reports/shuyang.html']);
    expect(await ingestEntries([{ address: url }], options())).toMatchObject({ ingested: 0, unchanged: 1 });
  });

  it('reads GBK pages, whether the charset is in the Content-Type header or only in <meta>, keeping the bytes as served', async () => {
    const header = `${server.base}/reports/baitu-gbk.html`;
    const meta = `${server.base}/reports/baitu-meta.html`;
    expect(await ingestEntries([{ address: header }], options())).toMatchObject({ ingested: 1, failed: [] });
    const expected = await parsedCells('baitu-2020.html', Buffer.from(BAITU_HTML, 'utf8'));
    expect(expected.get('active.procurement.amount')).toBe('115838元|115838');
    expect(await storedCells(db.dataSource, { url: header })).toEqual(expected);
    const [stored] = await db.dataSource.query(`SELECT content, encoding FROM report_sources`);
    expect(Buffer.compare(stored.content, BAITU_GBK)).toBe(0);
    expect(stored.encoding).toBe('gb18030');
    const [{ title }] = await db.dataSource.query(`SELECT title FROM reports`);
    expect(title).toBe('丰城市白土镇2020年政府信息公开工作年度报告');
    // the same bytes under another address are the same source: unchanged
    expect(await ingestEntries([{ address: meta }], options())).toMatchObject({ ingested: 0, unchanged: 1 });
  });

  it('follows a wrapper page to its attachment (the report, not the guide) and records both addresses', async () => {
    const page = `${server.base}/notice/gangkou.html`;
    const docx = `${server.base}/files/W020220120.docx`;
    expect(await ingestEntries([{ address: page }], options())).toEqual({ ingested: 1, unchanged: 0, replaced: 0, alternate: 0, failed: [], skipped: 0 });
    expect(await storedCells(db.dataSource, { url: docx })).toEqual(await parsedCells('gangkou-2021.docx', GANGKOU_DOCX));
    expect(await sources(db.dataSource)).toEqual([
      { file_name: docx, url: docx, page_url: page, fetched: true, encoding: 'docx', hints: { url: docx, title: '港口乡2021年政府信息公开工作年度报告_铜鼓县人民政府' } },
    ]);
    const [report] = await db.dataSource.query(`SELECT r.year, r.region_code, a.full_name FROM reports r JOIN agencies a ON a.id = r.agency_id`);
    expect(report).toEqual({ year: 2021, region_code: '360926201', full_name: '铜鼓县港口乡人民政府' });
    expect(hitsOf(server, '/files/guide.pdf')).toBe(0);
  });

  it('keeps a page that holds the report tables itself, even when it also links to an attachment', async () => {
    const url = `${server.base}/reports/shuyang-attached.html`;
    expect(readPage(SHUYANG_WITH_ATTACHMENT.toString('utf8'), url).attachments).toEqual([
      { url: `${server.base}/files/W020220120.docx`, text: '沭阳县发展和改革局2023年政府信息公开年度报告.docx' },
    ]);
    expect(await ingestEntries([{ address: url }], options())).toMatchObject({ ingested: 1, failed: [] });
    expect(await storedCells(db.dataSource, { url })).toEqual(await parsedCells('shuyang.html', SHUYANG_WITH_ATTACHMENT));
    expect((await sources(db.dataSource)).map((s) => [s.url, s.page_url])).toEqual([[url, null]]);
    expect(hitsOf(server, '/files/W020220120.docx')).toBe(0);
  });

  it('follows a wrapper page to its PDF attachment and stores the cells the PDF was filled with', async () => {
    const page = `${server.base}/notice/xiangdong.html`;
    const pdf = `${server.base}/files/xiangdong-2021.pdf`;
    expect(await ingestEntries([{ address: page }], options())).toMatchObject({ ingested: 1, failed: [] });
    const expected = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/pdf/xiangdong-2021.expected.json'), 'utf8')) as { cells: Record<string, number | null> };
    const cells = await storedCells(db.dataSource, { url: pdf });
    expect(Object.fromEntries(Object.keys(expected.cells).map((k) => [k, valueOf(cells.get(k))]))).toEqual(expected.cells);
    const [source] = await sources(db.dataSource);
    expect(source).toMatchObject({ url: pdf, page_url: page, fetched: true });
  });

  it('says when the refusal is about the attachment a wrapper page links to', async () => {
    const page = `${server.base}/notice/legacy.html`;
    const summary = await ingestEntries([{ address: page }], options());
    expect(summary.failed).toEqual([
      { file: page, reason: `attachment ${server.base}/files/old.doc: this is a legacy Word .doc/.xls file; save it as .docx first` },
    ]);
  });

  it('reads a site without robots.txt (404) as allowing everything, and does not fetch a site whose robots.txt fails (5xx)', async () => {
    const open = await startFixtureServer(404);
    const broken = await startFixtureServer(503);
    try {
      const summary = await ingestEntries(
        [{ address: `${open.base}/private/shiji.txt` }, { address: `${broken.base}/reports/shiji.txt` }],
        options(),
      );
      expect(summary).toMatchObject({ ingested: 1 });
      expect(summary.failed).toEqual([
        { file: `${broken.base}/reports/shiji.txt`, reason: 'robots.txt could not be read (503 Service Unavailable (after 2 tries)), so the site is not fetched' },
      ]);
      expect([hitsOf(open, '/private/shiji.txt'), hitsOf(broken, '/robots.txt'), hitsOf(broken, '/reports/shiji.txt')]).toEqual([1, 2, 0]);
    } finally {
      await open.close();
      await broken.close();
    }
  });

  it('takes an attachment address directly, and follows a redirect to the document', async () => {
    const docx = `${server.base}/files/W020220120.docx`;
    const moved = `${server.base}/moved/shiji.txt`;
    expect(await ingestEntries([{ address: docx }, { address: moved }], options())).toMatchObject({ ingested: 2, failed: [] });
    const rows = await sources(db.dataSource);
    expect(rows.map((r) => [r.file_name, r.url, r.page_url])).toEqual([
      [docx, docx, null],
      [`${server.base}/reports/shiji.txt`, `${server.base}/reports/shiji.txt`, null],
    ]);
    expect(await storedCells(db.dataSource, { url: `${server.base}/reports/shiji.txt` })).toEqual(await parsedCells('shiji-2020.txt', SHIJI_TXT));
  });

  it('gives one line per address that failed, and stores nothing of them', async () => {
    const port = await closedPort();
    const addresses = [
      `${server.base}/missing.html`,
      `${server.base}/loop/a`,
      `${server.base}/slow`,
      `${server.base}/private/shiji.txt`,
      `${server.base}/broken`,
      `http://127.0.0.1:${port}/report.html`,
      'ftp://127.0.0.1/report.txt',
    ];
    const summary = await ingestEntries(addresses.map((address) => ({ address })), options({ timeoutMs: 500 }));
    expect({ ...summary, failed: [] }).toEqual({ ingested: 0, unchanged: 0, replaced: 0, alternate: 0, failed: [], skipped: 0 });
    const lines = summary.failed.map((f) => `${f.file}: ${f.reason}`).sort();
    expect(lines).toEqual(
      [
        `${server.base}/missing.html: 404 Not Found`,
        `${server.base}/loop/a: redirect loop`,
        `${server.base}/slow: no complete answer within 0.5 s (timeout) (after 2 tries)`,
        `${server.base}/private/shiji.txt: disallowed by robots.txt`,
        `${server.base}/broken: 500 Internal Server Error (after 2 tries)`,
        `http://127.0.0.1:${port}/report.html: host unreachable (ECONNREFUSED) (after 2 tries)`,
        'ftp://127.0.0.1/report.txt: only http and https addresses are fetched (got ftp:)',
      ].sort(),
    );
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM report_sources`)).toEqual([{ n: 0 }]);
    // a 4xx is not tried again, a 5xx is; the disallowed path was never asked for; the endless body was cut off early
    expect([hitsOf(server, '/missing.html'), hitsOf(server, '/broken'), hitsOf(server, '/private/shiji.txt')]).toEqual([1, 2, 0]);
  });

  it('cuts off a body over the size limit while it streams in (no Content-Length to go by)', async () => {
    const summary = await ingestEntries([{ address: `${server.base}/huge` }], options({ timeoutMs: 60_000 }));
    expect(summary.failed).toEqual([{ file: `${server.base}/huge`, reason: 'body over 32 MB' }]);
    expect(server.hugeSent).toBeLessThan(HUGE_BYTES);
    expect(hitsOf(server, '/huge')).toBe(1);
  });

  it('tries a 503 again after a back-off, and the second answer is stored', async () => {
    const url = `${server.base}/flaky/shiji.txt`;
    expect(await ingestEntries([{ address: url }], options())).toMatchObject({ ingested: 1, failed: [] });
    expect(hitsOf(server, '/flaky/shiji.txt')).toBe(2);
    expect(await storedCells(db.dataSource, { url })).toEqual(await parsedCells('shiji-2020.txt', SHIJI_TXT));
  });

  it('asks one site one request at a time, with the configured pause between requests', async () => {
    const addresses = ['/reports/shuyang.html', '/reports/baitu-gbk.html', '/files/W020220120.docx', '/reports/shiji.txt', '/missing.html'];
    await ingestEntries(addresses.map((p) => ({ address: `${server.base}${p}` })), options({ delayMs: 40 }));
    expect(server.maxConcurrent).toBe(1);
    const hits = [...server.hits].sort((a, b) => a.start - b.start);
    expect(hits.map((h) => h.path)).toEqual(['/robots.txt', ...addresses]);
    // each request starts at least the pause after the previous one ended (server clock; the client's end is later)
    for (let i = 1; i < hits.length; i++) expect(hits[i].start - hits[i - 1].end).toBeGreaterThanOrEqual(39);
  });

  it('gets through twenty addresses of one site, the same bytes stored once', async () => {
    const addresses = Array.from({ length: 20 }, (_, i) => ({ address: `${server.base}/reports/shiji.txt?copy=${i + 1}` }));
    const summary = await ingestEntries(addresses, options({ delayMs: 1 }));
    expect(summary).toEqual({ ingested: 1, unchanged: 19, replaced: 0, alternate: 0, failed: [], skipped: 0 });
    expect(server.hits.filter((h) => h.path.startsWith('/reports/shiji.txt?copy=')).length).toBe(20);
  });

  it('waits the Crawl-delay a site asks for in robots.txt when it is longer than the configured pause', async () => {
    const slowSite = await startFixtureServer(200, 'User-agent: nianbao\nCrawl-delay: 0.15\nDisallow: /private/\n');
    try {
      await ingestEntries(['/reports/shiji.txt', '/missing.html', '/reports/shuyang.html'].map((p) => ({ address: `${slowSite.base}${p}` })), options({ delayMs: 5 }));
      const hits = [...slowSite.hits].sort((a, b) => a.start - b.start);
      expect(hits.map((h) => h.path)).toEqual(['/robots.txt', '/reports/shiji.txt', '/missing.html', '/reports/shuyang.html']);
      // the rules are known before the first document is asked for: the site's pause applies from there on
      for (let i = 1; i < hits.length; i++) expect(hits[i].start - hits[i - 1].end).toBeGreaterThanOrEqual(149);
    } finally {
      await slowSite.close();
    }
  });

  it('passes the hints of an entry to the parser and keeps them with the source', async () => {
    const url = `${server.base}/reports/shiji.txt`;
    const hints = { agency: '彬江镇人民政府', year: 2020, publishedAt: '2021-01-15', title: '彬江镇2020年政府信息公开工作年度报告' };
    expect(await ingestEntries([{ address: url, hints }], options())).toMatchObject({ ingested: 1 });
    expect((await sources(db.dataSource))[0].hints).toEqual({ ...hints, url });
    // reparse reads the stored source with the same hints: nothing changes
    expect(await reparseAll(db.dataSource, { workers: 0 })).toEqual({ total: 1, unchanged: 1, changed: [], failed: [] });
  });
});

function valueOf(cell: string | undefined): number | null | undefined {
  if (cell === undefined) return undefined;
  const v = cell.split('|')[1];
  return v === '' ? null : Number(v);
}
