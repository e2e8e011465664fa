import { suggestionList } from 'graphql/jsutils/suggestionList';
import { METRICS, metric, type MetricDef } from '../parser/catalog';
import { badInput } from './errors';
import { aliasesOf } from './metricAliases';

/** Labels compare without spaces and the 「 · 」 separator, so 政府集中采购·采购总金额 equals the printed label. */
function normalize(text: string): string {
  return text.replace(/[\s·・]/g, '');
}

function namesOf(m: MetricDef): string[] {
  return [m.label, `${m.rowLabel}${m.colLabel}`, m.colLabel, ...aliasesOf(m.key)].map(normalize);
}

/** Every name a metric answers to (its key, labels and aliases), once, with the metrics that carry it. */
const BY_NAME = new Map<string, MetricDef[]>();
for (const m of METRICS) {
  for (const name of new Set([m.key, ...namesOf(m)])) BY_NAME.set(name, [...(BY_NAME.get(name) ?? []), m]);
}

/** Metrics whose key, label or alias contains the text (for `metrics(search:)`), catalog order. */
export function searchMetrics(text: string): MetricDef[] {
  const t = normalize(text);
  if (!t) return [...METRICS];
  return METRICS.filter((m) => m.key.includes(t) || namesOf(m).some((n) => n.includes(t)));
}

/**
 * A cell key, a label or an alias that `metrics` lists, resolved to its canonical key through the parser's catalog.
 * An unknown or ambiguous name is BAD_USER_INPUT with the close or candidate keys.
 */
export function resolveCellKey(text: string): string {
  if (metric(text)) return text;
  const found = BY_NAME.get(normalize(text)) ?? [];
  if (found.length === 1) return found[0].key;
  if (found.length > 1) {
    const candidates = found.map((m) => m.key);
    throw badInput(`cell key "${text}" is ambiguous: it names ${candidates.length} cells (${candidates.slice(0, 8).join(', ')}…); pass one key`, { candidates });
  }
  const suggestions = suggestionList(normalize(text), [...BY_NAME.keys()]).slice(0, 5)
    .map((name) => (metric(name) ? name : (BY_NAME.get(name) ?? []).map((m) => m.key).join(' | ')));
  const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  throw badInput(`unknown cell key "${text}": keys look like active.procurement.amount; \`metrics(search:)\` lists keys, labels and aliases.${hint}`, { suggestions });
}
