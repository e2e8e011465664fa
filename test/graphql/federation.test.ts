import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function reportIds(): Promise<{ id: string; agencyId: string; regionCode: string }[]> {
  const res = await h.post(`{ reports { edges { node { id regionCode agency { id } } } } }`);
  return res.body.data.reports.edges.map((e: any) => ({ id: e.node.id, agencyId: e.node.agency.id, regionCode: e.node.regionCode }));
}

describe('Apollo Federation 2 subgraph', () => {
  it('serves _service { sdl } with the entity keys', async () => {
    const res = await h.post(`{ _service { sdl } }`);
    expect(res.body.data._service.sdl).toMatch(/type Report implements Node\s+@key\(fields: "id"\)/);
  });

  it('_entities resolves Report, Agency and Region references, batched', async () => {
    const ids = await reportIds();
    const representations = [
      ...ids.map((r) => ({ __typename: 'Report', id: r.id })),
      { __typename: 'Agency', id: ids[0].agencyId },
      { __typename: 'Region', code: ids[0].regionCode },
      { __typename: 'Report', id: '00000000-0000-0000-0000-000000000000' },
    ];
    const res = await h.post(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Report { id year agency { name } }
        ... on Agency { id name }
        ... on Region { code name level } } }`,
      { r: representations },
    );
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data._entities;
    expect(entities.slice(0, 5).map((e: any) => e.id)).toEqual(ids.map((r) => r.id));
    expect(entities[5]).toMatchObject({ id: ids[0].agencyId });
    expect(entities[6]).toMatchObject({ code: ids[0].regionCode });
    expect(entities[7]).toBeNull();
  });
});

describe('composition through @apollo/gateway', () => {
  let reviews: ApolloServer;
  let gateway: ApolloServer;
  let gatewayUrl: string;

  beforeAll(async () => {
    // A second, small subgraph owned by "another team": it extends Report with a review note.
    const typeDefs = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Report @key(fields: "id") { id: ID! review: Review }
      type Review { score: Int! note: String! }
    `);
    const resolvers = {
      Report: {
        review: (report: { id: string }) => ({ score: report.id.charCodeAt(0) % 5, note: `已复核 ${report.id.slice(0, 8)}` }),
      },
    };
    reviews = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]) });
    const { url: reviewsUrl } = await startStandaloneServer(reviews, { listen: { port: 0, host: '127.0.0.1' } });
    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: [
            { name: 'nianbao', url: `${h.http.url}/graphql` },
            { name: 'reviews', url: reviewsUrl },
          ],
        }),
      }),
    });
    ({ url: gatewayUrl } = await startStandaloneServer(gateway, { listen: { port: 0, host: '127.0.0.1' } }));
  });
  afterAll(async () => {
    await gateway?.stop();
    await reviews?.stop();
  });

  it('queries across both subgraphs', async () => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ cells(filter: { key: "active.procurement.amount", year: 2020 }, first: 1) {
          edges { node { value report { id title agency { name } review { note } } } } } }`,
      }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    const node = body.data.cells.edges[0].node;
    expect(node.value).toBe(115838);
    expect(node.report.agency.name).toBe('白土镇');
    expect(node.report.review.note).toBe(`已复核 ${node.report.id.slice(0, 8)}`);
  });
});
