import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../../src/db/embedded';
import { buildOnce } from './build';

/** One real PostgreSQL for the whole run; each test file makes its own database on it (test/support/db.ts). */
export default async function globalSetup(): Promise<void> {
  buildOnce();
  if (process.env.TEST_DATABASE_URL) return; // an external server was given
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-test-'));
  chmodSync(dir, 0o755); // postgres runs as its own OS user and must reach the folder
  const server = await startEmbedded(dir);
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as Record<string, unknown>).__NIANBAO_PG__ = { server, dir };
}
