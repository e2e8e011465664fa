import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createErrorFormatter } from '../../src/server/errors';
import { jitPlugin } from '../../src/server/plugins/jit';
import { createNianbaoServer, type ListeningServer, type NianbaoServer } from '../../src/server';
import { jitCounters } from '../../src/server/plugins/jit';
import { memoryLogger } from '../graphql/harness';
import { REPORT_QUERY } from '../../bench/scenarios';
import { sharedSchema, startHarness, type Harness } from '../graphql/harness';

// Queries run compiled by graphql-jit (src/server/plugins/jit): every answer, error and status must be what
// graphql-js gives. `h` serves with the plugin (the default), `plain` without it, on the same database.
let h: Harness;
let plain: NianbaoServer;
let plainHttp: ListeningServer;
beforeAll(async () => {
  h = await startHarness({ jit: { compileAfter: 0 }, introspection: true });
  plain = await createNianbaoServer({ dataSource: h.db.dataSource, logger: h.logger, schema: await sharedSchema(), jit: false, introspection: true });
  plainHttp = await plain.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await plainHttp?.close();
  await h?.close();
});

async function both(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const post = async (url: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables, operationName }),
    });
    return { status: res.status, body: JSON.parse(await res.text()) };
  };
  const before = { ...jitCounters };
  const jit = await post(h.http.url);
  const ran = jitCounters.executed - before.executed;
  const generic = await post(plainHttp.url);
  return { jit, generic, ran };
}

