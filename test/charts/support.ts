import { Resvg } from '@resvg/resvg-js';
import { DomUtils, parseDocument, Parser } from 'htmlparser2';

type Element = ReturnType<typeof DomUtils.findAll>[number];

/**
 * One <svg> root, every element closed by its own end tag or by "/>" (htmlparser2 reports a close that the markup did
 * not write as implied; stray end tags it drops, so they are counted in the source). resvg's XML parser is strict too.
 */
export function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const errors: string[] = [];
  let roots = 0;
  let endTags = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (stack.length === 0) roots++;
        stack.push(name);
      },
      onclosetag(name, implied) {
        stack.pop();
        const token = svg.slice(parser.startIndex, parser.endIndex + 1);
        if (!implied) endTags++;
        else if (!token.endsWith('/>')) errors.push(`<${name}> closed by ${token.slice(0, 20)}`);
      },
    },
    { xmlMode: true },
  );
  parser.end(svg);
  const written = svg.match(/<\//g)?.length ?? 0;
  if (written !== endTags) errors.push(`${written - endTags} end tags close nothing`);
  if (errors.length > 0 || stack.length > 0 || roots !== 1) {
    throw new Error(`SVG not well-formed: ${errors.join('; ')} open: ${stack.join(',')} roots: ${roots}`);
  }
  new Resvg(svg, { font: { loadSystemFonts: false } }); // throws on malformed XML
}

export interface SvgFacts {
  root: Element;
  texts: string[];
  /** Shapes ECharts drew for data items of series 0: one per bar. */
  dataShapes: Element[];
}

export function readSvg(svg: string): SvgFacts {
  const doc = parseDocument(svg, { xmlMode: true });
  const root = DomUtils.findOne((e) => e.name === 'svg', doc.children, false)!;
  const texts = DomUtils.findAll((e) => e.name === 'text', doc.children).map((e) => DomUtils.textContent(e));
  const dataShapes = DomUtils.findAll((e) => e.name === 'path' && e.attribs.ecmeta_series_index === '0', doc.children);
  return { root, texts, dataShapes };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngHeader(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG signature');
  if (png.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('first chunk is not IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Decodes the PNG by letting resvg draw it as an <image>: the pixels come from the PNG bytes, not from our SVG. */
export function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const { width, height } = pngHeader(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">`
    + `<image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { width: img.width, height: img.height, pixels: img.pixels };
}

/** Variance of the luminance over all pixels, and the share of pixels that are not (nearly) white. */
export function inkStats(pixels: Buffer): { variance: number; inkShare: number } {
  let sum = 0;
  let sq = 0;
  let ink = 0;
  const n = pixels.length / 4;
  for (let i = 0; i < pixels.length; i += 4) {
    const y = 0.299 * pixels[i]! + 0.587 * pixels[i + 1]! + 0.114 * pixels[i + 2]!;
    sum += y;
    sq += y * y;
    if (y < 240) ink++;
  }
  const mean = sum / n;
  return { variance: sq / n - mean * mean, inkShare: ink / n };
}
