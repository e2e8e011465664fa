/**
 * Text of PDF glyphs as the report wrote it.
 * Fonts such as Noto CJK map some ideographs to radicals in their ToUnicode tables (「第⼆⼗条」, 「⾸⻚」): Kangxi
 * radicals (U+2F00–U+2FD5) have compatibility decompositions; the simplified forms of the radicals supplement that
 * stand for whole characters do not, and are mapped here.
 */
const RADICALS = /[\u2e80-\u2fdf]/g;
const SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻟': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
  '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

export function normaliseText(s: string): string {
  return s.replace(RADICALS, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC')).replace(/\u00a0/g, ' ');
}
