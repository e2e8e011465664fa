import { STATUS_CODES } from 'node:http';
import { networkError, WebError } from './errors';

/** One HTTP exchange, redirects not followed: the caller decides about them (limit, loops, robots.txt per hop). */
export type Exchange =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'body'; status: number; contentType: string | null; body: Buffer };

export interface RequestLimits {
  /** The whole exchange, from connecting to the last byte of the body. */
  timeoutMs: number;
  /** Larger bodies are cut off while streaming (and by Content-Length before that). */
  maxBytes: number;
  userAgent: string;
}

const ACCEPT = 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.9,*/*;q=0.5';

/** GET `url` once with Node's fetch (undici). Throws WebError for HTTP errors, timeouts, size and network failures. */
export async function requestOnce(url: string, limits: RequestLimits): Promise<Exchange> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: controller.signal,
      headers: { 'user-agent': limits.userAgent, accept: ACCEPT },
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'redirect', status: response.status, location };
    }
    if (response.status >= 400 || response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => undefined);
      const text = response.statusText || STATUS_CODES[response.status] || 'error';
      throw new WebError(`${response.status} ${text}`, response.status >= 500);
    }
    const body = await readLimited(response, limits.maxBytes, controller);
    return { kind: 'body', status: response.status, contentType: response.headers.get('content-type'), body };
  } catch (e) {
    if (timedOut) throw new WebError(`no complete answer within ${seconds(limits.timeoutMs)} (timeout)`, true);
    throw networkError(e);
  } finally {
    clearTimeout(timer);
  }
}

/** The body, counted while it streams in: a hostile or runaway server cannot fill memory. */
async function readLimited(response: Response, maxBytes: number, controller: AbortController): Promise<Buffer> {
  const tooLarge = () => new WebError(`body over ${megabytes(maxBytes)}`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw tooLarge();
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks, total);
}

function megabytes(bytes: number): string {
  return bytes >= 1048576 ? `${+(bytes / 1048576).toFixed(1)} MB` : `${bytes} bytes`;
}

function seconds(ms: number): string {
  return `${+(ms / 1000).toFixed(3)} s`;
}
