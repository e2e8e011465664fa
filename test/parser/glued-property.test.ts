import { parseReport } from '../../src/parser';
import { REQUEST_COLS } from '../../src/parser/catalog';
import { REQUEST_ROW_IDS, gluedReportText } from './support/glued';

/**
 * Seeded property: a consistent 表三/表四 with random values, each row glued into one digit string (sometimes with a
 * padding space at a cell border), parsed back. Every cell must come back with its value or be left out with a
 * warning naming it — never a wrong value.
 */
const CASES = 80;
const SEED = 20261201;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

type Rnd = () => number;
const int = (rnd: Rnd, max: number) => Math.floor(rnd() * (max + 1));

/** A value as agencies' tables have them: mostly 0 outside 自然人, small counts, now and then a three-digit one. */
function count(rnd: Rnd, column: number): number {
  if (rnd() > (column === 0 ? 0.6 : 0.12)) return 0;
  return 1 + int(rnd, rnd() < 0.15 ? 400 : 40);
}

/** Values of 表三 (format 2021): row id → 7 cells, consistent by every rule of the form. */
function requestTable(rnd: Rnd): Record<string, number[]> {
  const rows: Record<string, number[]> = Object.fromEntries(REQUEST_ROW_IDS.map((id) => [id, new Array(7).fill(0)]));
  const outcomes = REQUEST_ROW_IDS.slice(REQUEST_ROW_IDS.indexOf('granted'), REQUEST_ROW_IDS.indexOf('total'));
  for (let c = 0; c < 6; c++) {
    let total = 0;
    for (const id of outcomes) total += rows[id][c] = count(rnd, c);
    const forward = rnd() < 0.4 ? int(rnd, 12) : 0;
    const over = int(rnd, Math.min(total + forward, 9));
    rows.total[c] = total;
    rows.carried_forward[c] = forward;
    rows.carried_over[c] = over;
    rows.new[c] = total + forward - over;
  }
  for (const id of REQUEST_ROW_IDS) rows[id][6] = rows[id].slice(0, 6).reduce((a, b) => a + b, 0);
  return rows;
}

function appealTable(rnd: Rnd): number[][] {
  return [0, 1, 2].map(() => {
    const parts = [0, 1, 2, 3].map(() => (rnd() < 0.5 ? 0 : 1 + int(rnd, rnd() < 0.2 ? 60 : 9)));
    return [...parts, parts.reduce((a, b) => a + b, 0)];
  });
}

/** Cells joined without borders; now and then a padding space at a border (「230 000023」). */
function glue(values: number[], rnd: Rnd): string {
  return values.map((v, i) => (i > 0 && rnd() < 0.12 ? ' ' : '') + String(v)).join('');
}

it(`recovers glued rows of ${CASES} seeded random tables or leaves cells out with a warning, never a wrong value`, async () => {
  const rnd = prng(SEED);
  let cells = 0;
  let recovered = 0;
  for (let n = 0; n < CASES; n++) {
    const requests = requestTable(rnd);
    const appeals = appealTable(rnd);
    const issued = int(rnd, 90);
    const repealed = int(rnd, 60);
    const inForce = issued + int(rnd, 800);
    const truth = new Map<string, number>([
      ['active.normative_docs.issued', issued], ['active.normative_docs.repealed', repealed], ['active.normative_docs.in_force', inForce],
    ]);
    for (const id of REQUEST_ROW_IDS) REQUEST_COLS.forEach((col, i) => truth.set(`requests.${id}.${col.id}`, requests[id][i]));
    ['review', 'suit_direct', 'suit_after_review'].forEach((row, r) => ['upheld', 'corrected', 'other', 'pending', 'total']
      .forEach((col, i) => truth.set(`appeals.${row}.${col}`, appeals[r][i])));
    const text = gluedReportText({
      normativeDocs: glue([issued, repealed, inForce], rnd),
      requests: Object.fromEntries(REQUEST_ROW_IDS.map((id) => [id, glue(requests[id], rnd)])),
      appeals: glue(appeals.flat(), rnd),
    });
    const report = await parseReport({ fileName: `case-${n}.txt`, content: Buffer.from(text) });
    const got = new Map(report.cells.map((c) => [c.key, c.value]));
    const warned = new Set(report.warnings.map((w) => w.key));
    for (const [key, value] of truth) {
      cells++;
      if (got.has(key)) {
        recovered++;
        expect([n, key, got.get(key)]).toEqual([n, key, value]);
      } else {
        expect([n, key, warned.has(key)]).toEqual([n, key, true]);
      }
    }
  }
  // The property holds trivially for a parser that reads nothing: most glued cells must come back.
  expect(recovered / cells).toBeGreaterThan(0.8);
});
