import { parseReport, keysFor, type ParsedReport } from '../../src/parser';
import { SAMPLE_FILES, expectedFor, expectedValues, sampleBytes } from './support/samples';

describe.each(SAMPLE_FILES)('sample %s', (file) => {
  const expected = expectedFor(file);
  let report: ParsedReport;

  beforeAll(async () => {
    report = await parseReport({ fileName: file, content: sampleBytes(file) });
  });

  it('has the title, year, format and publication date read by hand', () => {
    expect(report.title).toBe(expected.title);
    expect(report.year).toBe(expected.year);
    expect(report.format).toBe(expected.format);
    expect(report.publishedAt).toBe(expected.publishedAt);
  });

  it('resolves the agency to the right division code', () => {
    expect(report.agency.name).toBe(expected.agency.name);
    expect(report.agency.fullName).toBe(expected.agency.fullName);
    expect(report.agency.region?.code).toBe(expected.agency.regionCode);
    expect(report.agency.regionCandidates).toEqual([]);
    expect(report.agency.region?.path[0].level).toBe('province');
  });

  it('finds the contact details', () => {
    expect(report.contact).toEqual(expected.contact);
  });

  it('finds the six sections in order', () => {
    expect(report.sections.map((s) => s.kind)).toEqual(expected.sections);
    expect(report.sections.map((s) => s.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const s of report.sections) expect(s.title.length).toBeLessThanOrEqual(40);
  });

  it('extracts every cell of the template with the hand-read value', () => {
    const want = expectedValues(expected);
    expect(want.size).toBe(expected.format === '2019' ? 198 : 200);
    expect(report.cells).toHaveLength(want.size);
    const got = new Map(report.cells.map((c) => [c.key, c.value]));
    expect(got.size).toBe(want.size);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    expect([...got.keys()].sort()).toEqual([...keysFor(expected.format)].sort());
  });

  it('keeps the raw cell text as written', () => {
    const raw = new Map(report.cells.map((c) => [c.key, c.raw]));
    for (const [key, text] of Object.entries(expected.raw)) expect(raw.get(key)).toBe(text);
    for (const c of report.cells) {
      expect(c.raw).toBe(c.raw.trim());
      expect(c.line).toBeGreaterThan(0);
    }
  });

  it('passes every consistency check and has no warnings', () => {
    expect(report.checks.length).toBeGreaterThan(0);
    expect(report.checks.filter((c) => c.passed !== true)).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('gives money in 元 and counts in 件/项', () => {
    for (const c of report.cells) {
      if (c.key.endsWith('.amount')) expect(c.unit).toBe('元');
      else expect(['件', '项', '个']).toContain(c.unit);
    }
  });
});
