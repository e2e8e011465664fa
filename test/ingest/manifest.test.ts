import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkHints, HintError } from '../../src/ingest/hints';
import { ManifestError, readAddressList, readManifest } from '../../src/ingest/manifest';

/** Crawler manifests (CSV with a header row and quoted fields, JSON Lines) and address lists, row by row. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-manifest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('manifest.csv', () => {
  it('reads every row with its hints: quoted fields with commas and quotes, a BOM, CRLF, other columns ignored', async () => {
    const file = write(
      'manifest.csv',
      '\ufefffile,url,title,agency,publishedAt,crawled_at\r\n' +
        'pingtan-2023.html,https://www.pingtan.gov.cn/zwgk/2024/t2024013.htm,"平潭综合实验区2023年政府信息公开工作年度报告",平潭综合实验区管理委员会,2024-01-31,2025-12-30 10:00\r\n' +
        '"sub/a, b.html",,"标题含""引号""，和逗号",,"2024/1/7 09:30:00",\r\n',
    );
    const m = await readManifest(file);
    expect(m.errors).toEqual([]);
    expect(m.rows).toEqual([
      {
        line: 2,
        file: path.join(dir, 'pingtan-2023.html'),
        hints: {
          url: 'https://www.pingtan.gov.cn/zwgk/2024/t2024013.htm',
          title: '平潭综合实验区2023年政府信息公开工作年度报告',
          agency: '平潭综合实验区管理委员会',
          publishedAt: '2024-01-31',
        },
      },
      { line: 3, file: path.join(dir, 'sub', 'a, b.html'), hints: { title: '标题含"引号"，和逗号', publishedAt: '2024-01-07' } },
    ]);
  });

  it('names the file, the line and what was expected for each bad row; the good rows still count', async () => {
    const file = write(
      'manifest.csv',
      'file,url,agency,published_at,year\n' +
        'a.html,,,2024-02-30,\n' +
        'b.html,ftp://example/b.html,,,\n' +
        '../outside.html,,,,\n' +
        'c.html,,,,20x3\n' +
        ',,某某局,,\n' +
        'd.html,,,\n' +
        'e.html,,沭阳县发展和改革局,2024-01-17,2023\n',
    );
    const m = await readManifest(file);
    expect(m.errors).toEqual([
      { where: `${file}:2`, reason: 'publishedAt: expected a date YYYY-MM-DD, got "2024-02-30"' },
      { where: `${file}:3`, reason: 'url: expected an http:// or https:// address, got "ftp://example/b.html"' },
      { where: `${file}:4`, reason: `file: expected a path inside the manifest's folder, got "../outside.html"` },
      { where: `${file}:5`, reason: 'year: expected a year 1990–2100, got "20x3"' },
      { where: `${file}:6`, reason: 'expected a file or a url, got neither' },
      { where: `${file}:7`, reason: 'expected 5 fields as in the header, got 4' },
    ]);
    expect(m.rows).toEqual([{ line: 8, file: path.join(dir, 'e.html'), hints: { agency: '沭阳县发展和改革局', publishedAt: '2024-01-17', year: 2023 } }]);
  });

  it('refuses a manifest without a file or url column, and malformed CSV, with the line', async () => {
    const noColumn = write('a.csv', 'name,title\nx.html,标题\n');
    await expect(readManifest(noColumn)).rejects.toThrow(new ManifestError(`${noColumn}:1`, 'expected a header row naming a file or url column (and title, agency, publishedAt), got "name,title"'));
    const badQuote = write('b.csv', 'file,title\nx.html,"unclosed\n');
    await expect(readManifest(badQuote)).rejects.toThrow(/^.*b\.csv:\d+: not valid CSV \(.+\)$/);
  });
});

describe('manifest.jsonl', () => {
  it('reads one object per line and says which lines are not what they should be', async () => {
    const file = write(
      'manifest.jsonl',
      [
        JSON.stringify({ file: 'shuyang.html', url: 'http://www.shuyang.gov.cn/syfgj/2024/0117.html', agency: '沭阳县发展和改革局', publishedAt: '2024-01-17T09:00:00+08:00', size: 1234 }),
        '',
        '{"file": "x.html", "year": "2023"}',
        '{not json',
        '["a.html"]',
        JSON.stringify({ file: 'y.html', year: 23 }),
        JSON.stringify({ file: 7 }),
        JSON.stringify({ url: 'https://a.example/r.docx', title: 42 }),
      ].join('\n'),
    );
    const m = await readManifest(file);
    expect(m.rows).toEqual([
      { line: 1, file: path.join(dir, 'shuyang.html'), hints: { url: 'http://www.shuyang.gov.cn/syfgj/2024/0117.html', agency: '沭阳县发展和改革局', publishedAt: '2024-01-17' } },
      { line: 3, file: path.join(dir, 'x.html'), hints: { year: 2023 } },
    ]);
    expect(m.errors.map((e) => `${path.basename(e.where)}: ${e.reason}`)).toEqual([
      expect.stringMatching(/^manifest\.jsonl:4: expected a JSON object, got invalid JSON \(.+\)$/),
      'manifest.jsonl:5: expected a JSON object, got an array',
      'manifest.jsonl:6: year: expected a year 1990–2100, got 23',
      'manifest.jsonl:7: file: expected a path, got 7',
      'manifest.jsonl:8: title: expected text, got 42',
    ]);
  });
});

describe('--from-list', () => {
  it('a plain list: one address per line, comments and blank lines skipped, anything else a line of its own', async () => {
    const file = write('list.txt', '# reports of 2023\nhttp://127.0.0.1:9/a.html\n\n  https://127.0.0.1:9/b.docx  \nreports/c.html\n');
    const list = await readAddressList(file);
    expect(list.entries.map((e) => [e.where, e.address])).toEqual([
      [`${file}:2`, 'http://127.0.0.1:9/a.html'],
      [`${file}:4`, 'https://127.0.0.1:9/b.docx'],
    ]);
    expect(list.errors).toEqual([{ where: `${file}:5`, reason: 'expected an http:// or https:// address, got "reports/c.html"' }]);
  });

  it('a manifest: rows with a url are fetched with their hints, rows with only a file are read from beside it', async () => {
    const file = write('crawl.csv', 'url,file,agency\nhttp://127.0.0.1:9/a.html,a.html,甲局\n,b.txt,乙局\n');
    const list = await readAddressList(file);
    expect(list.entries).toEqual([
      { where: `${file}:2`, address: 'http://127.0.0.1:9/a.html', file: null, hints: { url: 'http://127.0.0.1:9/a.html', agency: '甲局' } },
      { where: `${file}:3`, address: null, file: path.join(dir, 'b.txt'), hints: { agency: '乙局' } },
    ]);
  });
});

describe('checkHints', () => {
  it('normalises what crawlers write and refuses what is not a hint', () => {
    expect(checkHints({ agency: '  上海市人民政府\n办公厅 ', year: '2025', publishedAt: '2026年1月5日', url: 'https://www.shanghai.gov.cn/a b' })).toEqual({
      agency: '上海市人民政府 办公厅',
      year: 2025,
      publishedAt: '2026-01-05',
      url: 'https://www.shanghai.gov.cn/a%20b',
    });
    expect(checkHints({ agency: '', title: undefined, year: null })).toEqual({});
    expect(() => checkHints({ year: 2025.5 })).toThrow(new HintError('year', 'a year 1990–2100', 2025.5));
    expect(() => checkHints({ agency: '局'.repeat(201) })).toThrow(/^agency: expected at most 200 characters/);
  });
});
