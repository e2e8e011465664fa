import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';

/**
 * A running `nianbao serve` announces itself in its data folder (`server.json`: pid and URL), so that `nianbao ask`
 * on the same folder answers through it at once instead of starting PostgreSQL and the graph itself.
 */
export interface ServerFile {
  pid: number;
  url: string;
}

export function dataDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.NIANBAO_DATA_DIR || './.nianbao';
}

export function serverFilePath(dataDir: string): string {
  return path.join(dataDir, 'server.json');
}

export function writeServerFile(dataDir: string, url: string): void {
  writeFileSync(serverFilePath(dataDir), `${JSON.stringify({ pid: process.pid, url } satisfies ServerFile)}\n`);
}

/** Removes the file if it is still this process's (another serve may have taken the folder's announcement since). */
export function removeServerFile(dataDir: string): void {
  if (readServerFile(dataDir)?.pid === process.pid) rmSync(serverFilePath(dataDir), { force: true });
}

function readServerFile(dataDir: string): ServerFile | null {
  try {
    const parsed = JSON.parse(readFileSync(serverFilePath(dataDir), 'utf8')) as Partial<ServerFile>;
    return Number.isInteger(parsed.pid) && typeof parsed.url === 'string' ? (parsed as ServerFile) : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server's base URL (no trailing /graphql or slash). */
export function baseUrl(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/graphql$/, '');
}

/**
 * One HTTP exchange on node:http (fetch loads undici, ~50 ms of a process that should answer in a few hundred).
 * Resolves with the status and the body text; rejects on a network error or after `timeoutMs`.
 */
export function httpRequest(url: string, options: { body?: string; timeoutMs: number }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(target, {
      method: options.body === undefined ? 'GET' : 'POST',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) },
      timeout: options.timeoutMs,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${target.origin} within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

async function answersHealth(base: string, timeoutMs: number): Promise<boolean> {
  try {
    return (await httpRequest(`${base}/health`, { timeoutMs })).status === 200;
  } catch {
    return false;
  }
}

/**
 * The nianbao server `ask` should use: NIANBAO_URL when set (it must answer), else the serve announced in the data
 * folder when its process is alive and /health answers; null when there is none (ask then starts what it needs).
 */
export async function runningServer(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.NIANBAO_URL) {
    const base = baseUrl(env.NIANBAO_URL);
    if (!(await answersHealth(base, 5_000))) throw new Error(`NIANBAO_URL ${env.NIANBAO_URL} does not answer ${base}/health`);
    return base;
  }
  // DATABASE_URL names the database itself: a serve announced in the data folder may be on another one
  if (env.DATABASE_URL) return null;
  const announced = readServerFile(dataDirOf(env));
  if (!announced || !isAlive(announced.pid)) return null;
  const base = baseUrl(announced.url);
  return (await answersHealth(base, 1_000)) ? base : null;
}
