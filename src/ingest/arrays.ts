const NEEDS_ESCAPE = /["\\]/;

/**
 * A one-dimensional PostgreSQL array literal: what pg's own serialisation makes of a JS array (every element
 * quoted, `"` and `\` escaped, null as NULL), without its per-element regex replacements — a batch has thousands
 * of cell values, and this thread's time is the writers' time.
 */
export function arrayLiteral(values: readonly (string | number | boolean | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else {
      const text = typeof v === 'string' ? v : String(v);
      out += NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}
