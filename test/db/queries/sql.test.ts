import { sql } from '../../../src/db/queries/sql';

describe('the sql tag', () => {
  it('turns every interpolated value into a numbered parameter', () => {
    const q = sql`SELECT * FROM cells c WHERE c.key = ${'requests.new.total'} AND c.year = ${2021}`;
    expect(q.text).toBe('SELECT * FROM cells c WHERE c.key = $1 AND c.year = $2');
    expect(q.values).toEqual(['requests.new.total', 2021]);
  });

  it('never splices a value into the text, whatever it holds', () => {
    const hostile = "x' OR 1=1; DROP TABLE reports; --";
    const q = sql`SELECT 1 WHERE a = ${hostile}`;
    expect(q.text).toBe('SELECT 1 WHERE a = $1');
    expect(q.values).toEqual([hostile]);
  });

  it('inlines nested fragments and renumbers their parameters', () => {
    const inner = sql`(b = ${7} OR c = ${'eight'})`;
    const q = sql`SELECT 1 WHERE a = ${3} AND ${inner} AND d = ${[9, 10]}`;
    expect(q.text).toBe('SELECT 1 WHERE a = $1 AND (b = $2 OR c = $3) AND d = $4');
    expect(q.values).toEqual([3, 7, 'eight', [9, 10]]);
  });

  it('inlines raw text only through sql.raw', () => {
    const q = sql`SELECT ${sql.raw('r."year" AS "year"')} FROM reports r ORDER BY r.year ${sql.raw('DESC')} LIMIT ${5}`;
    expect(q.text).toBe('SELECT r."year" AS "year" FROM reports r ORDER BY r.year DESC LIMIT $1');
    expect(q.values).toEqual([5]);
  });

  it('builds WHERE from conditions, or nothing when there are none', () => {
    const q = sql`SELECT 1 FROM t ${sql.where([sql`a = ${1}`, sql`b LIKE ${'36%'}`, sql`c IS NULL`])}`;
    expect(q.text).toBe('SELECT 1 FROM t WHERE a = $1 AND b LIKE $2 AND c IS NULL');
    expect(q.values).toEqual([1, '36%']);
    expect(sql`SELECT 1 FROM t ${sql.where([])}`.text).toBe('SELECT 1 FROM t ');
  });

  it('joins fragments with their parameters in order', () => {
    const q = sql.join([sql`${1}`, sql`${2}`, sql.raw('NULL'), sql`${3}`], ', ');
    expect(q.text).toBe('$1, $2, NULL, $3');
    expect(q.values).toEqual([1, 2, 3]);
    expect(sql.join([], ', ').text).toBe('');
  });

  it('keeps null and undefined as parameters (not text)', () => {
    const q = sql`a = ${null} AND b = ${undefined}`;
    expect(q.text).toBe('a = $1 AND b = $2');
    expect(q.values).toEqual([null, undefined]);
  });

  it('reuses a fragment in two statements with independent numbering', () => {
    const cond = sql`k = ${'a'}`;
    const one = sql`SELECT 1 WHERE ${cond}`;
    const two = sql`SELECT 2 WHERE x = ${0} AND ${cond}`;
    expect(one.text).toBe('SELECT 1 WHERE k = $1');
    expect(two.text).toBe('SELECT 2 WHERE x = $1 AND k = $2');
    expect(two.values).toEqual([0, 'a']);
  });
});
