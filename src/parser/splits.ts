/**
 * The ways a glued run of digits can be cut into a given number of cells. A space is always a cell border (pages
 * pad cells with &nbsp;); a cell never starts with 0 unless it is 0 (「05」 is 0 then 5); a decimal part and a money
 * unit stay with the last cell of their group. Enumeration is capped: a run too long to split is refused, not guessed.
 */

/** Beyond this many splits of one run the run is not split at all (real rows give a few hundred at most). */
export const MAX_SPLITS = 5000;

interface Group {
  /** Integer digits, where the cuts go. */
  digits: string;
  /** Decimal part and unit, e.g. 「.52元」, kept on the group's last piece. */
  tail: string;
}

function groupsOf(raw: string): Group[] {
  return raw.trim().split(/\s+/).filter((g) => g !== '').map((g) => {
    const m = /^(\d+)(.*)$/.exec(g);
    return m ? { digits: m[1], tail: m[2] } : { digits: '', tail: g };
  });
}

const validPiece = (p: string) => p.length > 0 && (p.length === 1 || p[0] !== '0');

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
    const rest = digits.length - pos;
    // Cells this group must still take: enough that later groups can hold the others, at most one per digit.
    const least = Math.max(1, left - room[g + 1]);
    const most = Math.min(rest, left - (groups.length - g - 1));
    if (least > most) return;
    if (least === 1) {
      // Close this group with its last piece, then go on with the next group.
      const last = digits.slice(pos);
      if (validPiece(last)) {
        pieces.push(last + tail);
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
      pieces.push(piece);
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
