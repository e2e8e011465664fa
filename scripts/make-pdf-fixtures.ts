/**
 * Realistic PDF and DOCX fixtures with known values (test/fixtures/pdf/):
 * - the blank national 2021 Word template (test/fixtures/real/template-2021.docx) filled with distinct non-zero
 *   numbers that satisfy the form's rules, saved as DOCX and printed to PDF by LibreOffice (one with a running
 *   header, page numbers and a long narrative so that 表三 breaks across pages);
 * - 2019-format web pages printed to PDF by Chromium with its date/title/URL/page-number margins;
 * - a scanned report (pages that are only images), a password-protected copy, a copy with an owner password only
 *   (opens without one), a report with one scanned page, one with every page rotated (qpdf).
 * Beside each PDF: `<name>.expected.json` (generated from the numbers filled in) and `<name>.layout.txt`
 * (`pdftotext -layout`, the measure the native reader is compared with).
 * Needs: soffice (libreoffice-writer-nogui), chromium, pdftotext + pdftoppm (poppler-utils), qpdf, fonts-noto-cjk.
 * Run: npx tsc -p scripts/tsconfig.json && node dist/scripts/make-pdf-fixtures.js
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { TemplateFormat } from '../src/parser/catalog';
import { buildHtml } from '../test/parser/support/builders';
import { readPgm, writePdf } from '../test/parser/support/pdfWriter';
import { expectedValues, templateOrder, type Expected } from '../test/parser/support/samples';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test', 'fixtures', 'pdf');
const TEMPLATE = join(ROOT, 'test', 'fixtures', 'real', 'template-2021.docx');
const TMP = mkdtempSync(join(tmpdir(), 'nianbao-fixtures-'));

export interface FixtureExpected {
  source: string;
  agency: string;
  year: number;
  format: TemplateFormat;
  /** Canonical key → value (money in 元). */
  cells: Record<string, number | null>;
}

// ------------------------------------------------------------------ values
/** mulberry32: a fixed seed gives the same fixtures on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICANTS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org'];
const APPEAL_ROWS = ['review', 'suit_direct', 'suit_after_review'];

/** Cell text by key: every number different (the outcome cells small, so that the sums stay below 10000), 表三 balanced per column, rows summing to 总计, 表四 rows to 总计. */
function fillValues(format: TemplateFormat, seed: number): Record<string, string> {
  for (let attempt = 0; ; attempt++) {
    const random = prng(seed + attempt * 7919);
    const used = new Set<number>();
    const fresh = (max: number): number => {
      for (;;) {
        const n = 1 + Math.floor(random() * max);
        if (!used.has(n)) {
          used.add(n);
          return n;
        }
      }
    };
    const cells: Record<string, string> = {};
    const keys = templateOrder(format);
    for (const key of keys.filter((k) => k.startsWith('active.'))) {
      if (key === 'active.fees.amount') cells[key] = (fresh(9000) / 100).toFixed(2); // 万元
      else if (key === 'active.procurement.amount') cells[key] = String(fresh(900000) + 100000);
      else cells[key] = String(fresh(400));
    }
    const outcomeRows = [...new Set(keys.filter((k) => k.startsWith('requests.')).map((k) => k.split('.').slice(1, -1).join('.')))]
      .filter((r) => !['new', 'carried_over', 'total', 'carried_forward'].includes(r));
    const totals = APPLICANTS.map(() => 0);
    for (const row of outcomeRows) {
      let sum = 0;
      APPLICANTS.forEach((col, i) => {
        const n = fresh(140);
        cells[`requests.${row}.${col}`] = String(n);
        totals[i] += n;
        sum += n;
      });
      cells[`requests.${row}.total`] = String(sum);
    }
    const sumOf = (row: string) => APPLICANTS.reduce((s, col) => s + Number(cells[`requests.${row}.${col}`]), 0);
    APPLICANTS.forEach((col, i) => {
      const carriedOver = fresh(300);
      const carriedForward = fresh(300);
      cells[`requests.carried_over.${col}`] = String(carriedOver);
      cells[`requests.carried_forward.${col}`] = String(carriedForward);
      cells[`requests.total.${col}`] = String(totals[i]);
      cells[`requests.new.${col}`] = String(totals[i] + carriedForward - carriedOver);
    });
    for (const row of ['new', 'carried_over', 'total', 'carried_forward']) cells[`requests.${row}.total`] = String(sumOf(row));
    for (const row of APPEAL_ROWS) {
      const parts = ['upheld', 'corrected', 'other', 'pending'].map((col) => {
        const n = fresh(240); // 表四's columns are the narrowest: totals below 1000
        cells[`appeals.${row}.${col}`] = String(n);
        return n;
      });
      cells[`appeals.${row}.total`] = String(parts.reduce((a, b) => a + b, 0));
    }
    // Distinct values; counts below 10000 so that they fit the narrow columns of the printed form.
    const values = keys.map((k) => valueOf(k, cells[k]));
    const counts = keys.filter((k) => !k.endsWith('.amount')).map((k) => Number(cells[k]));
    if (new Set(values).size === keys.length && counts.every((n) => Math.abs(n) < 10000)) return cells;
  }
}

