import { Client } from 'pg';

describe('embedded PostgreSQL for tests', () => {
  it('is a real server with UTF-8 and pg_trgm', async () => {
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query("select current_setting('server_encoding') as enc, version() as v");
      expect(rows[0].enc).toBe('UTF8');
      expect(rows[0].v).toMatch(/PostgreSQL 18/);
      await client.query('create extension if not exists pg_trgm');
      const tri = await client.query("select show_trgm('白土镇政府') as t");
      expect(tri.rows[0].t.length).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
