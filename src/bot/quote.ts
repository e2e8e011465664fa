import type { SectionNode } from './graph';

/**
 * When the tables cannot answer, find the sentence of the report text that does: it must share words with the
 * question, and when the question asks 「多少条/件/个…」 it must state a number with that unit.
 */

/** Two-character pieces every question has; matching them says nothing. */
const NOISE = new Set(['多少', '了多', '少条', '少件', '少个', '少次', '几条', '几件', '几个', '有多', '是多', '什么', '怎么', '情况', '哪些', '一共', '总共']);

function askedUnit(question: string): string | null {
  const m = /(?:多少|几)(万元|元|条|件|个|次|项|篇|期|人|场|份)/.exec(question);
  return m ? m[1] : null;
}

function bigrams(text: string): Set<string> {
  const han = text.replace(/[^\u3400-\u4dbf\u4e00-\u9fff\u3007]/g, ' ');
  const out = new Set<string>();
  for (const word of han.split(' ')) {
    for (let i = 0; i + 2 <= word.length; i++) {
      const bg = word.slice(i, i + 2);
      if (!NOISE.has(bg)) out.add(bg);
    }
  }
  return out;
}

export function splitSentences(text: string): string[] {
  return text.split(/(?<=[。；！？\n])/).map((s) => s.trim()).filter((s) => s.length >= 6);
}

export interface Quote {
  section: string;
  sentence: string;
}

export function quoteFromSections(sections: readonly SectionNode[], question: string): Quote | null {
  const unit = askedUnit(question);
  const words = bigrams(question);
  if (words.size === 0) return null;
  let best: { score: number; quote: Quote } | null = null;
  for (const s of sections) {
    const sentences = splitSentences(s.text);
    for (const [i, sentence] of sentences.entries()) {
      // a table pasted as text (「…申请数量640020470二、上年结转…」) answers nothing in words
      if (looksLikeTable(sentence)) continue;
      // 「130余条」, 「20多件」 state a number too
      const hasNumber = unit ? new RegExp(`\\d+(?:\\.\\d+)?\\s*(?:余|多)?\\s*${unit}`).test(sentence) : true;
      if (!hasNumber) continue;
      let overlap = 0;
      for (const w of words) if (sentence.includes(w)) overlap++;
      const score = overlap + (unit ? 2 : 0);
      if (overlap >= 2 && (!best || score > best.score)) best = { score, quote: { section: s.title, sentence: withFollowing(sentences, i) } };
    }
  }
  return best?.quote ?? null;
}

/** Long runs of digits (glued table cells), or a long stretch full of numbers: table text, not an answer. */
function looksLikeTable(sentence: string): boolean {
  const digits = (sentence.match(/\d/g) ?? []).length;
  return /\d{7,}/.test(sentence) || (sentence.length > 120 && digits > sentence.length * 0.2);
}

/** A heading line (「本年度信息公开处理费收费情况」) says what follows, not the answer: quoted with the sentence after it. */
function withFollowing(sentences: readonly string[], i: number): string {
  const sentence = sentences[i];
  const heading = sentence.length <= HEADING_CHARS && !/[。；！？.]$/.test(sentence);
  return heading && i + 1 < sentences.length ? `${sentence}\n${sentences[i + 1]}` : sentence;
}

const HEADING_CHARS = 30;
