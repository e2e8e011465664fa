import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { setUploadParseLimits, BUFFER_PARSE_HEAP_MB, BUFFER_PARSE_TIMEOUT_MS } from '../../src/ingest';
import { SAMPLE_FILES, startHarness, type Harness } from '../graphql/harness';

const TOKEN = 'nb-upload-token-93c1';
const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input) { status report { id } } }`;

/** A DOCX of a few KB whose document.xml inflates to `mb` MB of paragraphs (issue 13 item 7: 42 KB → 2 GB). */
async function docxBomb(mb: number): Promise<Buffer> {
  const paragraph = '<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>';
  const body = paragraph.repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(paragraph)));
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const title = '白土镇2020年政府信息公开工作年度报告\n';

type Limits = Parameters<typeof setUploadParseLimits>[0];
/**
 * Each case with the bounds that stop it. The bomb is stopped by the heap bound. The long paragraph and the nesting
 * are stopped by time while the heap holds them: they take ~4 s on a quiet core, so with the 4 s bound the outcome
 * depended on the machine's load (a quiet machine ingested the paragraph); 300 ms stops them on any.
 */
const LIMITS: Limits = { timeoutMs: 4000, maxOldGenerationSizeMb: 96 };
const hostile: [name: string, make: () => Promise<{ fileName: string; content: string; encoding: 'BASE64' | 'TEXT' }>, limits: Limits | null][] = [
  ['a DOCX bomb (small zip, huge document.xml)', async () => ({ fileName: 'bomb.docx', content: (await docxBomb(40)).toString('base64'), encoding: 'BASE64' }), null],
  ['100k nested <div>', async () => ({
    fileName: 'nested.html', encoding: 'TEXT',
    content: `<html><head><title>${title}</title></head><body>${'<div>'.repeat(100_000)}${title}${'</div>'.repeat(100_000)}</body></html>`,
  }), { ...LIMITS, timeoutMs: 300 }],
  ['one 7 MB paragraph', async () => ({
    fileName: 'paragraph.txt', encoding: 'TEXT',
    content: `${title}${readFileSync(SAMPLE_FILES[0], 'utf8')}\n${'本机关坚持以习近平新时代中国特色社会主义思想为指导，'.repeat(90_000)}\n`,
  }), { ...LIMITS, timeoutMs: 300 }],
];

describe('hostile uploads to ingestReport are refused by the parser worker, the server keeps answering (issue 13 item 7)', () => {
  let h: Harness;
  beforeAll(async () => {
    // Small bounds so that the limits are reached in seconds; the defaults are the same mechanism, larger.
    await setUploadParseLimits(LIMITS);
    h = await startHarness({ samples: false, apiToken: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await setUploadParseLimits({ timeoutMs: BUFFER_PARSE_TIMEOUT_MS, maxOldGenerationSizeMb: BUFFER_PARSE_HEAP_MB });
  });

  it.each(hostile)('%s → 400 DOCUMENT_TOO_COMPLEX, nothing stored, /health answers meanwhile', async (_name, make, limits) => {
    if (limits) await setUploadParseLimits(limits);
    const input = await make();
    const upload = h.post(INGEST, { input }, { authorization: `Bearer ${TOKEN}` });
    // Parsing runs in the worker: the main thread answers /health while the upload is being parsed.
    const health = await fetch(`${h.http.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'up' });
    const res = await upload;
    expect(`${res.status} ${res.text.slice(0, 300)}`).toMatch(/^400 /);
    expect(res.body.errors?.[0].extensions?.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(res.body.errors?.[0].message).toMatch(new RegExp(`^${input.fileName.replace('.', '\\.')}: the document is too complex to parse: `));
    const count = await h.post(`{ reports { totalCount } agencies { totalCount } }`);
    expect(count.body.data).toEqual({ reports: { totalCount: 0 }, agencies: { totalCount: 0 } });
    if (limits) await setUploadParseLimits(LIMITS);
  }, 60_000);

  it('an honest report is still ingested by the same worker afterwards', async () => {
    const content = readFileSync(SAMPLE_FILES[0]).toString('base64');
    const res = await h.post(INGEST, { input: { fileName: 'baitu-2020.txt', content, encoding: 'BASE64' } }, { authorization: `Bearer ${TOKEN}` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.ingestReport.status).toBe('ingested');
  });
});
