import { Parser } from 'htmlparser2';

/** Document types a wrapper page links to as the report itself. */
const ATTACHMENT = /\.(pdf|docx|doc)$/i;
/** Link text or file name that names the report, preferred among several attachments. */
const REPORT_WORDS = /年度报告|年报|工作报告/;

export interface Attachment {
  url: string;
  text: string;
}

export interface PageInfo {
  /** The page's <title>, whitespace collapsed. */
  title: string | null;
  /** Links to document files (.pdf, .docx, .doc), best first. */
  attachments: Attachment[];
}

/**
 * Reads a page's title and the links that point to documents: by the path's extension (「…/W0202401.pdf」), or by
 * the link text (「附件：2023年度报告.docx」 over a download script), resolved against the page's address.
 */
export function readPage(html: string, pageUrl: string): PageInfo {
  const links: Attachment[] = [];
  let title = '';
  let inTitle = false;
  let href: string | null = null;
  let text = '';
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        else if (name === 'base' && attrs.href) base = resolve(attrs.href, pageUrl) ?? base;
        else if (name === 'a' && attrs.href) {
          href = attrs.href;
          text = '';
        }
      },
      ontext(t) {
        if (inTitle) title += t;
        if (href !== null) text += t;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        else if (name === 'a' && href !== null) {
          const url = resolve(href, base);
          const label = text.replace(/\s+/g, ' ').trim();
          if (url && (ATTACHMENT.test(new URL(url).pathname) || ATTACHMENT.test(label))) links.push({ url, text: label });
          href = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { title: title.replace(/\s+/g, ' ').trim() || null, attachments: rank(dedupe(links)) };
}

function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function dedupe(links: Attachment[]): Attachment[] {
  const seen = new Map<string, Attachment>();
  for (const l of links) if (!seen.has(l.url) || (!seen.get(l.url)!.text && l.text)) seen.set(l.url, l);
  return [...seen.values()];
}

/** Links that name the report first, then in page order; among those, editable formats before PDF before .doc. */
function rank(links: Attachment[]): Attachment[] {
  const score = (l: Attachment) => {
    const name = `${l.text} ${decodeURIComponentSafe(new URL(l.url).pathname)}`;
    const ext = (ATTACHMENT.exec(new URL(l.url).pathname) ?? ATTACHMENT.exec(l.text))?.[1].toLowerCase();
    return (REPORT_WORDS.test(name) ? 0 : 10) + (ext === 'docx' ? 0 : ext === 'pdf' ? 1 : 2);
  };
  return links.map((l, i) => ({ l, i, s: score(l) })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.l);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
