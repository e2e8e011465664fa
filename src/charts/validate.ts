import { CHART_KINDS, CHART_UNITS, ChartInputError, type ChartSpec } from './types';

/** Bounds that keep one render small whatever the caller passes. */
export const LIMITS = {
  maxPoints: 10000,
  maxTopN: 40,
  maxComparison: 12,
  maxTrend: 50,
  maxLabelChars: 200,
  maxTitleChars: 200,
  minSide: 200,
  maxSide: 2000,
} as const;

const KIND_MAX: Partial<Record<ChartSpec['kind'], number>> = { comparison: LIMITS.maxComparison, trend: LIMITS.maxTrend };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function fail(message: string): never {
  throw new ChartInputError(message);
}

function checkText(name: string, value: unknown, max: number, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value.trim() === '')) fail(`${name} must be a non-empty string`);
  if (value.length > max) fail(`${name} is ${value.length} characters long; at most ${max} are allowed`);
  // XML 1.0 cannot carry control characters: the SVG would not parse.
  if (CONTROL.test(value)) fail(`${name} contains a control character`);
}

function checkInt(name: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

function checkSeries(spec: ChartSpec): void {
  if (!Array.isArray(spec.series)) fail('series must be an array of {label, value}');
  const max = KIND_MAX[spec.kind] ?? LIMITS.maxPoints;
  if (spec.series.length > max) fail(`a ${spec.kind} chart takes at most ${max} points, got ${spec.series.length}`);
  spec.series.forEach((p, i) => {
    if (p === null || typeof p !== 'object') fail(`series[${i}] must be an object {label, value}`);
    checkText(`series[${i}].label`, p?.label, LIMITS.maxLabelChars, true);
    const v: unknown = p.value;
    if (v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`series[${i}] (${p.label}) has value ${String(v)}: values must be finite numbers or null for a missing value`);
    }
  });
  if (!spec.series.some((p) => p.value !== null)) fail('series has no value to draw');
  if (spec.kind === 'trend') {
    const seen = new Set<string>();
    for (const p of spec.series) {
      if (seen.has(p.label)) fail(`trend has the label ${p.label} twice: one point per year`);
      seen.add(p.label);
    }
  }
}

/** Throws ChartInputError on the first thing wrong with the spec. */
export function validateSpec(spec: ChartSpec): void {
  if (spec === null || typeof spec !== 'object') fail('spec must be an object');
  if (!CHART_KINDS.includes(spec.kind)) fail(`kind must be one of ${CHART_KINDS.join(', ')}, got ${String(spec.kind)}`);
  if (!CHART_UNITS.includes(spec.unit)) fail(`unit must be one of ${CHART_UNITS.join(', ')}, got ${String(spec.unit)}`);
  checkText('title', spec.title, LIMITS.maxTitleChars, true);
  checkText('subtitle', spec.subtitle, LIMITS.maxTitleChars, false);
  checkInt('sourceCount', spec.sourceCount, 0, Number.MAX_SAFE_INTEGER);
  if (spec.sourceCount === undefined) fail('sourceCount is required (how many reports the values come from)');
  checkInt('topN', spec.topN, 1, LIMITS.maxTopN);
  checkInt('width', spec.width, LIMITS.minSide, LIMITS.maxSide);
  checkInt('height', spec.height, LIMITS.minSide, LIMITS.maxSide);
  if (spec.trendStyle !== undefined && spec.trendStyle !== 'line' && spec.trendStyle !== 'bar') {
    fail(`trendStyle must be line or bar, got ${String(spec.trendStyle)}`);
  }
  checkSeries(spec);
}
