import type { Browser, Locator } from 'playwright-core';
import { startHarness, type Harness } from '../graphql/harness';
import { isLoopback, launchChromium } from './chromium';

const QUERY = `{ cells(filter: { key: "active.procurement.amount", year: 2020 }, first: 1) { edges { node { value report { agency { name } } } } } }`;

/** The locator's text once it matches (Monaco splits JSON into many spans, so getByText cannot find a key). */
async function textMatching(locator: Locator, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < until) {
    text = await locator.innerText();
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

describe('GraphiQL at / in Debian chromium, offline', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    h = await startHarness();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openOffline(url: string) {
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const target = route.request().url();
      if (isLoopback(target)) return route.continue();
      blocked.push(target);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    return { context, page, run, blocked, pageErrors };
  }

  it('loads with every non-loopback request blocked, runs a query and shows 白土镇', async () => {
    const { context, page, run, blocked, pageErrors } = await openOffline(`${h.http.url}/?query=${encodeURIComponent(QUERY)}`);
    await run.click();
    const response = page.locator('.graphiql-response');
    await response.getByText('白土镇').waitFor({ timeout: 30_000 });
    const text = await response.innerText();
    expect(text).toContain('115838');
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('runs its default query on the first ▶ and opens each example tab with its own operation', async () => {
    const { context, page, run, pageErrors } = await openOffline(`${h.http.url}/`);
    await run.click();
    const response = page.locator('.graphiql-response');
    await response.getByText('白土镇').first().waitFor({ timeout: 30_000 });
    expect(await response.innerText()).not.toMatch(/Syntax Error/);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['ProcurementRanking', 'ProcurementByCounty', 'ReportsOfRegion', 'Metrics', 'SearchSections']);
    // The tab strip is a drag-to-reorder list that swallows synthetic pointer clicks; a click event selects the tab.
    const select = async (name: string) => {
      await page.getByRole('tab', { name }).locator('button').first().dispatchEvent('click');
      expect(await textMatching(page.locator('.graphiql-tab-active'), new RegExp(`^${name}$`))).toBe(name);
      // The editor then holds the tab's own operation, not the previous tab's.
      expect(await textMatching(page.locator('.graphiql-query-editor'), new RegExp(`query\\s${name}\\b`))).toMatch(new RegExp(`query\\s${name}\\b`));
    };
    // Each tab's operation runs in test/server/graphiql.test.ts; here: the tab opens its own operation in the editor.
    // (Running it right after a synthetic tab switch races GraphiQL's operation-name inference: flaky, so not here.)
    await select('ProcurementByCounty');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
