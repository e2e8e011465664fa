import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createNianbaoServer, type ListeningServer, type NianbaoServer } from '../../src/server';
import { compiledPathCounters } from '../../src/server/compiledPath';
import { REPORT_QUERY } from '../../bench/scenarios';
import { sharedSchema, startHarness, type Harness } from '../graphql/harness';

// An operation already compiled is answered outside Apollo's pipeline (src/server/compiledPath.ts). Every answer must
// be byte for byte what Apollo with graphql-js sends, headers included; whatever is not the plain case, and every
// error, must still be Apollo's answer. `h` compiles from the first request, `plain` never does.
const ORIGIN = 'https://frontend.example';
let h: Harness;
let plain: NianbaoServer;
let plainHttp: ListeningServer;
beforeAll(async () => {
  h = await startHarness({ jit: { compileAfter: 0 }, introspection: true, corsOrigins: [ORIGIN] });
  plain = await createNianbaoServer({
    dataSource: h.db.dataSource, logger: h.logger, schema: await sharedSchema(), jit: false, introspection: true, corsOrigins: [ORIGIN],
  });
  plainHttp = await plain.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await plainHttp?.close();
  await h?.close();
});

const OPERATIONS = path.join(__dirname, '..', '..', 'src', 'bot', 'operations');
const operation = (name: string) => readFileSync(path.join(OPERATIONS, `${name}.graphql`), 'utf8');

type Body = Record<string, unknown> | string;
const KEPT_HEADERS = ['content-type', 'content-length', 'access-control-allow-origin', 'vary'];

