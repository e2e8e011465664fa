/**
 * PDF reports read natively (pdf.js in a worker thread), on realistic fixtures with known values
 * (test/fixtures/pdf/, made by scripts/make-pdf-fixtures.ts), and the refusals of what cannot be read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseReport, ReportParseError, type ParsedReport } from '../../src/parser';
import { PDF_LIMITS, readPdf } from '../../src/parser/pdf/read';
import { writePdf } from './support/pdfWriter';

const DIR = path.join(__dirname, '..', 'fixtures', 'pdf');
const bytes = (file: string) => readFileSync(path.join(DIR, file));

interface FixtureExpected {
  source: string;
  agency: string;
  year: number;
  format: '2019' | '2021';
  cells: Record<string, number | null>;
}

const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', '')).sort();
const expectedOf = (name: string) => JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as FixtureExpected;
const cellsOf = (r: ParsedReport) => Object.fromEntries(r.cells.map((c) => [c.key, c.value]));

const parsed = new Map<string, Promise<ParsedReport>>();
function parsePdf(name: string): Promise<ParsedReport> {
  if (!parsed.has(name)) parsed.set(name, parseReport({ fileName: `${name}.pdf`, content: bytes(`${name}.pdf`) }));
  return parsed.get(name)!;
}

async function refusal(content: Buffer, reason: RegExp): Promise<void> {
  const caught = await parseReport({ fileName: 'report.pdf', content }).then(() => null, (e: unknown) => e);
  expect(caught).toBeInstanceOf(ReportParseError);
  expect((caught as ReportParseError).fileName).toBe('report.pdf');
  expect((caught as ReportParseError).reason).toMatch(reason);
  expect((caught as ReportParseError).message).not.toMatch(/\n\s+at /);
}

describe('PDF fixtures parse to exactly their known cells', () => {
  it('the fixture set covers LibreOffice and Chromium prints of both formats', () => {
    const sources = FIXTURES.map((f) => expectedOf(f));
    expect(new Set(sources.map((e) => e.format))).toEqual(new Set(['2019', '2021']));
    expect(sources.some((e) => /LibreOffice/.test(e.source))).toBe(true);
    expect(sources.some((e) => /Chromium/.test(e.source))).toBe(true);
  });

  it.each(FIXTURES)('%s.pdf: every cell, year, agency, format; the form’s rules hold', async (name) => {
    const expected = expectedOf(name);
    const report = await parsePdf(name);
    expect(cellsOf(report)).toEqual(expected.cells);
    expect(report.year).toBe(expected.year);
    expect(report.agency.name).toBe(expected.agency);
    expect(report.format).toBe(expected.format);
    expect(report.checks.filter((c) => c.passed !== true)).toEqual([]);
  });

  it.each(FIXTURES)('%s.pdf: every cell that its pdftotext -layout text gives, the native reading gives too', async (name) => {
    const expected = expectedOf(name);
    const viaText = cellsOf(await parseReport({ fileName: `${name}.layout.txt`, content: bytes(`${name}.layout.txt`) }));
    const native = cellsOf(await parsePdf(name));
    const rightViaText = Object.keys(viaText).filter((k) => viaText[k] === expected.cells[k]);
    expect(rightViaText.length).toBeGreaterThan(100);
    for (const key of rightViaText) expect([key, native[key]]).toEqual([key, viaText[key]]);
  });

  it('a report printed by a browser whose text path reads well gives the same cells as its pdftotext -layout text', async () => {
    const viaText = await parseReport({ fileName: 'baitu.layout.txt', content: bytes('baitu-2020-chromium.layout.txt') });
    expect(cellsOf(await parsePdf('baitu-2020-chromium'))).toEqual(cellsOf(viaText));
  });

  it.each(FIXTURES.filter((f) => readdirSync(DIR).includes(`${f}.docx`)))('%s.docx (the Word file the PDF was printed from) gives the same cells', async (name) => {
    const docx = await parseReport({ fileName: `${name}.docx`, content: bytes(`${name}.docx`) });
    expect(cellsOf(docx)).toEqual(cellsOf(await parsePdf(name)));
    expect(cellsOf(docx)).toEqual(expectedOf(name).cells);
  });

  it('page chrome is not report text: running header, 「第 N 页 共 M 页」, 「- N -」, browser date/URL margins', async () => {
    const texts = await Promise.all(['fengcheng-zrzy-2023', 'xiangdong-2021', 'baitu-2020-chromium'].map(async (name) => {
      const r = await readPdf({ fileName: `${name}.pdf`, content: Buffer.alloc(0) }, bytes(`${name}.pdf`));
      return r.text;
    }));
    const [fengcheng, xiangdong, baitu] = texts;
    expect(fengcheng).not.toMatch(/第\s*\d+\s*页\s*共\s*\d+\s*页/);
    // The running header repeats the title: only the title itself remains.
    expect(fengcheng.match(/丰城市自然资源局\s*2023\s*年政府信息公开工作年度报告/g)).toHaveLength(1);
    expect(xiangdong).not.toMatch(/^\s*-\s*\d+\s*-\s*$/m);
    expect(baitu).not.toMatch(/file:\/\//);
    expect(baitu).not.toMatch(/^\s*\d+\/\d+\s*$/m);
  });

  it('a table cut by a page break reads as one table: 表三 of fengcheng-zrzy-2023 spans pages 4 and 5', async () => {
    const layout = bytes('fengcheng-zrzy-2023.layout.txt').toString('utf8').split('\f');
    const page = (label: string) => layout.findIndex((p) => p.includes(label));
    expect(page('一、本年新收政府信息公开申请数量')).toBeLessThan(page('四、结转下年度继续办理'));
    const report = await parsePdf('fengcheng-zrzy-2023');
    const expected = expectedOf('fengcheng-zrzy-2023').cells;
    for (const key of ['requests.other.overdue_fee.total', 'requests.other.other.natural_person', 'requests.total.total', 'requests.carried_forward.total']) {
      expect(cellsOf(report)[key]).toBe(expected[key]);
    }
  });

  it('header rows a table repeats at the top of the next page are read once: 表三 of yuanzhou-2022', async () => {
    const layout = bytes('yuanzhou-2022.layout.txt').toString('utf8');
    expect(layout.match(/申请人情况/g)).toHaveLength(2);
    const { text } = await readPdf({ fileName: 'yuanzhou-2022.pdf', content: Buffer.alloc(0) }, bytes('yuanzhou-2022.pdf'));
    expect(text.match(/申请人情况/g)).toHaveLength(1);
  });

  it('a page that is only an image is reported, the text pages are read', async () => {
    const report = await parsePdf('xiangdong-2021-scanned-page');
    const warning = report.warnings.find((w) => w.code === 'pdf_pages_without_text');
    expect(warning?.message).toMatch(/: 5$/);
  });
});

describe('PDFs that cannot be read are refused with a specific reason, nothing partial', () => {
  it('a scan (pages of images only): no text layer, needs OCR, with the page count', () =>
    refusal(bytes('scanned-2021.pdf'), /no text layer \(4 pages of images only.*needs OCR/));

  it('a password-protected PDF', () => refusal(bytes('encrypted-2021.pdf'), /password-protected/));

  it('a PDF cut off in the middle (truncated download)', () => {
    const full = bytes('xiangdong-2021.pdf');
    return refusal(full.subarray(0, Math.floor(full.length * 0.6)), /truncated/);
  });

  it('bytes that only start like a PDF', () => refusal(Buffer.from('%PDF-1.4\nnot a document\n%%EOF\n'), /PDF is damaged/));

  it('200 pages: refused with the page count before any page is read', () =>
    refusal(writePdf(Array.from({ length: 200 }, (_, i) => ({ width: 595, height: 842, lines: [`Page ${i + 1}`] }))), /has 200 pages.*limit is 100/));

  it('a PDF that takes longer than the time limit is stopped', async () => {
    const doc = { fileName: 'slow.pdf', content: Buffer.alloc(0) };
    const caught = await readPdf(doc, bytes('xiangdong-2021.pdf'), { ...PDF_LIMITS, timeoutMs: 1 }).then(() => null, (e: unknown) => e);
    expect((caught as ReportParseError).reason).toMatch(/took longer than 0.001 s/);
    // The next document gets a fresh reader.
    expect((await readPdf(doc, bytes('xiangdong-2021.pdf'))).pages).toBe(4);
  });

  it('more text items than the limit', async () => {
    const doc = { fileName: 'long.pdf', content: Buffer.alloc(0) };
    const caught = await readPdf(doc, bytes('xiangdong-2021.pdf'), { ...PDF_LIMITS, maxItems: 50 }).then(() => null, (e: unknown) => e);
    expect((caught as ReportParseError).reason).toMatch(/more than 50 pieces of text/);
  });
});
