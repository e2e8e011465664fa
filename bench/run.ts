import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { chmodSync, promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { openData, type Database } from '../src/app';
import { poolOf } from '../src/db/pool';
import { ingestPaths } from '../src/ingest';
import { parseReport } from '../src/parser';
import { generateCorpus, parsePositive, parseYears, type CorpusManifest } from './generate';
import { httpLoad, sqlLoad, type GraphQLRequest, type LoadStats } from './load';
import { loadTargets, scenarios, streamFor, SCENARIOS, type Scenario, type ScenarioName, type Targets } from './scenarios';
import { postgresCpuSeconds, ServerChild } from './processes';
import { measureAsk, type AskStats } from './ask';
import { createRng } from './prng';
import { comparePeer, PEERS, printPeer, writePeerResults, type PeerName } from './peer/compare';

interface Options {
  years: number[];
  reports?: number;
  seed: string;
  soak: boolean;
  duration: number;
  connections: number;
  corpus: string;
  reuseCorpus: boolean;
  parseSample: number;
  askQuestions: number;
  out: string;
  profileServer: boolean;
  only?: ScenarioName[];
  /** Kept PostgreSQL folder: ingested once, queried by later runs of the same corpus. */
  data?: string;
  /** Instead of the SQL floor, ask and soak: the same queries against another GraphQL server (issue 15). */
  peer?: PeerName;
  peerRounds: number;
  /** Rounds of GraphQL then SQL per query: the machine's drift falls on both sides alike. */
  floorRounds: number;
}

interface Side {
  p50: number;
  p99: number;
  rps: number;
}

/** bench/results/latest.json, exactly as issue 5 specifies it (times in ms). */
interface Results {
  reports: number;
  cells: number;
  parse: { reportsPerSecond: number };
  ingest: { seconds: number; reportsPerSecond: number; cellsPerSecond: number };
  queries: Record<ScenarioName, { graphql: Side; sql: Side; ratio: number }>;
  ask: { p50: number | null; p99: number | null };
  serverRssMb: number;
  soak?: SoakResult;
}

interface SoakResult {
  requests: number;
  errors: number;
  concurrency: number;
  p50: number;
  p99: number;
  rps: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  heapAfterGcBeforeMb: number;
  heapAfterGcAfterMb: number;
}

const SOAK_REQUESTS = 20_000;
/** The server's pool when nothing sets it (src/db/options.ts); the peer gets as many connections. */
const NIANBAO_SERVER_POOL_SIZE = 10;
const SOAK_CONNECTIONS = 64;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

function parseScenarios(text: string): ScenarioName[] {
  return text.split(',').map((part) => {
    const name = part.trim() as ScenarioName;
    if (!SCENARIOS.includes(name)) throw new InvalidArgumentError(`"${part}" is not one of ${SCENARIOS.join(', ')}`);
    return name;
  });
}

function parsePeer(text: string): PeerName {
  if (!(PEERS as readonly string[]).includes(text)) throw new InvalidArgumentError(`"${text}" is not one of ${PEERS.join(', ')}`);
  return text as PeerName;
}

function options(argv: string[]): Options {
  const program = new Command()
    .name('bench')
    .description('National-scale benchmark: generate → parse → ingest → GraphQL vs SQL → ask → memory (→ soak)')
    .option('--years <list>', 'statistics years, comma separated', parseYears, [2020, 2021])
    .option('--reports <n>', 'reports per year (default 1000; "all" for every township, ~41,000)', (v) => (v === 'all' ? 0 : parsePositive(v)), 1000)
    .option('--seed <text>', 'PRNG seed of the corpus and of the load', 'nianbao')
    .option('--soak', `also send ${SOAK_REQUESTS} mixed GraphQL requests at ${SOAK_CONNECTIONS} concurrency`, false)
    .option('--duration <s>', 'seconds of load per query and side', parsePositive, 6)
    .option('--connections <n>', 'concurrent clients for the query runs', parsePositive, 32)
    .option('--corpus <dir>', 'corpus folder (replaced)', path.join('bench', 'corpus'))
    .option('--reuse-corpus', 'keep the corpus when its manifest matches the options', false)
    .option('--parse-sample <n>', 'at most this many reports in the single-core parse run', parsePositive, 4000)
    .option('--ask-questions <n>', 'questions asked through the AskService', parsePositive, 300)
    .option('--out <file>', 'results file', path.join('bench', 'results', 'latest.json'))
    .option('--profile-server', 'write a V8 CPU profile of the server to $TMPDIR/nianbao-bench-profiles/', false)
    .option('--data <dir>', 'keep the PostgreSQL folder; a later run of the same corpus skips the ingest and reports the one recorded there')
    .option('--peer <name>', `instead of the SQL floor, ask and soak: the same queries against ${PEERS.join(' or ')} on the same database (installs bench/peer on first use)`, parsePeer)
    .option('--floor-rounds <n>', 'rounds of each query against its SQL floor, GraphQL and SQL alternating (each side --duration s per round)', parsePositive, 1)
    .option('--peer-rounds <n>', 'interleaved rounds of the peer comparison (each: every query on both servers for --duration s)', parsePositive, 3)
    .option('--only <list>', `measure only these queries (${SCENARIOS.join(', ')}); the results file is then partial`, parseScenarios);
  program.parse(argv);
  const o = program.opts<Omit<Options, 'reports'> & { reports: number }>();
  return { ...o, reports: o.reports === 0 ? undefined : o.reports };
}

async function main(): Promise<void> {
  const o = options(process.argv);
  const started = Date.now();
  const details: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    options: o,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version },
    loadAverageAtStart: os.loadavg(),
    commit: gitCommit(),
  };
  const manifest = await corpus(o, details);
  const parse = await measureParse(o, manifest, details);
  const dataDir = o.data ? path.resolve(o.data) : mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  await fs.mkdir(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755); // postgres runs as its own OS user and must reach the folder
  let db: Database | null = null;
  let child: ServerChild | null = null;
  let pool: Pool | null = null;
  let sqlDb: Database | null = null;
  const cleanup = async () => {
    await child?.stop().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await sqlDb?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    if (!o.data) await fs.rm(dataDir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    db = await openData({ dataDir, statementTimeoutMs: 0, logger: { info: log, warn: log, error: log } });
    const ingest = (await recordedIngest(db, dataDir, manifest, details)) ?? (await measureIngest(db, o, manifest, details, dataDir));
    const url = (db.dataSource.options as { url: string }).url;
    pool = new Pool({ connectionString: url, max: o.connections, application_name: 'nianbao-bench-sql' });
    pool.on('error', () => undefined); // an idle client dropped while PostgreSQL stops at the end is not a failure
    // The SQL floor: the API's own query functions on a pool of their own, as large as the load's concurrency.
    sqlDb = await openData({ databaseUrl: url, poolSize: o.connections, statementTimeoutMs: 0, applicationName: 'nianbao-bench-sql', logger: { info: () => {}, warn: log, error: log } });
    const targets = await loadTargets(pool);
    child = await ServerChild.start(url, o.profileServer);
    log(`server ready at ${child.url} (pid ${child.pid})`);
    const list = scenarios(targets);
    await warmUp(child.url, list, o.seed);
    await verify(child.url, pool, targets);
    if (o.peer) {
      const result = await comparePeer(o.peer, {
        databaseUrl: url, dataDir, pool, targets, nianbao: child, seed: o.seed, connections: o.connections, duration: o.duration,
        rounds: o.peerRounds, serverPoolSize: NIANBAO_SERVER_POOL_SIZE, log,
      });
      // The floor target of issue 15 in the same run: the lookup against its SQL floor, as many rounds as the peer's.
      const lookup = list.find((s) => s.name === 'lookup')!;
      const floor = await measureScenario(lookup, child, sqlDb.dataSource, { ...o, floorRounds: o.peerRounds }, {});
      result.floor = { lookup: { graphqlRps: floor.graphql.rps, sqlRps: floor.sql.rps, ratio: floor.ratio, roundRatios: floor.roundRatios ?? [floor.ratio] } };
      details.ingestResult = ingest;
      details.loadAverageAtEnd = os.loadavg();
      details.totalSeconds = round((Date.now() - started) / 1000);
      log(`wrote ${await writePeerResults(o.out, result, details)}`);
      process.stdout.write(printPeer(result));
      return;
    }
    details.database = await describeDatabase(pool, sqlDb.dataSource, list, o.seed);
    const queries = {} as Results['queries'];
    details.singleClientGraphQL = await singleClient(list, child.url, o);
    const serverCpuMsPerRequest: Record<string, number> = {};
    // VmHWM after each query's load: which load raised the server's peak memory, if one did.
    const peakRssByQuery: Record<string, number | null> = { beforeLoad: await child.peakRssMb() };
    details.serverPeakRssMbByQuery = peakRssByQuery;
    details.serverCpuMsPerRequest = serverCpuMsPerRequest;
    for (const s of list) {
      if (o.only && !o.only.includes(s.name)) continue;
      queries[s.name] = await measureScenario(s, child, sqlDb.dataSource, o, serverCpuMsPerRequest);
      peakRssByQuery[s.name] = await child.peakRssMb();
    }
    // A failing bot must not throw away the numbers measured so far: the ask figures are then null, with the reason.
    const ask = await measureAsk(child.url, o.askQuestions, o.seed, targets, pool, details).catch((e: unknown) => {
      log(`ask FAILED: ${(e as Error).message}`);
      details.askError = (e as Error).message;
      return { p50: null, p99: null };
    });
    const memory = await child.memory(false);
    details.serverPeakRssMb = await child.peakRssMb();
    const results: Results = {
      reports: ingest.reports,
      cells: ingest.cells,
      parse: { reportsPerSecond: parse },
      ingest: { seconds: ingest.seconds, reportsPerSecond: ingest.reportsPerSecond, cellsPerSecond: ingest.cellsPerSecond },
      queries,
      ask: { p50: ask.p50, p99: ask.p99 },
      serverRssMb: memory.rssMb,
    };
    if (o.soak) results.soak = await soak(child, list, o.seed);
    details.loadAverageAtEnd = os.loadavg();
    details.totalSeconds = round((Date.now() - started) / 1000);
    await writeResults(o.out, results, details);
    printTable(results, details);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanup();
  }
}

