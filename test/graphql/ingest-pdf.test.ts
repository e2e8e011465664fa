import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from './harness';

/** ingestReport takes PDF bytes like any other document (issue 11 item 5), under the same limits and refusals. */
const TOKEN = 'nb-pdf-token-3c9e71';
const PDF_DIR = path.join(__dirname, '..', 'fixtures', 'pdf');
const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input) { status report { id year format agency { name } } } }`;
const pdfInput = (name: string) => ({ fileName: name, content: readFileSync(path.join(PDF_DIR, name)).toString('base64'), encoding: 'BASE64' });

describe('ingestReport with a PDF', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, apiToken: TOKEN });
  });
  afterAll(() => h?.close());
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('stores a text PDF and reads back the cells it was filled with', async () => {
    const expected = JSON.parse(readFileSync(path.join(PDF_DIR, 'xiangdong-2021.expected.json'), 'utf8')) as { cells: Record<string, number | null> };
    const res = await h.post(INGEST, { input: pdfInput('xiangdong-2021.pdf') }, auth);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.ingestReport).toMatchObject({ status: 'ingested', report: { year: 2021, format: '2021', agency: { name: '湘东区' } } });
    const id = res.body.data.ingestReport.report.id;
    const keys = Object.keys(expected.cells);
    const cells = await h.post(`query($id: ID!, $keys: [String!]) { report(id: $id) { cells(keys: $keys) { key value } } }`, { id, keys });
    const got = Object.fromEntries(cells.body.data.report.cells.map((c: { key: string; value: number | null }) => [c.key, c.value]));
    expect(got).toEqual(expected.cells);
  });

  it('refuses a scanned PDF with a specific reason and stores nothing of it', async () => {
    const before = (await h.post(`{ reports { totalCount } }`)).body.data.reports.totalCount;
    const res = await h.post(INGEST, { input: pdfInput('scanned-2021.pdf') }, auth);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toMatch(/^scanned-2021\.pdf: .*OCR/);
    expect((await h.post(`{ reports { totalCount } }`)).body.data.reports.totalCount).toBe(before);
  });
});