async function send(url: string, body: Body, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const kept = Object.fromEntries(KEPT_HEADERS.map((k) => [k, res.headers.get(k)]));
  return { status: res.status, headers: kept, text: (await res.text()).replace(/[0-9a-f]{8}(?=\)|")/g, 'REF') };
}

/** The request sent twice to `h` (the first compiles it), then once to `plain`; how many `h` answered off Apollo. */
async function both(body: Body, headers?: Record<string, string>) {
  await send(h.http.url, body, headers);
  const before = compiledPathCounters.answered;
  const fast = await send(h.http.url, body, headers);
  const answered = compiledPathCounters.answered - before;
  const generic = await send(plainHttp.url, body, headers);
  return { fast, generic, answered };
}

let report: { id: string; agency: string; year: number };
beforeAll(async () => {
  const res = await h.post(`{ reports(first: 1, filter: { agency: "白土镇", year: 2020 }) { edges { node { id year agency { id } } } } }`);
  const n = res.body.data.reports.edges[0].node;
  report = { id: n.id, agency: n.agency.id, year: n.year };
});

describe('compiled operations answered outside Apollo', () => {
  it('the bot lookup gives the cell and the very bytes and headers Apollo gives', async () => {
    const r = await both({ operationName: 'BotCell', query: operation('BotCell'), variables: { agency: report.agency, year: 2020, key: 'active.procurement.amount' } });
    expect(r.answered).toBe(1);
    expect(JSON.parse(r.fast.text).data.reports.edges[0].node.cell.value).toBe(115838);
    expect(r.fast.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(r.fast).toEqual(r.generic);
  });

  it('a compiled lookup reads each request\'s own key (the walks of its selection are kept, never its arguments)', async () => {
    const all = await h.post(`query($id: ID!) { report(id: $id) { cells { key value } } }`, { id: report.id });
    const nonZero = (all.body.data.report.cells as { key: string; value: number | null }[]).filter((c) => c.value);
    expect(nonZero.length).toBeGreaterThanOrEqual(2);
    const before = compiledPathCounters.answered;
    for (const { key, value } of nonZero) {
      const r = await send(h.http.url, { operationName: 'BotCell', query: operation('BotCell'), variables: { agency: report.agency, year: 2020, key } });
      expect(JSON.parse(r.text).data.reports.edges[0].node.cell).toMatchObject({ key, value });
    }
    expect(compiledPathCounters.answered - before).toBeGreaterThanOrEqual(nonZero.length - 1);
  });

  it('every bot operation and the full report agree byte for byte', async () => {
    const key = 'active.procurement.amount';
    const vars: Record<string, Record<string, unknown>> = {
      BotAgencies: { first: 5, withCount: true }, BotAgencyReports: { id: report.agency }, BotAggregate: { key, year: 2020 },
      BotAggregateGroups: { key, year: 2020, groupBy: 'PROVINCE' }, BotCell: { agency: report.agency, year: 2020, key },
      BotChecks: { reportId: report.id }, BotRanking: { key, year: 2020, orderBy: 'VALUE_DESC', first: 3 },
      BotReportCells: { agency: report.agency, year: 2020, keys: [key, 'active.regulations.made'] }, BotReportInfo: { reportId: report.id },
      BotReports: { year: 2020, first: 3 }, BotSections: { reportId: report.id },
    };
    const names = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql')).map((f) => f.replace(/\.graphql$/, ''));
    const answered: string[] = [];
    for (const name of names) {
      const r = await both({ query: operation(name), variables: vars[name] ?? {} });
      if (r.answered) answered.push(name);
      expect(r.fast.text).not.toContain('"errors"');
      expect({ name, ...r.fast }).toEqual({ name, ...r.generic });
    }
    expect(answered).toEqual(names);
    const full = await both({ query: REPORT_QUERY, variables: { id: report.id } });
    expect(full.answered).toBe(1);
    expect(full.fast).toEqual(full.generic);
  });

  it('an answer with an error is Apollo\'s: status, code and message', async () => {
    const cell = operation('BotCell');
    const cases: Body[] = [
      { query: cell, variables: { agency: report.agency, year: 1800, key: 'active.procurement.amount' } },
      { query: cell, variables: { agency: report.agency, year: 'twenty', key: 'x' } },
      { query: `query($id: ID!) { report(id: $id) { id cell(key: "不存在的指标") { value } } }`, variables: { id: report.id } },
      { query: `query($n: Int!) { reports(first: $n) { edges { node { cells { key value } } } } }`, variables: { n: 100000 } },
    ];
    for (const body of cases) {
      const r = await both(body);
      expect(r.answered).toBe(0);
      expect(JSON.parse(r.fast.text).errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
      expect(r.fast).toEqual(r.generic);
    }
  });

  it('requests that are not the plain case go to Apollo and get its answer', async () => {
    const query = operation('BotReportInfo');
    const variables = { id: report.id };
    const cases: [Body, Record<string, string>?][] = [
      [{ query, variables }, { accept: 'application/graphql-response+json' }],
      [{ query, variables }, { accept: 'text/html' }],
      [{ query, variables, extensions: {} }],
      [{ query, variables: JSON.stringify(variables) }],
      [{ query, variables: [variables] }],
      [{ query, variables, operationName: 'Other' }],
      [[{ query, variables }] as unknown as Body],
    ];
    for (const [body, headers] of cases) {
      const r = await both(body, headers);
      expect({ body, answered: r.answered }).toEqual({ body, answered: 0 });
      expect({ body, ...r.fast }).toEqual({ body, ...r.generic });
    }
  });

  it('is counted in /metrics and written to the request log like any request', async () => {
    const metric = async () => {
      const text = await (await fetch(`${h.http.url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('nianbao_graphql_requests_total{operation="BotCell",status="200"}'));
      return Number(line?.split(' ').pop() ?? 0);
    };
    const logged = () => h.logger.lines.filter((l) => /^info graphql BotCell 200 /.test(l)).length;
    const [countBefore, logBefore, answeredBefore] = [await metric(), logged(), compiledPathCounters.answered];
    const body = { operationName: 'BotCell', query: operation('BotCell'), variables: { agency: report.agency, year: 2020, key: 'active.regulations.made' } };
    for (let i = 0; i < 3; i++) expect((await send(h.http.url, body)).status).toBe(200);
    expect(compiledPathCounters.answered - answeredBefore).toBe(3);
    expect(await metric()).toBe(countBefore + 3);
    expect(logged()).toBe(logBefore + 3);
  });
});
