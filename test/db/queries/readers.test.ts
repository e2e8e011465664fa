import 'reflect-metadata';
import { ENTITIES, Report, ReportSource } from '../../../src/entities';
import { executorOf, readerOf, sql } from '../../../src/db/queries';
import { ingestSamplesIfEmpty } from '../../../src/ingest/samples';
import { freshDatabase, type FreshDatabase } from '../../support/db';

let db: FreshDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await ingestSamplesIfEmpty(db.dataSource, { info: () => undefined, warn: (m) => { throw new Error(m); }, error: (m) => { throw new Error(m); } });
});
afterAll(() => db.drop());

/** The API reads hot paths with plain SQL: each entity must come back exactly as TypeORM hydrates it. */
describe('readerOf', () => {
  it.each(ENTITIES.map((e) => [e.name, e] as const))('reads %s rows as TypeORM does', async (_name, entity) => {
    const metadata = db.dataSource.getMetadata(entity);
    const order = metadata.primaryColumns.map((c) => `t."${c.databaseName}"`).join(', ');
    const viaTypeorm = await db.dataSource.getRepository(entity).find({ order: Object.fromEntries(metadata.primaryColumns.map((c) => [c.propertyName, 'ASC'])) });
    expect(viaTypeorm.length).toBeGreaterThan(0);
    const reader = readerOf(db.dataSource, entity);
    const rows = await executorOf(db.dataSource).rows(sql.raw(`SELECT ${reader.columns('t')} FROM ${metadata.tablePath} t ORDER BY ${order}`));
    // Plain objects on one side, entity instances on the other: compare the data.
    expect(rows.map(reader.hydrate)).toEqual(viaTypeorm.map((e) => ({ ...e })));
  });

  // Every entity but ReportSource, whose bytea content JSON cannot carry (the bundle never reads sources).
  it.each(ENTITIES.filter((e) => e !== ReportSource).map((e) => [e.name, e] as const))('reads %s rows built as JSON arrays (jsonArray) as TypeORM does, whole or projected', async (_name, entity) => {
    const metadata = db.dataSource.getMetadata(entity);
    const order = metadata.primaryColumns.map((c) => `t."${c.databaseName}"`).join(', ');
    const viaTypeorm = await db.dataSource.getRepository(entity).find({ order: Object.fromEntries(metadata.primaryColumns.map((c) => [c.propertyName, 'ASC'])) });
    const reader = readerOf(db.dataSource, entity);
    const read = async (only?: string[]) => {
      const rows = await executorOf(db.dataSource).rows(sql.raw(`SELECT coalesce(json_agg(${reader.jsonArray('t', only)} ORDER BY ${order}), '[]') AS list FROM ${metadata.tablePath} t`));
      return (rows[0].list as unknown[][]).map(reader.fromJsonArray(only));
    };
    expect(await read()).toEqual(viaTypeorm.map((e) => ({ ...e })));
    // a projection: the first and the last property only (a transformed numeric or a timestamp among them, for some)
    const props = metadata.columns.map((c) => c.propertyName);
    const only = [props[0], props[props.length - 1]].sort();
    expect(await read(only)).toEqual(viaTypeorm.map((e) => Object.fromEntries(only.map((p) => [p, (e as unknown as Record<string, unknown>)[p]]))));
  });

  it('leaves out omitted properties', async () => {
    const reader = readerOf(db.dataSource, Report, ['contact', 'warnings']);
    const rows = await executorOf(db.dataSource).rows(sql`SELECT ${sql.raw(reader.columns('r'))} FROM reports r LIMIT 1`);
    expect(Object.keys(reader.hydrate(rows[0]))).not.toEqual(expect.arrayContaining(['contact']));
    expect(rows[0]).toHaveProperty('year');
  });
});
