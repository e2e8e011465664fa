import { parse, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { costSignature, measure } from '../../src/server/limits';
import { startHarness, type Harness } from '../graphql/harness';

/** `query{...F0} fragment F0 on Query{...F1 ...F1} … fragment F<n> on Query{<leaf>}`: doubles its expansion per level. */
function fanOut(levels: number, leaf: string): string {
  const frags = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query { ...F0 } ${frags.join(' ')} fragment F${levels} on Query { ${leaf} }`;
}

function shapeOf(text: string) {
  const doc = parse(text);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let op: OperationDefinitionNode | undefined;
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION) op = d;
  }
  return measure(op!, fragments);
}

describe('query shape is measured once per fragment (issue 13: fragment fan-out)', () => {
  it('counts the expanded size of a 40-level fan-out without walking it', () => {
    // 2^40 expanded selections: walking spread by spread would never finish.
    const shape = shapeOf(fanOut(40, 'metrics { key }'));
    expect(shape.expanded).toBe(2 ** 40 * 2);
    expect(shape.depth).toBe(2);
  });

  it('counts aliases and depth through fragments as before', () => {
    const shape = shapeOf(`query { a: metrics { key } ...F } fragment F on Query { b: metrics { k: key label } }`);
    expect(shape).toEqual({ depth: 2, aliases: 3, expanded: 5 });
  });
});

describe('cost signature (issue 13: memory bounded across requests)', () => {
  it('is short (a digest past 200 characters), the same whatever the strings, different for another page size', () => {
    const big = { f: { agency: 'x'.repeat(5_000_000), year: 2020 }, first: 20 };
    const other = { f: { agency: '白土镇', year: 2020 }, first: 20 };
    expect(costSignature(big)).toBe('{1:f{6:agencys4:yearnumber:2020;}5:firstnumber:20;}');
    expect(costSignature(big)).toBe(costSignature(other));
    const wide = { keys: Array.from({ length: 100_000 }, (_, i) => `k${i}`), first: 20 };
    expect(costSignature(wide)).toMatch(/^#[A-Za-z0-9+/]{27}=$/);
    expect(costSignature({ ...wide, first: 21 })).not.toBe(costSignature(wide));
    expect(costSignature({ ...other, first: 21 })).not.toBe(costSignature(other));
    expect(costSignature({ keys: ['a', 'b'] })).not.toBe(costSignature({ keys: ['a'] }));
  });
});

describe('hostile documents get a 400 with a code, never a 500 (issue 13)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('refuses a fragment fan-out as too complex', async () => {
    const res = await h.post(fanOut(22, '__typename metrics { key }'));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0].message).toMatch(/expand to \d+ field selections/);
  });

  it('answers a variable of the wrong type as the client\'s error', async () => {
    const res = await h.post(`query($n: Int) { reports(first: $n) { totalCount } }`, { n: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('still answers an honest query after the hostile ones', async () => {
    const res = await h.post(`{ reports(first: 1) { totalCount } }`);
    expect(res.status).toBe(200);
    expect(res.body.data.reports.totalCount).toBeGreaterThan(0);
  });
});

describe('string arguments are bounded (issue 13: long patterns tie up the pool)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('refuses a 3 MB search pattern in a variable and in a literal, with the limit named', async () => {
    const pattern = '%_'.repeat(1_500_000);
    const asVariable = await h.post(`query($s: String!) { agencies(search: $s) { totalCount } }`, { s: pattern });
    expect(asVariable.status).toBe(400);
    expect(asVariable.body.errors?.[0].extensions).toMatchObject({ code: 'ARGUMENT_TOO_LONG', maxLength: 1000 });
    expect(asVariable.body.errors?.[0].message).toBe('variable $s is 3000000 characters long; at most 1000');
    const nested = await h.post(`query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: { agency: 'x'.repeat(1001) } });
    expect(nested.body.errors?.[0].message).toBe('variable $f.agency is 1001 characters long; at most 1000');
    const literalQuery = `{ agencies(search: "${'白'.repeat(1200)}") { totalCount } }`;
    // sent twice: the second request meets the verdict cached for that document, and is refused the same way
    for (let i = 0; i < 2; i++) {
      const literal = await h.post(literalQuery);
      expect(literal.status).toBe(400);
      expect(literal.body.errors?.[0].extensions).toMatchObject({ code: 'ARGUMENT_TOO_LONG', maxLength: 1000 });
      expect(literal.body.errors?.[0].message).toBe('a string argument is 1200 characters long; at most 1000');
    }
  });

  it('refuses a NUL character before it reaches PostgreSQL', async () => {
    const res = await h.post(`query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: { agency: '白土\u0000镇' } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toBe('variable $f.agency contains a NUL character');
  });

  it('keeps answering names of ordinary length', async () => {
    const res = await h.post(`query($s: String!) { agencies(search: $s) { totalCount } }`, { s: '白土' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.agencies.totalCount).toBe(1);
  });
});
