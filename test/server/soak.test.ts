import { childServerPerSuite, honestCall, hostileCall, runAll, seeded, wrongHostileAnswers, type Call } from './hostile';

/** Issue 13, done when: a soak of mixed honest + hostile traffic with zero 5xx for honest requests (600, seeded). */
describe('600 mixed honest and hostile requests', () => {
  const child = childServerPerSuite();

  it('answers every honest request (no 5xx, no error) and every hostile one with a 4xx and its code', async () => {
    const random = seeded(20261201);
    const calls: Call[] = Array.from({ length: 600 }, (_, i) => (random() < 0.6 ? honestCall(random) : hostileCall(random, i)));
    const answers = await runAll(child().base, calls, 8);
    const honest = calls.map((c, i) => ({ c, a: answers[i] })).filter(({ c }) => !c.codes);
    const failedHonest = honest.filter(({ a }) => a.status !== 200 || a.codes.length).map(({ c, a }) => `${c.kind}: ${a.status} ${a.codes.join(',')}`);
    process.stdout.write(`soak: ${honest.length} honest, ${calls.length - honest.length} hostile requests\n`);
    expect(honest.length).toBeGreaterThan(300);
    expect(failedHonest).toEqual([]);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(wrongHostileAnswers(calls, answers)).toEqual([]);
    // the honest answers carry the sample data (not empty successes)
    const ranking = honest.find(({ c }) => c.kind === 'ranking')!.a.data as { cells: { totalCount: number } };
    expect(ranking.cells.totalCount).toBe(4);
  }, 240_000);
});
