/** Chart renderer (issue 17): ChartSpec in, SVG / PNG out, without a browser. Imports nothing else of nianbao. */
export { renderChart, renderChartSvg, renderChartPng, renderChartPngAsync, svgToPng, svgToPngAsync } from './render';
export { prepareChart, DEFAULT_TOP_N } from './prepare';
export { validateSpec, LIMITS } from './validate';
export { findCjkFont, cjkFont, type CjkFont, type FontSearch } from './font';
export { chartTitle, metricName } from './title';
export * from './types';
