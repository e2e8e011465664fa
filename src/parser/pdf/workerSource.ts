/**
 * The code of the thread that runs pdf.js, as source text. pdfjs-dist is ESM-only: a real `import()` is needed,
 * which ts-jest (CommonJS) rewrites into `require()` and Jest's sandbox cannot load. A worker thread started from
 * this text runs outside any sandbox, the same way under Jest and in dist/, and can be stopped when a hostile
 * file makes pdf.js run too long or grow too large.
 *
 * Protocol: workerData {moduleUrl, cMapUrl, standardFontDataUrl}; message in {id, data, maxPages, maxItems};
 * message out {id, ok: true, pages: RawPage[]} or {id, ok: false, code, pages?, message?} (see extract.ts).
 */
export const PDF_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
// pdf.js may print warnings: they must not reach the CLI's stdout (JSON lines) or the server log. (Capturing the
// thread's stdout instead would keep the process alive after the last document.)
for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = () => {};
let loading = null;
const pdfjs = () => (loading = loading || import(workerData.moduleUrl));

function errorCode(e) {
  const name = e && e.name;
  if (name === 'PasswordException') return 'password';
  return 'corrupt';
}

async function readPage(lib, doc, n, budget) {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = [];
  for (const it of content.items) {
    // Whitespace items are kept (they mark a space pdf.js saw between words); empty ones carry nothing.
    if (typeof it.str !== 'string' || it.str === '') continue;
    if (++budget.items > budget.max) throw Object.assign(new Error('too many text items'), { name: 'TooMuchText' });
    // Viewport space: origin top left, y down, rotation applied.
    const m = lib.Util.transform(viewport.transform, it.transform);
    const size = Math.hypot(m[2], m[3]) || it.height || 1;
    const run = Math.hypot(m[0], m[1]) || 1;
    items.push({ s: it.str, x: m[4], y: m[5], w: it.width, h: size, dx: m[0] / run, dy: m[1] / run });
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, items };
}

parentPort.on('message', async (job) => {
  let task = null;
  try {
    const lib = await pdfjs();
    task = lib.getDocument({
      data: job.data,
      disableFontFace: true,
      cMapUrl: workerData.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: workerData.standardFontDataUrl,
      isEvalSupported: false,
      verbosity: 0,
    });
    const doc = await task.promise;
    if (doc.numPages > job.maxPages) {
      parentPort.postMessage({ id: job.id, ok: false, code: 'too_many_pages', pages: doc.numPages });
      return;
    }
    const pages = [];
    const budget = { items: 0, max: job.maxItems };
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(lib, doc, n, budget));
    parentPort.postMessage({ id: job.id, ok: true, pages });
  } catch (e) {
    const code = e && e.name === 'TooMuchText' ? 'too_much_text' : errorCode(e);
    parentPort.postMessage({ id: job.id, ok: false, code, message: String((e && e.message) || e).split('\n')[0] });
  } finally {
    if (task) await task.destroy().catch(() => {});
  }
});
`;
