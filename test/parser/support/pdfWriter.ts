/**
 * A minimal PDF writer for the hostile fixtures the converters cannot make: pages that are only an image (a scan),
 * and documents with a great many pages. Writes a correct cross-reference table so that every reader opens them.
 */
import { deflateSync } from 'node:zlib';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row. */
  pixels: Buffer;
}

export interface PageSpec {
  /** Page size in points (A4: 595 × 842). */
  width: number;
  height: number;
  /** ASCII text lines drawn in Helvetica from the top, or nothing. */
  lines?: string[];
  /** An image covering the whole page (a scanned page). */
  image?: GrayImage;
}

function textStream(page: PageSpec): string {
  const out: string[] = [];
  if (page.image) out.push(`q ${page.width} 0 0 ${page.height} 0 0 cm /Im0 Do Q`);
  (page.lines ?? []).forEach((line, i) => {
    const escaped = line.replace(/[\\()]/g, (c) => `\\${c}`);
    out.push(`BT /F1 12 Tf 72 ${page.height - 72 - i * 16} Td (${escaped}) Tj ET`);
  });
  return out.join('\n');
}

/** Builds the PDF bytes: catalog, page tree, then per page its dictionary, content stream and image. */
export function writePdf(pages: PageSpec[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES'); // placeholder, filled once the page objects are numbered
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const content = add(stream('', Buffer.from(textStream(page), 'latin1')));
    let xobject = '';
    if (page.image) {
      const { width, height, pixels } = page.image;
      const img = add(stream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(pixels)));
      xobject = ` /XObject << /Im0 ${img} 0 R >>`;
    }
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Contents ${content} 0 R /Resources << /Font << /F1 ${font} 0 R >>${xobject} >> >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A binary PGM (P5) as written by `pdftoppm -gray` → its pixels. */
export function readPgm(bytes: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}
