import { readFileSync } from 'node:fs';
import { SAMPLE_FILES, startHarness, type Harness } from '../graphql/harness';
import { DISK_FULL_TRIGGER, inDatabase } from './support';

const TOKEN = 'nb-disk-token-41d0';
const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input) { status } }`;

describe('a full disk is told as such (issue 13 item 11)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, apiToken: TOKEN });
    await inDatabase(h.db.url, DISK_FULL_TRIGGER);
  });
  afterAll(() => h?.close());

  it('ingestReport answers 503 STORAGE_FULL without PostgreSQL\'s message; the log has it; nothing is stored', async () => {
    const content = readFileSync(SAMPLE_FILES[0]).toString('base64');
    const res = await h.post(INGEST, { input: { fileName: 'baitu-2020.txt', content, encoding: 'BASE64' } }, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(503);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'the database has no space left to store this report; nothing was stored, try again later',
      extensions: { code: 'STORAGE_FULL' },
    });
    expect(res.text).not.toMatch(/base\/16384|No space left/);
    expect(h.logger.lines.some((l) => l.startsWith('error ') && l.includes('No space left on device'))).toBe(true);
    const count = await h.post(`{ reports { totalCount } agencies { totalCount } }`);
    expect(count.body.data).toEqual({ reports: { totalCount: 0 }, agencies: { totalCount: 0 } });
  });
});
