/**
 * Title, statistics year, publication date and contact details from the report text.
 */
import type { ContactInfo } from './types';
import { chineseDigits, chineseNumber } from './numerals';

/** Web-page chrome printed around the article (publication line, counters, breadcrumbs). */
const CHROME = /发布时间|发布日期|来源[:：]|阅读次数|浏览次数|字体[:：]|【打印】|【关闭】|当前位置|首页|分享到|扫一扫|索引号|文号[:：]|栏目[:：]|发布机构[:：]|原文链接|本地目录|信息分类|主题分类/;
/** A sentence that quotes a title (「…和《关于印发…年度报告」) or a line cut mid-sentence is no title. */
const NOT_TITLE = /[《》“”]|^[^\u3400-\u4dbf\u4e00-\u9fff\u3007\d（(]|[，,；;！!？?。](?!$)/;
const TITLE_SEARCH_LINES = 40;
const TITLE_MAX = 80;
/** 「…年度报告」, also 「…年度报告（全文）」「…年报。」. */
const TITLE_END = /(?:报告|年报)(?:[（(][^（()）]{1,8}[）)])?[。.]?$/;

export interface TitleInfo {
  title: string;
  line: number;
}

/** A line without the marks that say 「this is the title」: 「标题:」, Markdown 「# 」 and 「**…**」. */
function titleText(line: string): string {
  return line
    .replace(/\s+/g, '')
    .replace(/^(?:标题|题名)[:：]|^#{1,6}|^\*\*(.*)\*\*$/, '$1');
}

/** The report title: a short line ending in 报告, joined with the line above when it starts with the year. */
export function findTitle(lines: readonly string[]): TitleInfo | null {
  let seen = 0;
  let prev: { text: string; line: number } | null = null;
  for (let i = 0; i < lines.length && seen < TITLE_SEARCH_LINES; i++) {
    const t = titleText(lines[i]);
    if (t === '' || lines[i].startsWith('\t')) continue;
    seen++;
    if (CHROME.test(t)) continue;
    if (NOT_TITLE.test(t) || /[:：]/.test(t)) {
      prev = null; // nor the first half of a title split over two lines
      continue;
    }
    if (t.length <= TITLE_MAX && TITLE_END.test(t) && /政府信息公开|信息公开|政务公开|年度报告/.test(prev ? prev.text + t : t)) {
      // 「甘河子镇政府信息公开工作」+「2020年度报告」, 「威海市文登区张家产镇」+「2020年度政府信息公开工作报告」
      // 「平潭综合实验区2019年」+「政府信息公开工作年度报告」
      const split = /^(?:\d{4}年|[〇零○一二三四五六七八九]{4}年|年度报告|工作年度报告)/.test(t) || (/(?:20\d{2}|[〇零○一二三四五六七八九]{4})年度?$/.test(prev?.text ?? '') && /^(?:政府|信息公开|政务公开)/.test(t));
      if (prev && split && prev.text.length <= 40 && !TITLE_END.test(prev.text)) {
        return { title: prev.text + t, line: prev.line };
      }
      return { title: t, line: i + 1 };
    }
    prev = { text: t, line: i + 1 };
  }
  return null;
}


/** 「二〇二〇」 → 「2020」 (years are written digit by digit; 零 and ○ are used for 〇 too). */
/** 「二〇二三」 → '2023' (the patterns that call this match four digits only). */
function chineseYear(s: string): string {
  return String(chineseDigits(s) ?? '');
}

const YEAR_CN = /([〇零○Ｏ一二三四五六七八九]{4})\s*年/;

export type YearSource = 'title' | 'period' | 'this_year' | 'overview';

export interface YearFound {
  year: number;
  source: YearSource;
}

const PERIOD = /统计(?:期限|时限|时间|区间|期间|周期|范围)[^。\n]{0,12}?(20\d{2})\s*年/;
// 「2023年1月1日起至2023年12月31日止」「2025年1月1日至12月31日」
const FULL_YEAR = /(20\d{2})\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—|－|-|~|～)\s*(?:(20\d{2})\s*年\s*)?12\s*月\s*31\s*日/;
const THIS_YEAR = /本(?:报告)?年度[（(]?\s*(?:即|为|指|是)?\s*(20\d{2})\s*年(?![^。\n]{0,3}月)/;
const OVERVIEW = /(?:总体情况|总体概况|概述|基本情况)[\s\S]{0,40}?(20\d{2})\s*年(?:度|以来)?[，,]/;
const HEAD = 20000;

function yearOf(s: string): number | null {
  const digits = /(20\d{2})\s*年/.exec(s) ?? /(20\d{2})/.exec(s);
  if (digits) return Number(digits[1]);
  const cn = YEAR_CN.exec(s);
  if (!cn) return null;
  const y = Number(chineseYear(cn[1]));
  return y >= 2000 && y < 2100 ? y : null;
}

/**
 * Statistics year, from what the text says, most trusted first: the title (digits or 「二〇二〇年」), the statistics
 * period (「统计期限自2020年1月1日」, 「2025年1月1日至12月31日」), 「本年度」 with its year, the overview's first
 * sentence (「一、总体情况 2023年，…」).
 */
export function findYear(title: string | null, text: string): YearFound | null {
  const fromTitle = title ? yearOf(title) : null;
  if (fromTitle !== null) return { year: fromTitle, source: 'title' };
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  const period = PERIOD.exec(head);
  if (period) return { year: Number(period[1]), source: 'period' };
  const full = FULL_YEAR.exec(head);
  if (full && (!full[2] || full[2] === full[1])) return { year: Number(full[1]), source: 'period' };
  const thisYear = THIS_YEAR.exec(head);
  if (thisYear) return { year: Number(thisYear[1]), source: 'this_year' };
  const overview = OVERVIEW.exec(head);
  if (overview) return { year: Number(overview[1]), source: 'overview' };
  return null;
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

export function findContact(raw: string): ContactInfo {
  // labels spaced out for justified layout (「电 话：」, 「邮 编：」) are read as written together
  const text = raw.replace(/(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])/g, '');
  const contact: ContactInfo = {};
  // a PDF line may break inside the address (「平潭综合实验区国\n昌路1号…；」): the next line's piece up to the delimiter goes on
  const address = /(?:通讯|联系|办公)?地址[:：]\s*([^；;，,。)）\n]{3,60}(?:\n[^；;，,。)）\n:：]{1,40}(?=[；;，,。)）]))?)/.exec(text);
  if (address) contact.address = address[1].replace(/\s*\n\s*/, '').trim();
  const postcode = /(?:邮编|邮政编码)[:：]?\s*(\d{6})(?!\d)/.exec(text);
  if (postcode) contact.postcode = postcode[1];
  const phone = /(?:联系电话|咨询电话|(?:传真[/／、])?电话(?:[/／、]传真|[(（]传真[)）])?|联系方式)[:：]?\s*((?:\d{3,4}[-—－]?)?\d{7,8}(?:[-—－]\d{1,4})?|1\d{10})/.exec(text);
  if (phone) contact.phone = phone[1].replace(/[—－]/g, '-');
  // 「jfjzhc＠163.com」: full-width forms of the address's characters are read as the ASCII ones
  const email = /(?:电子邮箱|电子邮件|邮箱|电邮|e-?mail)\s*[:：]?\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/i.exec(text.normalize('NFKC'));
  if (email) contact.email = email[1];
  // 「门户网站（www.shanghai.gov.cn）下载」: an address without its scheme after a site word counts too
  const site = /(?:网站|网址|网页|门户)[^\n]{0,30}?(https?:\/\/[A-Za-z0-9.\-_~:/?#&=%+]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9.\-_~/?#&=%+]*)?)/.exec(text) ?? /(https?:\/\/[A-Za-z0-9.\-_~:/?#&=%+]+)/.exec(text);
  if (site) contact.website = site[1].replace(/[/.]+$/, (m) => (m.startsWith('/') ? '/' : ''));
  return contact;
}