/** The parser's value of a cell text: 万元 of format 2021 收费金额 become 元. */
function valueOf(key: string, raw: string): number {
  return key === 'active.fees.amount' ? Math.round(Number(raw) * 1000000) / 100 : Number(raw);
}

function expectedOf(source: string, agency: string, year: number, format: TemplateFormat, cells: Record<string, string>): FixtureExpected {
  const out: Record<string, number> = {};
  for (const key of templateOrder(format)) out[key] = valueOf(key, cells[key]);
  return { source, agency, year, format, cells: out };
}

// ------------------------------------------------------------------ DOCX
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A run in 宋体; table cells use the template's 10 pt (sz 20) so that four digits fit the narrow columns. */
const run = (text: string, size = 24) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const paragraph = (text: string) => `<w:p><w:pPr><w:ind w:firstLine="480"/></w:pPr>${run(text)}</w:p>`;

/** Text of the w:t elements of an XML fragment. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** Writes `values` into the blank data cells of the three tables, in document order; merged-cell continuations are skipped. */
function fillTables(xml: string, values: string[]): string {
  let next = 0;
  const out = xml.replace(/<w:tc>([\s\S]*?)<\/w:tc>/g, (cell: string, inner: string) => {
    if (/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(inner)) return cell;
    if (textOf(inner).replace(/[\s\u3000]/g, '') !== '') return cell;
    if (next >= values.length) throw new Error('the template has more blank cells than the form has values');
    const value = values[next++];
    const emptied = inner.replace(/<w:r>[\s\S]*?<\/w:r>/g, '');
    const at = emptied.lastIndexOf('</w:p>');
    return `<w:tc>${emptied.slice(0, at)}${run(value, 20)}${emptied.slice(at)}</w:tc>`;
  });
  if (next !== values.length) throw new Error(`the template has ${next} blank cells, the form ${values.length} values`);
  return out;
}

/** Marks the first `count` rows of table `index` as header rows that Word repeats at the top of every page (「重复标题行」). */
function repeatHeaderRows(xml: string, index: number, count: number): string {
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
  const table = tables[index];
  let seen = 0;
  const marked = table[0].replace(/<w:tr([ >][\s\S]*?)<\/w:tr>/g, (row: string) => {
    if (seen++ >= count) return row;
    return row.includes('<w:trPr>') ? row.replace('<w:trPr>', '<w:trPr><w:tblHeader/>') : row.replace(/^(<w:tr[^>]*>)/, '$1<w:trPr><w:tblHeader/></w:trPr>');
  });
  return xml.slice(0, table.index) + marked + xml.slice(table.index! + table[0].length);
}

