import { parseReport, type ParsedReport } from '../../src/parser';
import { GLUED_VARIANTS, REAL_FILES, REAL_REGIONS, isLegalPersonColumn, realBytes, realExpected } from './support/real';

/**
 * Real reports as agencies and crawlers publish them (test/fixtures/real), every value read by hand.
 * Primary files must be exact; the glued .txt variants may leave a cell out, with a warning naming it, but never
 * give a wrong value.
 */
describe.each(REAL_FILES)('real report %s', (file) => {
  const expected = realExpected(file);
  let report: ParsedReport;

  beforeAll(async () => {
    report = await parseReport({ fileName: file, content: realBytes(file) });
  });

  it('has the year, template format and agency read by hand', () => {
    expect(report.year).toBe(expected.year);
    expect(report.format).toBe(expected.format);
    expect(report.agency.name).toBe(expected.agency);
    expect(report.agency.region?.code).toBe(REAL_REGIONS[expected.agency]);
  });

  it('gives no value that differs from the hand-read one', () => {
    const wrong: string[] = [];
    for (const cell of report.cells) {
      const want = expected.cells[cell.key];
      if (want === undefined) {
        // An unlisted cell is a 法人或其他组织 cell that is 0 or blank in the source.
        if (!isLegalPersonColumn(cell.key) || (cell.value !== 0 && cell.value !== null)) wrong.push(`${cell.key}=${cell.value} (not in the source)`);
      } else if (cell.value !== want) {
        wrong.push(`${cell.key}=${cell.value} (expected ${want})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it(GLUED_VARIANTS.has(file) ? 'finds at least 95% of the cells, each missing one with a warning' : 'finds every cell', () => {
    const got = new Set(report.cells.map((c) => c.key));
    const listed = Object.keys(expected.cells);
    const missing = listed.filter((k) => !got.has(k));
    if (!GLUED_VARIANTS.has(file)) {
      expect(missing).toEqual([]);
      return;
    }
    expect(listed.length - missing.length).toBeGreaterThanOrEqual(Math.ceil(listed.length * 0.95));
    const warned = new Set(report.warnings.map((w) => w.key).filter(Boolean));
    expect(missing.filter((k) => !warned.has(k))).toEqual([]);
  });
});
