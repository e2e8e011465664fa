import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/db/ingest';
import { SAMPLES, startBotHarness, type BotHarness } from './harness';

/** Reports ingested after the bot loaded its agency index are found: an unknown township name reloads the index. */

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness([], { minReloadMs: 0 });
});
afterAll(() => h?.close());

it('answers about a township ingested after start-up instead of repeating 没有这份报告', async () => {
  const before = await h.engine.ask('章广镇2020年政府采购金额');
  expect(before.text).toContain('没有这份报告');
  // 施集镇's neighbour in 南谯区, written from the 施集镇 sample with its own procurement amount
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-'));
  const file = path.join(dir, 'zhangguang-2020.txt');
  writeFileSync(file, readFileSync(path.join(SAMPLES, 'shiji-2020.txt'), 'utf8').replaceAll('施集镇', '章广镇').replace('7380元整', '9150元整'));
  const summary = await ingestPaths([file], { dataSource: h.db.dataSource, workers: 0 });
  expect(summary.failed).toEqual([]);
  const after = await h.engine.ask('章广镇2020年政府采购金额');
  expect(after.text).toContain('章广镇2020年「政府集中采购 · 采购总金额」：9,150元');
});
