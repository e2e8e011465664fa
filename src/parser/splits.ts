/**
 * The ways a glued run of digits can be cut into a given number of cells. A space is always a cell border (pages
 * pad cells with &nbsp;); a cell never starts with 0 unless it is 0 (「05」 is 0 then 5); a decimal part and a money
 * unit stay with the last cell of their group; a minus sign (「35-15」) is a border and stays with the cell it starts. Enumeration is capped: a run too long to split is refused, not guessed.
 */

/** Beyond this many splits of one run the run is not split at all (real rows give a few hundred at most). */
export const MAX_SPLITS = 5000;

interface Group {
  /** 「-」 when the group starts with a minus sign (kept on its first piece), else empty. */
  sign: string;
  /** Integer digits, where the cuts go. */
  digits: string;
  /** Decimal part and unit, e.g. 「.52元」, kept on the group's last piece. */
  tail: string;
}

function groupsOf(raw: string): Group[] {
  return raw.trim().replace(/-(?=\d)/g, ' -').split(/\s+/).filter((g) => g !== '').map((g) => {
    const m = /^(-?)(\d+)(.*)$/.exec(g);
    return m ? { sign: m[1], digits: m[2], tail: m[3] } : { sign: '', digits: '', tail: g };
  });
}

/** Digits of a glued run beyond which it is no table row (7 cells, or 表四's 15, of a few digits each). */
export const MAX_RUN_DIGITS = 80;
/** A cell of more digits than this is no count or amount of these tables (and would lose precision as a number). */
const MAX_PIECE_DIGITS = 15;

const validPiece = (p: string) => p.length > 0 && p.length <= MAX_PIECE_DIGITS && (p.length === 1 || p[0] !== '0');

/** How many digits the run has (its spaces and unit aside). */
export const runDigits = (raw: string) => raw.replace(/\D/g, '').length;

/**
 * Every split of `raw` into exactly `cells` pieces (texts), or null when there are more than `cap`.
 * Splits come in a fixed order (leftmost cuts first), so results are reproducible.
 */
export function splitRun(raw: string, cells: number, cap = MAX_SPLITS): string[][] | null {
  const groups = groupsOf(raw);
  if (groups.some((g) => g.digits === '') || groups.length > cells) return [];
  const out: string[][] = [];
  const pieces: string[] = [];
  // Cells the groups after index g can take at most (one per digit) — prunes hopeless branches.
  const room: number[] = new Array(groups.length + 1).fill(0);
  for (let g = groups.length - 1; g >= 0; g--) room[g] = room[g + 1] + groups[g].digits.length;
  let overflow = false;

  const cutGroup = (g: number, pos: number, left: number): void => {
    if (overflow) return;
    const { digits, tail } = groups[g];
    const sign = pos === 0 ? groups[g].sign : '';
    const rest = digits.length - pos;
    // Cells this group must still take: enough that later groups can hold the others, at most one per digit.
    const least = Math.max(1, left - room[g + 1]);
    const most = Math.min(rest, left - (groups.length - g - 1));
    if (least > most) return;
    if (least === 1) {
      // Close this group with its last piece, then go on with the next group.
      const last = digits.slice(pos);
      if (validPiece(last)) {
        pieces.push(sign + last + tail);
        nextGroup(g + 1, left - 1);
        pieces.pop();
      }
    }
    if (most < 2) return;
    // A piece here leaves at least least-1 digits for the group's other pieces.
    const longest = rest - Math.max(1, least - 1);
    for (let len = 1; len <= longest && !overflow; len++) {
      const piece = digits.slice(pos, pos + len);
      if (!validPiece(piece)) break; // a leading 0 only stands alone: longer pieces from here are invalid too
      pieces.push(sign + piece);
      cutGroup(g, pos + len, left - 1);
      pieces.pop();
    }
  };
  const nextGroup = (g: number, left: number): void => {
    if (g === groups.length) {
      if (left === 0) {
        if (out.length >= cap) overflow = true;
        else out.push([...pieces]);
      }
      return;
    }
    cutGroup(g, 0, left);
  };
  nextGroup(0, cells);
  return overflow ? null : out;
}

/**
 * The splits of a run of whole rows in which each row's last cell is the sum of the others (表三's 总计 column, 表四's
 * 总计): the parts are cut, and the total must then be exactly the next digits — the rule prunes as the split goes.
 * @param widths cells of each row, in order (e.g. [7] for one 表三 row, [5, 5, 5] for 表四 in one string)
 */
