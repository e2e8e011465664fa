import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { cjkFont } from './font';
import { chartOption } from './options';
import { prepareChart } from './prepare';
import type { ChartSpec, RenderedPng, RenderedSvg } from './types';
import { validateSpec } from './validate';

/**
 * zrender numbers its painters (zr0, zr1, …) and CSS classes (cls-0, cls-1, …) with process-wide counters; renumbered
 * in order of first use, the same spec gives the same document however many charts were drawn before.
 */
function stableIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bzr\d+-cls-\d+\b/g, (id) => {
    let fixed = ids.get(id);
    if (fixed === undefined) ids.set(id, (fixed = `nb-cls-${ids.size}`));
    return fixed;
  }).replace(/\bzr\d+-/g, 'nb-'); // clip-path ids: numbered per document after the painter's prefix
}

/** The chart as an SVG document (no font needed) and the data it drew. Throws ChartInputError for a bad spec. */
export function renderChart(spec: ChartSpec): RenderedSvg {
  validateSpec(spec);
  const data = prepareChart(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: data.width, height: data.height });
  try {
    chart.setOption(chartOption(spec, data));
    return { svg: stableIds(chart.renderToSVGString()), data };
  } finally {
    chart.dispose();
  }
}

export function renderChartSvg(spec: ChartSpec): string {
  return renderChart(spec).svg;
}

function resvgOptions(): ResvgRenderOptions {
  const font = cjkFont();
  return {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    font: { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
    logLevel: 'off',
  };
}

/** SVG → PNG on this thread. Throws ChartFontError when the machine has no CJK font (answer with text then). */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, resvgOptions()).render().asPng();
}

/** SVG → PNG on libuv's thread pool, so a bot's event loop keeps answering meanwhile. */
export async function svgToPngAsync(svg: string): Promise<Buffer> {
  const options = resvgOptions();
  return (await renderAsync(svg, options)).asPng();
}

export function renderChartPng(spec: ChartSpec): RenderedPng {
  const rendered = renderChart(spec);
  return { ...rendered, png: svgToPng(rendered.svg) };
}

export async function renderChartPngAsync(spec: ChartSpec): Promise<RenderedPng> {
  const rendered = renderChart(spec);
  return { ...rendered, png: await svgToPngAsync(rendered.svg) };
}
