import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/ingest';
import { SAMPLES, startHarness, type Harness } from './harness';

/**
 * Two consecutive years of one agency: 白土镇 2020 (the sample, nothing carried forward) and a 2021 report written
 * from the 2021-format sample, placed in 丰城市 and claiming one natural-person request carried over from 2020.
 */
function baitu2021(carriedOverNaturalPerson: number): string {
  const text = readFileSync(path.join(SAMPLES, 'gangkou-2021.txt'), 'utf8')
    .replaceAll('港口乡', '白土镇').replaceAll('铜鼓县', '丰城市');
  // The carried-over row: its label, then 7 TAB cells (natural_person first, total last).
  return text.replace(/(二、上年结转政府信息公开申请数量\n)((?:\t[^\n]*\n){7})/, (_m, label: string, cells: string) => {
    const values = cells.split('\n').slice(0, 7);
    values[0] = `\t${carriedOverNaturalPerson}`;
    values[6] = `\t${carriedOverNaturalPerson}`;
    return `${label}${values.join('\n')}\n`;
  });
}

const CHECKS = `query Checks($agency: String!) {
  reports(filter: { agency: $agency }, first: 5) { edges { node { year checks { rule scope keys passed left right } } } }
}`;

describe('cross-year consistency rules through Report.checks', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness();
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-crossyear-'));
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function checksByYear() {
    const res = await h.post(CHECKS, { agency: '白土镇' });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.reports.edges.map((e: any) => e.node);
    return new Map<number, any[]>(nodes.map((n: any) => [n.year, n.checks]));
  }

  it('flags a 2021 carried-over count that 2020 did not carry forward, naming both years', async () => {
    const file = path.join(dir, 'baitu-2021.txt');
    writeFileSync(file, baitu2021(1));
    const summary = await ingestPaths([file], { dataSource: h.db.dataSource, workers: 0 });
    expect(summary.failed).toEqual([]);

    const byYear = await checksByYear();
    const carried = byYear.get(2021)!.filter((c) => c.rule === 'years.carried');
    expect(carried).toHaveLength(7);
    expect(carried.find((c) => c.scope === 'natural_person')).toEqual({
      rule: 'years.carried', scope: 'natural_person', passed: false, left: 0, right: 1,
      keys: ['2020:requests.carried_forward.natural_person', '2021:requests.carried_over.natural_person'],
    });
    expect(carried.find((c) => c.scope === 'commercial')?.passed).toBe(true);
    // 2020 has no stored year before it: only its own rules
    expect(byYear.get(2020)!.some((c) => c.rule.startsWith('years.'))).toBe(false);
  });

  it('follows a replaced neighbour year at once (computed when asked, never stale)', async () => {
    const file = path.join(dir, 'baitu-2021-corrected.txt');
    writeFileSync(file, baitu2021(0));
    const summary = await ingestPaths([file], { dataSource: h.db.dataSource, workers: 0 });
    expect(summary.replaced).toBe(1);
    const carried = (await checksByYear()).get(2021)!.filter((c) => c.rule === 'years.carried');
    expect(carried.every((c) => c.passed === true)).toBe(true);
  });
});
