import type { DocumentNode } from 'graphql';

/**
 * A fact about a parsed document, computed once per document. Apollo keeps one DocumentNode per query text, so the
 * bot's fixed operations hit the cache: the plugins' walks over the document (string literals, `ask`, `_service`,
 * introspection) were 7 % of the server's CPU per lookup (BENCHMARKS.md, perf15). Only for facts that depend on the
 * document alone, never on the variables.
 */
export function perDocument<T>(compute: (document: DocumentNode) => T): (document: DocumentNode) => T {
  const known = new WeakMap<DocumentNode, T>();
  return (document) => {
    if (known.has(document)) return known.get(document) as T;
    const value = compute(document);
    known.set(document, value);
    return value;
  };
}
