import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { cjkFont } from './font';
import { chartOption } from './options';
import { prepareChart } from './prepare';
import type { ChartSpec, RenderedPng, RenderedSvg } from './types';
import { validateSpec } from './validate';

/** zrender numbers its painters per process (zr0, zr1, …) in CSS class names; one fixed id keeps output identical. */
function stableIds(svg: string): string {
  return svg.replace(/\bzr\d+-cls-/g, 'nb-cls-');
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
