import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'graphql';
import { EXAMPLE_TABS } from '../../src/server/graphiql/examples';
import { pickEncoding } from '../../src/server/graphiql/page';
import { startHarness, type Harness } from '../graphql/harness';

function fetchRaw(url: string, headers: Record<string, string>): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('GraphiQL page delivery (issue 16)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('is sent brotli- or gzip-compressed when accepted, the same page as uncompressed, with an ETag', async () => {
    const plain = await fetchRaw(`${h.http.url}/`, {});
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    const br = await fetchRaw(`${h.http.url}/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.res.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await fetchRaw(`${h.http.url}/`, { 'accept-encoding': 'gzip' });
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(plain.res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(plain.res.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('answers a revalidation with the current ETag as 304 Not Modified, without a body', async () => {
    const first = await fetchRaw(`${h.http.url}/`, {});
    const again = await fetchRaw(`${h.http.url}/`, { 'if-none-match': String(first.res.headers.etag) });
    expect(again.res.statusCode).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('runs every example tab without an error, the first one finding 白土镇 first', async () => {
    for (const tab of EXAMPLE_TABS) {
      const res = await h.post(tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      expect(res.body.errors).toBeUndefined();
    }
    const first = await h.post(EXAMPLE_TABS[0].query);
    expect(first.body.data.cells.edges[0].node).toMatchObject({ value: 115838, report: { agency: { name: '白土镇' } } });
  });

  it('switches off Monaco\'s ambiguous-character boxes (full-width （ and ： in every Chinese result)', async () => {
    const { body } = await fetchRaw(`${h.http.url}/`, {});
    const html = body.toString('utf8');
    expect(html).toContain('ambiguousCharacters:!1,');
    expect(html).not.toContain('invisibleCharacters:!0,ambiguousCharacters:!0,');
  });
});

describe('encoding choice', () => {
  it('follows the client\'s q-values', () => {
    expect(pickEncoding('gzip, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
    expect(pickEncoding('*')).toBe('br');
  });
});

describe('example tabs', () => {
  it('are ASCII-named operations that parse, each printed in the README as it is', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const tab of EXAMPLE_TABS) {
      const doc = parse(tab.query);
      for (const def of doc.definitions) {
        expect(def.kind).toBe('OperationDefinition');
        if (def.kind === 'OperationDefinition') expect(def.name?.value).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      }
      expect(readme).toContain(tab.query.trim());
    }
  });
});
