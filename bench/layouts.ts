import type { Rng } from './prng';
import type { Grid } from './tables';

/** The layouts of the samples: Word tab-cell text (baitu), blank-line paragraphs (shiji) and HTML tables. */
export type Layout = 'tab' | 'paragraph' | 'html';
export const LAYOUTS: readonly Layout[] = ['tab', 'paragraph', 'html'];

export interface Block {
  kind: 'title' | 'heading' | 'para' | 'table';
  text?: string;
  grid?: Grid;
}

export function extensionOf(layout: Layout): string {
  return layout === 'html' ? 'html' : 'txt';
}

/** Word's "save as plain text": one tab-prefixed line per cell (merged continuations print empty), a blank line per row. */
function tabTable(grid: Grid): string {
  let out = '';
  for (const row of grid) {
    for (const cell of row) out += `\t${cell.cont ? '' : cell.text}\n`;
    out += '\n';
  }
  return `${out}\n`;
}

/** Copied from a web page: each visible cell is its own paragraph, numbers with stray spaces. */
function paragraphTable(grid: Grid, rng: Rng): string {
  let out = '';
  for (const row of grid) {
    for (const cell of row) {
      if (cell.cont) continue;
      const text = cell.numeric ? pad(cell.text, rng) : cell.text;
      out += `${text}\n\n`;
    }
  }
  return out;
}

function pad(text: string, rng: Rng): string {
  const r = rng.next();
  return r < 0.35 ? ` ${text}` : r < 0.7 ? `${text} ` : r < 0.8 ? `  ${text}` : text;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function htmlTable(grid: Grid): string {
  let out = '<table border="1" cellspacing="0" cellpadding="0" class="MsoTableGrid">\n<tbody>\n';
  for (const row of grid) {
    out += '<tr>';
    for (const cell of row) {
      if (cell.cont) continue;
      const span = `${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan ? ` colspan="${cell.colspan}"` : ''}`;
      out += `<td${span}><p style="text-align:center">${escapeHtml(cell.text).replace(/\n/g, '<br/>')}</p></td>`;
    }
    out += '</tr>\n';
  }
  return `${out}</tbody>\n</table>\n`;
}

/** Renders the blocks of one report as the text of its file, piece by piece (the caller concatenates or streams). */
export function* render(layout: Layout, blocks: Block[], rng: Rng): Generator<string> {
  if (layout === 'html') {
    const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
    yield `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8"/>\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<div class="article">\n`;
    for (const b of blocks) {
      if (b.kind === 'table') yield htmlTable(b.grid!);
      else if (b.kind === 'title') yield `<h1>${escapeHtml(b.text!)}</h1>\n`;
      else if (b.kind === 'heading') yield `<p><strong>${escapeHtml(b.text!)}</strong></p>\n`;
      else yield `<p>${escapeHtml(b.text!)}</p>\n`;
    }
    yield '</div>\n</body>\n</html>\n';
    return;
  }
  const gap = layout === 'paragraph' ? '\n\n' : '\n';
  for (const b of blocks) {
    if (b.kind === 'table') yield layout === 'tab' ? tabTable(b.grid!) : paragraphTable(b.grid!, rng);
    else yield `${b.text}${gap}`;
  }
}
