/**
 * HTML (government web pages, mammoth's DOCX output) → the canonical text layout of the Word-text samples:
 * paragraphs become lines; every table cell becomes one TAB-prefixed line and every row ends with a blank line.
 * rowspan/colspan need no grid expansion: the table reader aligns cells by their labels, not by position.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never report text (page chrome, code, form widgets). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'select', 'option', 'iframe', 'svg', 'button', 'textarea']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer',
  'blockquote', 'pre', 'hr', 'table', 'caption', 'dl', 'dt', 'dd', 'form', 'main', 'aside', 'center', 'title',
]);

class TextBuilder {
  private readonly out: string[] = [];
  private line = '';
  private cell: string | null = null;
  private skipDepth = 0;
  private cellDepth = 0;

  openTag(name: string): void {
    if (SKIPPED.has(name)) this.skipDepth++;
    if (this.skipDepth > 0) return;
    if (name === 'td' || name === 'th') {
      if (this.cellDepth++ === 0) {
        this.flushLine();
        this.cell = '';
      }
    } else if (name === 'tr') {
      this.endCell();
      this.flushLine();
    } else if (BLOCKS.has(name) && this.cell === null) {
      this.flushLine();
    }
  }

  closeTag(name: string): void {
    if (SKIPPED.has(name)) {
      this.skipDepth = Math.max(0, this.skipDepth - 1);
      return;
    }
    if (this.skipDepth > 0) return;
    if ((name === 'td' || name === 'th') && this.cellDepth > 0 && --this.cellDepth === 0) this.endCell();
    else if (name === 'tr') {
      this.endCell();
      this.out.push('');
    } else if (BLOCKS.has(name) && this.cell === null) this.flushLine();
  }

  text(data: string): void {
    if (this.skipDepth > 0) return;
    // HTML collapses runs of whitespace; NBSP survives as a character and is normalised later.
    const collapsed = data.replace(/[ \t\r\n\f]+/g, ' ');
    if (this.cell !== null) this.cell += collapsed;
    else this.line += collapsed;
  }

  private endCell(): void {
    if (this.cell === null) return;
    this.out.push(`\t${this.cell.trim()}`);
    this.cell = null;
    this.cellDepth = 0;
  }

  private flushLine(): void {
    const t = this.line.trim();
    if (t !== '') this.out.push(t);
    this.line = '';
  }

  finish(): string {
    this.endCell();
    this.flushLine();
    return this.out.join('\n');
  }
}

export function htmlToText(html: string): string {
  const builder = new TextBuilder();
  const parser = new Parser(
    {
      onopentagname: (name) => builder.openTag(name),
      onclosetag: (name) => builder.closeTag(name),
      ontext: (data) => builder.text(data),
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return builder.finish();
}