/** Replaces the whole text of the first paragraph whose text is `from` by `to` (keeping its formatting). */
function replaceParagraph(xml: string, from: string, to: string[]): string {
  const re = /<w:p[ >][\s\S]*?<\/w:p>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (textOf(m[0]) !== from) continue;
    const first = m[0].replace(/<w:t(\s[^>]*)?>[^<]*<\/w:t>/, `<w:t xml:space="preserve">${esc(to[0])}</w:t>`).replace(/(<\/w:t><\/w:r>)[\s\S]*(<\/w:p>)$/, '$1$2');
    return xml.slice(0, m.index) + first + to.slice(1).map(paragraph).join('') + xml.slice(m.index + m[0].length);
  }
  throw new Error(`template paragraph not found: ${from}`);
}

interface Chrome {
  header?: string;
  /** Footer page numbers: 「- 3 -」 or 「第 3 页 共 9 页」. */
  pageNumbers: 'dash' | 'of';
}

function field(instr: string): string {
  return `<w:fldSimple w:instr=" ${instr} "><w:r><w:t>1</w:t></w:r></w:fldSimple>`;
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A running header and a page-number footer, as agencies' templates have them. */
async function addChrome(zip: JSZip, xml: string, chrome: Chrome): Promise<string> {
  const centered = (inner: string) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${inner}</w:p>`;
  const footer = chrome.pageNumbers === 'dash'
    ? centered(`${run('- ')}${field('PAGE')}${run(' -')}`)
    : centered(`${run('第 ')}${field('PAGE')}${run(' 页 共 ')}${field('NUMPAGES')}${run(' 页')}`);
  zip.file('word/footer1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W_NS}>${footer}</w:ftr>`);
  let refs = '<w:footerReference w:type="default" r:id="rIdFooter1"/>';
  let rels = '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>';
  let types = '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>';
  if (chrome.header) {
    zip.file('word/header1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W_NS}>${centered(run(chrome.header))}</w:hdr>`);
    refs = `<w:headerReference w:type="default" r:id="rIdHeader1"/>${refs}`;
    rels += '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>';
    types += '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>';
  }
  const relsXml = await zip.file('word/_rels/document.xml.rels')!.async('string');
  zip.file('word/_rels/document.xml.rels', relsXml.replace('</Relationships>', `${rels}</Relationships>`));
  const typesXml = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', typesXml.replace('</Types>', `${types}</Types>`));
  return xml.replace('<w:sectPr>', `<w:sectPr>${refs}`);
}

interface DocxFixture {
  name: string;
  agency: string;
  fullName: string;
  year: number;
  seed: number;
  overview: string[];
  chrome: Chrome;
  /** 表三's three header rows repeated on each page. */
  repeatHeader?: boolean;
}

async function makeDocx(f: DocxFixture): Promise<void> {
  const cells = fillValues('2021', f.seed);
  const zip = await JSZip.loadAsync(readFileSync(TEMPLATE));
  let xml = await zip.file('word/document.xml')!.async('string');
  xml = fillTables(xml, templateOrder('2021').map((k) => cells[k]));
  xml = replaceParagraph(xml, '政府信息公开工作年度报告格式模板', [`${f.fullName}${f.year}年政府信息公开工作年度报告`]);
  xml = replaceParagraph(xml, '（文字描述）', f.overview);
  xml = replaceParagraph(xml, '（文字描述）', ['一是公开内容的深度和广度有待拓展；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。']);
  xml = replaceParagraph(xml, '（文字描述，收取信息处理费情况在此处报告。）', [`本年度未收取信息处理费。`, `${f.fullName}`, `${f.year + 1}年1月20日`]);
  if (f.repeatHeader) xml = repeatHeaderRows(xml, 1, 3);
  xml = await addChrome(zip, xml, f.chrome);
  zip.file('word/document.xml', xml);
  const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  writeFileSync(join(OUT, `${f.name}.docx`), docx);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${TMP}/lo`, '--convert-to', 'pdf', '--outdir', OUT, join(OUT, `${f.name}.docx`)], { stdio: 'ignore' });
  finish(f.name, expectedOf(`${f.name}.docx printed by LibreOffice`, f.agency, f.year, '2021', cells));
}

// ------------------------------------------------------------------ HTML → Chromium
function printHtml(name: string, html: string): void {
  const file = join(TMP, `${name}.html`);
  writeFileSync(file, html);
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--user-data-dir=${TMP}/chromium`, `--print-to-pdf=${join(OUT, `${name}.pdf`)}`, `file://${file}`], { stdio: 'ignore' });
}

