/**
 * The search behind glued rows: each run has candidate splits (values per cell); the form's rules are linear
 * constraints over cell keys. Every combination that satisfies them is found, within fixed bounds: when the bounds
 * are hit the answer is "unknown", never a guess.
 */

/** sum(coef × value) op rhs over cell keys; blank cells count as 0. */
export interface Constraint {
  keys: readonly string[];
  coefs: readonly number[];
  op: 'eq' | 'ge';
  rhs: number;
}

/** Bounds of one search over combinations of ambiguous runs. */
const MAX_NODES = 20000;
const MAX_SOLUTIONS = 64;

/** Where a key's value comes from: cell `index` of run `span`, or a fixed value read normally. */
type Source = { span: number; index: number };

function holds(c: Constraint, value: (key: string) => number): boolean {
  let s = 0;
  for (let i = 0; i < c.keys.length; i++) s += c.coefs[i] * value(c.keys[i]);
  return c.op === 'eq' ? Math.abs(s - c.rhs) < 1e-6 : s >= c.rhs - 1e-6;
}

export class Solver {
  private readonly owner = new Map<string, Source>();
  private readonly reads = new Map<Constraint, number[] | null>();

  /** @param candidates per run, the values of each candidate split */
  constructor(
    readonly candidates: number[][][],
    keys: readonly (readonly string[])[],
    private readonly fixed: ReadonlyMap<string, number>,
  ) {
    keys.forEach((ks, span) => ks.forEach((key, index) => this.owner.set(key, { span, index })));
  }

  /** The runs a constraint reads, or null when it needs a cell that is neither read nor glued. */
  spansOf(c: Constraint): number[] | null {
    let spans = this.reads.get(c);
    if (spans === undefined) this.reads.set(c, (spans = this.findSpans(c)));
    return spans;
  }

  private findSpans(c: Constraint): number[] | null {
    const spans: number[] = [];
    for (const k of c.keys) {
      const o = this.owner.get(k);
      if (o) {
        if (!spans.includes(o.span)) spans.push(o.span);
      } else if (!this.fixed.has(k)) return null;
    }
    return spans;
  }

  /** Keep only the candidates of a run that pass a constraint reading that run alone. */
  filter(span: number, c: Constraint): void {
    this.candidates[span] = this.candidates[span].filter((values) => holds(c, (k) => {
      const o = this.owner.get(k);
      return o ? values[o.index] : this.fixed.get(k)!;
    }));
  }

  /**
   * Every combination (a candidate index per run of `group`, in its order) that passes all constraints, up to
   * MAX_SOLUTIONS; null when the search is cut short: then nothing can be concluded. The constraints read only
   * runs of `group` and fixed cells.
   */
  solve(constraints: readonly Constraint[], group: readonly number[]): number[][] | null {
    const n = group.length;
    const position = new Map(group.map((span, i) => [span, i]));
    // Each constraint is checked as soon as the last run it reads is chosen.
    const due: Constraint[][] = Array.from({ length: n }, () => []);
    for (const c of constraints) {
      const spans = this.spansOf(c);
      if (!spans || spans.length === 0) continue;
      let last = -1;
      for (const sp of spans) last = Math.max(last, position.get(sp) ?? -1);
      if (last >= 0) due[last].push(c);
    }
    const choice: number[] = new Array(this.candidates.length).fill(0);
    const value = (k: string) => {
      const o = this.owner.get(k);
      return o ? this.candidates[o.span][choice[o.span]][o.index] : this.fixed.get(k)!;
    };
    const out: number[][] = [];
    let nodes = 0;
    let cut = false;
    const visit = (i: number): void => {
      if (i === n) {
        if (out.length >= MAX_SOLUTIONS) cut = true;
        else out.push(group.map((sp) => choice[sp]));
        return;
      }
      const span = group[i];
      for (let j = 0; j < this.candidates[span].length && !cut; j++) {
        if (++nodes > MAX_NODES) {
          cut = true;
          return;
        }
        choice[span] = j;
        if (due[i].every((c) => holds(c, value))) visit(i + 1);
      }
    };
    visit(0);
    return cut ? null : out;
  }
}