/** The commit measured (others change the tree while benchmarks run): HEAD, plus `+changes` when files differ from it. */
function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return null;
  }
}

async function corpus(o: Options, details: Record<string, unknown>): Promise<CorpusManifest> {
  if (o.reuseCorpus) {
    const old = await fs.readFile(path.join(o.corpus, 'manifest.json'), 'utf8').then((t) => JSON.parse(t) as CorpusManifest, () => null);
    const wanted = o.reports ?? Infinity;
    if (old && old.seed === o.seed && old.years.join() === [...o.years].sort().join() && (old.reportsPerYear === wanted || (!o.reports && old.reportsPerYear > 40000))) {
      log(`reusing the corpus in ${o.corpus} (${old.files} reports)`);
      details.generate = { reused: true };
      return old;
    }
  }
  const t = performance.now();
  let last = 0;
  const manifest = await generateCorpus({
    outDir: o.corpus, seed: o.seed, years: o.years, reports: o.reports,
    onProgress: (done, total) => {
      if (Date.now() - last > 5000) {
        last = Date.now();
        log(`generate: ${done}/${total}`);
      }
    },
  });
  const seconds = (performance.now() - t) / 1000;
  details.generate = { seconds: round(seconds), reportsPerSecond: Math.round(manifest.files / seconds), megabytes: round(manifest.bytes / 1e6), layouts: manifest.layouts };
  log(`generated ${manifest.files} reports (${manifest.cells} cells, ${round(manifest.bytes / 1e6)} MB) in ${round(seconds)} s`);
  return manifest;
}

