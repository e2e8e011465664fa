import 'reflect-metadata';
import { ENTITIES, Report } from '../../src/entities';
import { poolOf, readerOf, Where } from '../../src/db/reader';
import { ingestSamplesIfEmpty } from '../../src/ingest/samples';
import { freshDatabase, type FreshDatabase } from '../support/db';

let db: FreshDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await ingestSamplesIfEmpty(db.dataSource, { info: () => undefined, warn: (m) => { throw new Error(m); } });
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
    const { rows } = await poolOf(db.dataSource).query(`SELECT ${reader.columns('t')} FROM ${metadata.tablePath} t ORDER BY ${order}`);
    // Plain objects on one side, entity instances on the other: compare the data.
    expect(rows.map(reader.hydrate)).toEqual(viaTypeorm.map((e) => ({ ...e })));
  });

  it('leaves out omitted properties', async () => {
    const reader = readerOf(db.dataSource, Report, ['contact', 'warnings']);
    const { rows } = await poolOf(db.dataSource).query(`SELECT ${reader.columns('r')} FROM reports r LIMIT 1`);
    expect(Object.keys(reader.hydrate(rows[0]))).not.toEqual(expect.arrayContaining(['contact']));
    expect(rows[0]).toHaveProperty('year');
  });
});

describe('Where', () => {
  it('numbers the placeholders of each condition in turn, and of clones independently', () => {
    const where = new Where().add('a = ?', 1).add('(b = ? OR c = ?)', 2, 3);
    const window = where.clone().add('d > ?', 4);
    expect(String(where)).toBe('WHERE a = $1 AND (b = $2 OR c = $3)');
    expect(where.values).toEqual([1, 2, 3]);
    expect(`${window} LIMIT ${window.param(10)}`).toBe('WHERE a = $1 AND (b = $2 OR c = $3) AND d > $4 LIMIT $5');
    expect(window.values).toEqual([1, 2, 3, 4, 10]);
    expect(String(new Where())).toBe('');
  });
});
