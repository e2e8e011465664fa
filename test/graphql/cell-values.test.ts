import { startHarness, type Harness } from './harness';

let h: Harness;
let all: { value: number | null; agency: string }[];
beforeAll(async () => {
  h = await startHarness();
  const res = await h.post(`{ cells(filter: { key: "active.procurement.amount", year: 2020 }, first: 100) { edges { node { value report { agency { name } } } } } }`);
  all = res.body.data.cells.edges.map((e: any) => ({ value: e.node.value, agency: e.node.report.agency.name }));
});
afterAll(() => h?.close());

const values = async (bounds: string) => {
  const res = await h.post(`{ cells(filter: { key: "active.procurement.amount", year: 2020, ${bounds} }, first: 100) { totalCount edges { node { value } } } }`);
  expect(res.body.errors).toBeUndefined();
  const list = res.body.data.cells.edges.map((e: any) => e.node.value);
  expect(res.body.data.cells.totalCount).toBe(list.length);
  return list;
};

describe('value filters on cells (issue 16)', () => {
  it('the 2020 procurement amounts of the samples are 115838, 7380, 0, 0', () => {
    expect(all.map((c) => c.value)).toEqual([115838, 7380, 0, 0]);
  });

  it('gt / gte / lt / lte bound the ranking exactly', async () => {
    expect(await values('valueGt: 7380')).toEqual([115838]);
    expect(await values('valueGte: 7380')).toEqual([115838, 7380]);
    expect(await values('valueLt: 7380')).toEqual([0, 0]);
    expect(await values('valueLte: 7380')).toEqual([7380, 0, 0]);
    expect(await values('valueGt: 0, valueLt: 115838')).toEqual([7380]);
    expect(await values('valueGte: 0.5, valueLte: 115838')).toEqual([115838, 7380]);
    expect(await values('valueGt: 115838')).toEqual([]);
  });

  it('a bound that is not a number is refused by validation (400)', async () => {
    const res = await h.post(`{ cells(filter: { key: "active.procurement.amount", valueGt: "many" }) { totalCount } }`);
    expect(res.status).toBe(400);
  });
});
