import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { startHarness, type Harness } from '../graphql/harness';
import { launchChromium } from './chromium';

/**
 * A page of another origin (another port of 127.0.0.1) calls /graphql with fetch on load and writes what it got
 * into the page: the browser's own CORS checks decide, not a request the test makes itself.
 */
function pageCalling(graphqlUrl: string, operation: string): string {
  const body = JSON.stringify({ query: `query ${operation} { agencies(search: "白土") { edges { node { name } } } }` });
  return `<!doctype html><meta charset="utf-8"><title>${operation}</title><pre id="out">pending</pre>
<script>
  fetch(${JSON.stringify(graphqlUrl)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} })
    .then((r) => r.json())
    .then((j) => { document.getElementById('out').textContent = 'ok ' + j.data.agencies.edges.map((e) => e.node.name).join(','); })
    .catch((e) => { document.getElementById('out').textContent = 'refused ' + e.name + ': ' + e.message; });
</script>`;
}

/** A second (and third) local origin serving one page. */
async function pageServer(html: () => string): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('CORS in Debian chromium: a page on another origin calls /graphql (issue 16)', () => {
  let h: Harness;
  let browser: Browser;
  let graphqlUrl = '';
  const pages: Server[] = [];
  let allowed: string;
  let other: string;
  beforeAll(async () => {
    const a = await pageServer(() => pageCalling(graphqlUrl, 'CorsAllowedPage'));
    const b = await pageServer(() => pageCalling(graphqlUrl, 'CorsRefusedPage'));
    pages.push(a.server, b.server);
    [allowed, other] = [a.origin, b.origin];
    h = await startHarness({ corsOrigins: [allowed], rateLimit: 0 });
    graphqlUrl = `${h.http.url}/graphql`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of pages) await new Promise((r) => s.close(r));
    await h?.close();
  });

  async function open(origin: string): Promise<{ out: string; console: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const out = page.locator('#out');
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'pending', undefined, { timeout: 30_000 });
    const text = await out.innerText();
    await context.close();
    return { out: text, console };
  }

  it('succeeds from an origin in NIANBAO_CORS_ORIGINS (JSON POST, so after a preflight)', async () => {
    expect(new URL(allowed).port).not.toBe(new URL(h.http.url).port);
    const { out } = await open(allowed);
    expect(out).toBe('ok 白土镇');
    expect(h.logger.lines.some((l) => l.includes('graphql CorsAllowedPage 200'))).toBe(true);
  });

  it('is refused by the browser from an origin not in the list, and the query never runs', async () => {
    const { out, console } = await open(other);
    expect(out).toBe('refused TypeError: Failed to fetch');
    expect(console.join('\n')).toMatch(new RegExp(`from origin '${other}' has been blocked by CORS policy`));
    expect(h.logger.lines.some((l) => l.includes('CorsRefusedPage'))).toBe(false);
  });
});
