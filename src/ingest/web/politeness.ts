/**
 * Politeness towards each site: one request at a time per host, and a pause between the end of one request and the
 * start of the next to the same host (the larger of the configured delay and the site's robots.txt Crawl-delay).
 * Requests to different hosts run side by side.
 */
export interface PolitenessOptions {
  /** Pause between two requests to the same host, in milliseconds (default DEFAULT_DELAY_MS). */
  delayMs?: number;
}

export const DEFAULT_DELAY_MS = 1000;
/** A robots.txt Crawl-delay above this is capped: an ingest of a few reports should not wait for hours. */
export const MAX_CRAWL_DELAY_MS = 30_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();
  private readonly crawlDelay = new Map<string, number>();

  constructor(private readonly delayMs: number = DEFAULT_DELAY_MS) {}

  /** The site's own Crawl-delay, in seconds, from its robots.txt. */
  setCrawlDelay(host: string, seconds: number | undefined): void {
    if (seconds !== undefined && Number.isFinite(seconds) && seconds > 0) {
      this.crawlDelay.set(host, Math.min(seconds * 1000, MAX_CRAWL_DELAY_MS));
    }
  }

  /** Runs `task` when the host is free and its pause is over; the next task for the host waits for this one. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(async () => {
      const delay = Math.max(this.delayMs, this.crawlDelay.get(host) ?? 0);
      const wait = (this.lastEnd.get(host) ?? -Infinity) + delay - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await task();
      } finally {
        this.lastEnd.set(host, Date.now());
      }
    });
    this.tails.set(host, result.then(noop, noop));
    return result;
  }
}

function noop(): void {}