function corpusFolders(o: Options, manifest: CorpusManifest): string[] {
  return manifest.years.map((y) => path.join(o.corpus, String(y)));
}

/** Single core, in this process: decode + parse of files already in memory (the disk is not measured). */
async function measureParse(o: Options, manifest: CorpusManifest, details: Record<string, unknown>): Promise<number> {
  const files: string[] = [];
  for (const dir of corpusFolders(o, manifest)) for (const f of (await fs.readdir(dir)).sort()) files.push(path.join(dir, f));
  const step = Math.max(1, files.length / o.parseSample);
  const picked: string[] = [];
  for (let i = 0; i < files.length && picked.length < o.parseSample; i = Math.floor((picked.length) * step)) picked.push(files[i]);
  const docs = await Promise.all(picked.map(async (f) => ({ fileName: path.basename(f), content: await fs.readFile(f) })));
  for (const d of docs.slice(0, 50)) await parseReport(d); // warm the JIT
  let cells = 0;
  let warnings = 0;
  let failed = 0;
  const t = performance.now();
  for (const d of docs) {
    try {
      const parsed = await parseReport(d);
      cells += parsed.cells.length;
      warnings += parsed.warnings.length;
    } catch {
      failed++;
    }
  }
  const seconds = (performance.now() - t) / 1000;
  const rate = Math.round(docs.length / seconds);
  details.parse = { reports: docs.length, seconds: round(seconds, 2), cells, warnings, failed };
  log(`parsed ${docs.length} reports on one core in ${round(seconds, 2)} s: ${rate} reports/s (${cells} cells, ${warnings} warnings, ${failed} failed)`);
  if (failed > 0) throw new Error(`${failed} generated reports failed to parse: the corpus and the parser disagree`);
  return rate;
}

