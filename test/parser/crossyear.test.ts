import { crossYearChecks, type YearCells } from '../../src/parser';

const year = (y: number, format: '2019' | '2021', entries: Record<string, number | null>): YearCells => ({
  year: y, format, values: new Map(Object.entries(entries)),
});

describe('cross-year consistency rules', () => {
  it("compares last year's carried_forward with this year's carried_over, per applicant column", () => {
    const prev = year(2020, '2019', { 'requests.carried_forward.total': 2, 'requests.carried_forward.natural_person': 2 });
    const curr = year(2021, '2021', { 'requests.carried_over.total': 2, 'requests.carried_over.natural_person': 1 });
    const checks = crossYearChecks(prev, curr).filter((c) => c.rule === 'years.carried');
    expect(checks).toHaveLength(7);
    expect(checks.find((c) => c.scope === 'total')).toMatchObject({
      passed: true, left: 2, right: 2, keys: ['2020:requests.carried_forward.total', '2021:requests.carried_over.total'],
    });
    expect(checks.find((c) => c.scope === 'natural_person')).toMatchObject({ passed: false, left: 2, right: 1 });
    // commercial is missing in both years: not evaluated rather than guessed
    expect(checks.find((c) => c.scope === 'commercial')?.passed).toBeNull();
  });

  it('chains in_force between two format-2021 years and treats blanks as 0', () => {
    const prev = year(2021, '2021', { 'active.normative_docs.in_force': 10 });
    const curr = year(2022, '2021', {
      'active.normative_docs.issued': 3, 'active.normative_docs.repealed': null, 'active.normative_docs.in_force': 13,
    });
    const check = crossYearChecks(prev, curr).find((c) => c.rule === 'years.in_force' && c.scope === 'normative_docs');
    expect(check).toMatchObject({ passed: true, left: 13, right: 13 });
    const wrong = year(2022, '2021', { ...Object.fromEntries(curr.values), 'active.normative_docs.in_force': 12 });
    expect(crossYearChecks(prev, wrong).find((c) => c.scope === 'normative_docs')?.passed).toBe(false);
  });

  it('has no in_force rule across the 2019→2021 template change, and nothing for non-consecutive years', () => {
    const prev = year(2020, '2019', {});
    expect(crossYearChecks(prev, year(2021, '2021', {})).some((c) => c.rule === 'years.in_force')).toBe(false);
    expect(crossYearChecks(year(2019, '2019', {}), year(2021, '2021', {}))).toEqual([]);
  });
});
