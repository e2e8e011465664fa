import { startHarness, type Harness } from '../graphql/harness';
import { takeDown } from './support';

const health = async (h: Harness) => {
  const res = await fetch(`${h.http.url}/health`);
  return { status: res.status, body: await res.json() };
};

describe('/health tells a saturated pool from a database down (issue 13 item 13)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, healthTimeoutMs: 1000 }, { poolSize: 3 });
  });
  afterAll(async () => {
    if (h) await takeDown(h.db.url, false);
    await h?.close();
  });

  it('says up while every pooled connection is busy with slow queries', async () => {
    const sleeps = Array.from({ length: 5 }, () => h.db.dataSource.query('SELECT pg_sleep(2)'));
    await new Promise((r) => setTimeout(r, 300)); // the three connections are taken, two callers queue
    const busy = await health(h);
    expect(busy).toEqual({ status: 200, body: { ok: true, database: 'up', status: 'degraded', reason: 'saturated' } });
    await Promise.all(sleeps);
    expect(await health(h)).toEqual({ status: 200, body: { ok: true, database: 'up', reports: 0 } });
  });

  it('says down when the database refuses connections', async () => {
    await takeDown(h.db.url, true);
    expect(await health(h)).toEqual({ status: 503, body: { ok: false, database: 'down', error: 'the database is not reachable' } });
    await takeDown(h.db.url, false);
    expect((await health(h)).status).toBe(200);
  });
});
