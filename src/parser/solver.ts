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
   * runs of `group` and fixed cells. Cells are never negative, so a partial sum already past a constraint's bound
   * prunes the branch (the 总计 row first bounds every outcome row below it).
   */
  solve(constraints: readonly Constraint[], group: readonly number[]): number[][] | null {
    if (group.length === 0) return [[]];
    // Runs with fewer splits first: they fix the sums the others are checked against.
    const order = [...group].sort((a, b) => this.candidates[a].length - this.candidates[b].length);
    const n = order.length;
    const depthOf = new Map(order.map((span, i) => [span, i]));
    const m = constraints.length;
    const sums = new Float64Array(m);
    // Per depth: which constraint terms its run fills; per constraint and depth: are positive/negative terms still open?
    const terms: { c: number; index: number; coef: number }[][] = Array.from({ length: n }, () => []);
    const posOpen: boolean[][] = [];
    const negOpen: boolean[][] = [];
    constraints.forEach((c, ci) => {
      let lastPos = -1;
      let lastNeg = -1;
      c.keys.forEach((k, i) => {
        const o = this.owner.get(k);
        const depth = o ? depthOf.get(o.span) : undefined;
        if (depth === undefined) {
          sums[ci] += c.coefs[i] * (this.fixed.get(k) ?? 0);
          return;
        }
        terms[depth].push({ c: ci, index: o!.index, coef: c.coefs[i] });
        if (c.coefs[i] > 0) lastPos = Math.max(lastPos, depth);
        else lastNeg = Math.max(lastNeg, depth);
      });
      posOpen.push(Array.from({ length: n }, (_, d) => lastPos > d));
      negOpen.push(Array.from({ length: n }, (_, d) => lastNeg > d));
    });
    const feasible = (ci: number, depth: number): boolean => {
      const c = constraints[ci];
      const s = sums[ci];
      const pos = posOpen[ci][depth];
      const neg = negOpen[ci][depth];
      if (!pos && s < c.rhs - 1e-6) return false; // only terms ≤ 0 remain: the sum can only fall
      if (c.op === 'eq' && !neg && s > c.rhs + 1e-6) return false; // only terms ≥ 0 remain: it can only rise
      return true;
    };
    const choice: number[] = new Array(n).fill(0);
    const out: number[][] = [];
    let nodes = 0;
    let cut = false;
    const visit = (d: number): void => {
      if (d === n) {
        if (out.length >= MAX_SOLUTIONS) cut = true;
        else out.push(group.map((span) => choice[depthOf.get(span)!]));
        return;
      }
      const cands = this.candidates[order[d]];
      for (let j = 0; j < cands.length && !cut; j++) {
        if (++nodes > MAX_NODES) {
          cut = true;
          return;
        }
        const values = cands[j];
        for (const t of terms[d]) sums[t.c] += t.coef * values[t.index];
        let ok = true;
        for (const t of terms[d]) if (!feasible(t.c, d)) ok = false;
        if (ok) {
          choice[d] = j;
          visit(d + 1);
        }
        for (const t of terms[d]) sums[t.c] -= t.coef * values[t.index];
      }
    };
    visit(0);
    return cut ? null : out;
  }
}
