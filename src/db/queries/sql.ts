/**
 * SQL built with a tagged template: every interpolated value becomes a numbered parameter ($1, $2, …) in the order
 * it appears, so no value is ever spliced into the text. A nested `sql` fragment is inlined with its own parameters
 * renumbered; `sql.raw` inlines vetted text (identifiers, directions, column lists the code itself built) and is
 * the only way text gets in.
 */
export class Sql {
  private constructor(
    /** Text pieces around the parameters: always one more than `params`. */
    private readonly pieces: readonly string[],
    private readonly params: readonly unknown[],
  ) {}

  /** The statement text with $n placeholders. */
  get text(): string {
    let out = this.pieces[0];
    for (let i = 0; i < this.params.length; i++) out += `$${i + 1}${this.pieces[i + 1]}`;
    return out;
  }

  get values(): unknown[] {
    return [...this.params];
  }

  static template(strings: readonly string[], values: readonly unknown[]): Sql {
    const pieces: string[] = [strings[0]];
    const params: unknown[] = [];
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        pieces[pieces.length - 1] += value.pieces[0];
        value.params.forEach((p, j) => {
          params.push(p);
          pieces.push(value.pieces[j + 1]);
        });
        pieces[pieces.length - 1] += strings[i + 1];
      } else {
        params.push(value);
        pieces.push(strings[i + 1]);
      }
    });
    return new Sql(pieces, params);
  }

  static raw(text: string): Sql {
    return new Sql([text], []);
  }
}

type SqlTag = {
  (strings: TemplateStringsArray, ...values: unknown[]): Sql;
  /** Vetted text inlined as it is: never pass user input here. */
  raw(text: string): Sql;
  /** Fragments joined by a vetted separator (e.g. ', ' or ' AND '). */
  join(fragments: readonly Sql[], separator: string): Sql;
  /** `WHERE a AND b …`, or nothing when there is no condition. */
  where(conditions: readonly Sql[]): Sql;
  empty: Sql;
};

export const sql: SqlTag = Object.assign((strings: TemplateStringsArray, ...values: unknown[]) => Sql.template(strings, values), {
  raw: (text: string) => Sql.raw(text),
  join: (fragments: readonly Sql[], separator: string) => {
    if (fragments.length === 0) return Sql.raw('');
    return Sql.template(['', ...fragments.slice(1).map(() => separator), ''], fragments);
  },
  where: (conditions: readonly Sql[]) =>
    conditions.length ? Sql.template(['WHERE ', ''], [sql.join(conditions, ' AND ')]) : Sql.raw(''),
  empty: Sql.raw(''),
});
