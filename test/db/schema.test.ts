import { freshDatabase, type FreshDatabase } from '../support/db';

describe('schema: migrations and entities', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it('migrations create exactly what the entities describe (schema builder has no pending query)', async () => {
    const log = await db.dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('creates the hand-written indexes and the extensions', async () => {
    const rows: { indexname: string; indexdef: string }[] = await db.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('idx_agencies_name_trgm', 'idx_sections_search', 'idx_cells_key_region') ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(['idx_agencies_name_trgm', 'idx_cells_key_region', 'idx_sections_search']);
    expect(rows[0].indexdef).toMatch(/gin.*gin_trgm_ops/);
    expect(rows[1].indexdef).toMatch(/varchar_pattern_ops\).*INCLUDE \(value, id\)/);
    expect(rows[2].indexdef).toMatch(/to_tsvector\('simple'/);
    const ext: { extname: string }[] = await db.dataSource.query(`SELECT extname FROM pg_extension ORDER BY extname`);
    expect(ext.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'pgcrypto']));
  });

  it('running migrations again is a no-op', async () => {
    expect(await db.dataSource.showMigrations()).toBe(false);
    expect(await db.dataSource.runMigrations()).toEqual([]);
  });

  it('the down migrations remove every table', async () => {
    const other = await freshDatabase();
    try {
      // Every migration, newest first.
      while ((await other.dataSource.query(`SELECT count(*)::int AS n FROM migrations`))[0].n > 0) {
        await other.dataSource.undoLastMigration();
      }
      const tables: { tablename: string }[] = await other.dataSource.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await other.drop();
    }
  });
});

describe('migration AgencyKind', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it('classifies agencies stored before it by the end of their full name', async () => {
    await db.dataSource.undoLastMigration(); // AgencyVocabularyRules
    await db.dataSource.undoLastMigration(); // AgencyVocabulary
    await db.dataSource.undoLastMigration(); // BotSessions
    await db.dataSource.undoLastMigration(); // SourceOrigin
    await db.dataSource.undoLastMigration(); // AgencyKind
    const cols: { column_name: string }[] = await db.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'agencies' AND column_name = 'kind'`);
    expect(cols).toEqual([]);
    const names = ['丰城市白土镇人民政府', '沭阳县发展和改革局', '平潭综合实验区管理委员会', '丰城市剑光街道办事处', '上海市人民政府办公厅'];
    for (const [i, fullName] of names.entries()) {
      await db.dataSource.query(`INSERT INTO agencies (identity, name, full_name) VALUES ($1, $2, $2)`, [`?:${i}`, fullName]);
    }
    expect(await db.dataSource.runMigrations()).toHaveLength(5);
    const rows: { full_name: string; kind: string }[] = await db.dataSource.query(`SELECT full_name, kind FROM agencies ORDER BY identity`);
    expect(rows.map((r) => r.kind)).toEqual(['government', 'department', 'zone', 'street_office', 'department']);
  });
});
