import robotsParser from 'robots-parser';
import { WebError } from './errors';

type Robot = ReturnType<typeof robotsParser>;

/** What a site's robots.txt says, fetched once per origin. */
export interface RobotsRules {
  allowed(url: string): boolean;
  /** Crawl-delay in seconds, when the site sets one for us. */
  crawlDelay(): number | undefined;
}

/** robots.txt beyond this is not read further (RFC 9309 asks crawlers to read at least 500 KiB). */
export const ROBOTS_MAX_BYTES = 512 * 1024;

/**
 * The robots.txt answer as RFC 9309 (2.3.1) reads it: a 2xx body gives the rules; 4xx means no rules (everything
 * allowed); a 5xx or an unreachable server means the site is treated as disallowed, so the address fails with why.
 */
export type RobotsAnswer = { kind: 'rules'; text: string } | { kind: 'none' } | { kind: 'unavailable'; error: WebError };

export function rulesOf(robotsUrl: string, answer: RobotsAnswer, userAgent: string): RobotsRules {
  if (answer.kind === 'unavailable') {
    const reason = `robots.txt could not be read (${answer.error.message}), so the site is not fetched`;
    return {
      allowed: () => {
        throw new WebError(answer.error.message.startsWith('host unreachable') ? answer.error.message : reason);
      },
      crawlDelay: () => undefined,
    };
  }
  if (answer.kind === 'none') return { allowed: () => true, crawlDelay: () => undefined };
  const robot: Robot = robotsParser(robotsUrl, answer.text);
  const agent = userAgent.split('/')[0];
  return {
    allowed: (url) => robot.isAllowed(url, agent) !== false,
    crawlDelay: () => robot.getCrawlDelay(agent),
  };
}

/** One robots.txt per origin (scheme, host, port), fetched on first use; concurrent callers share the fetch. */
export class RobotsCache {
  private readonly rules = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly load: (robotsUrl: string) => Promise<RobotsRules>) {}

  of(url: URL): Promise<RobotsRules> {
    const robotsUrl = `${url.origin}/robots.txt`;
    let rules = this.rules.get(robotsUrl);
    if (!rules) {
      rules = this.load(robotsUrl);
      this.rules.set(robotsUrl, rules);
    }
    return rules;
  }
}
