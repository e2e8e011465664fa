import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshDatabase, type FreshDatabase } from '../support/db';
import { closedPort, hitsOf, SHUYANG_HTML, startFixtureServer, type FixtureServer } from './server';
import { parsedCells, sources, storedCells } from './support';

/**
 * `nianbao ingest` as a user runs it (the built CLI, DATABASE_URL): web addresses, --from-list, folder manifests,
 * hints, what each stored report kept, --verbose, --json and --strict.
 */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'nianbao.js');
const SAMPLES = path.join(ROOT, 'samples');
const FAST = ['--delay', '0.01', '--backoff', '0.01', '--retries', '0', '--timeout', '10', '--workers', '1'];
const SHUYANG_EXPECTED = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/real/expected/shuyang-fgj-2023.json'), 'utf8')) as { cells: Record<string, number | null> };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The lines after the summary line (its timing varies). */
const afterSummary = (stdout: string) => stdout.split('\n').slice(1).join('\n');

/** baitu-2020 with 表三's 总计 of 自然人 changed from 1 to 2: three checks fail, every cell is still read. */
function wrongTotal(): string {
  const lines = readFileSync(path.join(SAMPLES, 'baitu-2020.txt'), 'utf8').split('\n');
  const row = lines.findIndex((l) => l.includes('（七）总计'));
  if (lines[row + 1] !== '\t1') throw new Error('baitu-2020.txt changed: the fixture needs a new edit');
  lines[row + 1] = '\t2';
  return lines.join('\n');
}

/** zhangjiachan-2020 without its 表四: fifteen cells missing, the table not found. */
function withoutAppeals(): string {
  const lines = readFileSync(path.join(SAMPLES, 'zhangjiachan-2020.txt'), 'utf8').split('\n');
  const from = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  const to = lines.findIndex((l) => l.startsWith('五、'));
  return [...lines.slice(0, from), ...lines.slice(to)].join('\n');
}

let server: FixtureServer;
let work: string;
let db: FreshDatabase;
beforeAll(async () => {
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT });
  server = await startFixtureServer();
  work = mkdtempSync(path.join(tmpdir(), 'nianbao-web-cli-'));
  chmodSync(work, 0o755);
}, 120_000);
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(() => db.drop());

describe('nianbao ingest URL…', () => {
  it('stores a page and a wrapper page’s attachment, and gives one line per address that failed', async () => {
    const port = await closedPort();
    const page = `${server.base}/reports/shuyang.html`;
    const wrapper = `${server.base}/notice/gangkou.html`;
    const run = await cli(
      ['ingest', page, wrapper, `${server.base}/missing.html`, `${server.base}/loop/a`, `http://127.0.0.1:${port}/nianbao.html`, ...FAST],
      { DATABASE_URL: db.url },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ingested 2, unchanged 0, replaced 0, failed 3 \(5 files in /);
    expect(afterSummary(run.stdout)).toBe(
      [
        'failed:',
        `  ${server.base}/missing.html: 404 Not Found`,
        `  ${server.base}/loop/a: redirect loop`,
        `  http://127.0.0.1:${port}/nianbao.html: host unreachable (ECONNREFUSED)`,
        '',
      ].join('\n'),
    );
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    const cells = await storedCells(db.dataSource, { url: page });
    for (const [key, value] of Object.entries(SHUYANG_EXPECTED.cells)) expect([key, cells.get(key)?.split('|')[1]]).toEqual([key, value === null ? '' : String(value)]);
    expect((await sources(db.dataSource)).map((s) => [s.url, s.page_url, s.fetched])).toEqual([
      [`${server.base}/files/W020220120.docx`, wrapper, true],
      [page, null, true],
    ]);
  });

  it('--from-list takes a list of addresses (a bad line is one failure) and a manifest whose rows carry hints', async () => {
    const list = path.join(work, 'list.txt');
    writeFileSync(list, `# two reports\n${server.base}/reports/shuyang.html\nnot an address\n`);
    const plain = await cli(['ingest', '--from-list', list, ...FAST], { DATABASE_URL: db.url });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^ingested 1, unchanged 0, replaced 0, failed 1 /);
    expect(afterSummary(plain.stdout)).toBe(`failed:\n  ${list}:3: expected an http:// or https:// address, got "not an address"\n`);
    const manifest = path.join(work, 'crawl.csv');
    writeFileSync(manifest, `url,title,agency,publishedAt\n${server.base}/reports/shiji.txt,"石基镇2020年政府信息公开工作年度报告",石基镇人民政府,2021-01-12\n`);
    const crawl = await cli(['ingest', '--from-list', manifest, ...FAST], { DATABASE_URL: db.url });
    expect(crawl.code).toBe(0);
    expect(crawl.stdout).toMatch(/^ingested 1, unchanged 0, replaced 0, failed 0 /);
    const shiji = (await sources(db.dataSource)).find((s) => s.url === `${server.base}/reports/shiji.txt`)!;
    expect(shiji.hints).toEqual({ url: `${server.base}/reports/shiji.txt`, title: '石基镇2020年政府信息公开工作年度报告', agency: '石基镇人民政府', publishedAt: '2021-01-12' });
    expect(hitsOf(server, '/robots.txt')).toBeGreaterThan(0);
  });
});

