import type { FileBox as FileBoxClass } from 'file-box';
import type { ContactInterface, MessageInterface, RoomInterface, WechatyInterface } from 'wechaty/impls';
import type { AskChart, Logger } from '../contracts';
import { ChartImages } from './chart';
import { RateLimiter, type Admission, type RateLimit } from './rateLimit';

/**
 * The WeChat channel: in groups the bot answers only when @-mentioned or when the message starts with the prefix,
 * and replies with an @ to the asker; private chats always get an answer. Own, stale and non-text messages are
 * ignored; groups and persons are rate-limited; errors are logged and never end the process. An answer with a chart
 * (rankings, per-agency lists, comparisons, year series) is followed by the chart as a PNG image: the text is sent
 * first and stays complete, a chart that cannot be rendered or sent is logged and left out.
 */

export interface Answerer {
  ask(question: string, sessionId?: string): Promise<{ text: string; chart?: AskChart }>;
}

/** A chart image the channel sent (for metrics and tests). */
export interface SentChart {
  conversationId: string;
  title: string;
  svg: string;
  png: Buffer;
}

export interface WechatyChannelOptions {
  answerer: Answerer;
  /** A group message starting with this asks the bot without an @ (default 「年报」). Empty disables. */
  prefix?: string;
  /** Only these groups (ids or topics); all when empty. */
  rooms?: string[];
  roomLimit?: RateLimit;
  personLimit?: RateLimit;
  /** Longer messages are refused (characters). */
  maxLength?: number;
  /** Messages older than this are ignored (after a reconnect the puppet may replay a backlog). */
  staleMs?: number;
  logger?: Logger;
  now?: () => number;
  /** Send answer charts as images (default true). */
  charts?: boolean;
  /** Chart renders in flight at most (default 2); beyond that a chart is skipped, the text is not affected. */
  maxChartRenders?: number;
  onChart?: (sent: SentChart) => void;
}

export interface ChannelStats {
  received: number;
  answered: number;
  limited: number;
  ignored: number;
  errors: number;
  charts: number;
}

export const RATE_NOTICE = '提问太频繁了，请稍等一分钟再问。';
export const DEFAULT_PREFIX = '年报';

/** file-box (with its image libraries) loads in a quarter second: only a channel pays for it, not every importer of the app. */
function loadFileBox(): typeof FileBoxClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('file-box') as { FileBox: typeof FileBoxClass }).FileBox;
}

const consoleLogger: Logger = {
  info: (m) => console.log(`[nianbao bot] ${m}`),
  warn: (m) => console.warn(`[nianbao bot] ${m}`),
  error: (m) => console.error(`[nianbao bot] ${m}`),
};

interface Question {
  text: string;
  room: RoomInterface | undefined;
  talker: ContactInterface;
}

export class WechatyChannel {
  readonly stats: ChannelStats = { received: 0, answered: 0, limited: 0, ignored: 0, errors: 0, charts: 0 };
  private readonly limiter: RateLimiter;
  private readonly logger: Logger;
  private readonly prefix: string;
  private readonly roomLimit: RateLimit;
  private readonly personLimit: RateLimit;
  private readonly maxLength: number;
  private readonly staleMs: number;
  private readonly now: () => number;
  private readonly charts: ChartImages | null;
  private readonly FileBox: typeof FileBoxClass | null;
  /** Chart deliveries under way (rendering, then sending), awaited by drain(). */
  private readonly delivering = new Set<Promise<void>>();

  constructor(private readonly bot: WechatyInterface, private readonly options: WechatyChannelOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.prefix = options.prefix ?? DEFAULT_PREFIX;
    this.roomLimit = options.roomLimit ?? { limit: 20, windowMs: 60_000 };
    this.personLimit = options.personLimit ?? { limit: 6, windowMs: 60_000 };
    this.maxLength = options.maxLength ?? 200;
    this.staleMs = options.staleMs ?? 120_000;
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter();
    this.charts = options.charts === false ? null : new ChartImages({ logger: this.logger, maxConcurrent: options.maxChartRenders });
    this.FileBox = this.charts ? loadFileBox() : null;
    this.attach();
  }

