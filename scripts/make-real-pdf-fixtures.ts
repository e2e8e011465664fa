/**
 * PDF variants of real reports (issue 10), written to test/fixtures/real-extra, so that the PDF path (pdfjs-dist line
 * grouping, table recovery) meets real reports with values known cell by cell:
 * - crawler-text reports (LAYOUTS): the report's own text — title, publication line, narrative of each section,
 *   signature — laid out as the agency's web page with the national form's tables holding the hand-read values of
 *   expected/<slug>.json, printed by Chromium;
 * - HTML reports (PRINTED): the page as it is (its own table markup: blank cells, split label cells), printed by
 *   Chromium; the expected values are the page's.
 * Needs: chromium, fonts-noto-cjk. Run: npx tsc -p scripts/tsconfig.json && node dist/scripts/make-real-pdf-fixtures.js
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TemplateFormat } from '../src/parser/catalog';
import { buildHtml } from '../test/parser/support/builders';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'real-extra');
const TMP = mkdtempSync(join(tmpdir(), 'nianbao-real-pdf-'));

interface Expected {
  source: string;
  agency: string;
  region: string;
  year: number;
  format: TemplateFormat;
  cells: Record<string, number | null>;
  unrecoverable: string[];
  notes: string;
}

/** Where each part of the body starts, as the report words it (the text between two markers is one section). */
interface Layout {
  slug: string;
  /** Section heading → the text that begins its table in the .txt (narrative before it is kept, the glued table dropped). */
  sections: { heading: string; tableStart?: string; next: string }[];
  /** Text that begins the signature. */
  signature: string;
}

const LAYOUTS: Layout[] = [
  {
    slug: 'pingtan-economy-2019',
    sections: [
      { heading: '一、总体情况', next: '二、主动公开政府信息情况' },
      { heading: '二、主动公开政府信息情况', tableStart: '第二十条', next: '三、收到和处理政府信息公开申请情况' },
      { heading: '三、收到和处理政府信息公开申请情况', tableStart: '（本列数据', next: '四、政府信息公开行政复议' },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', tableStart: '行政复议', next: '五、存在的主要问题' },
      { heading: '五、存在的主要问题及改进情况', next: '六、其他需要报告的事项' },
      { heading: '六、其他需要报告的事项', next: ' 平潭综合实验区经济发展局 2020年1月2日' },
    ],
    signature: ' 平潭综合实验区经济发展局 2020年1月2日',
  },
  {
    slug: 'pingtan-suping-2024',
    sections: [
      { heading: '一、总体情况', next: '二、主动公开政府信息情况' },
      { heading: '二、主动公开政府信息情况', tableStart: '第二十条', next: '三、收到和处理政府信息公开申请情况' },
      { heading: '三、收到和处理政府信息公开申请情况', tableStart: '（本列数据', next: '四、政府信息公开行政复议' },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', tableStart: '行政复议', next: '五、信息处理费收取情况' },
      { heading: '五、信息处理费收取情况', next: '六、存在的主要问题' },
      { heading: '六、存在的主要问题和改进情况', next: '' },
    ],
    signature: '',
  },
  {
    slug: 'pingtan-junshan-2022',
    sections: [
      { heading: '一、总体情况', next: '二、主动公开政府信息情况' },
      { heading: '二、主动公开政府信息情况', tableStart: '第二十条', next: '三、收到和处理政府信息公开申请情况' },
      { heading: '三、收到和处理政府信息公开申请情况', tableStart: '（本列数据', next: '四、政府信息公开行政复议' },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', tableStart: '行政复议', next: '五、存在的主要问题' },
      { heading: '五、存在的主要问题及改进情况', next: '六、其他需要报告的事项' },
      { heading: '六、其他需要报告的事项', next: ' 平潭综合实验区君山片区管理局 2023年1月9日' },
    ],
    signature: ' 平潭综合实验区君山片区管理局 2023年1月9日',
  },
];

function between(text: string, from: number, marker: string): number {
  if (!marker) return text.length;
  const at = text.indexOf(marker, from);
  if (at < 0) throw new Error(`marker 「${marker}」 not found`);
  return at;
}

/** The cell text a printed form shows: 万元 for format 2021 收费金额, 0 for the 法人 columns the expected file leaves out. */
function cellTexts(e: Expected): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(e.cells)) {
    out[key] = value === null ? '' : key === 'active.fees.amount' && e.format === '2021' ? String(value / 10000) : String(value);
    const m = /^(requests\..*)\.natural_person$/.exec(key);
    if (m) for (const col of ['commercial', 'research', 'social_org', 'legal_service', 'other_org']) out[`${m[1]}.${col}`] ??= '0';
  }
  return out;
}

