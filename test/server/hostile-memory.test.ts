import { childServerPerSuite, hostileCall, runAll, seeded, wrongHostileAnswers } from './hostile';

/**
 * Issue 13, done when: memory flat over 300 hostile requests (RSS within +50 MB), each answered with a 4xx and a
 * specific code. Measured in a child `nianbao serve` (production mode), after a warm-up round of the same size.
 */
describe('a server under 300 hostile requests keeps its memory and answers each with a 4xx and its code', () => {
  const child = childServerPerSuite();

  it('RSS within +50 MB', async () => {
    const random = seeded(13);
    // A first round of the same size lets V8 grow its heap to what this traffic needs; the second must add nothing.
    const warmUp = Array.from({ length: 300 }, (_, i) => hostileCall(random, i));
    expect(wrongHostileAnswers(warmUp, await runAll(child().base, warmUp, 4))).toEqual([]);
    const before = await child().rssBytes();
    const calls = Array.from({ length: 300 }, (_, i) => hostileCall(random, i));
    expect(new Set(calls.map((c) => c.kind)).size).toBe(16); // every attack of the list is in the mix
    const answers = await runAll(child().base, calls, 4);
    expect(wrongHostileAnswers(calls, answers)).toEqual([]);
    const after = await child().rssBytes();
    process.stdout.write(`hostile-memory: RSS ${(before / 2 ** 20).toFixed(1)} MB → ${(after / 2 ** 20).toFixed(1)} MB over 300 hostile requests\n`);
    expect(after - before).toBeLessThan(50 * 2 ** 20);
    const health = await fetch(`${child().base}/health`);
    expect(health.status).toBe(200);
  }, 180_000);
});