interface IngestResult {
  reports: number;
  cells: number;
  seconds: number;
  reportsPerSecond: number;
  cellsPerSecond: number;
}

async function measureIngest(
  db: Database, o: Options, manifest: CorpusManifest, details: Record<string, unknown>, dataDir: string,
): Promise<IngestResult> {
  const [{ stored }] = await db.dataSource.query(`SELECT count(*)::int AS stored FROM reports`);
  if (stored > 0) {
    throw new Error(`${dataDir} holds ${stored} reports but no record of a finished ingest of this corpus (another corpus, or an interrupted run): remove it or choose another --data folder`);
  }
  let last = Date.now();
  const cpu = startCpuSplit(dataDir);
  const t = performance.now();
  const summary = await ingestPaths(corpusFolders(o, manifest), {
    dataSource: db.dataSource,
    onProgress: (p) => {
      if (Date.now() - last > 5000) {
        last = Date.now();
        log(`ingest: ${p.done}/${p.total} (${Math.round(p.done / ((performance.now() - t) / 1000))} reports/s)`);
      }
    },
  });
  const seconds = (performance.now() - t) / 1000;
  const cpuSeconds = await cpu();
  if (summary.failed.length) {
    throw new Error(`${summary.failed.length} reports failed to ingest, e.g. ${summary.failed[0].file}: ${summary.failed[0].reason}`);
  }
  const { reports, cells } = await storedCounts(db);
  if (reports !== manifest.files || cells !== manifest.cells) {
    throw new Error(`the database holds ${reports} reports / ${cells} cells, the corpus ${manifest.files} / ${manifest.cells}`);
  }
  const size = await db.dataSource.query(`SELECT pg_database_size(current_database()) AS bytes`);
  details.ingest = {
    databaseMb: round(Number(size[0].bytes) / 1048576), cpuSeconds, summary: { ...summary, failed: summary.failed.length },
  };
  const result = {
    reports, cells, seconds: round(seconds, 2),
    reportsPerSecond: Math.round(reports / seconds), cellsPerSecond: Math.round(cells / seconds),
  };
  log(`ingested ${reports} reports (${cells} cells) in ${result.seconds} s: ${result.reportsPerSecond} reports/s, ${result.cellsPerSecond} cells/s; CPU: ${JSON.stringify(cpuSeconds)}`);
  (details.ingest as Record<string, unknown>).vacuumSeconds = await steadyState(db);
  if (o.data) await fs.writeFile(ingestRecordFile(dataDir), `${JSON.stringify({ corpus: corpusIdentity(manifest), result, details: details.ingest }, null, 2)}\n`);
  return result;
}

