import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const EXAMPLE_QUERY = `# nianbao 年报 — 政府信息公开工作年度报告 as a graph. Press ▶ (Ctrl-Enter).
query 采购金额排名 {
  cells(filter: { key: "active.procurement.amount", year: 2020 }, first: 5) {
    totalCount
    edges {
      node {
        label
        raw
        value
        report { title agency { name fullName region { name path { name } } } }
      }
    }
  }
}
`;

let cached: string | null = null;

/**
 * GraphiQL as one self-contained page (its JS and CSS are inlined by @graphql-yoga/render-graphiql): it works on an
 * intranet with no internet access, unlike Apollo Sandbox, which loads from a CDN. Rendered once (≈9 MB).
 */
export function graphiqlPage(endpoint = '/graphql'): string {
  cached ??= renderGraphiQL({ endpoint, title: 'nianbao 年报 GraphQL', defaultQuery: EXAMPLE_QUERY });
  return cached;
}
