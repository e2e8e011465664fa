/**
 * Title, statistics year, publication date and contact details from the report text.
 */
import type { ContactInfo } from './types';
import { chineseNumber } from './values';

/** Web-page chrome printed around the article (publication line, counters, breadcrumbs). */
const CHROME = /发布时间|发布日期|来源[:：]|阅读次数|浏览次数|字体[:：]|【打印】|【关闭】|当前位置|首页|分享到|扫一扫|索引号|文号[:：]/;
const TITLE_SEARCH_LINES = 40;
const TITLE_MAX = 80;
/** 「…年度报告」, also 「…年度报告（全文）」「…年报。」. */
const TITLE_END = /(?:报告|年报)(?:[（(][^（()）]{1,8}[）)])?[。.]?$/;

export interface TitleInfo {
  title: string;
  line: number;
}

/** The report title: a short line ending in 报告, joined with the line above when it starts with the year. */
export function findTitle(lines: readonly string[]): TitleInfo | null {
  let seen = 0;
  let prev: { text: string; line: number } | null = null;
  for (let i = 0; i < lines.length && seen < TITLE_SEARCH_LINES; i++) {
    const t = lines[i].replace(/\s+/g, '');
    if (t === '' || lines[i].startsWith('\t')) continue;
    seen++;
    if (CHROME.test(t)) continue;
    if (t.length <= TITLE_MAX && TITLE_END.test(t) && /政府信息公开|信息公开|政务公开|年度报告/.test(prev ? prev.text + t : t)) {
      // 「甘河子镇政府信息公开工作」+「2020年度报告」, 「威海市文登区张家产镇」+「2020年度政府信息公开工作报告」
      if (prev && /^(?:\d{4}年|[〇零○一二三四五六七八九]{4}年|年度报告|工作年度报告)/.test(t) && prev.text.length <= 40 && !TITLE_END.test(prev.text)) {
        return { title: prev.text + t, line: prev.line };
      }
      return { title: t, line: i + 1 };
    }
    prev = { text: t, line: i + 1 };
  }
  return null;
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 「二〇二〇」 → 「2020」 (years are written digit by digit; 零 and ○ are used for 〇 too). */
function chineseYear(s: string): string {
  return [...s.replace(/[零○Ｏ]/g, '〇')].map((c) => String(CN_DIGITS.indexOf(c))).join('');
}

const YEAR_CN = /([〇零○Ｏ一二三四五六七八九]{4})\s*年/;

/** Statistics year: from the title (digits or 「二〇二〇年」), else from 「统计期限…自2020年1月1日」. */
export function findYear(title: string, text: string): number | null {
  const fromTitle = /(20\d{2})\s*年/.exec(title) ?? /(20\d{2})/.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const cn = YEAR_CN.exec(title);
  if (cn) {
    const y = Number(chineseYear(cn[1]));
    if (y >= 2000 && y < 2100) return y;
  }
  const period = /统计(?:期限|时限|时间|区间)[^。\n]{0,12}?(20\d{2})\s*年/.exec(text);
  return period ? Number(period[1]) : null;
}

function isoDate(y: string | number, m: string | number, d: string | number): string | null {
  const mm = Number(m);
  const dd = Number(d);
  if (!(mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)) return null;
  return `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const SIGNATURE_DATE = /^(20\d{2})年(\d{1,2})月(\d{1,2})日$|^(20\d{2})-(\d{1,2})-(\d{1,2})$/;
const SIGNATURE_DATE_CN = /^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** A signature date line: 「2021年1月29日」「2021-01-29」「二〇二一年一月二十九日」. */
function signatureDate(t: string): string | null {
  const m = SIGNATURE_DATE.exec(t);
  if (m) return m[1] ? isoDate(m[1], m[2], m[3]) : isoDate(m[4], m[5], m[6]);
  const cn = SIGNATURE_DATE_CN.exec(t);
  if (!cn) return null;
  const month = chineseNumber(cn[2]);
  const day = chineseNumber(cn[3]);
  return month === null || day === null ? null : isoDate(chineseYear(cn[1]), month, day);
}

/** 「发布时间:2021-01-29」 on web pages, else the date under the signature at the end. */
export function findPublishedAt(lines: readonly string[]): string | null {
  for (let i = 0; i < Math.min(lines.length, 60); i++) {
    const m = /(?:发布时间|发布日期|发文日期|成文日期)[:：]?\s*(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(lines[i]);
    if (m) return isoDate(m[1], m[2], m[3]);
  }
  let checked = 0;
  for (let i = lines.length - 1; i >= 0 && checked < 8; i--) {
    const t = lines[i].replace(/\s+/g, '');
    if (t === '') continue;
    checked++;
    const date = signatureDate(t);
    if (date) return date;
  }
  return null;
}

export function findContact(text: string): ContactInfo {
  const contact: ContactInfo = {};
  const address = /(?:通讯|联系|办公)?地址[:：]\s*([^；;，,。)）\n]{3,60})/.exec(text);
  if (address) contact.address = address[1].trim();
  const postcode = /(?:邮编|邮政编码)[:：]?\s*(\d{6})(?!\d)/.exec(text);
  if (postcode) contact.postcode = postcode[1];
  const phone = /(?:联系电话|咨询电话|电话|联系方式)[:：]?\s*((?:\d{3,4}[-—－]?)?\d{7,8}(?:[-—－]\d{1,4})?|1\d{10})/.exec(text);
  if (phone) contact.phone = phone[1].replace(/[—－]/g, '-');
  const site = /(?:网站|网址|网页|门户)[^\n]{0,30}?(https?:\/\/[A-Za-z0-9.\-_~:/?#&=%+]+)/.exec(text) ?? /(https?:\/\/[A-Za-z0-9.\-_~:/?#&=%+]+)/.exec(text);
  if (site) contact.website = site[1].replace(/[/.]+$/, (m) => (m.startsWith('/') ? '/' : ''));
  return contact;
}
