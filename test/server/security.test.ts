import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { countStatements, SAMPLE_FILES, startHarness, type Harness } from '../graphql/harness';

const TOKEN = 'nb-test-token-7f3a9c1e5d';

const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input) { status report { id year agency { name } } } }`;
const sampleInput = () => ({ fileName: 'baitu-2020.txt', content: readFileSync(SAMPLE_FILES[0]).toString('base64'), encoding: 'BASE64' });

describe('mutations need the API token (issue 6: API abuse)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, apiToken: TOKEN });
  });
  afterAll(() => h?.close());

  it('refuses ingestReport without a token, with a wrong token and with a token of another length, storing nothing', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }, { authorization: 'Bearer x' }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const res = await h.post(INGEST, { input: sampleInput() }, headers);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors?.[0].message).toMatch(/Authorization: Bearer/);
    }
    const count = await h.post(`{ reports { totalCount } }`);
    expect(count.body.data.reports.totalCount).toBe(0);
  });

  it('ingests with the right token, then deletes; the token never appears in logs', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const res = await h.post(INGEST, { input: sampleInput() }, auth);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.ingestReport).toMatchObject({ status: 'ingested', report: { year: 2020, agency: { name: '白土镇' } } });
    const again = await h.post(INGEST, { input: sampleInput() }, auth);
    expect(again.body.data.ingestReport.status).toBe('unchanged');
    const id = res.body.data.ingestReport.report.id;
    const denied = await h.post(`mutation($id: ID!) { deleteReport(id: $id) }`, { id });
    expect(denied.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const del = await h.post(`mutation($id: ID!) { deleteReport(id: $id) }`, { id }, auth);
    expect(del.body.data.deleteReport).toBe(true);
    const gone = await h.post(`query($id: ID!) { report(id: $id) { id } }`, { id });
    expect(gone.body.data.report).toBeNull();
    expect(h.logger.lines.join('\n')).not.toContain(TOKEN);
    expect(h.logger.lines.some((l) => l.includes('ingestReport'))).toBe(true);
  });

  it('a file that is not a report gets a specific error and stores nothing', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const res = await h.post(INGEST, { input: { fileName: 'scan.png', content: png.toString('base64'), encoding: 'BASE64' } }, auth);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toMatch(/^scan\.png: /);
    const text = await h.post(INGEST, { input: { fileName: 'note.txt', content: '你好，这不是年度报告。', encoding: 'TEXT' } }, auth);
    expect(text.body.errors?.[0].message).toMatch(/^note\.txt: .*年度报告/);
    const bad64 = await h.post(INGEST, { input: { fileName: 'a.txt', content: '!!!not base64', encoding: 'BASE64' } }, auth);
    expect(bad64.body.errors?.[0].message).toMatch(/not valid base64/);
    const count = await h.post(`{ reports { totalCount } }`);
    expect(count.body.data.reports.totalCount).toBe(0);
  });
});

describe('mutations are disabled when no token is configured', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, apiToken: '' });
  });
  afterAll(() => h?.close());

  it('says so, whatever header is sent', async () => {
    const res = await h.post(INGEST, { input: sampleInput() }, { authorization: 'Bearer anything' });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0].message).toMatch(/NIANBAO_API_TOKEN/);
  });
});

describe('query limits reject abuse before execution', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  /** Limits are checked before execution: a rejected query sends no SQL at all. */
  async function rejectedBeforeExecution(query: string, code: string, message: RegExp) {
    const counter = countStatements();
    const res = await h.post(query).finally(() => counter.restore());
    expect(counter.statements).toEqual([]);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions?.code).toBe(code);
    expect(res.body.errors?.[0].message).toMatch(message);
  }

  it('a deeply nested query', async () => {
    let q = 'id';
    for (let i = 0; i < 6; i++) q = `agency { reports { ${q} } }`;
    await rejectedBeforeExecution(`{ reports(first: 1) { edges { node { ${q} } } } }`, 'QUERY_TOO_DEEP', /too deep: depth \d+, at most 10/);
  });

  it('an aliased query', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: metrics { key }`).join(' ');
    await rejectedBeforeExecution(`{ ${fields} }`, 'TOO_MANY_ALIASES', /too many aliases: 31, at most 30/);
  });

  it('an expensive query (big pages of nested lists)', async () => {
    await rejectedBeforeExecution(
      `{ reports(first: 100) { edges { node { cells { key raw value report { cells { key } } } } } } }`,
      'QUERY_TOO_COMPLEX', /too expensive: estimated cost \d+, at most 50000/,
    );
  });

  it('the cost of a repeated document is judged again whenever its page sizes change', async () => {
    const query = `query Pages($n: Int!, $agency: String!) { reports(first: $n, filter: { agency: $agency }) { edges { node { cells { key raw } } } } }`;
    const ask = (n: number, agency: string) => h.post(query, { n, agency });
    expect((await ask(1, '白土镇')).body.errors).toBeUndefined();
    expect((await ask(1, '石鼓镇')).body.errors).toBeUndefined();
    const big = await ask(100, '白土镇');
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await ask(1, '白土镇')).body.errors).toBeUndefined();
  });

  it('a wide query (thousands of fields)', async () => {
    const wide = Array.from({ length: 1200 }, () => 'key label').join(' ');
    const res = await h.post(`{ metrics { ${wide} } }`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].message).toMatch(/too many fields: 2401, at most 500/);
  });

  it('a huge document is refused by the parser token limit', async () => {
    const res = await h.post(`{ ${'metrics { key } '.repeat(2000)} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/Document contains more (than|that) 5000 tokens/);
  });

  it('first is capped at 100 with a clear error', async () => {
    const res = await h.post(`{ reports(first: 500) { totalCount } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toMatch(/first must be between 1 and 100 \(got 500\)/);
  });

  it('normal queries stay under the limits, including every cell of a page of 20 reports', async () => {
    const all = await h.post(`{ reports(first: 20) { edges { node { cells { key label raw value unit } } } } }`);
    expect(all.body.errors).toBeUndefined();
    const res = await h.post(`{ reports(first: 20) { totalCount edges { node { title agency { name region { name } } cells(keys: ["active.procurement.amount"]) { value } } } } }`);
    expect(res.body.errors).toBeUndefined();
  });
});
