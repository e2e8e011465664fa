/**
 * Chinese word segmentation for full-text search. PostgreSQL has no Chinese parser in the embedded build, so
 * section text is cut into words here (ICU, through Intl.Segmenter) and stored space-separated; the `simple`
 * text-search configuration then indexes each word. Queries must be cut the same way: use this function.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** A line of ASCII digits is one word-like segment (UAX #29 WB8: digits are not broken apart). */
const DIGITS = /^[0-9]+$/;

/**
 * Line feeds are always word boundaries (UAX #29 WB3a/WB3b), so a line is cut the same whatever surrounds it.
 * Section texts are mostly table values, one bare number per line, and the segmenter's cost is mostly one object
 * per segment: those lines (and their line feeds, ~45% of all segments) are taken as they are, and the other lines,
 * joined by line feeds, go through the segmenter in one call. The words come out in text order, as before.
 */
export function segmentWords(text: string): string {
  if (!text.includes('\n')) return segmentText(text);
  const lines = text.split('\n');
  // Other lines, and for each of them the bare numbers that come before it.
  const rest: string[] = [];
  const numbersBefore: string[][] = [];
  let numbers: string[] = [];
  for (const line of lines) {
    if (DIGITS.test(line)) numbers.push(line);
    else if (line.length) {
      rest.push(line);
      numbersBefore.push(numbers);
      numbers = [];
    }
  }
  const words: string[] = [];
  // Offset in the joined text where each other line starts.
  let next = 0;
  let nextStart = 0;
  const joined = rest.join('\n');
  for (const s of segmentChunked(joined)) {
    while (next < rest.length && nextStart <= s.index) {
      for (const n of numbersBefore[next]) words.push(n);
      nextStart += rest[next].length + 1;
      next++;
    }
    if (s.isWordLike) words.push(s.segment.toLowerCase());
  }
  for (; next < rest.length; next++) for (const n of numbersBefore[next]) words.push(n);
  for (const n of numbers) words.push(n);
  return words.join(' ');
}

function segmentText(text: string): string {
  const words: string[] = [];
  for (const s of segmentChunked(text)) {
    if (s.isWordLike) words.push(s.segment.toLowerCase());
  }
  return words.join(' ');
}

/** ICU's word segmenter is super-linear (48K chars 0.75 s, 96K 20 s): never hand it more than this at once. */
export const SEGMENT_CHUNK = 4000;

/**
 * Segments `text` in pieces of at most SEGMENT_CHUNK characters, with indices into the whole text. A piece ends
 * after a line feed (always a word boundary, so the output is identical), else after sentence punctuation, else
 * at the limit (a 4,000-character run without either is not prose).
 */
function* segmentChunked(text: string): Generator<{ segment: string; index: number; isWordLike?: boolean }> {
  for (let start = 0; start < text.length; ) {
    const end = chunkEnd(text, start);
    for (const s of segmenter.segment(text.slice(start, end))) yield { segment: s.segment, index: s.index + start, isWordLike: s.isWordLike };
    start = end;
  }
}

function chunkEnd(text: string, start: number): number {
  const limit = start + SEGMENT_CHUNK;
  if (limit >= text.length) return text.length;
  const lf = text.lastIndexOf('\n', limit - 1);
  if (lf >= start) return lf + 1;
  for (let i = limit - 1; i > start; i--) if ('。！？；，'.includes(text[i])) return i + 1;
  return limit;
}
