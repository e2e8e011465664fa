import { createRng, type Rng } from '../../bench/prng';
import { arrayLiteral } from '../../src/ingest/writes';
import { executorOf, sql } from '../../src/db/queries';
import { freshDatabase, type FreshDatabase } from '../support/db';

// pg's own serialisation of a parameter (what it would send for a JS array): the reference. No types ship for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): unknown };

/** Characters that matter to PostgreSQL's array syntax, and some that do not. */
const ALPHABET = ['"', '\\', ',', '{', '}', ' ', '\t', '\n', "'", 'NULL', 'null', '白土镇', 'a', '1', '.', '-', '\u00a0', '𠮷'];
const CASES = 300;

function element(rng: Rng): string | number | boolean | null {
  const kind = rng.next();
  if (kind < 0.1) return null;
  if (kind < 0.2) return rng.int(-1_000_000, 1_000_000) / (rng.chance(0.5) ? 1 : 100);
  if (kind < 0.25) return rng.chance(0.5);
  if (kind < 0.3) return '';
  let s = '';
  for (let n = rng.int(1, 8); n > 0; n--) s += ALPHABET[rng.int(0, ALPHABET.length - 1)];
  return s;
}

function arrays(seed: string): (string | number | boolean | null)[][] {
  const rng = createRng(seed);
  return Array.from({ length: CASES }, () => Array.from({ length: rng.int(0, 6) }, () => element(rng)));
}

describe('arrayLiteral', () => {
  it(`writes what pg's own array serialisation writes (${CASES} seeded arrays)`, () => {
    for (const a of arrays('arrayLiteral:pg')) expect(arrayLiteral(a)).toBe(prepareValue(a));
  });

  it('writes the edge cases exactly', () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral([''])).toBe('{""}');
    expect(arrayLiteral([null, undefined])).toBe('{NULL,NULL}');
    expect(arrayLiteral(['NULL'])).toBe('{"NULL"}');
    expect(arrayLiteral(['a"b', 'c\\d'])).toBe('{"a\\"b","c\\\\d"}');
  });

  describe('read back by PostgreSQL', () => {
    let db: FreshDatabase;
    beforeAll(async () => {
      db = await freshDatabase();
    });
    afterAll(() => db.drop());

    it(`gives back every text array unchanged (${CASES} seeded arrays)`, async () => {
      const texts = arrays('arrayLiteral:pg:text').map((a) => a.map((v) => (v === null ? null : String(v))));
      const [row] = await executorOf(db.dataSource).rows(
        sql`SELECT array(SELECT array_to_json(x::text[])::text FROM unnest(${texts.map((a) => arrayLiteral(a))}::text[]) AS x) AS back`,
      );
      expect((row.back as string[]).map((j) => JSON.parse(j))).toEqual(texts);
    });
  });
});