function makeBaitu(): void {
  printHtml('baitu-2020-chromium', readFileSync(join(ROOT, 'samples', 'baitu-2020.html'), 'utf8'));
  const e = JSON.parse(readFileSync(join(ROOT, 'samples', 'expected', 'baitu-2020.html.expected.json'), 'utf8')) as Expected;
  finish('baitu-2020-chromium', { source: 'samples/baitu-2020.html printed by Chromium', agency: e.agency.name, year: e.year, format: e.format, cells: Object.fromEntries(expectedValues(e)) });
}

function make2019(): void {
  const cells = fillValues('2019', 2019);
  cells['active.licensing.change'] = `-${cells['active.licensing.change']}`; // 本年增/减 is signed
  const name = '丰城市白土镇';
  const narrative = '本镇坚持以公开为常态、不公开为例外，围绕群众关切，通过政府网站、政务公开栏、微信公众号等渠道主动公开政府信息，及时回应社会关切。';
  const html = buildHtml({
    format: '2019',
    title: `${name}2020年政府信息公开工作年度报告`,
    chrome: '发布时间:2021-01-18 09:30 来源:丰城市白土镇 阅读次数: 字体:【大 中 小】',
    intro: ['根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。'],
    sections: [
      { heading: '一、总体情况', paragraphs: Array.from({ length: 6 }, () => narrative) },
      { heading: '二、主动公开政府信息情况', paragraphs: [] },
      { heading: '三、收到和处理政府信息公开申请情况', paragraphs: [] },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', paragraphs: [] },
      { heading: '五、存在的主要问题及改进情况', paragraphs: ['信息公开的及时性有待提高。'] },
      { heading: '六、其他需要报告的事项', paragraphs: ['无。'] },
    ],
    signature: ['丰城市白土镇人民政府', '2021年1月18日'],
    cells,
  });
  printHtml('baitu-2019format-chromium', html);
  const expected: Record<string, number> = {};
  for (const key of templateOrder('2019')) expected[key] = Number(cells[key]);
  finish('baitu-2019format-chromium', { source: 'a 2019-format web page (test/parser/support/builders.ts) printed by Chromium', agency: '白土镇', year: 2020, format: '2019', cells: expected });
}

// ------------------------------------------------------------------ scanned, encrypted
/** Renders a text PDF's pages to gray bitmaps and wraps them in a PDF with no text: what a scanner produces. */
function makeScanned(from: string, name: string): void {
  execFileSync('pdftoppm', ['-gray', '-r', '40', join(OUT, `${from}.pdf`), join(TMP, 'scan')]);
  const pages = readdirSync(TMP).filter((f) => f.startsWith('scan') && f.endsWith('.pgm')).sort();
  writeFileSync(join(OUT, `${name}.pdf`), writePdf(pages.map((p) => ({ width: 595, height: 842, image: readPgm(readFileSync(join(TMP, p))) }))));
}

function makeEncrypted(from: string, name: string): void {
  execFileSync('qpdf', ['--encrypt', 'secret-user', 'secret-owner', '256', '--', join(OUT, `${from}.pdf`), join(OUT, `${name}.pdf`)]);
}

/** Encrypted with an owner password only (no copying, printing or changes), as many agencies publish: anyone can open it. */
function makeRestricted(from: string, name: string): void {
  execFileSync('qpdf', ['--encrypt', '', 'secret-owner', '256', '--extract=n', '--print=none', '--modify=none', '--', join(OUT, `${from}.pdf`), join(OUT, `${name}.pdf`)]);
  const expected = JSON.parse(readFileSync(join(OUT, `${from}.expected.json`), 'utf8')) as FixtureExpected;
  finish(name, { ...expected, source: `${from}.pdf encrypted with an owner password only, copying and printing forbidden (qpdf)` });
}

