import { MAX_DOCUMENT_BYTES } from '../../parser/decode';
import { WebError } from './errors';
import { requestOnce, type Exchange, type RequestLimits } from './http';
import { DEFAULT_DELAY_MS, HostQueue, sleep } from './politeness';
import { ROBOTS_MAX_BYTES, RobotsCache, rulesOf, type RobotsAnswer, type RobotsRules } from './robots';

export interface WebOptions {
  /** Pause between two requests to the same host, ms (default 1000; robots.txt Crawl-delay may make it longer). */
  delayMs?: number;
  /** One request, connect to last byte, ms (default 30,000). */
  timeoutMs?: number;
  /** Further tries after a 5xx answer, a timeout or a network failure (default 2; never after a 4xx). */
  retries?: number;
  /** First back-off before a retry, doubled each time, ms (default 2,000). */
  backoffMs?: number;
  /** Redirects followed per address (default 5). */
  maxRedirects?: number;
  /** Body size limit (default the parser's MAX_DOCUMENT_BYTES). */
  maxBytes?: number;
  userAgent?: string;
}

export const WEB_DEFAULTS = {
  delayMs: DEFAULT_DELAY_MS,
  timeoutMs: 30_000,
  retries: 2,
  backoffMs: 2_000,
  maxRedirects: 5,
  maxBytes: MAX_DOCUMENT_BYTES,
  userAgent: 'nianbao/0.1 (government information disclosure annual reports)',
};

export interface Fetched {
  /** The address the body came from, after redirects. */
  url: string;
  contentType: string | null;
  body: Buffer;
  fetchedAt: Date;
}

/**
 * Fetches addresses politely: robots.txt of every origin asked first (and per redirect hop), one request at a time
 * per host with a pause between, retries with back-off for what may pass, redirects followed up to a limit with
 * loops detected, http and https only.
 */
export class WebClient {
  private readonly settings: typeof WEB_DEFAULTS;
  private readonly queue: HostQueue;
  private readonly robots: RobotsCache;

  constructor(options: WebOptions = {}) {
    this.settings = { ...WEB_DEFAULTS, ...definedOnly(options) };
    this.queue = new HostQueue(this.settings.delayMs);
    this.robots = new RobotsCache((robotsUrl) => this.loadRobots(robotsUrl));
  }

  /** The document at `address`; throws WebError with the one-line reason. */
  async get(address: string): Promise<Fetched> {
    let url = parseAddress(address);
    const seen = new Set<string>([url.href]);
    for (let hop = 0; ; hop++) {
      const rules = await this.robots.of(url);
      if (!rules.allowed(url.href)) throw new WebError('disallowed by robots.txt');
      const exchange = await this.withRetries(url, this.limits());
      if (exchange.kind === 'body') return { url: url.href, contentType: exchange.contentType, body: exchange.body, fetchedAt: new Date() };
      const next = redirectTarget(url, exchange.location);
      if (seen.has(next.href)) throw new WebError('redirect loop');
      if (hop + 1 > this.settings.maxRedirects) throw new WebError(`more than ${this.settings.maxRedirects} redirects`);
      seen.add(next.href);
      url = next;
    }
  }

  private limits(maxBytes = this.settings.maxBytes): RequestLimits {
    return { timeoutMs: this.settings.timeoutMs, maxBytes, userAgent: this.settings.userAgent };
  }

  /** One request through the host's queue, tried again after a back-off when the failure may pass. */
  private async withRetries(url: URL, limits: RequestLimits): Promise<Exchange> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.queue.run(url.host, () => requestOnce(url.href, limits));
      } catch (e) {
        const error = e instanceof WebError ? e : new WebError(String(e));
        if (!error.retryable || attempt >= this.settings.retries) {
          throw attempt > 0 ? new WebError(`${error.message} (after ${attempt + 1} tries)`) : error;
        }
        await sleep(this.settings.backoffMs * 2 ** attempt);
      }
    }
  }

  private async loadRobots(robotsUrl: string): Promise<RobotsRules> {
    const answer = await this.robotsAnswer(robotsUrl);
    const rules = rulesOf(robotsUrl, answer, this.settings.userAgent);
    this.queue.setCrawlDelay(new URL(robotsUrl).host, rules.crawlDelay());
    return rules;
  }

  private async robotsAnswer(robotsUrl: string): Promise<RobotsAnswer> {
    let url = new URL(robotsUrl);
    for (let hop = 0; hop <= this.settings.maxRedirects; hop++) {
      let exchange: Exchange;
      try {
        exchange = await this.withRetries(url, this.limits(ROBOTS_MAX_BYTES));
      } catch (e) {
        const error = e as WebError;
        if (/^4\d\d /.test(error.message)) return { kind: 'none' };
        if (/^body over/.test(error.message)) return { kind: 'none' };
        return { kind: 'unavailable', error };
      }
      if (exchange.kind === 'body') return { kind: 'rules', text: exchange.body.toString('utf8') };
      try {
        url = redirectTarget(url, exchange.location);
      } catch {
        return { kind: 'none' };
      }
    }
    // RFC 9309: after five redirects a crawler may treat robots.txt as unavailable (4xx): no rules.
    return { kind: 'none' };
  }
}

/** Only absolute http(s) addresses are fetched. */
export function parseAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new WebError('not a web address (expected http://… or https://…)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebError(`only http and https addresses are fetched (got ${url.protocol})`);
  }
  url.hash = '';
  return url;
}

function redirectTarget(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new WebError(`redirect to an invalid address (${location.slice(0, 100)})`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new WebError(`redirect to a ${next.protocol} address, not followed`);
  next.hash = '';
  return next;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
