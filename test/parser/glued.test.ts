import { parseReport, type ParsedReport } from '../../src/parser';
import { splitRun } from '../../src/parser/splits';
import { REQUEST_COLS } from '../../src/parser/catalog';
import { REQUEST_ROW_IDS, gluedReportText, type GluedReport } from './support/glued';

/**
 * Tables of pages saved as text, whose rows lost their cell borders: the split of each digit run is recovered by the
 * form's rules, or refused (left out with a warning) when more than one split satisfies them — never guessed.
 */
const parse = (r: GluedReport) => parseReport({ fileName: 'glued.txt', content: Buffer.from(gluedReportText(r)) });
const cellMap = (r: ParsedReport) => new Map(r.cells.map((c) => [c.key, c.value]));
const warningsFor = (r: ParsedReport, key: string) => r.warnings.filter((w) => w.key === key);

/** 表三 rows as [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]; unlisted rows are all 0. */
const REQUESTS: Record<string, number[]> = {
  new: [52, 3, 0, 0, 1, 0, 56],
  carried_over: [2, 0, 0, 0, 0, 0, 2],
  granted: [18, 1, 0, 0, 0, 0, 19],
  partial: [7, 0, 0, 0, 1, 0, 8],
  'denied.third_party': [3, 0, 0, 0, 0, 0, 3],
  'unable.not_held': [20, 2, 0, 0, 0, 0, 22],
  'rejected.repeat': [4, 0, 0, 0, 0, 0, 4],
  'other.other': [1, 0, 0, 0, 0, 0, 1],
  total: [53, 3, 0, 0, 1, 0, 57],
  carried_forward: [1, 0, 0, 0, 0, 0, 1],
};
const rowOf = (id: string) => REQUESTS[id] ?? [0, 0, 0, 0, 0, 0, 0];
const glue = (values: number[]) => values.join('');
const gluedRequests = () => Object.fromEntries(REQUEST_ROW_IDS.map((id) => [id, glue(rowOf(id))]));
/** 行政复议 25/3/8/0/36, 未经复议直接起诉 3/3/0/0/6, 复议后起诉 3/0/0/0/3 (pingtan 2025's 表四). */
const APPEALS = '25380363300630003';
const APPEAL_VALUES: Record<string, number[]> = { review: [25, 3, 8, 0, 36], suit_direct: [3, 3, 0, 0, 6], suit_after_review: [3, 0, 0, 0, 3] };
const APPEAL_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];

describe('splitRun', () => {
  it('never starts a cell with 0 unless the cell is 0', () => {
    expect(splitRun('05', 2)).toEqual([['0', '5']]);
    expect(splitRun('05', 1)).toEqual([]);
    expect(splitRun('1005', 2)).toEqual([['100', '5']]);
  });

  it('takes a space as a cell border and keeps a decimal part and unit on the last cell', () => {
    expect(splitRun('230 000023', 7)).toEqual([
      ['230', '0', '0', '0', '0', '2', '3'],
      ['2', '30', '0', '0', '0', '0', '23'],
      ['23', '0', '0', '0', '0', '0', '23'],
    ]);
    expect(splitRun('135 75394432.52元', 2)).toEqual([['135', '75394432.52元']]);
    expect(splitRun('13575394432.52元', 2)?.map((s) => s[1])).toContain('75394432.52元');
  });

  it('takes a minus sign as a cell border and keeps it on the cell it starts', () => {
    expect(splitRun('35-15', 2)).toEqual([['35', '-15']]);
    expect(splitRun('2648-18538', 3)?.filter((s) => s[1].startsWith('-')).map((s) => s[0])).toEqual(['2648', '2648', '2648', '2648']);
  });

  it('refuses a run with more splits than its cap instead of enumerating them', () => {
    expect(splitRun('123456789123456789', 9, 100)).toBeNull();
  });
});

