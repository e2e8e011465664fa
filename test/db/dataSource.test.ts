import { openDatabase, redact } from '../../src/db/dataSource';
import { freshDatabase, type FreshDatabase } from '../support/db';

describe('openDatabase with DATABASE_URL', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it('uses the given server, runs pending migrations (none left) and cuts slow statements with the timeout', async () => {
    const opened = await openDatabase({ databaseUrl: db.url, statementTimeoutMs: 300 });
    try {
      expect(opened.server).toBe('external');
      expect(opened.where).not.toMatch(new RegExp(new URL(db.url).password));
      expect(await opened.dataSource.showMigrations()).toBe(false);
      await expect(opened.dataSource.query('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
      const [{ ok }] = await opened.dataSource.query('SELECT 1 AS ok');
      expect(ok).toBe(1);
    } finally {
      await opened.close();
    }
  });

  it('takes DATABASE_URL from the environment and refuses an unreachable server with a clear message', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://someone:hunter2@127.0.0.1:1/nowhere';
    try {
      const error = await openDatabase().catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^cannot open the database at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere: /);
      expect((error as Error).message).not.toContain('hunter2');
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  it('redact hides the password of a URL', () => {
    expect(redact('postgres://u:p%40ss@host:5432/db')).toBe('postgres://u:***@host:5432/db');
    expect(redact('not a url')).toBe('(invalid database URL)');
  });
});
