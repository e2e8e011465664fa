/**
 * docs/charts/*.png (+ .svg) from real data: the five samples and the real reports of test/fixtures/real and
 * real-extra, ingested into a fresh embedded PostgreSQL, charted through the GraphQL `chart` field (ranking, trend,
 * regions: the SVG a page would embed) and, for the comparison (a bot answer, not a GraphQL kind), from the values
 * the graph returns. render-chart-examples.ts keeps the illustrative specs for the timing loop.
 * Run: npx tsc -p scripts/tsconfig.json && node dist/scripts/render-real-chart-examples.js
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app';
import { chartTitle, renderChartPng, svgToPng } from '../src/charts';
import { silentLogger } from '../src/contracts';
import { ingestPaths } from '../src/ingest';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'docs', 'charts');
const KEY = 'requests.new.total';
const METRIC = '本年新收政府信息公开申请数量';

/** One file per report: a report saved both as .html and as text is ingested once (the first name in order). */
function realReports(): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const dir of ['test/fixtures/real/reports', 'test/fixtures/real-extra/reports']) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const report = name.replace(/(-txt)?\.(txt|html|md)$/, '');
      if (seen.has(report)) continue;
      seen.add(report);
      files.push(join(ROOT, dir, name));
    }
  }
  return files;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-chart-docs-'));
  chmodSync(dataDir, 0o755); // the embedded server runs as the OS user postgres
  const app = await startApp({ dataDir, logger: silentLogger, serverLogger: silentLogger, botLogger: silentLogger });
  try {
    const reports = realReports();
    const summary = await ingestPaths(reports, { dataSource: app.db.dataSource, workers: 0 });
    if (summary.failed.length) throw new Error(`ingest failed: ${JSON.stringify(summary.failed)}`);
    const run = async (query: string, variables?: Record<string, unknown>) => {
      const r = await app.server.execute<any>(query, variables);
      if (r.errors?.length) throw new Error(r.errors.map((e) => e.message).join('; '));
      return r.data;
    };
    const total = (await run('{ reports(first: 1) { totalCount } }')).reports.totalCount;
    console.log(`${total} reports (samples + ${reports.length} real files)`);
    const fields = 'svg title points { label value } restCount sourceCount';
    const pingtan = (await run('{ reports(filter: { agency: "平潭综合实验区" }, first: 1) { edges { node { agency { id } } } } }'))
      .reports.edges[0].node.agency.id;
    const charts: Record<string, string> = {
      ranking: (await run(`{ chart(kind: RANKING, key: "${KEY}", year: 2020) { ${fields} } }`)).chart.svg,
      trend: (await run(`query($a: String) { chart(kind: TREND, key: "${KEY}", agency: $a) { ${fields} } }`, { a: pingtan })).chart.svg,
      regions: (await run(`{ chart(kind: REGIONS, key: "${KEY}", year: 2020, groupBy: PROVINCE) { ${fields} } }`)).chart.svg,
    };
    // the agencies with a 2025 report side by side, as the bot draws 「…和…2025年收到的申请对比」
    const r2025 = (await run(`{ chart(kind: RANKING, key: "${KEY}", year: 2025) { ${fields} } }`)).chart;
    const sides = r2025.points as { label: string; value: number | null }[];
    const comparison = renderChartPng({
      kind: 'comparison', unit: '件', sourceCount: r2025.sourceCount, series: sides,
      title: chartTitle({ scope: sides.map((s) => s.label).join('、'), years: 2025, metric: METRIC }),
    });
    for (const [name, svg] of Object.entries(charts)) {
      writeFileSync(join(OUT, `${name}.svg`), svg);
      writeFileSync(join(OUT, `${name}.png`), svgToPng(svg));
      console.log(`${name}: ${svg.length} bytes of SVG`);
    }
    writeFileSync(join(OUT, 'comparison.svg'), comparison.svg);
    writeFileSync(join(OUT, 'comparison.png'), comparison.png);
    console.log(`comparison: ${sides.map((s) => `${s.label} ${s.value}`).join(', ')}`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e: Error) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
