/**
 * Chinese word segmentation for full-text search. PostgreSQL has no Chinese parser in the embedded build, so
 * section text is cut into words here (ICU, through Intl.Segmenter) and stored space-separated; the `simple`
 * text-search configuration then indexes each word. Queries must be cut the same way: use this function.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function segmentWords(text: string): string {
  const words: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike) words.push(s.segment.toLowerCase());
  }
  return words.join(' ');
}