describe('nianbao ingest FOLDER with a manifest, hints and what it kept', () => {
  it('applies the manifest rows to their files, names a bad row, and lists the stored reports worth a look', async () => {
    const dir = mkdtempSync(path.join(work, 'crawl-'));
    writeFileSync(path.join(dir, 'shuyang.html'), SHUYANG_HTML);
    writeFileSync(path.join(dir, 'baitu-wrong.txt'), wrongTotal());
    writeFileSync(path.join(dir, 'zhangjiachan-partial.txt'), withoutAppeals());
    writeFileSync(
      path.join(dir, 'manifest.csv'),
      'file,url,title,agency,publishedAt\n' +
        'shuyang.html,http://www.shuyang.gov.cn/syfgj/2024/0117.html,沭阳县发展和改革局2023年政府信息公开年度报告,沭阳县发展和改革局,2024-01-17\n' +
        'gone.html,,,,\n' +
        'baitu-wrong.txt,,,,17/01/2024\n',
    );
    const run = await cli(['ingest', dir, ...FAST], { DATABASE_URL: db.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ingested 3, unchanged 0, replaced 0, failed 2 /);
    expect(afterSummary(run.stdout)).toBe(
      [
        'stored, worth a look:',
        `  ${path.join(dir, 'baitu-wrong.txt')}: 198 cells; 3 checks failed (requests.balance, requests.outcomes, requests.applicants)`,
        `  ${path.join(dir, 'zhangjiachan-partial.txt')}: 183 cells; 16 warnings: cell_missing ×15, table_not_found`,
        'failed:',
        `  ${path.join(dir, 'manifest.csv')}:4: publishedAt: expected a date YYYY-MM-DD, got "17/01/2024"`,
        `  ${path.join(dir, 'manifest.csv')}:3: no report document gone.html in the manifest's folder`,
        '',
      ].join('\n'),
    );
    const rows = await sources(db.dataSource);
    expect(rows.find((s) => s.file_name.endsWith('shuyang.html'))).toMatchObject({
      url: 'http://www.shuyang.gov.cn/syfgj/2024/0117.html',
      fetched: false,
      hints: { url: 'http://www.shuyang.gov.cn/syfgj/2024/0117.html', title: '沭阳县发展和改革局2023年政府信息公开年度报告', agency: '沭阳县发展和改革局', publishedAt: '2024-01-17' },
    });
    expect(rows.find((s) => s.file_name.endsWith('baitu-wrong.txt'))).toMatchObject({ url: null, hints: null });
    const [{ value }] = await db.dataSource.query(`SELECT value::int FROM cells WHERE key = 'requests.total.natural_person' AND year = 2020 AND raw = '2'`);
    expect(value).toBe(2); // kept as written, the failed checks said
  });

  it('--verbose names every failed check and warning; --json gives the same as data; flags are hints for the files named', async () => {
    const file = path.join(work, 'baitu-wrong.txt');
    writeFileSync(file, wrongTotal());
    const verbose = await cli(['ingest', file, '--verbose', '--agency', '丰城市白土镇人民政府', '--year', '2020', '--url', 'http://www.jxfc.gov.cn/baitu/2021/0120.html', ...FAST], { DATABASE_URL: db.url });
    expect(verbose.code).toBe(0);
    expect(afterSummary(verbose.stdout)).toBe(
      [
        'stored, worth a look:',
        `  ${file}: 198 cells; 3 checks failed (requests.balance, requests.outcomes, requests.applicants)`,
        '    ✗ requests.balance natural_person: 1 ≠ 2 (自然人: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度)',
        '    ✗ requests.outcomes natural_person: 1 ≠ 2 (自然人: 各项办理结果之和 = 办理结果总计)',
        '    ✗ requests.applicants total: 2 ≠ 1 (total: 各类申请人之和 = 总计)',
        '',
      ].join('\n'),
    );
    expect((await sources(db.dataSource))[0]).toMatchObject({
      url: 'http://www.jxfc.gov.cn/baitu/2021/0120.html',
      hints: { agency: '丰城市白土镇人民政府', year: 2020, url: 'http://www.jxfc.gov.cn/baitu/2021/0120.html' },
    });
    const partial = path.join(work, 'zhangjiachan-partial.txt');
    writeFileSync(partial, withoutAppeals());
    const json = await cli(['ingest', partial, '--json', ...FAST], { DATABASE_URL: db.url });
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { ingested: number; failed: unknown[]; kept: { file: string; cells: number; failedChecks: unknown[]; warnings: { code: string; key?: string }[] }[] };
    expect(out).toMatchObject({ ingested: 1, unchanged: 0, replaced: 0, alternate: 0, failed: [], skipped: 0 });
    expect(out.kept.map((k) => [k.file, k.cells, k.failedChecks.length])).toEqual([[partial, 183, 0]]);
    expect(out.kept[0].warnings.filter((w) => w.code === 'cell_missing').map((w) => w.key)).toEqual(
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `appeals.review.${c}`).concat(
        ...['direct', 'after_review'].map((s) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `appeals.suit_${s}.${c}`)),
      ),
    );
  });

  it('--strict refuses the report whose checks fail and stores nothing of it; the sound one is stored', async () => {
    const dir = mkdtempSync(path.join(work, 'strict-'));
    writeFileSync(path.join(dir, 'baitu-wrong.txt'), wrongTotal());
    copyFileSync(path.join(SAMPLES, 'shiji-2020.txt'), path.join(dir, 'shiji-2020.txt'));
    const run = await cli(['ingest', dir, '--strict', ...FAST], { DATABASE_URL: db.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ingested 1, unchanged 0, replaced 0, failed 1 /);
    expect(afterSummary(run.stdout)).toBe(
      `failed:\n  ${path.join(dir, 'baitu-wrong.txt')}: refused (--strict): 3 checks failed: requests.balance natural_person (1 ≠ 2), ` +
        'requests.outcomes natural_person (1 ≠ 2), requests.applicants total (2 ≠ 1); nothing stored\n',
    );
    expect((await sources(db.dataSource)).map((s) => path.basename(s.file_name))).toEqual(['shiji-2020.txt']);
    expect(await storedCells(db.dataSource, { fileName: path.join(dir, 'shiji-2020.txt') })).toEqual(
      await parsedCells('shiji-2020.txt', readFileSync(path.join(SAMPLES, 'shiji-2020.txt'))),
    );
  });

  it('refuses bad hint flags with a usage line (exit 2), before anything is stored', async () => {
    const file = path.join(SAMPLES, 'shiji-2020.txt');
    const year = await cli(['ingest', file, '--year', '20', ...FAST], { DATABASE_URL: db.url });
    expect([year.code, year.stderr]).toEqual([2, 'nianbao ingest: --year: expected a year 1990–2100, got "20"\n']);
    const date = await cli(['ingest', file, '--published-at', '2021-02-29', ...FAST], { DATABASE_URL: db.url });
    expect([date.code, date.stderr]).toEqual([2, 'nianbao ingest: --published-at: expected a date YYYY-MM-DD, got "2021-02-29"\n']);
    const url = await cli(['ingest', file, path.join(SAMPLES, 'baitu-2020.txt'), '--url', 'http://a.example/r.html', ...FAST], { DATABASE_URL: db.url });
    expect([url.code, url.stderr]).toEqual([2, 'nianbao ingest: --url names one document: give exactly one file or address with it\n']);
    expect(await sources(db.dataSource)).toEqual([]);
  });
});