/** A text report with one scanned page appended (a signed page scanned back in): its text is read, the image page is reported. */
function makeMixed(text: string, scan: string, name: string): void {
  execFileSync('qpdf', ['--empty', '--pages', join(OUT, `${text}.pdf`), join(OUT, `${scan}.pdf`), '1', '--', join(OUT, `${name}.pdf`)]);
  const expected = JSON.parse(readFileSync(join(OUT, `${text}.expected.json`), 'utf8')) as FixtureExpected;
  finish(name, { ...expected, source: `${text}.pdf with page 1 of ${scan}.pdf appended (qpdf)` });
}

/** Every page turned a quarter (/Rotate 90), as a landscape print or a scanner driver leaves it: the same report. */
function makeRotated(from: string, name: string): void {
  execFileSync('qpdf', ['--rotate=+90', join(OUT, `${from}.pdf`), join(OUT, `${name}.pdf`)]);
  const expected = JSON.parse(readFileSync(join(OUT, `${from}.expected.json`), 'utf8')) as FixtureExpected;
  finish(name, { ...expected, source: `${from}.pdf with every page rotated by 90° (qpdf)` });
}

function finish(name: string, expected: FixtureExpected): void {
  writeFileSync(join(OUT, `${name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
  execFileSync('pdftotext', ['-layout', join(OUT, `${name}.pdf`), join(OUT, `${name}.layout.txt`)]);
}

const OVERVIEW = '2021年，在区委、区政府的坚强领导下，我区认真贯彻落实《中华人民共和国政府信息公开条例》，紧紧围绕中心工作，不断深化政务公开，持续提升政府信息公开工作质量。全年通过区政府门户网站主动公开政府信息，公开内容涵盖机构职能、规划计划、财政预决算、重大建设项目、公共资源配置、社会公益事业等领域。';

async function main(): Promise<void> {
  await makeDocx({
    name: 'xiangdong-2021',
    agency: '湘东区',
    fullName: '萍乡市湘东区人民政府',
    year: 2021,
    seed: 2021,
    overview: [OVERVIEW],
    chrome: { pageNumbers: 'dash' },
  });
  // A long narrative pushes 表三 over a page break; a running header repeats on every page.
  await makeDocx({
    name: 'fengcheng-zrzy-2023',
    agency: '丰城市自然资源局',
    fullName: '丰城市自然资源局',
    year: 2023,
    seed: 2023,
    overview: Array.from({ length: 9 }, (_, i) => `（${'一二三四五六七八九'[i]}）${OVERVIEW.replace(/2021/g, '2023').replace(/区委、区政府/g, '市委、市政府').replace(/我区/g, '我局').replace(/区政府/g, '市政府')}`),
    chrome: { header: '丰城市自然资源局2023年政府信息公开工作年度报告', pageNumbers: 'of' },
  });
  // 表三 across a page break again, its header rows repeated at the top of the next page.
  await makeDocx({
    name: 'yuanzhou-2022',
    agency: '袁州区',
    fullName: '宜春市袁州区人民政府',
    year: 2022,
    seed: 2022,
    overview: Array.from({ length: 9 }, (_, i) => `${i + 1}. ${OVERVIEW.replace(/2021/g, '2022')}`),
    chrome: { pageNumbers: 'dash' },
    repeatHeader: true,
  });
  makeBaitu();
  make2019();
  makeScanned('xiangdong-2021', 'scanned-2021');
  makeEncrypted('xiangdong-2021', 'encrypted-2021');
  makeMixed('xiangdong-2021', 'scanned-2021', 'xiangdong-2021-scanned-page');
  makeRotated('fengcheng-zrzy-2023', 'fengcheng-zrzy-2023-rotated');
  makeRestricted('yuanzhou-2022', 'yuanzhou-2022-restricted');
  rmSync(TMP, { recursive: true, force: true });
}

void main();
