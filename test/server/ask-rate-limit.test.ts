import { startHarness, type Harness } from '../graphql/harness';
import { askCount } from '../../src/server/rateLimit/ask';
import { parse } from 'graphql';

const ASK = `query($q: String!) { ask(question: $q) { text } }`;

describe('ask has a per-client budget of its own (issue 13 item 6)', () => {
  let h: Harness;
  let asked = 0;
  beforeAll(async () => {
    h = await startHarness({
      samples: false, askRateLimit: 4,
      askService: { ask: async (q) => ({ text: `答：${q}`, status: 'answered', operation: null, variables: null, cells: [], suggestions: [], sessionId: 's' }) },
    });
  });
  afterAll(() => h?.close());

  it('counts every aliased ask', () => {
    expect(askCount(parse(`{ a: ask(question: "1") { text } b: ask(question: "2") { text } reports { totalCount } }`))).toBe(2);
    expect(askCount(parse(`{ ...F } fragment F on Query { ask(question: "1") { text } }`))).toBe(1);
    expect(askCount(parse(`{ reports { totalCount } }`))).toBe(0);
  });

  it('answers within the budget, then 429 RATE_LIMITED with Retry-After; other queries are not counted', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await h.post(ASK, { q: `问题${i}` });
      expect(res.status).toBe(200);
      expect(res.body.data.ask.text).toBe(`答：问题${i}`);
      asked++;
      await h.post(`{ reports { totalCount } }`);
    }
    // two aliased questions would be the 4th and 5th: the whole operation is refused before it runs (and, refused
    // or not, an attempt uses the budget: the next question waits too)
    const two = await h.post(`{ a: ask(question: "甲") { text } b: ask(question: "乙") { text } }`);
    expect(two.status).toBe(429);
    expect(two.body.data).toBeUndefined();
    const over = await fetch(`${h.http.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ASK, variables: { q: '问题4' } }),
    });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await over.json();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(body.errors[0].message).toMatch(/^too many questions: at most 4 per minute/);
    expect(asked).toBe(3);
    const lookup = await h.post(`{ reports { totalCount } }`);
    expect(lookup.status).toBe(200);
  });
});
