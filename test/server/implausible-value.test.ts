import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseReport } from '../../src/parser';
import { SAMPLES } from '../graphql/harness';
import { startBotHarness, type BotHarness } from '../bot/harness';

const HUGE = '9'.repeat(308);

/** The 丰城市 白土镇 sample moved to 萧县 with a 308-digit procurement amount (issue 13 item 9). */
function hugeValueReport(): { file: string; text: string } {
  const text = readFileSync(path.join(SAMPLES, 'baitu-2020.txt'), 'utf8')
    .replaceAll('江西省丰城市', '安徽省宿州市萧县')
    .replaceAll('丰城市', '萧县')
    .replaceAll('331126', '235200')
    .replace('115838元', `${HUGE}元`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nianbao-huge-')), 'baitu-xiao-2020.txt');
  writeFileSync(file, text);
  return { file, text };
}

describe('implausible cell values (issue 13 item 9)', () => {
  const huge = hugeValueReport();

  it('the parser drops a value of more than 15 digits with a value_implausible warning, the cell stays missing', async () => {
    const parsed = await parseReport({ fileName: 'baitu-xiao-2020.txt', content: Buffer.from(huge.text) });
    expect(parsed.cells.find((c) => c.key === 'active.procurement.amount')).toBeUndefined();
    const warning = parsed.warnings.find((w) => w.code === 'value_implausible');
    expect(warning).toMatchObject({ key: 'active.procurement.amount' });
    expect(warning!.message).toContain('(309 characters)');
    // the other cells of the row are kept
    expect(parsed.cells.find((c) => c.key === 'active.procurement.projects')?.value).toBe(10);
  });

  describe('served', () => {
    let h: BotHarness;
    beforeAll(async () => {
      h = await startBotHarness([huge.file]);
    });
    afterAll(() => h?.close());

    const aggregate = async () => {
      const res = await fetch(h.endpoint, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ aggregate(key: "active.procurement.amount", year: 2020) { count sum max } }' }),
      });
      return { status: res.status, body: await res.json() };
    };

    it('the national total leaves the dropped value out', async () => {
      const res = await aggregate();
      expect(res.status).toBe(200);
      expect(res.body.data.aggregate).toEqual([{ count: 4, sum: 123218, max: 115838 }]);
      const answer = await h.engine.ask('2020年政府采购金额合计');
      expect(answer.text).toContain('合计：123,218元');
    });

    it('a huge value already stored makes the sum null, not Infinity or an error, and the bot does not fail', async () => {
      // As a database filled before the parser dropped such values would hold it.
      await h.db.dataSource.query(`UPDATE cells SET value = $1::numeric WHERE key = 'active.procurement.amount' AND value = 115838`, [HUGE + '9']);
      const res = await aggregate();
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.aggregate).toEqual([{ count: 4, sum: null, max: null }]);
      const answer = await h.engine.ask('2020年政府采购金额合计');
      expect(answer.text).not.toContain('出错了');
    });
  });
});
