import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, sourceFiles } from './graph';

/** SQL statements as they are written in this project: upper-case keywords at the start of a clause. */
const SQL = /\b(SELECT\s[\s\S]*?\bFROM\b|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+[a-z_]+\s+SET)\b/;
/** TypeORM's query-building and repository APIs: the resolvers read through db/queries instead. */
const BUILDER = /\b(createQueryBuilder|getRepository|Repository\b|\.manager\b)/;

/**
 * Bench tooling outside the API: sampling the generated corpus for variables and questions, checking GraphQL against
 * SQL, reading PostgreSQL's statistics, the view the PostGraphile peer groups by province. The bench's SQL floor itself
 * calls src/db/queries (bench/scenarios.ts).
 */
const TOOLING: readonly string[] = ['bench/ask.ts', 'bench/run.ts', 'bench/targets.ts', 'bench/peer/compare.ts'];

const text = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'bench'))];

describe('where SQL lives', () => {
  it('recognises the statements it looks for (the pattern is not blind)', () => {
    expect(SQL.test('`SELECT r.id FROM reports r`')).toBe(true);
    expect(SQL.test("'DELETE FROM cells WHERE id = $1'")).toBe(true);
    expect(SQL.test('select a value from the list')).toBe(false);
  });

  it('has no SQL text outside src/db and src/ingest', () => {
    const outside = files.filter((f) => !/^src\/(db|ingest)\//.test(f) && SQL.test(text(f)));
    expect(outside.filter((f) => !TOOLING.includes(f))).toEqual([]);
  });

  it('has no TypeORM query builder or repository in the resolvers', () => {
    const using = files.filter((f) => f.startsWith('src/resolvers/') && BUILDER.test(text(f)));
    expect(using).toEqual([]);
  });
});