describe('a report whose table rows are glued digit strings', () => {
  it('recovers every 表三 cell by the row and column rules, though some rows alone allow two splits', async () => {
    // 「181000019」 alone is also 1|8|10|0|0|0|19, 「202000022」 also 2|0|20|0|0|0|22: only the columns decide.
    const report = await parse({ normativeDocs: '693665', requests: gluedRequests(), appeals: APPEALS });
    const got = cellMap(report);
    for (const id of REQUEST_ROW_IDS) {
      REQUEST_COLS.forEach((col, i) => expect([`requests.${id}.${col.id}`, got.get(`requests.${id}.${col.id}`)]).toEqual([`requests.${id}.${col.id}`, rowOf(id)[i]]));
    }
    expect(report.checks.filter((c) => c.rule.startsWith('requests') && c.passed !== true)).toEqual([]);
    expect(got.get('active.licensing.decisions')).toBe(2293);
    expect(got.get('active.fees.amount')).toBe(242523110.82);
  });

  it('leaves out a row that two splits satisfy, naming the key and the candidates', async () => {
    const report = await parse({ normativeDocs: '693665', requests: gluedRequests(), appeals: APPEALS });
    const got = cellMap(report);
    for (const col of ['issued', 'repealed', 'in_force']) {
      const key = `active.normative_docs.${col}`;
      expect(got.has(key)).toBe(false);
      const w = warningsFor(report, key).find((x) => x.code === 'ambiguous_split');
      expect(w?.message).toContain('69|3|665');
      expect(w?.message).toContain('6|93|665');
    }
    expect(got.get('active.regulations.in_force')).toBe(0);
  });

  it('lets the narrative choose among the splits the rules allow', async () => {
    const report = await parse({
      normativeDocs: '693665', requests: gluedRequests(), appeals: APPEALS,
      narrative: '集中公开现行有效行政规范性文件665件，动态更新本年度制发的规范性文件69件。',
    });
    const got = cellMap(report);
    expect([got.get('active.normative_docs.issued'), got.get('active.normative_docs.repealed'), got.get('active.normative_docs.in_force')]).toEqual([69, 3, 665]);
  });

  it('ignores a narrative number that no split agrees with (the table is the value)', async () => {
    const report = await parse({
      normativeDocs: '77132470', requests: gluedRequests(), appeals: APPEALS,
      narrative: '清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。',
    });
    const got = cellMap(report);
    expect(got.get('active.normative_docs.issued')).toBe(77);
    expect(got.has('active.normative_docs.in_force')).toBe(false);
    expect(warningsFor(report, 'active.normative_docs.in_force').map((w) => w.code)).toContain('ambiguous_split');
  });

  it('splits 表四 given as one 17-digit string with the row rules and the narrative totals', async () => {
    const report = await parse({ normativeDocs: '693665', requests: gluedRequests(), appeals: APPEALS, narrative: '全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。' });
    const got = cellMap(report);
    for (const [row, values] of Object.entries(APPEAL_VALUES)) {
      expect(APPEAL_COLS.map((c) => got.get(`appeals.${row}.${c}`))).toEqual(values);
    }
  });

  it('leaves out the 表四 cells two row-consistent splits disagree on, and gives the cells they agree on', async () => {
    // 行政复议 1/1/0/0/2, 未经复议直接起诉 11/0/0/0/11 or 1/10/0/0/11, 复议后起诉 all 0.
    const report = await parse({ normativeDocs: '693665', requests: gluedRequests(), appeals: '11002110001100000' });
    const got = cellMap(report);
    expect(APPEAL_COLS.map((c) => got.get(`appeals.review.${c}`))).toEqual([1, 1, 0, 0, 2]);
    expect(APPEAL_COLS.map((c) => got.get(`appeals.suit_after_review.${c}`))).toEqual([0, 0, 0, 0, 0]);
    expect([got.get('appeals.suit_direct.other'), got.get('appeals.suit_direct.pending'), got.get('appeals.suit_direct.total')]).toEqual([0, 0, 11]);
    for (const key of ['appeals.suit_direct.upheld', 'appeals.suit_direct.corrected']) {
      expect(got.has(key)).toBe(false);
      const w = warningsFor(report, key).find((x) => x.code === 'ambiguous_split');
      expect(w?.message).toContain('1|1|0|0|2|11|0|0|0|11|0|0|0|0|0');
      expect(w?.message).toContain('1|1|0|0|2|1|10|0|0|11|0|0|0|0|0');
    }
  });

  it('refuses a run far longer than any table row, with a warning per cell', async () => {
    const requests = gluedRequests();
    requests.granted = '7'.repeat(5000);
    const report = await parse({ normativeDocs: '98'.repeat(3000), requests, appeals: APPEALS });
    const got = cellMap(report);
    for (const key of ['active.normative_docs.issued', 'requests.granted.total']) {
      expect(got.has(key)).toBe(false);
      expect(warningsFor(report, key).map((w) => w.code)).toContain('unsplit_value');
    }
    expect(got.get('requests.partial.total')).toBe(8);
  });

  it('reads a 表四 row of space-padded runs cut from its labels (「 10 0 01 …」) as glued, not as 11 numbers', async () => {
    const got = cellMap(await parse({ normativeDocs: '693665', requests: gluedRequests(), appeals: ' 10 0 01 0 0 00 0 0 00 0 0' }));
    const rows = ['review', 'suit_direct', 'suit_after_review'];
    const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
    expect(rows.map((r) => cols.map((c) => got.get(`appeals.${r}.${c}`)))).toEqual([[1, 0, 0, 0, 1], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]);
  });

  it('reads 「0」 runs padded with spaces, each space a cell border', async () => {
    const requests = gluedRequests();
    requests.partial = '700 0108';
    requests.carried_forward = '1 0 00 00 1';
    const got = cellMap(await parse({ normativeDocs: '693665', requests, appeals: APPEALS }));
    expect(REQUEST_COLS.map((c) => got.get(`requests.partial.${c.id}`))).toEqual(rowOf('partial'));
    expect(REQUEST_COLS.map((c) => got.get(`requests.carried_forward.${c.id}`))).toEqual(rowOf('carried_forward'));
  });
});