  private attach(): void {
    const bot = this.bot;
    bot.on('scan', (qrcode, status) => this.logger.info(`scan (status ${status}): ${qrcode}`));
    bot.on('login', (user) => this.logger.info(`logged in as ${user.name()}`));
    bot.on('logout', (user, reason) => this.logger.warn(`logged out: ${user.name()}${reason ? ` (${reason})` : ''}`));
    // An unhandled puppet or watchdog error would end the process: log it and keep serving.
    bot.on('error', (error) => {
      this.stats.errors++;
      this.logger.error(`puppet error: ${error instanceof Error ? error.message : String(error)}`);
    });
    bot.on('message', (msg) => {
      this.onMessage(msg).catch((e: Error) => {
        this.stats.errors++;
        this.logger.error(`message ${msg.id} failed: ${e.message}`);
      });
    });
  }

  private async onMessage(msg: MessageInterface): Promise<void> {
    this.stats.received++;
    const question = await this.questionOf(msg);
    if (!question) {
      this.stats.ignored++;
      return;
    }
    // limits first: a flood of over-long messages must not earn a refusal each
    const admission = await this.admit(question);
    if (admission !== 'ok') {
      this.stats.limited++;
      if (admission === 'notify') await this.reply(question, RATE_NOTICE);
      return;
    }
    if (question.text.length > this.maxLength) {
      await this.reply(question, `问题太长了（${question.text.length}字），请控制在${this.maxLength}字以内。`);
      return;
    }
    const session = question.room ? `wx:${question.room.id}:${question.talker.id}` : `wx:p:${question.talker.id}`;
    const answer = await this.options.answerer.ask(question.text, session);
    await this.reply(question, answer.text);
    this.stats.answered++;
    if (answer.chart && this.charts) {
      const delivery = this.sendChart(question, answer.chart, this.charts);
      this.delivering.add(delivery);
      await delivery.finally(() => this.delivering.delete(delivery));
    }
  }

  /** Wait for the charts being rendered or sent (before stopping the bot, so that none is cut off half-way). */
  async drain(): Promise<void> {
    while (this.delivering.size > 0) await Promise.allSettled([...this.delivering]);
  }

  /** After the text: the chart as a PNG (rendered on the thread pool), or nothing when it cannot be drawn or sent. */
  private async sendChart(q: Question, chart: AskChart, charts: ChartImages): Promise<void> {
    const rendered = await charts.png(chart);
    if (!rendered || !this.FileBox) return;
    // base64, not fromBuffer: a Buffer FileBox has no toJSON(), which wechaty-puppet-mock calls; base64 serializes anywhere
    const file = this.FileBox.fromBase64(rendered.png.toString('base64'), 'chart.png');
    try {
      await (q.room ?? q.talker).say(file);
    } catch (e) {
      this.logger.warn(`chart 「${chart.title}」 not sent: ${(e as Error).message}`);
      return;
    }
    this.stats.charts++;
    this.options.onChart?.({ conversationId: (q.room ?? q.talker).id, title: chart.title, svg: rendered.svg, png: rendered.png });
  }

  /** The question a message asks the bot, or null when it is not for the bot. */
  private async questionOf(msg: MessageInterface): Promise<Question | null> {
    if (msg.self() || msg.type() !== this.bot.Message.Type.Text) return null;
    if (this.now() - msg.date().getTime() > this.staleMs) return null;
    const talker = msg.talker();
    const room = msg.room();
    if (!room) return { text: msg.text().trim(), room: undefined, talker };
    if (!(await this.roomAllowed(room))) return null;
    if (await msg.mentionSelf()) return { text: (await msg.mentionText()).trim(), room, talker };
    const text = msg.text().trim();
    const selfName = this.bot.isLoggedIn ? this.bot.currentUser.name() : '';
    // some puppets deliver an @ typed by hand without a mention list
    if (selfName && text.startsWith(`@${selfName}`)) return { text: text.slice(selfName.length + 1).trim(), room, talker };
    if (this.prefix && text.startsWith(this.prefix)) return { text: text.slice(this.prefix.length).replace(/^[\s:：,，]+/, ''), room, talker };
    return null;
  }

  private async roomAllowed(room: RoomInterface): Promise<boolean> {
    const allowed = this.options.rooms ?? [];
    if (allowed.length === 0) return true;
    return allowed.includes(room.id) || allowed.includes(await room.topic());
  }

  private admit(q: Question): Promise<Admission> {
    // the group first: a message the full group refuses never touches its sender's budget
    const keys = q.room ? [{ key: `room:${q.room.id}`, rule: this.roomLimit }] : [];
    keys.push({ key: `person:${q.talker.id}`, rule: this.personLimit });
    return this.limiter.admit(keys);
  }

  private async reply(q: Question, text: string): Promise<void> {
    if (q.room) await q.room.say(text, q.talker);
    else await q.talker.say(text);
  }
}
