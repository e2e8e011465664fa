import { fork, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildMessage, ChildRequest } from './serverChild';

// The processes a benchmark run watches: the GraphQL server(s) it forks and the embedded PostgreSQL it reads from /proc.

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** CPU seconds (user + system) used so far by the embedded PostgreSQL of `dataDir`: postmaster and its children. */
export async function postgresCpuSeconds(dataDir: string): Promise<number | null> {
  const pidFile = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  const postmaster = Number(pidFile?.split('\n')[0]);
  if (!postmaster) return null; // an external server (DATABASE_URL): its CPU is not ours to read
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    if (pid !== postmaster && ppid !== postmaster) continue;
    // utime, stime (and for the postmaster, its exited children's cutime, cstime)
    total += Number(fields[11]) + Number(fields[12]) + (pid === postmaster ? Number(fields[13]) + Number(fields[14]) : 0);
  }
  return total / ticks;
}

export interface ServerChildOptions {
  /** The script to fork (default: nianbao's own bench/serverChild.js). */
  script?: string;
  /** Another Node binary (the peer server needs Node >= 22). */
  execPath?: string;
  env?: Record<string, string>;
  execArgv?: string[];
}

/**
 * V8 flags of the server process, as `npm start` sets them (package.json). A larger young generation: with 32
 * requests in flight, a full report's objects outlived the default 16 MB semi-space and were promoted, so the
 * server's CPU per report grew with concurrency (major GCs); measured in BENCHMARKS.md (issue 15).
 */
const SERVER_NODE_FLAGS = '--max-semi-space-size=64';

/** A GraphQL server in a child process, speaking the IPC messages of bench/serverChild.ts. */
export class ServerChild {
  private constructor(private readonly proc: ChildProcess, readonly url: string) {}

  get pid(): number {
    return this.proc.pid ?? 0;
  }

  /** nianbao's server, as `npm run bench` measures it. */
  static start(databaseUrl: string, profile: boolean): Promise<ServerChild> {
    const profiles = path.join(os.tmpdir(), 'nianbao-bench-profiles'); // outside the tree: profiles are large
    return ServerChild.fork({
      // No per-address rate limit: the load comes from one address on purpose.
      env: { BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production', NIANBAO_RATE_LIMIT: '0' },
      // SERVER_NODE_FLAGS as `npm start` runs the server; BENCH_SERVER_NODE_FLAGS replaces them (e.g. "" for V8's defaults)
      execArgv: ['--expose-gc', ...(process.env.BENCH_SERVER_NODE_FLAGS ?? SERVER_NODE_FLAGS).split(' ').filter(Boolean), ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [])],
    });
  }

  static fork(o: ServerChildOptions): Promise<ServerChild> {
    const proc = fork(o.script ?? path.join(__dirname, 'serverChild.js'), [], {
      env: { ...process.env, ...o.env },
      execArgv: o.execArgv ?? [],
      ...(o.execPath ? { execPath: o.execPath } : {}),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onMessage = (m: ChildMessage) => {
        if (m.type === 'ready') resolve(new ServerChild(proc, m.url));
        else if (m.type === 'failed') reject(new Error(`the server did not start: ${m.message}`));
      };
      proc.on('message', onMessage);
      proc.once('exit', (code) => reject(new Error(`the server exited with code ${code} before it was ready`)));
    });
  }

  memory(gc: boolean): Promise<{ rssMb: number; heapUsedMb: number }> {
    return this.ask<{ type: 'memory'; rssMb: number; heapUsedMb: number }>({ type: 'memory', gc }, 'memory');
  }

  /** CPU time (user + system, ms) the server process has used so far: per request it does not depend on the load. */
  async cpuMs(): Promise<{ ms: number; systemMs: number }> {
    return this.ask<{ type: 'cpu'; ms: number; systemMs: number }>({ type: 'cpu' }, 'cpu');
  }

  private ask<T extends ChildMessage>(request: ChildRequest, type: T['type']): Promise<T> {
    return new Promise((resolve) => {
      const onMessage = (m: ChildMessage) => {
        if (m.type !== type) return;
        this.proc.off('message', onMessage);
        resolve(m as T);
      };
      this.proc.on('message', onMessage);
      this.proc.send(request);
    });
  }

  /** VmHWM: the most resident memory the server process ever had. */
  async peakRssMb(): Promise<number | null> {
    const status = await fs.readFile(`/proc/${this.pid}/status`, 'utf8').catch(() => '');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? round(Number(m[1]) / 1024) : null;
  }

  stop(): Promise<void> {
    if (this.proc.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.proc.kill('SIGKILL');
      }, 10_000);
      this.proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.proc.send({ type: 'stop' } satisfies ChildRequest);
    });
  }
}