function make(layout: Layout): void {
  const txt = readFileSync(join(DIR, 'reports', `${layout.slug}.txt`), 'utf8');
  const e = JSON.parse(readFileSync(join(DIR, 'expected', `${layout.slug}.json`), 'utf8')) as Expected;
  if (e.unrecoverable.length) throw new Error(`${layout.slug}: unrecoverable cells cannot be printed`);
  const title = /^标题: (.*)$/m.exec(txt)![1];
  const published = /^发布时间: (.*)$/m.exec(txt)![1];
  const marker = '==================== 正文 ====================\n';
  const body = txt.slice(txt.indexOf(marker) + marker.length);
  let at = between(body, 0, layout.sections[0].heading);
  const intro = body.slice(0, at).replace(/^.*相关链接： /, '').trim();
  const sections = layout.sections.map((s) => {
    const start = at + s.heading.length;
    const end = between(body, start, s.next);
    const narrative = body.slice(start, s.tableStart ? between(body, start, s.tableStart) : end).trim();
    at = end;
    return { heading: s.heading, paragraphs: narrative ? [narrative] : [] };
  });
  const signature = layout.signature ? body.slice(body.indexOf(layout.signature)).trim().split(/ +/).filter((p) => p !== '附件下载') : [];
  const html = buildHtml({ format: e.format, title, chrome: `发布时间：${published}`, intro: intro ? [intro] : [], sections, signature, cells: cellTexts(e) });
  const file = join(TMP, `${layout.slug}.html`);
  writeFileSync(file, html);
  const pdf = join(DIR, 'reports', `${layout.slug}-chromium.pdf`);
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--user-data-dir=${TMP}/chromium`, `--print-to-pdf=${pdf}`, `file://${file}`], { stdio: 'ignore' });
  const expected = {
    ...e,
    source: `${e.source} — its text and hand-read values laid out as a web page with the national form's tables (scripts/make-real-pdf-fixtures.ts) and printed by Chromium`,
    notes: `PDF variant of ${layout.slug}.txt: the same title, publication date, narrative and signature; the tables are the national form's with the hand-read values of ${layout.slug}.json (法人或其他组织 columns printed 0 where that file leaves them out). Chromium adds its date/title/URL/page-number margins. Notes of the .txt: ${e.notes}`,
  };
  writeFileSync(join(DIR, 'expected', `${layout.slug}-chromium.json`), `${JSON.stringify(expected, null, 1)}\n`);
}

/**
 * HTML reports printed as they are: [corpus, slug, small page]. A small page (A5, the body's text at 12 px) is what
 * a phone-sized print gives: narrow label columns wrap every label over two or three lines, around the row's values,
 * and the tables' text is larger than the body's.
 */
const PRINTED: [string, string, boolean][] = [
  ['real', 'shuyang-fgj-2023', false],
  ['real-extra', 'shanghai-office-2019', false],
  ['real', 'shuyang-fgj-2023', true],
  ['real', 'pingtan-2019', true],
  ['real-extra', 'pingtan-2020', true],
  ['real', 'pingtan-2023', true],
];

const SMALL_PAGE = '<style>@page{size:A5;margin:8mm} body{font-size:12px}</style>';

function print(corpus: string, slug: string, small: boolean): void {
  const from = join(ROOT, 'test', 'fixtures', corpus);
  const name = `${slug}-chromium${small ? '-a5' : ''}`;
  const pdf = join(DIR, 'reports', `${name}.pdf`);
  let page = join(from, 'reports', `${slug}.html`);
  if (small) {
    const html = readFileSync(page, 'utf8');
    const at = html.toLowerCase().indexOf('<head>');
    page = join(TMP, `${name}.html`);
    writeFileSync(page, at >= 0 ? `${html.slice(0, at + 6)}${SMALL_PAGE}${html.slice(at + 6)}` : `${SMALL_PAGE}${html}`);
  }
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--user-data-dir=${TMP}/chromium`, `--print-to-pdf=${pdf}`, `file://${page}`], { stdio: 'ignore' });
  const e = JSON.parse(readFileSync(join(from, 'expected', `${slug}.json`), 'utf8')) as Expected & { region?: string };
  // The shared corpus keeps its regions in its README (test/parser/support/real.ts REAL_REGIONS).
  const region = e.region ?? ({ 沭阳县发展和改革局: '321322', 平潭综合实验区: '350128' } as Record<string, string>)[e.agency];
  const expected = {
    ...e,
    region,
    unrecoverable: e.unrecoverable ?? [],
    source: `${e.source} — test/fixtures/${corpus}/reports/${slug}.html printed by Chromium${small ? ' on an A5 page' : ''} (scripts/make-real-pdf-fixtures.ts)`,
    notes: `PDF variant of ${corpus}/${slug}.html: the page printed as it is${small ? ' on an A5 page with 12 px body text (labels wrapped around their values, tables in a larger font than the body)' : ''}, with Chromium's date/title/URL/page-number margins. Blank table cells print nothing, so a row's values stand at their columns with gaps between them; each value belongs to the column whose header it stands under. Notes of the HTML: ${e.notes}`,
  };
  writeFileSync(join(DIR, 'expected', `${name}.json`), `${JSON.stringify(expected, null, 1)}\n`);
}

for (const layout of LAYOUTS) make(layout);
for (const [corpus, slug, small] of PRINTED) print(corpus, slug, small);
rmSync(TMP, { recursive: true, force: true });