/** Error references are random per answer. */
const masked = (body: any) => JSON.parse(JSON.stringify(body).replace(/[0-9a-f]{8}(?=\)|")/g, 'REF'));

const OPERATIONS = path.join(__dirname, '..', '..', 'src', 'bot', 'operations');

describe('graphql-jit execution', () => {
  let report: { id: string; agency: string; year: number };
  beforeAll(async () => {
    const res = await h.post(`{ reports(first: 1) { edges { node { id year agency { id } } } } }`);
    const n = res.body.data.reports.edges[0].node;
    report = { id: n.id, agency: n.agency.id, year: n.year };
  });

  it('answers the bench lookup and full report compiled, exactly as graphql-js', async () => {
    const cell = readFileSync(path.join(OPERATIONS, 'BotCell.graphql'), 'utf8');
    for (const key of ['active.procurement.amount', 'requests.total.new', 'no.such.key.at.all']) {
      const r = await both(cell, { agency: report.agency, year: report.year, key });
      expect(r.ran).toBe(1);
      expect(masked(r.jit)).toEqual(masked(r.generic));
    }
    const full = await both(REPORT_QUERY, { id: report.id });
    expect(full.ran).toBe(1);
    expect(full.jit.body.data.report.cells.length).toBeGreaterThan(100);
    expect(full.jit).toEqual(full.generic);
  });

  it('answers every bot operation as graphql-js does', async () => {
    const key = 'active.procurement.amount';
    const vars: Record<string, Record<string, unknown>> = {
      BotAgencies: { first: 5, withCount: true }, BotAgencyReports: { id: report.agency }, BotAggregate: { key, year: report.year },
      BotAggregateGroups: { key, year: report.year, groupBy: 'PROVINCE' }, BotCell: { agency: report.agency, year: report.year, key },
      BotChecks: { reportId: report.id }, BotRanking: { key, year: report.year, orderBy: 'VALUE_DESC', first: 3 },
      BotReportCells: { agency: report.agency, year: report.year, keys: [key] }, BotReportInfo: { reportId: report.id },
      BotReports: { year: report.year, first: 3 }, BotSections: { reportId: report.id },
    };
    for (const file of readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'))) {
      const name = file.replace(/\.graphql$/, '');
      const r = await both(readFileSync(path.join(OPERATIONS, file), 'utf8'), vars[name] ?? {});
      expect({ name, errors: r.jit.body.errors }).toEqual({ name, errors: undefined });
      expect({ name, ...masked(r.jit) }).toEqual({ name, ...masked(r.generic) });
    }
  });

  it('errors keep their message, path and code; an error with extensions.http keeps its status', async () => {
    const cases: [string, Record<string, unknown>?][] = [
      [`query($id: ID!) { report(id: $id) { id cell(key: "不存在的指标") { value } } }`, { id: report.id }],
      [`{ chart(kind: RANKING, key: "no.such.key") { svg } }`],
      [`{ reports(last: 101) { totalCount } }`],
      [`{ report(id: "not-a-uuid") { id } }`],
    ];
    const codes: unknown[] = [];
    for (const [query, variables] of cases) {
      const r = await both(query, variables);
      expect(r.ran).toBe(1);
      codes.push(r.jit.status, ...(r.jit.body.errors ?? []).map((e: any) => e.extensions?.code));
      expect(masked(r.jit)).toEqual(masked(r.generic));
    }
    expect(codes).toContain(400);
    expect(codes).toContain('BAD_USER_INPUT');
  });

  it('variables refused before execution, and unknown operations, get graphql-js answers', async () => {
    const cell = readFileSync(path.join(OPERATIONS, 'BotCell.graphql'), 'utf8');
    for (const variables of [{}, { agency: report.agency, year: 'twenty', key: 'x' }, { agency: 1, year: 2020, key: null }]) {
      const r = await both(cell, variables);
      expect(r.jit.status).toBe(r.generic.status);
      expect(r.jit).toEqual(r.generic);
    }
    const r = await both(cell, {}, 'NoSuchOperation');
    expect(r.jit).toEqual(r.generic);
  });

  it('introspection, federation fields, ask, mutations and interfaces keep graphql-js', async () => {
    const queries: [string, Record<string, unknown>?][] = [
      [`{ __schema { queryType { name } } }`],
      [`{ __type(name: "Report") { name } }`],
      [`{ _service { sdl } }`],
      [`query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { id year } } }`, { r: [{ __typename: 'Report', id: report.id }] }],
      [`mutation { deleteReport(id: "${report.id}") }`],
      // The Node interface: type-graphql's resolveType is async, which graphql-jit does not await.
      [`query($id: ID!) { node(id: $id) { __typename nodeId ... on Report { id } } }`, { id: Buffer.from(`Report:${report.id}`).toString('base64') }],
      [`query($id: ID!) { nodes(ids: [$id]) { nodeId } }`, { id: Buffer.from(`Report:${report.id}`).toString('base64') }],
    ];
    for (const [query, variables] of queries) {
      const r = await both(query, variables);
      expect(r.ran).toBe(0);
      expect(r.jit.status).toBe(r.generic.status);
      if (!query.startsWith('mutation')) expect(r.jit).toEqual(r.generic);
    }
  });

  it('an operation text is compiled from its second request on (compileAfter: 1, the default)', async () => {
    const server = await createNianbaoServer({ dataSource: h.db.dataSource, logger: h.logger, schema: await sharedSchema() });
    try {
      const query = `query Once($id: ID!) { report(id: $id) { id year } }`;
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const before = jitCounters.executed;
        const res = await server.execute<any>(query, { id: report.id });
        expect(res.data.report.id).toBe(report.id);
        runs.push(jitCounters.executed - before);
      }
      expect(runs).toEqual([0, 1, 1]);
    } finally {
      await server.stop();
    }
  });

  it('__typename, fragments, aliases and @skip/@include compile and agree', async () => {
    const query = `query Q($id: ID!, $with: Boolean!) {
      a: report(id: $id) { __typename ...R year @include(if: $with) agency @skip(if: $with) { name } }
      reports(first: 2) { edges { node { ...R } } pageInfo { hasNextPage } }
    }
    fragment R on Report { id title region { name } }`;
    for (const w of [true, false]) {
      const r = await both(query, { id: report.id, with: w });
      expect(r.ran).toBe(1);
      expect(r.jit.body.errors).toBeUndefined();
      expect(r.jit).toEqual(r.generic);
    }
  });
});

describe('graphql-jit: an internal error is masked by the server\'s formatter as with graphql-js', () => {
  it('a resolver throwing a plain Error gives the same masked error, code and log', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          ok: { type: GraphQLString, resolve: () => 'fine' },
          broken: { type: GraphQLString, resolve: () => { throw new Error('relation "secret" does not exist'); } },
        },
      }),
    });
    const answer = async (jit: boolean) => {
      const logger = memoryLogger();
      const formatError = createErrorFormatter(logger);
      const server = new ApolloServer({ schema, formatError, plugins: jit ? [jitPlugin({ formatError, compileAfter: 0 })] : [] });
      await server.start();
      const before = jitCounters.executed;
      const res = await server.executeOperation({ query: '{ ok broken }' });
      await server.stop();
      return { res: JSON.parse(JSON.stringify(res)), ran: jitCounters.executed - before, logged: logger.lines.length };
    };
    const [jit, generic] = [await answer(true), await answer(false)];
    expect(jit.ran).toBe(1);
    expect(generic.ran).toBe(0);
    expect(jit.res.body.singleResult.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(jit.res)).not.toContain('secret');
    expect(masked(jit.res)).toEqual(masked(generic.res));
    expect(jit.logged).toBe(generic.logged);
  });
});
