import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The hand-read values of the real reports (the expected folders of test/fixtures/real and real-extra), for exact numbers. */

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const REAL_REPORTS = ['real', 'real-extra'].map((c) => path.join(FIXTURES, c, 'reports'));

export type Corpus = 'real' | 'real-extra';

export function expectedFile(corpus: Corpus, slug: string): { agency: string; cells: Record<string, number | null> } {
  return JSON.parse(readFileSync(path.join(FIXTURES, corpus, 'expected', `${slug}.json`), 'utf8'));
}

/** A non-zero hand-read value (a zero could not tell the right cell from its neighbour). */
export function handRead(corpus: Corpus, slug: string, key: string): number {
  const value = expectedFile(corpus, slug).cells[key];
  if (typeof value !== 'number' || value === 0) throw new Error(`${slug} ${key}: a non-zero hand-read value is needed (${value})`);
  return value;
}

/** The value as the bot writes a count: thousands separators and 件. */
export function pieces(value: number): string {
  return `${new Intl.NumberFormat('en-US').format(value)}件`;
}

export function reportText(corpus: Corpus, slug: string, ext = 'txt'): string {
  return readFileSync(path.join(FIXTURES, corpus, 'reports', `${slug}.${ext}`), 'utf8');
}
