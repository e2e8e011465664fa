import { assertWellFormed, readSvg } from '../charts/support';
import { sampleServer } from './harness';

const server = sampleServer();
const { data } = server;
const FIELDS = 'svg title unit points { label value text } restCount sourceCount';

describe('chart(kind, key, …) over the five samples (issue 17)', () => {
  it('a ranking of 2020 procurement: one bar per agency, largest first, Chinese labels in the SVG', async () => {
    const d = await data(`{ chart(kind: RANKING, key: "active.procurement.amount", year: 2020) { ${FIELDS} } }`);
    const agg = await data(`{ aggregate(key: "active.procurement.amount", year: 2020) { count sum max } }`);
    const c = d.chart;
    expect(c.points).toHaveLength(agg.aggregate[0].count);
    expect(c.points[0].value).toBe(115838);
    expect(c.points.reduce((s: number, p: any) => s + p.value, 0)).toBe(123218);
    expect(c.sourceCount).toBe(4);
    expect(c.restCount).toBe(0);
    expect(c.title).toMatch(/^全国各机关2020年.*采购总金额$/);
    assertWellFormed(c.svg);
    const svg = readSvg(c.svg);
    expect(svg.dataShapes).toHaveLength(4);
    for (const p of c.points) expect(svg.texts.join('\n')).toContain(p.label);
    expect(c.points.every((p: any) => /[\u4e00-\u9fff]/.test(p.label))).toBe(true);
    expect(svg.texts).toContain(c.title);
  });

  it('a ranking cut by first: restCount counts the agencies not drawn', async () => {
    const d = await data(`{ chart(kind: RANKING, key: "active.procurement.amount", year: 2020, first: 2) { ${FIELDS} } }`);
    expect(d.chart.points).toHaveLength(2);
    expect(d.chart.restCount).toBe(2);
    expect(readSvg(d.chart.svg).dataShapes).toHaveLength(2);
  });

  it('a trend over years of the samples: one point per year in calendar order', async () => {
    const d = await data(`{ chart(kind: TREND, key: "requests.new.total") { ${FIELDS} } }`);
    const byYear = await data(`{ aggregate(key: "requests.new.total", groupBy: YEAR) { group sum count } }`);
    const expected = byYear.aggregate.filter((r: any) => r.group !== null);
    expect(d.chart.points.map((p: any) => p.label)).toEqual(expected.map((r: any) => `${r.group}年`));
    expect(d.chart.points.map((p: any) => p.value)).toEqual(expected.map((r: any) => r.sum));
    expect(d.chart.points.map((p: any) => p.label)).toEqual(expect.arrayContaining(['2020年', '2021年']));
    expect(d.chart.unit).toBe('件');
    assertWellFormed(d.chart.svg);
    expect(readSvg(d.chart.svg).texts).toEqual(expect.arrayContaining(['2020年', '2021年']));
  });

  it('a trend of one agency reads only that agency\'s reports', async () => {
    const list = await data(`{ reports(filter: { agency: "白土镇" }) { edges { node { agency { id name } } } } }`);
    const node = list.reports.edges[0].node;
    const agencyId = node.agency.id;
    expect(agencyId).toBeDefined();
    const d = await data(`query($a: String) { chart(kind: TREND, key: "requests.new.total", agency: $a) { ${FIELDS} } }`, { a: agencyId });
    expect(d.chart.points).toHaveLength(1);
    expect(d.chart.points[0].label).toBe('2020年');
    expect(d.chart.title.startsWith(node.agency.name)).toBe(true);
  });

  it('a bar chart per region level: one column per county, named in Chinese', async () => {
    const d = await data(`{ chart(kind: REGIONS, key: "active.procurement.amount", year: 2020, groupBy: COUNTY) { ${FIELDS} } }`);
    const agg = await data(`{ aggregate(key: "active.procurement.amount", year: 2020, groupBy: COUNTY) { group label sum } }`);
    const groups = agg.aggregate.filter((r: any) => r.group !== null && r.sum !== null);
    expect(d.chart.points).toHaveLength(groups.length);
    expect(new Set(d.chart.points.map((p: any) => p.label))).toEqual(new Set(groups.map((r: any) => r.label)));
    expect(d.chart.points.map((p: any) => p.label)).toContain('丰城市');
    expect(readSvg(d.chart.svg).dataShapes).toHaveLength(groups.length);
    expect(d.chart.title).toContain('各县（市、区）2020年');
  });

  it('titles name the metric without the form\'s numbering, and a total column by its row alone', async () => {
    const d = await data(`{ chart(kind: RANKING, key: "requests.new.total", year: 2020) { title } }`);
    expect(d.chart.title).toBe('全国各机关2020年本年新收政府信息公开申请数量');
    const denied = await data(`{ chart(kind: RANKING, key: "requests.denied.internal.natural_person", year: 2020) { title } }`);
    expect(denied.chart.title).toBe('全国各机关2020年属于三类内部事务信息·自然人');
  });

  it('bad chart input is a 400 BAD_USER_INPUT with a message', async () => {
    for (const q of [
      `{ chart(kind: RANKING, key: "active.procurement.amount", year: 2020, first: 0) { svg } }`,
      `{ chart(kind: RANKING, key: "no.such.key", year: 2020) { svg } }`,
      `{ chart(kind: REGIONS, key: "active.procurement.amount") { svg } }`,
      `{ chart(kind: TREND, key: "requests.new.total", agency: "not-an-id") { svg } }`,
    ]) {
      const res = await server.h.post(q);
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0].message).not.toMatch(/at .*\.ts:/);
    }
  });
});
