import 'reflect-metadata';
import { ENTITIES, Report } from '../../../src/entities';
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

  it('leaves out omitted properties', async () => {
    const reader = readerOf(db.dataSource, Report, ['contact', 'warnings']);
    const rows = await executorOf(db.dataSource).rows(sql`SELECT ${sql.raw(reader.columns('r'))} FROM reports r LIMIT 1`);
    expect(Object.keys(reader.hydrate(rows[0]))).not.toEqual(expect.arrayContaining(['contact']));
    expect(rows[0]).toHaveProperty('year');
  });
});
