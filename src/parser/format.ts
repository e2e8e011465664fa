/** Template detection by header tokens (spec: never from the year alone). */
import { FORMAT_TOKENS, type TemplateFormat } from './catalog';
import { compactKey } from './normalize';

const FORMATS: readonly TemplateFormat[] = ['2019', '2021'];
const COMPACT_TOKENS = new Map(FORMATS.map((f) => [f, FORMAT_TOKENS[f].map(compactKey)]));

export interface FormatDetection {
  format: TemplateFormat | null;
  /** True when 表二's header tokens are absent and the format was told from 表三's rows alone. */
  inferred: boolean;
  /** Header tokens of the chosen format found. */
  hits: number;
}

/** Format with the most header tokens present; null when none is (reports before 2019 have no tables). */
export function detectFormat(compactText: string): FormatDetection {
  const hits = { '2019': 0, '2021': 0 } as Record<TemplateFormat, number>;
  for (const f of FORMATS) for (const t of COMPACT_TOKENS.get(f)!) if (compactText.includes(t)) hits[f]++;
  if (hits['2019'] > 0 || hits['2021'] > 0) {
    const format: TemplateFormat = hits['2021'] > hits['2019'] ? '2021' : '2019';
    return { format, inferred: false, hits: hits[format] };
  }
  // 表二 missing: 表三 still tells the templates apart (format 2021 splits 其他处理 into 逾期不补正 / 收费通知 / 其他).
  if (compactText.includes('本年新收政府信息公开申请')) {
    return { format: /逾期不补正|收费通知/.test(compactText) ? '2021' : '2019', inferred: true, hits: 0 };
  }
  return { format: null, inferred: false, hits: 0 };
}
