/**
 * Characters that OCR confuses because they look alike (形近字): a stroke or a dot more or less, 氵 read for 冫, one
 * inner component for a near one. Only genuine visual look-alikes belong here (not homophones, not 洲/州, which
 * differ by a whole radical): a division name misspelt by one of these pairs is read as the right name when only one
 * place fits, and a warning names both spellings (regionNames.ts).
 */
const GROUPS: readonly string[] = [
  '沐沭', // 木 / 朮
  '士土',
  '己已巳',
  '末未',
  '日曰',
  '戊戌戍',
  '侯候',
  '汩汨',
  '崇祟',
  '毫亳',
  '鸟乌',
  '天夭',
  '干千于',
  '人入八',
  '大太犬',
  '田由甲申',
  '刀力',
  '拨拔',
  '晴睛',
  '淅浙',
  '沁泌',
  '官宫',
  '王玉',
  '兔免',
  '折拆',
  '西酉',
  '冶治',
  '准淮',
  '徽微',
];

const GROUP_OF = new Map<string, number>();
GROUPS.forEach((g, i) => {
  for (const c of g) GROUP_OF.set(c, i);
});

/** Do two different characters look alike enough for OCR to read one as the other? */
export function looksAlike(a: string, b: string): boolean {
  if (a === b) return false;
  const g = GROUP_OF.get(a);
  return g !== undefined && g === GROUP_OF.get(b);
}

/**
 * The one position where two names of the same length differ, when the two characters there look alike:
 * [as written, right] (沐阳县, 沭阳县 → ['沐', '沭']); null when they differ elsewhere, more, or not by a look-alike.
 */
export function lookalikePair(written: string, right: string): [string, string] | null {
  if (written.length !== right.length) return null;
  let pair: [string, string] | null = null;
  for (let i = 0; i < written.length; i++) {
    if (written[i] === right[i]) continue;
    if (pair || !looksAlike(written[i], right[i])) return null;
    pair = [written[i], right[i]];
  }
  return pair;
}
