/** Template detection by header tokens (spec: never from the year alone). */
import { FORMAT_TOKENS, type TemplateFormat } from './catalog';
import { compactKey } from './normalize';

const FORMATS: readonly TemplateFormat[] = ['2019', '2021'];
const COMPACT_TOKENS = new Map(FORMATS.map((f) => [f, FORMAT_TOKENS[f].map(compactKey)]));

/** Format with the most header tokens present; null when none is (reports before 2019 have no tables). */
export function detectFormat(compactText: string): { format: TemplateFormat | null; hits: Record<TemplateFormat, number> } {
  const hits = { '2019': 0, '2021': 0 } as Record<TemplateFormat, number>;
  for (const f of FORMATS) for (const t of COMPACT_TOKENS.get(f)!) if (compactText.includes(t)) hits[f]++;
  if (hits['2019'] === 0 && hits['2021'] === 0) return { format: null, hits };
  return { format: hits['2021'] > hits['2019'] ? '2021' : '2019', hits };
}