/**
 * Autovacuum would, in the background and at its own pace, set the visibility map (index-only scans) of the freshly
 * written tables; the queries are measured in that steady state, so the run does it now and times it apart.
 */
async function steadyState(db: Database): Promise<number> {
  const t = performance.now();
  for (const table of ['cells', 'checks', 'sections', 'reports', 'report_sources', 'agencies', 'regions']) {
    await db.dataSource.query(`VACUUM (ANALYZE) ${table}`);
  }
  const seconds = round((performance.now() - t) / 1000, 1);
  log(`VACUUM (ANALYZE) of the written tables: ${seconds} s (not counted in the ingest)`);
  return seconds;
}

async function storedCounts(db: Database): Promise<{ reports: number; cells: number }> {
  const [counts] = await db.dataSource.query(
    `SELECT (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM cells)::int AS cells`,
  );
  return counts;
}

const ingestRecordFile = (dataDir: string) => path.join(dataDir, 'bench-ingest.json');
const corpusIdentity = (m: CorpusManifest) => ({ seed: m.seed, years: m.years, reportsPerYear: m.reportsPerYear, files: m.files, cells: m.cells });

/**
 * With --data, a folder that already holds this corpus (as recorded by the run that ingested it, and as counted now)
 * is not ingested again: the ingest numbers are the recorded ones, marked as such.
 */
async function recordedIngest(db: Database, dataDir: string, manifest: CorpusManifest, details: Record<string, unknown>): Promise<IngestResult | null> {
  const text = await fs.readFile(ingestRecordFile(dataDir), 'utf8').catch(() => null);
  if (!text) return null;
  const record = JSON.parse(text) as { corpus: unknown; result: IngestResult; details: Record<string, unknown> };
  const counts = await storedCounts(db);
  if (JSON.stringify(record.corpus) !== JSON.stringify(corpusIdentity(manifest)) || counts.reports !== manifest.files || counts.cells !== manifest.cells) {
    throw new Error(`${dataDir} holds another corpus (${counts.reports} reports): remove it or choose another --data folder`);
  }
  details.ingest = { ...record.details, reusedFrom: ingestRecordFile(dataDir) };
  log(`ingest skipped: ${dataDir} already holds this corpus; its ingest took ${record.result.seconds} s (${record.result.reportsPerSecond} reports/s)`);
  return record.result;
}

/**
 * CPU seconds spent during the ingest by this process (main thread + parser workers) and by the embedded PostgreSQL
 * (postmaster and its children, read from /proc): which side of the ingest is the bottleneck.
 */
function startCpuSplit(dataDir: string): () => Promise<{ node: number; postgres: number | null }> {
  const node0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds(dataDir);
  return async () => {
    const node = process.cpuUsage(node0);
    const [before, after] = await Promise.all([pg0, postgresCpuSeconds(dataDir)]);
    return {
      node: round((node.user + node.system) / 1e6),
      postgres: before !== null && after !== null ? round(after - before) : null,
    };
  };
}

