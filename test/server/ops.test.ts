import { Writable } from 'node:stream';
import { createNianbaoServer, type ListeningServer, type NianbaoServer } from '../../src/server';
import { createPinoLogger } from '../../src/server/logging';
import { sharedSchema, startHarness, type Harness } from '../graphql/harness';

const ALLOWED = 'http://127.0.0.1:5173';
const COUNT = 'query Count { reports { totalCount } }';

function post(url: string, query: string, headers: Record<string, string> = {}, variables?: unknown) {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
}

describe('operations: CORS, request log, /metrics, rate limit', () => {
  let h: Harness;
  const extra: { server: NianbaoServer; http: ListeningServer }[] = [];
  beforeAll(async () => {
    h = await startHarness({ corsOrigins: [ALLOWED], rateLimit: 0 });
  });
  afterAll(async () => {
    for (const e of extra) await e.server.stop();
    await h?.close();
  });
  const serve = async (options: Parameters<typeof createNianbaoServer>[0]) => {
    const server = await createNianbaoServer({ schema: await sharedSchema(), ...options });
    const http = await server.listen(0, '127.0.0.1');
    extra.push({ server, http });
    return http;
  };

  it('answers a preflight from an allowed origin with 204 and the CORS headers', async () => {
    const res = await fetch(`${h.http.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('sets access-control-allow-origin for the allowed origin only', async () => {
    const ok = await post(h.http.url, COUNT, { origin: ALLOWED });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await ok.json()).data.reports.totalCount).toBe(5);
    const other = await post(h.http.url, COUNT, { origin: 'http://127.0.0.1:6666' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention with CORS on: a text/plain POST from an allowed origin is refused', async () => {
    const res = await fetch(`${h.http.url}/graphql`, { method: 'POST', headers: { origin: ALLOWED, 'content-type': 'text/plain' }, body: JSON.stringify({ query: COUNT }) });
    expect(res.status).toBe(400);
  });

  it('without NIANBAO_CORS_ORIGINS, no origin is allowed', async () => {
    const http = await serve({ dataSource: h.db.dataSource, corsOrigins: [], rateLimit: 0 });
    const res = await post(http.url, COUNT, { origin: ALLOWED });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs one JSON line per GraphQL request with operation, duration, status and codes, never the token or variables', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    const logger = createPinoLogger('info', sink);
    const http = await serve({ dataSource: h.db.dataSource, logger, rateLimit: 0 });
    await post(http.url, 'query Find($a: String) { reports(filter: { agency: $a }) { totalCount } }', { authorization: 'Bearer s3cret-token-xyz' }, { a: 'variable-secret-abc' });
    await post(http.url, 'query Broken { nope }');
    const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.graphql);
    expect(entries.map((e) => [e.graphql.operation, e.graphql.status, e.graphql.errorCodes])).toEqual([
      ['Find', 200, []],
      ['Broken', 400, ['GRAPHQL_VALIDATION_FAILED']],
    ]);
    for (const e of entries) {
      expect(e.level).toBe(30);
      expect(typeof e.time).toBe('string');
      expect(e.graphql.durationMs).toBeGreaterThan(0);
    }
    expect(lines.join('\n')).not.toMatch(/s3cret|variable-secret/);
  });

  it('GET /metrics counts requests per operation, latency, errors by code and the database pool', async () => {
    const http = await serve({ dataSource: h.db.dataSource, rateLimit: 0 });
    await post(http.url, COUNT);
    await post(http.url, COUNT);
    await post(http.url, 'query Broken { nope }');
    const res = await fetch(`${http.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('nianbao_graphql_requests_total{operation="Count",status="200"} 2');
    expect(text).toContain('nianbao_graphql_requests_total{operation="Broken",status="400"} 1');
    expect(text).toContain('nianbao_graphql_request_duration_seconds_count{operation="Count"} 2');
    expect(text).toContain('nianbao_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1');
    expect(text).toContain('nianbao_ingest_reports_stored 5');
    const total = Number(/nianbao_db_pool_connections_total (\d+)/.exec(text)?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(text).toMatch(/nianbao_db_pool_requests_waiting 0/);
  });

  it('refuses a client over NIANBAO_RATE_LIMIT with 429 RATE_LIMITED and Retry-After', async () => {
    const http = await serve({ dataSource: h.db.dataSource, rateLimit: 3 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(http.url, COUNT)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await post(http.url, COUNT);
    expect(refused.status).toBe(429);
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await fetch(`${http.url}/health`)).status).toBe(200);
  });
});
