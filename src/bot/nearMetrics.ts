/**
 * A metric word typed one character off (「行政徐可」 for 行政许可, 「予以工开」 for 予以公开): found only when the question
 * named no metric at all, and asked back (「您是不是要问「行政许可」？」) rather than answered, so that a typo never
 * becomes a confident number and never ends in a quote of an unrelated sentence.
 */

/** Shorter words are one character off too many ordinary words. */
const MIN_LENGTH = 4;
const MAX_LENGTH = 12;

export interface NearMetric {
  /** The piece of the question as typed. */
  piece: string;
  /** The vocabulary's word it is one character off. */
  term: string;
}

export class NearMetrics {
  /** Each term with one character replaced by 「*」 → the term; '' where two terms share the key (ambiguous). */
  private readonly wild = new Map<string, string>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      if (term.length < MIN_LENGTH || term.length > MAX_LENGTH || /[^\u3400-\u9fff]/.test(term)) continue;
      for (let i = 0; i < term.length; i++) {
        const key = `${term.slice(0, i)}*${term.slice(i + 1)}`;
        const had = this.wild.get(key);
        this.wild.set(key, had === undefined || had === term ? term : '');
      }
    }
  }

  /** The longest piece of `text` (a question's leftover) one character off exactly one term. */
  find(text: string, known: (piece: string) => boolean): NearMetric | null {
    let best: NearMetric | null = null;
    for (let start = 0; start < text.length; start++) {
      for (let len = Math.min(MAX_LENGTH, text.length - start); len >= MIN_LENGTH; len--) {
        if (best && len <= best.piece.length) break;
        const piece = text.slice(start, start + len);
        if (/[^\u3400-\u9fff]/.test(piece) || known(piece)) continue;
        const term = this.termFor(piece);
        if (term) best = { piece, term };
      }
    }
    return best;
  }

  private termFor(piece: string): string | null {
    const found = new Set<string>();
    for (let i = 0; i < piece.length; i++) {
      const term = this.wild.get(`${piece.slice(0, i)}*${piece.slice(i + 1)}`);
      if (term === '') return null;
      if (term) found.add(term);
    }
    return found.size === 1 ? [...found][0] : null;
  }
}
