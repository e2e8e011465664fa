import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../../migrations';

const ROOT = path.join(__dirname, '..', '..');
const NAMES = MIGRATIONS.map((M) => new M().name as string);

interface Run { code: number | null; stdout: string; stderr: string }

function run(file: string, args: string[], dataDir: string): Promise<Run> {
  // Plain output to read: with CI=true the TypeORM CLI's colour library would colour it (escape codes around names).
  const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: dataDir, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const nianbao = (args: string[], dataDir: string) => run(path.join(ROOT, 'bin', 'nianbao.js'), args, dataDir);
const typeorm = (args: string[], dataDir: string) => run(path.join(ROOT, 'node_modules', 'typeorm', 'cli.js'), args, dataDir);

/** The embedded server left running after a command, if any. */
function postgresAlive(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 0);
    return true;
  } catch {
    return false;
  }
}

/** The applied/pending lines of `nianbao migrate status`. */
function statusOf(stdout: string): [string, string][] {
  return [...stdout.matchAll(/^(applied|pending)\s+(\S+)$/gm)].map((m) => [m[1], m[2]]);
}

describe('nianbao migrate on a fresh embedded data folder (issue 16)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-migrate-'));
    chmodSync(dataDir, 0o755); // postgres runs as its own OS user
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('status lists every migration pending, up applies them, down reverts the last; the TypeORM CLI reads the same', async () => {
    const fresh = await nianbao(['migrate', 'status'], dataDir);
    expect([fresh.code, fresh.stderr.includes('Error')]).toEqual([0, false]);
    expect(statusOf(fresh.stdout)).toEqual(NAMES.map((n) => ['pending', n]));
    expect(fresh.stdout).toContain(`0 applied, ${NAMES.length} pending`);
    expect(postgresAlive(dataDir)).toBe(false);

    const up = await nianbao(['migrate', 'up'], dataDir);
    expect(up.code).toBe(0);
    expect(up.stdout.trim().split('\n')).toEqual(NAMES.map((n) => `applied  ${n}`));
    const again = await nianbao(['migrate'], dataDir);
    expect([again.code, again.stdout.trim()]).toEqual([0, 'no pending migration']);

    const down = await nianbao(['migrate', 'down'], dataDir);
    expect([down.code, down.stdout.trim()]).toEqual([0, `reverted ${NAMES[NAMES.length - 1]}`]);
    const after = await nianbao(['migrate', 'status'], dataDir);
    expect(statusOf(after.stdout)).toEqual(NAMES.map((n, i) => [i < NAMES.length - 1 ? 'applied' : 'pending', n]));
    expect(after.stdout).toContain(`${NAMES.length - 1} applied, 1 pending`);

    // TypeORM's own CLI loads the exported data source (built) and sees the same state.
    const show = await typeorm(['migration:show', '-d', 'dist/src/db/cli-data-source.js'], dataDir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    const marks = [...show.stdout.matchAll(/\[( |X)\](?: \d+)? (\S+)/g)].map((m) => [m[1], m[2]]);
    expect(marks).toEqual(NAMES.map((n, i) => [i < NAMES.length - 1 ? 'X' : ' ', n]));
    const runAll = await typeorm(['migration:run', '-d', 'dist/src/db/cli-data-source.js'], dataDir);
    expect(runAll.code).toBe(0);
    const final = await nianbao(['migrate', 'status'], dataDir);
    expect(statusOf(final.stdout)).toEqual(NAMES.map((n) => ['applied', n]));
    expect(postgresAlive(dataDir)).toBe(false); // each command left the embedded server it started
  }, 180_000);

  it('an unknown action is a usage error', async () => {
    const res = await nianbao(['migrate', 'sideways'], dataDir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('unknown action "sideways" (up, down or status)');
  });
});
