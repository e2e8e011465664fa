import { parseReport } from '../../src/parser';
import { selectTownships } from '../../bench/divisions';
import { LAYOUTS } from '../../bench/layouts';
import { generateReport } from '../../bench/report';
import { townshipValues } from '../../bench/values';

const SEED = 'test-seed';

// The corpus is only worth benchmarking if the real parser reads every generated cell back, in every layout.
describe('generated reports parse back to the generated values', () => {
  const townships = selectTownships(24);
  for (const layout of LAYOUTS) {
    for (const year of [2020, 2021]) {
      it(`${layout} layout, ${year}`, async () => {
        for (const t of townships) {
          const values = townshipValues(SEED, t.code, year).at(-1)!;
          const report = generateReport(SEED, t, values, [layout]);
          const parsed = await parseReport({ fileName: report.fileName, content: report.pieces.join('') });
          expect({ file: report.fileName, year: parsed.year, format: parsed.format, region: parsed.agency.region?.code })
            .toEqual({ file: report.fileName, year, format: values.format, region: t.code });
          const got = new Map(parsed.cells.map((c) => [c.key, c.value]));
          for (const [key, cell] of values.cells) {
            const value = got.get(key);
            expect({ file: report.fileName, key, value: value === undefined ? 'missing' : value })
              .toEqual({ file: report.fileName, key, value: expect.closeTo(cell.value, 6) });
          }
          expect(parsed.cells).toHaveLength(values.cells.size);
          expect(parsed.checks.filter((c) => c.passed !== true)).toEqual([]);
        }
      });
    }
  }
});
