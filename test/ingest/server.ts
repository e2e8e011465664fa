import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as iconv from 'iconv-lite';

/**
 * A real HTTP server on 127.0.0.1 serving the fixtures the way agency sites do: report pages (UTF-8 and GBK), a DOCX
 * attachment and a wrapper page linking to it, robots.txt with a disallowed path, and the failures a crawler meets
 * (404, a redirect loop, an endless body, an answer that never comes, a 503 that passes, a 500 that does not).
 */
const ROOT = path.join(__dirname, '..', '..');
export const SHUYANG_HTML = readFileSync(path.join(ROOT, 'test/fixtures/real/reports/shuyang-fgj-2023.html'));
export const BAITU_HTML = readFileSync(path.join(ROOT, 'samples/baitu-2020.html'), 'utf8');
export const GANGKOU_DOCX = readFileSync(path.join(ROOT, 'samples/gangkou-2021.docx'));
export const SHIJI_TXT = readFileSync(path.join(ROOT, 'samples/shiji-2020.txt'));
/** baitu-2020.html as a GBK site serves it: bytes in GBK, the meta tag saying so. */
export const BAITU_GBK = iconv.encode(BAITU_HTML.replace('<meta charset="utf-8"/>', '<meta charset="gb2312"/>'), 'gbk');
/** Larger than the parser's MAX_DOCUMENT_BYTES (32 MB), streamed in 1 MB chunks without Content-Length. */
export const HUGE_BYTES = 64 * 1024 * 1024;

/** The report page with the report's Word file attached below it, as many sites publish both. */
export const SHUYANG_WITH_ATTACHMENT = Buffer.concat([
  SHUYANG_HTML,
  Buffer.from('\n<p>附件：<a href="/files/W020220120.docx">沭阳县发展和改革局2023年政府信息公开年度报告.docx</a></p>\n', 'utf8'),
]);

export const WRAPPER_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>港口乡2021年政府信息公开工作年度报告_铜鼓县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<h1>港口乡2021年政府信息公开工作年度报告</h1><p>发布时间：2022-01-20</p>
<p>附件：<a href="/files/W020220120.docx">港口乡2021年政府信息公开工作年度报告.docx</a></p>
<p><a href="/files/guide.pdf">政府信息公开指南.pdf</a></p></body></html>`;

/** The PDF fixture printed from the filled national template, and a page that is only a wrapper around it. */
export const XIANGDONG_PDF = readFileSync(path.join(__dirname, '..', 'fixtures', 'pdf', 'xiangdong-2021.pdf'));
export const PDF_WRAPPER_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>湘东区2021年政府信息公开工作年度报告</title></head>
<body><h1>湘东区2021年政府信息公开工作年度报告</h1><p>附件：<a href="/files/xiangdong-2021.pdf">湘东区2021年政府信息公开工作年度报告.pdf</a></p></body></html>`;

export interface Hit {
  path: string;
  start: number;
  end: number;
}

export interface FixtureServer {
  base: string;
  hits: Hit[];
  /** Most requests the server handled at the same time. */
  maxConcurrent: number;
  /** Bytes of /huge written before the client hung up. */
  hugeSent: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, server: FixtureServer) => void | Promise<void>;

const send = (type: string, body: Buffer | string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

const ROBOTS = 'User-agent: *\nDisallow: /private/\n';

function routes(robotsStatus: number, robotsText: string): Record<string, Handler> {
  let flaky = 0;
  return {
    '/robots.txt': (req, res, server) => {
      if (robotsStatus === 200) return send('text/plain', robotsText)(req, res, server);
      res.writeHead(robotsStatus, { 'content-type': 'text/plain' });
      res.end('no robots.txt here');
    },
    '/reports/shuyang.html': send('text/html; charset=utf-8', SHUYANG_HTML),
    '/reports/shuyang-attached.html': send('text/html; charset=utf-8', SHUYANG_WITH_ATTACHMENT),
    '/reports/baitu-gbk.html': send('text/html; charset=GBK', BAITU_GBK),
    '/reports/baitu-meta.html': send('text/html', BAITU_GBK),
    '/notice/gangkou.html': send('text/html; charset=utf-8', WRAPPER_HTML),
    '/notice/xiangdong.html': send('text/html; charset=utf-8', PDF_WRAPPER_HTML),
    '/files/xiangdong-2021.pdf': send('application/pdf', XIANGDONG_PDF),
    '/files/W020220120.docx': send('application/vnd.openxmlformats-officedocument.wordprocessingml.document', GANGKOU_DOCX),
    '/notice/legacy.html': send('text/html; charset=utf-8', '<html><head><title>通知</title></head><body><a href="/files/old.doc">附件：2019年度报告.doc</a></body></html>'),
    '/files/old.doc': send('application/msword', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex')),
    '/private/shiji.txt': send('text/plain', SHIJI_TXT),
    '/loop/a': (_req, res) => {
      res.writeHead(302, { location: '/loop/b' });
      res.end();
    },
    '/loop/b': (_req, res) => {
      res.writeHead(301, { location: 'a' });
      res.end();
    },
    '/moved/shiji.txt': (_req, res) => {
      res.writeHead(301, { location: '/reports/shiji.txt' });
      res.end();
    },
    '/reports/shiji.txt': send('text/plain; charset=utf-8', SHIJI_TXT),
    '/flaky/shiji.txt': (_req, res, server) => {
      flaky++;
      if (flaky === 1) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('busy');
      } else void send('text/plain', SHIJI_TXT)(_req, res, server);
    },
    '/broken': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('oops');
    },
    '/huge': async (_req, res, server) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(1024 * 1024, 0x31);
      let closed = false;
      let resume: () => void = () => {};
      res.on('close', () => {
        closed = true;
        resume();
      });
      res.on('drain', () => resume());
      while (!closed && server.hugeSent < HUGE_BYTES) {
        server.hugeSent += chunk.length;
        if (!res.write(chunk)) await new Promise<void>((resolve) => (resume = resolve));
      }
      res.end();
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('a');
      const timer = setTimeout(() => res.end(SHIJI_TXT), 20_000);
      res.on('close', () => clearTimeout(timer));
    },
  };
}

/** `robotsStatus`: what /robots.txt answers (200 with rules, or e.g. 404 for none, 503 for a broken site). */
export async function startFixtureServer(robotsStatus = 200, robotsText = ROBOTS): Promise<FixtureServer> {
  const table = routes(robotsStatus, robotsText);
  let active = 0;
  const state: FixtureServer = { base: '', hits: [], maxConcurrent: 0, hugeSent: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const hit: Hit = { path: req.url ?? '', start: Date.now(), end: 0 };
    state.hits.push(hit);
    active++;
    state.maxConcurrent = Math.max(state.maxConcurrent, active);
    res.on('close', () => {
      active--;
      hit.end = Date.now();
    });
    const handler = table[(req.url ?? '').split('?')[0]];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>404</body></html>');
      return;
    }
    void handler(req, res, state);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Hits of one path. */
export const hitsOf = (server: FixtureServer, p: string) => server.hits.filter((h) => h.path === p).length;
