/**
 * The example operations shown as GraphiQL tabs and printed in the README (a test keeps the two the same).
 * Operation names are ASCII: GraphQL names cannot hold Chinese characters.
 */
export interface ExampleTab {
  query: string;
  variables?: string;
}

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# nianbao 年报: 政府信息公开工作年度报告 as a graph. Press ▶ (Ctrl-Enter).
# Ranking: who spent most on 政府集中采购 in 2020 (白土镇, 115838 元)
query ProcurementRanking {
  cells(filter: { key: "active.procurement.amount", year: 2020 }, orderBy: VALUE_DESC, first: 3) {
    totalCount
    edges { node { label raw value unit report { title agency { name fullName region { name path { name } } } } } }
  }
}
`,
  },
  {
    query: `# Sum / average over a region, grouped (groupBy: NONE | YEAR | PROVINCE | CITY | COUNTY | AGENCY)
query ProcurementByCounty {
  aggregate(key: "active.procurement.amount", year: 2020, regionCode: "360900", groupBy: COUNTY) { group label count sum avg min max }
}
`,
  },
  {
    query: `# Reports of a region (prefix of the hierarchical code; GB codes such as 360900 are accepted), paged (Relay)
query ReportsOfRegion($after: String) {
  reports(filter: { regionCode: "36", year: 2020 }, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title year format sourceName agency { name } cell(key: "requests.new.total") { value } checks { rule passed } } }
  }
}
`,
    variables: '{ "after": null }',
  },
  {
    query: `# The catalog of cell keys with Chinese labels and aliases
query Metrics {
  metrics(table: active) { key label unit formats aliases }
}
`,
  },
  {
    query: `# Chinese full-text search over report sections
query SearchSections {
  searchSections(text: "政务公开工作领导小组", first: 5) { totalCount edges { node { kind title report { title } } } }
}
`,
  },
];