export function splitSummed(raw: string, widths: readonly number[], cap = MAX_SPLITS): string[][] | null {
  const groups = raw.trim().split(/\s+/).filter((g) => g !== '');
  if (groups.some((g) => !/^\d+$/.test(g))) return [];
  const out: string[][] = [];
  const pieces: string[] = [];
  let overflow = false;
  const digitsFrom: number[] = new Array(groups.length + 1).fill(0);
  for (let g = groups.length - 1; g >= 0; g--) digitsFrom[g] = digitsFrom[g + 1] + groups[g].length;
  const cellsAfter = widths.map((_, r) => widths.slice(r + 1).reduce((a, b) => a + b, 0));

  /** The piece of `len` digits at (g, pos), or null when it crosses a border or starts with a 0 that is not alone. */
  const take = (g: number, pos: number, len: number): string | null => {
    const group = groups[g];
    if (g >= groups.length || pos + len > group.length) return null;
    const piece = group.slice(pos, pos + len);
    return validPiece(piece) ? piece : null;
  };
  const after = (g: number, pos: number, len: number): [number, number] => (pos + len === groups[g].length ? [g + 1, 0] : [g, pos + len]);

  const row = (r: number, g: number, pos: number): void => {
    if (overflow || g >= groups.length) return;
    if (r < widths.length - 1) {
      part(r, widths[r] - 1, 0, g, pos);
      return;
    }
    // The last row's total is the run's suffix: try each, then cut the digits before it into parts that sum to it.
    const last = groups.length - 1;
    for (let start = groups[last].length - 1; start >= 0 && !overflow; start--) {
      if (g === last && start <= pos) break; // the parts need digits of their own
      const total = groups[last].slice(start);
      if (validPiece(total)) partTo(widths[r] - 1, 0, g, pos, [last, start], Number(total), total);
    }
  };
  /** Parts of an earlier row: its total must then be exactly the next digits. */
  const part = (r: number, left: number, sum: number, g: number, pos: number): void => {
    if (overflow || g >= groups.length) return;
    if (left === 0) {
      const total = String(sum);
      if (take(g, pos, total.length) !== total) return;
      pieces.push(total);
      const [ng, np] = after(g, pos, total.length);
      row(r + 1, ng, np);
      pieces.pop();
      return;
    }
    const remaining = digitsFrom[g] - pos;
    for (let len = 1; pos + len <= groups[g].length && !overflow; len++) {
      const piece = take(g, pos, len);
      if (piece === null) break;
      // The digits left must still hold the other parts, a total at least this long, and the later rows.
      if (remaining - len < left - 1 + String(sum + Number(piece)).length + cellsAfter[r]) break;
      pieces.push(piece);
      const [ng, np] = after(g, pos, len);
      part(r, left - 1, sum + Number(piece), ng, np);
      pieces.pop();
    }
  };
  /** Parts of the last row: they end exactly where its total starts and sum to it. */
  const partTo = (left: number, sum: number, g: number, pos: number, end: [number, number], target: number, total: string): void => {
    if (overflow) return;
    const atEnd = g === end[0] && pos === end[1];
    if (left === 0) {
      if (!atEnd || sum !== target) return;
      if (out.length >= cap) overflow = true;
      else out.push([...pieces, total]);
      return;
    }
    if (atEnd || g >= groups.length) return;
    // Each part is at most the total: the digits before the total must fit in `left` parts of its length.
    const toEnd = digitsFrom[g] - pos - (digitsFrom[end[0]] - end[1]);
    if (toEnd < left || toEnd > left * total.length) return;
    // …and must still be able to make up the rest of the total: `left` parts of at most `longest` digits.
    const longest = Math.min(total.length, toEnd - left + 1);
    if (sum + left * (10 ** longest - 1) < target) return;
    const limit = g === end[0] ? end[1] : groups[g].length;
    for (let len = 1; pos + len <= limit && !overflow; len++) {
      const piece = take(g, pos, len);
      if (piece === null) break;
      const value = sum + Number(piece);
      if (value > target) break; // longer pieces only grow
      pieces.push(piece);
      const [ng, np] = after(g, pos, len);
      partTo(left - 1, value, ng, np, end, target, total);
      pieces.pop();
    }
  };
  row(0, 0, 0);
  return overflow ? null : out;
}
