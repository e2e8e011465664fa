import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/ingest';
import { MAX_DOCUMENT_BYTES as LISTING_LIMIT } from '../../src/ingest/files';
import { MAX_DOCUMENT_BYTES } from '../../src/parser/decode';
import { freshDatabase, type FreshDatabase } from '../support/db';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'samples');

/**
 * A crawled folder with what issue 13 item 8 found: a link to /dev/zero, a FIFO, a 1 GB sparse file, a folder link
 * loop, a link to itself, and a link to a valid report (followed, not skipped). Nothing here is ever read whole.
 */
function hostileFolder(): { root: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-'));
  const dir = path.join(root, 'crawl');
  mkdirSync(dir);
  copyFileSync(path.join(SAMPLES, 'shiji-2020.txt'), path.join(dir, 'a-shiji.txt'));
  symlinkSync(path.join(SAMPLES, 'baitu-2020.txt'), path.join(dir, 'b-baitu-link.txt'));
  symlinkSync('/dev/zero', path.join(dir, 'c-zero.txt'));
  expect(spawnSync('mkfifo', [path.join(dir, 'd-pipe.txt')]).status).toBe(0);
  const sparse = openSync(path.join(dir, 'e-sparse.txt'), 'w');
  ftruncateSync(sparse, 1024 ** 3);
  closeSync(sparse);
  symlinkSync('.', path.join(dir, 'f-loop'));
  symlinkSync(path.join(dir, 'g-self.txt'), path.join(dir, 'g-self.txt'));
  return { root, dir };
}

describe('ingest stats before it reads (issue 13 item 8)', () => {
  let db: FreshDatabase;
  let folder: { root: string; dir: string };
  beforeAll(async () => {
    db = await freshDatabase();
    folder = hostileFolder();
  });
  afterAll(async () => {
    rmSync(folder.root, { recursive: true, force: true });
    await db?.drop();
  });

  it('keeps the listing limit equal to the parser\'s', () => {
    expect(LISTING_LIMIT).toBe(MAX_DOCUMENT_BYTES);
  });

  it('refuses the device, the FIFO, the sparse giant and the loops with a reason each, and follows the link to a report', async () => {
    const rssBefore = process.memoryUsage().rss;
    const summary = await ingestPaths([folder.dir], { dataSource: db.dataSource, workers: 0 });
    const d = (name: string) => path.join(folder.dir, name);
    expect(summary.ingested).toBe(2);
    expect(summary.links).toBe(3); // b-baitu-link.txt, c-zero.txt, f-loop
    expect(summary.failed.sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual([
      { file: d('c-zero.txt'), reason: 'a character device, not a regular file: not read' },
      { file: d('d-pipe.txt'), reason: 'a named pipe (FIFO), not a regular file: not read' },
      { file: d('e-sparse.txt'), reason: '1073741824 bytes is more than 32 MB: not read' },
      { file: d('f-loop'), reason: 'folder link loop (a folder that contains itself): not walked again' },
      { file: d('g-self.txt'), reason: 'symbolic link loop: not read' },
    ]);
    const agencies = await db.dataSource.query(`SELECT a.name FROM reports r JOIN agencies a ON a.id = r.agency_id ORDER BY 1`);
    expect(agencies.map((r: { name: string }) => r.name)).toEqual(['施集镇', '白土镇']);
    // nothing was read whole: the 1 GB file and /dev/zero would have shown in the resident size
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('a FIFO or a device named explicitly is refused, not waited on', async () => {
    const summary = await ingestPaths([path.join(folder.dir, 'd-pipe.txt'), '/dev/zero'], { dataSource: db.dataSource, workers: 0 });
    expect(summary.failed).toEqual([
      { file: path.join(folder.dir, 'd-pipe.txt'), reason: 'a named pipe (FIFO), not a regular file: not read' },
      { file: '/dev/zero', reason: 'a character device, not a regular file: not read' },
    ]);
  });

  it('nianbao ingest prints the links it followed and one line per refused file, and ends', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'ingest', '--workers', '1', folder.dir], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url },
    });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.resume();
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(killer);
    expect(code).toBe(1);
    expect(stdout).toContain('followed 3 symbolic links in those folders');
    expect(stdout).toContain(`  ${path.join(folder.dir, 'd-pipe.txt')}: a named pipe (FIFO), not a regular file: not read`);
    expect(stdout).toContain(`  ${path.join(folder.dir, 'e-sparse.txt')}: 1073741824 bytes is more than 32 MB: not read`);
  }, 90_000);
});