async function postGraphQL(url: string, body: GraphQLRequest): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (res.status !== 200 || json.errors) throw new Error(`${body.operationName} failed (HTTP ${res.status}): ${JSON.stringify(json.errors ?? json).slice(0, 400)}`);
  return json;
}

/** Not measured: lets the JIT, the schema caches and PostgreSQL's buffers settle before any number is taken. */
async function warmUp(url: string, list: Scenario[], seed: string): Promise<void> {
  const rng = createRng(`${seed}:warmup`);
  for (let round = 0; round < 30; round++) await Promise.all(list.map((s) => postGraphQL(url, s.graphql(rng))));
}

/** The GraphQL answers must be the SQL answers: a fast wrong API would be worth nothing. */
async function verify(url: string, pool: Pool, t: Targets): Promise<void> {
  const rng = createRng('verify');
  for (let i = 0; i < 10; i++) {
    const r = rng.pick(t.reports);
    const g = await postGraphQL(url, {
      operationName: 'V', query: `query V($id: ID!) { report(id: $id) { cells { key value } sections { kind } checks { passed } } }`, variables: { id: r.id },
    });
    const report = g.data?.report as { cells: { key: string; value: number | null }[]; sections: unknown[]; checks: unknown[] };
    const sql = await pool.query(`SELECT key, value::float8 AS value FROM cells WHERE report_id = $1 ORDER BY key`, [r.id]);
    const got = report.cells.map((c) => `${c.key}=${c.value}`).sort().join();
    const want = sql.rows.map((c: { key: string; value: number | null }) => `${c.key}=${c.value}`).sort().join();
    if (got !== want) throw new Error(`report ${r.id}: GraphQL and SQL disagree on its cells`);
    const year = rng.pick(t.years);
    const agg = await postGraphQL(url, {
      operationName: 'A', query: `query A($y: Int!) { aggregate(key: "requests.new.total", year: $y, groupBy: PROVINCE) { group count sum } }`, variables: { y: year },
    });
    const rows = agg.data?.aggregate as { group: string; count: number; sum: number }[];
    const sqlAgg = await pool.query(
      `SELECT left(region_code, 2) AS g, count(value)::int AS c, sum(value)::float8 AS s FROM cells WHERE key = 'requests.new.total' AND year = $1 GROUP BY 1 ORDER BY 1`,
      [year],
    );
    if (rows.map((x) => `${x.group}:${x.count}:${x.sum}`).join() !== sqlAgg.rows.map((x: { g: string; c: number; s: number }) => `${x.g}:${x.c}:${x.s}`).join()) {
      throw new Error(`aggregate ${year}: GraphQL and SQL disagree`);
    }
  }
  log('verified: GraphQL returns what SQL returns (report cells, province aggregates)');
}

/** Latency without queueing: one client at a time, so the numbers show the work of one request, not the queue. */
async function singleClient(list: Scenario[], url: string, o: Options): Promise<Record<string, { p50: number; p99: number }>> {
  const out: Record<string, { p50: number; p99: number }> = {};
  for (const s of list) {
    if (o.only && !o.only.includes(s.name)) continue;
    const rng = createRng(`${o.seed}:single:${s.name}`);
    const stats = await httpLoad({ url, connections: 1, duration: 2, next: () => s.graphql(rng) });
    if (stats.errors) throw new Error(`${s.name}: ${stats.errors} GraphQL requests failed`);
    out[s.name] = { p50: stats.p50, p99: stats.p99 };
  }
  log(`one client at a time, GraphQL p50/p99 (ms): ${Object.entries(out).map(([k, v]) => `${k} ${v.p50}/${v.p99}`).join(', ')}`);
  return out;
}

