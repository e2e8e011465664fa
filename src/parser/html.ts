/**
 * HTML (government web pages, mammoth's DOCX output) → the canonical text layout of the Word-text samples:
 * paragraphs become lines; every table cell becomes one TAB-prefixed line and every row ends with a blank line.
 * rowspan/colspan need no grid expansion: the table reader aligns cells by their labels, not by position.
 * Many sites wrap the whole article in a layout table: a table whose cells hold tables is rendered as paragraphs.
 */
import { parseDocument } from 'htmlparser2';

/** The parts of domhandler's node types used here (structural, so no extra dependency). */
interface HtmlNode {
  type: string;
  data?: string;
  name?: string;
  children?: HtmlNode[];
  attribs?: Record<string, string>;
}

/** Elements whose content is never report text (page chrome, code, form widgets). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'select', 'option', 'iframe', 'svg', 'button', 'textarea']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer',
  'blockquote', 'pre', 'hr', 'caption', 'dl', 'dt', 'dd', 'form', 'main', 'aside', 'center', 'tr', 'td', 'th',
  'thead', 'tbody', 'tfoot', 'table',
]);
/** <meta> names that carry the publication date on government sites. */
const DATE_META = /^(?:pubdate|publishdate|firstpublishedtime|dc\.date|releasedate)$/i;

const isElement = (n: HtmlNode) => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const collapse = (s: string) => s.replace(/[ \t\r\n\f]+/g, ' ');

/** The first descendant element named `name` (plain recursion: generators cost too much per node here). */
function findElement(node: HtmlNode, name: string): HtmlNode | null {
  for (const c of node.children ?? []) {
    if (!isElement(c)) continue;
    if (c.name === name) return c;
    const inner = findElement(c, name);
    if (inner) return inner;
  }
  return null;
}

function forEachElement(node: HtmlNode, name: string, visit: (n: HtmlNode) => void): void {
  for (const c of node.children ?? []) {
    if (!isElement(c)) continue;
    if (c.name === name) visit(c);
    forEachElement(c, name, visit);
  }
}

/** The rows of this table (not of tables nested in it). */
function ownRows(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  const visit = (n: HtmlNode) => {
    for (const c of n.children ?? []) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

const cellsOf = (row: HtmlNode) => (row.children ?? []).filter((c) => isElement(c) && (c.name === 'td' || c.name === 'th'));
const holdsTable = (n: HtmlNode) => findElement(n, 'table') !== null;

/** A cell's text on one line: its paragraphs (「本年新」「制作数量」) run together, as in a label. */
function cellText(n: HtmlNode): string {
  let out = '';
  const visit = (x: HtmlNode) => {
    for (const c of x.children ?? []) {
      if (c.type === 'text') out += collapse(c.data ?? '');
      else if (isElement(c) && !SKIPPED.has(c.name ?? '')) visit(c);
    }
  };
  visit(n);
  return out.trim();
}

class TextBuilder {
  private readonly out: string[] = [];
  private line = '';

  private flushLine(): void {
    const t = this.line.trim();
    if (t !== '') this.out.push(t);
    this.line = '';
  }

  render(node: HtmlNode): void {
    if (node.type === 'text') {
      this.line += collapse(node.data ?? '');
      return;
    }
    if (!isElement(node) && node.type !== 'root') return;
    const name = node.name ?? '';
    if (name === 'meta') {
      const key = node.attribs?.name ?? '';
      if (DATE_META.test(key) && node.attribs?.content) this.out.push(`发布时间:${node.attribs.content.trim()}`);
      return;
    }
    if (name === 'head') {
      // Only the date metadata of the head is kept.
      forEachElement(node, 'meta', (m) => this.render(m));
      return;
    }
    if (SKIPPED.has(name)) return;
    if (name === 'table') {
      this.flushLine();
      const rows = ownRows(node);
      if (rows.some((r) => cellsOf(r).some(holdsTable))) this.renderChildren(node); // a layout table
      else this.renderDataTable(rows);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) this.flushLine();
    this.renderChildren(node);
    if (block) this.flushLine();
  }

  private renderChildren(node: HtmlNode): void {
    for (const c of node.children ?? []) this.render(c);
  }

  private renderDataTable(rows: HtmlNode[]): void {
    for (const row of rows) {
      for (const cell of cellsOf(row)) this.out.push(`\t${cellText(cell)}`);
      this.out.push('');
    }
  }

  finish(): string {
    this.flushLine();
    return this.out.join('\n');
  }
}

export function htmlToText(html: string): string {
  const builder = new TextBuilder();
  builder.render(parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as HtmlNode);
  return builder.finish();
}
