import { parseReport, type ParsedReport } from '../../src/parser';
import { OPEN_AGENCY, REAL_REGIONS, isLegalPersonColumn, realBytes, realCases, realExpected, type RealCase } from './support/real';

/**
 * Real reports as agencies and crawlers publish them, every value read by hand. Every cell the text settles must be
 * exact; a cell the text cannot settle (listed as unrecoverable, with its reason) must be left out with an
 * `ambiguous_split` warning, never guessed.
 */
const cases: RealCase[] = [...realCases('real'), ...realCases('real-extra')];

describe.each(cases.map((c) => [`${c.corpus}/${c.file}`, c] as const))('real report %s', (_name, c) => {
  const expected = realExpected(c);
  const unrecoverable = new Set(expected.unrecoverable ?? []);
  let report: ParsedReport;

  beforeAll(async () => {
    report = await parseReport({ fileName: c.file, content: realBytes(c) });
  });

  it('has the year, template format, agency and region read by hand', () => {
    expect(report.year).toBe(expected.year);
    expect(report.format).toBe(expected.format);
    if (OPEN_AGENCY.has(c.file)) {
      expect(report.agency.region).toBeNull(); // kept as written, with a warning: never another division's
      expect(report.warnings.some((w) => w.code === 'region_unresolved')).toBe(true);
    } else {
      expect([report.agency.name, report.agency.fullName]).toContain(expected.agency);
      expect(report.agency.region?.code).toBe(expected.region ?? REAL_REGIONS[expected.agency]);
    }
  });

  it('gives no value that differs from the hand-read one, and guesses no unrecoverable cell', () => {
    const wrong: string[] = [];
    for (const cell of report.cells) {
      const want = expected.cells[cell.key];
      if (unrecoverable.has(cell.key)) wrong.push(`${cell.key}=${cell.value} (the text cannot settle it)`);
      else if (want === undefined) {
        // An unlisted cell is a 法人或其他组织 cell that is 0 or blank in the source.
        if (!isLegalPersonColumn(cell.key) || (cell.value !== 0 && cell.value !== null)) wrong.push(`${cell.key}=${cell.value} (not in the source)`);
      } else if (cell.value !== want) {
        wrong.push(`${cell.key}=${cell.value} (expected ${want})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds every cell the text settles, and warns of each one it cannot', () => {
    const got = new Set(report.cells.map((x) => x.key));
    expect(Object.keys(expected.cells).filter((k) => !got.has(k) && !unrecoverable.has(k))).toEqual([]);
    // Several splits the rules allow (ambiguous_split), or none (unsplit_value: the source contradicts itself).
    const ambiguous = new Set(report.warnings.filter((w) => w.code === 'ambiguous_split' || w.code === 'unsplit_value').map((w) => w.key));
    expect([...unrecoverable].filter((k) => !ambiguous.has(k))).toEqual([]);
  });
});