/** Plans of the SQL side and the state of the tables (were they analysed? vacuumed?), to explain the numbers. */
async function describeDatabase(pool: Pool, sqlDs: DataSource, list: Scenario[], seed: string): Promise<Record<string, unknown>> {
  const plans: Record<string, string[]> = {};
  // The query functions' statements, each run once under EXPLAIN: their pool answers with plans for a moment.
  const sqlPool = poolOf(sqlDs);
  const query = sqlPool.query.bind(sqlPool);
  try {
    for (const s of list) {
      const texts: string[] = [];
      (sqlPool as { query: unknown }).query = async (q: { text: string; values?: unknown[] }) => {
        const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
        texts.push(r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
        return { rows: [{}] };
      };
      await s.sql(createRng(`${seed}:explain`), sqlDs).catch(() => undefined);
      plans[s.name] = texts;
    }
  } finally {
    (sqlPool as { query: unknown }).query = query;
  }
  const tables = await pool.query(
    `SELECT relname, n_live_tup::int AS rows, last_autovacuum, last_autoanalyze, pg_total_relation_size(relid) / 1048576 AS mb
     FROM pg_stat_user_tables ORDER BY relname`,
  );
  const settings = await pool.query(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'synchronous_commit', 'max_connections', 'effective_cache_size')`,
  );
  return { tables: tables.rows, settings: settings.rows, plans };
}

async function measureScenario(s: Scenario, child: ServerChild, ds: DataSource, o: Options, cpu: Record<string, number>) {
  const gRng = streamFor(o.seed, s.name);
  const sRng = streamFor(o.seed, s.name);
  const rounds: { graphql: LoadStats; sql: LoadStats }[] = [];
  let cpuMs = 0;
  for (let n = 1; n <= o.floorRounds; n++) {
    const of = o.floorRounds > 1 ? ` (round ${n}/${o.floorRounds})` : '';
    log(`${s.title}: GraphQL over HTTP, ${o.connections} clients, ${o.duration} s${of}`);
    const cpuBefore = await child.cpuMs();
    const graphql = await httpLoad({ url: child.url, connections: o.connections, duration: o.duration, next: () => s.graphql(gRng) });
    const cpuAfter = await child.cpuMs();
    cpuMs += cpuAfter.ms - cpuBefore.ms;
    log(`${s.title}: the server used ${round2((cpuAfter.ms - cpuBefore.ms) / graphql.requests)} ms of CPU per request (${round2((cpuAfter.systemMs - cpuBefore.systemMs) / graphql.requests)} ms of it in the kernel)`);
    log(`${s.title}: SQL through pg, ${o.connections} clients, ${o.duration} s${of}`);
    const sql = await sqlLoad(o.connections, o.duration, () => s.sql(sRng, ds));
    const errors = graphql.errors + sql.errors;
    if (errors > 0) throw new Error(`${s.name}: ${graphql.errors} GraphQL and ${sql.errors} SQL requests failed`);
    rounds.push({ graphql, sql });
    if (o.floorRounds > 1) log(`${s.title}: round ${n}: GraphQL ${graphql.rps} rps, SQL ${sql.rps} rps (${round(graphql.rps / sql.rps, 3)})`);
  }
  const graphql = combined(rounds.map((r) => r.graphql));
  const sql = combined(rounds.map((r) => r.sql));
  cpu[s.name] = round2(cpuMs / graphql.requests);
  const roundRatios = o.floorRounds > 1 ? { roundRatios: rounds.map((r) => round(r.graphql.rps / r.sql.rps, 3)) } : {};
  return { graphql: side(graphql), sql: side(sql), ratio: round(graphql.rps / sql.rps, 3), ...roundRatios };
}

const round2 = (x: number) => round(x, 2);

/** Rounds of one side as one: requests over the whole time; p50 the rounds' median, p99 their worst. */
function combined(rounds: LoadStats[]): LoadStats {
  if (rounds.length === 1) return rounds[0];
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((t, r) => t + (r.rps > 0 ? r.requests / r.rps : 0), 0);
  const p50s = rounds.map((r) => r.p50).sort((a, b) => a - b);
  return {
    p50: p50s[Math.floor(p50s.length / 2)], p99: Math.max(...rounds.map((r) => r.p99)),
    rps: seconds > 0 ? round(requests / seconds, 2) : 0, requests, errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

function side(s: LoadStats): Side {
  return { p50: s.p50, p99: s.p99, rps: s.rps };
}

async function soak(child: ServerChild, list: Scenario[], seed: string): Promise<SoakResult> {
  const before = await child.memory(true);
  log(`soak: ${SOAK_REQUESTS} mixed requests at ${SOAK_CONNECTIONS} concurrency (server rss ${before.rssMb} MB, heap after GC ${before.heapUsedMb} MB)`);
  const rng = createRng(`${seed}:soak`);
  const stats = await httpLoad({
    url: child.url, connections: SOAK_CONNECTIONS, duration: 0, amount: SOAK_REQUESTS,
    next: () => rng.pick(list).graphql(rng),
  });
  const rssAfter = (await child.memory(false)).rssMb;
  const after = await child.memory(true);
  const result = {
    requests: stats.requests, errors: stats.errors, concurrency: SOAK_CONNECTIONS, p50: stats.p50, p99: stats.p99, rps: stats.rps,
    rssBeforeMb: before.rssMb, rssAfterMb: rssAfter, heapAfterGcBeforeMb: before.heapUsedMb, heapAfterGcAfterMb: after.heapUsedMb,
  };
  log(`soak: ${result.requests} requests, ${result.errors} errors, rss ${result.rssBeforeMb} → ${result.rssAfterMb} MB, heap after GC ${result.heapAfterGcBeforeMb} → ${result.heapAfterGcAfterMb} MB`);
  return result;
}

async function writeResults(file: string, results: Results, details: Record<string, unknown>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  // The full record of the run (options, machine, load average, corpus, database size) next to it.
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await fs.writeFile(path.join(path.dirname(file), `run-${stamp}.json`), `${JSON.stringify({ results, details }, null, 2)}\n`);
  log(`wrote ${file}`);
}

function printTable(r: Results, details: Record<string, unknown>): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const lines = [
    '',
    `reports ${r.reports}, cells ${r.cells}`,
    `parse   ${r.parse.reportsPerSecond} reports/s (one core)`,
    `ingest  ${r.ingest.seconds} s, ${r.ingest.reportsPerSecond} reports/s, ${r.ingest.cellsPerSecond} cells/s; then VACUUM (ANALYZE) ${String((details.ingest as { vacuumSeconds?: number }).vacuumSeconds)} s`,
    '',
    `${'query'.padEnd(10)}${pad('GraphQL p50', 12)}${pad('p99', 9)}${pad('rps', 9)} |${pad('SQL p50', 9)}${pad('p99', 9)}${pad('rps', 9)} |${pad('ratio', 7)}`,
    ...SCENARIOS.filter((name) => r.queries[name]).map((name) => {
      const q = r.queries[name];
      return `${name.padEnd(10)}${pad(q.graphql.p50, 12)}${pad(q.graphql.p99, 9)}${pad(q.graphql.rps, 9)} |${pad(q.sql.p50, 9)}${pad(q.sql.p99, 9)}${pad(q.sql.rps, 9)} |${pad(q.ratio, 7)}`;
    }),
    '',
    `server CPU per GraphQL request (ms): ${Object.entries(details.serverCpuMsPerRequest as Record<string, number>).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `ask     p50 ${r.ask.p50} ms, p99 ${r.ask.p99} ms`,
    `server  rss ${r.serverRssMb} MB (peak ${String(details.serverPeakRssMb)} MB)`,
    ...(r.soak ? [`soak    ${r.soak.requests} requests, ${r.soak.errors} errors, p99 ${r.soak.p99} ms, rss ${r.soak.rssBeforeMb} → ${r.soak.rssAfterMb} MB`] : []),
    `(times in ms; load average ${(details.loadAverageAtStart as number[]).map((x) => x.toFixed(2)).join(' ')} at start)`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
