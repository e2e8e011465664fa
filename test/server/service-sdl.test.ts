import { get } from 'node:http';
import { startHarness, type Harness } from '../graphql/harness';

const GATEWAY = 'nb-gateway-5e21b7';
const SDL = `{ _service { sdl } }`;

describe('_service { sdl } with introspection off (production) is for the gateway only (issue 13 item 5)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ samples: false, introspection: false, gatewayToken: GATEWAY });
  });
  afterAll(() => h?.close());

  it('refuses anyone without the gateway credential with 403 FORBIDDEN, also through a fragment or an alias', async () => {
    for (const [query, headers] of [
      [SDL, {}],
      [SDL, { authorization: 'Bearer wrong' }],
      [`{ ...F } fragment F on Query { s: _service { sdl } }`, {}],
    ] as [string, Record<string, string>][]) {
      const res = await h.post(query, undefined, headers);
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(res.body.errors?.[0].message).toContain('NIANBAO_GATEWAY_TOKEN');
      expect(res.text).not.toContain('type Report');
    }
  });

  it('serves the SDL to the gateway credential, and other queries to everyone', async () => {
    const res = await h.post(SDL, undefined, { authorization: `Bearer ${GATEWAY}` });
    expect(res.status).toBe(200);
    expect(res.body.data._service.sdl).toContain('type Report');
    const other = await h.post(`{ reports { totalCount } }`);
    expect(other.body.data.reports.totalCount).toBe(0);
  });

  it('still serves GraphiQL compressed', async () => {
    const encoding = await new Promise<string | undefined>((resolve, reject) => {
      get(`${h.http.url}/`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        res.resume();
        resolve(res.headers['content-encoding']);
      }).on('error', reject);
    });
    expect(encoding).toBe('br');
  });
});

describe('_service without a gateway token configured', () => {
  it('is refused with introspection off and served with it on', async () => {
    const off = await startHarness({ samples: false, introspection: false, gatewayToken: '' });
    try {
      const res = await off.post(SDL, undefined, { authorization: 'Bearer ' });
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0].message).toContain('NIANBAO_GATEWAY_TOKEN is not set');
    } finally {
      await off.close();
    }
    const on = await startHarness({ samples: false, introspection: true, gatewayToken: '' });
    try {
      const res = await on.post(SDL);
      expect(res.status).toBe(200);
      expect(res.body.data._service.sdl).toContain('type Report');
    } finally {
      await on.close();
    }
  });
});
