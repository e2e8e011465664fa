/** Which way a page's text runs, and turning a page so that it reads upright. */
import type { RawItem } from './extract';

/** Quarter turns of an item's baseline (0 upright, 1 reading downwards, 2 upside down, 3 upwards); -1 for slanted text. */
export function quarter(it: RawItem): number {
  if (Math.abs(it.dy) < 0.02) return it.dx > 0 ? 0 : 2;
  if (Math.abs(it.dx) < 0.02) return it.dy > 0 ? 1 : 3;
  return -1;
}

/** The quarter turn most of the page's text has: a page shown sideways is read as if turned upright. */
export function dominantQuarter(items: RawItem[]): number {
  const counts = [0, 0, 0, 0];
  for (const it of items) if (it.s.trim() !== '' && quarter(it) >= 0) counts[quarter(it)]++;
  return counts.indexOf(Math.max(...counts));
}

/** Viewport point → the same point on the page turned so that text of quarter turn q reads upright. */
export function turn(x: number, y: number, q: number, width: number, height: number): [number, number] {
  if (q === 1) return [y, width - x];
  if (q === 2) return [width - x, height - y];
  if (q === 3) return [height - y, x];
  return [x, y];
}
