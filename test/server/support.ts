import { Client } from 'pg';

/** SQL on the test server as its superuser (the database a test owns is named in `url`). */
export async function admin(sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

/** Connections to the test's database refused (as when PostgreSQL is down) and those open cut; or allowed again. */
export async function takeDown(url: string, down: boolean): Promise<void> {
  const name = databaseName(url);
  await admin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${down ? 'false' : 'true'}`);
  if (down) await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
}

/** Runs SQL inside the test's own database (triggers that simulate a full disk, a slow insert). */
export async function inDatabase(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A trigger that fails every insert into reports as PostgreSQL does when the disk is full (SQLSTATE 53100). */
export const DISK_FULL_TRIGGER = `
  CREATE FUNCTION nianbao_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION USING ERRCODE = '53100', MESSAGE = 'could not extend file "base/16384/16554": No space left on device';
  END $$;
  CREATE TRIGGER nianbao_test_disk_full BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION nianbao_test_disk_full();`;
