import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IngestOutcome } from '../../src/contracts';
import { ingestPaths } from '../../src/ingest';
import { SAMPLES, SAMPLE_FILES, startHarness, type Harness } from '../graphql/harness';

const TOKEN = 'nb-metrics-token-81c4d2';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const INGEST = `mutation Ingest($input: IngestReportInput!) { ingestReport(input: $input) { status report { cells { key } } } }`;
const file = (name: string) => readFileSync(path.join(SAMPLES, name)).toString('base64');

function counter(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`${series} is not in /metrics`);
  return Number(line.slice(series.length + 1));
}

describe('ingest counters in /metrics (issue 16)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, apiToken: TOKEN, rateLimit: 0 });
  });
  afterAll(() => h?.close());

  it('counts documents by outcome and the cells written, after ingestReport mutations', async () => {
    const before = await (await fetch(`${h.http.url}/metrics`)).text();
    expect(counter(before, 'nianbao_ingest_documents_total{outcome="ingested"}')).toBe(0);
    const first = await h.post(INGEST, { input: { fileName: 'shiji-2020.txt', content: file('shiji-2020.txt') } }, AUTH);
    const second = await h.post(INGEST, { input: { fileName: 'baitu-2020.txt', content: file('baitu-2020.txt') } }, AUTH);
    const again = await h.post(INGEST, { input: { fileName: 'shiji-2020.txt', content: file('shiji-2020.txt') } }, AUTH);
    const refused = await h.post(INGEST, { input: { fileName: 'note.txt', content: 'hello, this is not an annual report', encoding: 'TEXT' } }, AUTH);
    expect([first.body.data.ingestReport.status, second.body.data.ingestReport.status, again.body.data.ingestReport.status])
      .toEqual(['ingested', 'ingested', 'unchanged']);
    expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const cells = first.body.data.ingestReport.report.cells.length + second.body.data.ingestReport.report.cells.length;
    expect(cells).toBeGreaterThan(100);

    const text = await (await fetch(`${h.http.url}/metrics`)).text();
    expect(counter(text, 'nianbao_ingest_documents_total{outcome="ingested"}')).toBe(2);
    expect(counter(text, 'nianbao_ingest_documents_total{outcome="unchanged"}')).toBe(1);
    expect(counter(text, 'nianbao_ingest_documents_total{outcome="refused"}')).toBe(1);
    expect(counter(text, 'nianbao_ingest_documents_total{outcome="replaced"}')).toBe(0);
    expect(counter(text, 'nianbao_ingest_cells_written_total')).toBe(cells);
    expect(counter(text, 'nianbao_ingest_reports_stored')).toBe(2);
  });

  it('the file ingest tells the same observer each outcome and the cells it wrote', async () => {
    const seen: [IngestOutcome, number][] = [];
    const observer = { documentDone: (outcome: IngestOutcome, written: number) => void seen.push([outcome, written]) };
    // Two of the five samples are stored already (above): three are new.
    const summary = await ingestPaths(SAMPLE_FILES, { dataSource: h.db.dataSource, workers: 0, observer });
    expect(summary).toMatchObject({ ingested: 3, unchanged: 2, failed: [] });
    expect(seen.filter(([o]) => o === 'unchanged').map(([, n]) => n)).toEqual([0, 0]);
    const written = seen.filter(([o]) => o === 'ingested');
    expect(written).toHaveLength(3);
    const stored = await h.post(`{ reports(first: 10) { edges { node { sourceName cells { key } } } } }`);
    const expected = stored.body.data.reports.edges
      .filter((e: any) => !['shiji-2020.txt', 'baitu-2020.txt'].includes(e.node.sourceName))
      .reduce((sum: number, e: any) => sum + e.node.cells.length, 0);
    expect(written.reduce((sum, [, n]) => sum + n, 0)).toBe(expected);
  });
});
