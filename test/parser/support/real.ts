import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The real reports of test/fixtures/real (copied from the shared corpus), with their hand-read values. */
export const REAL_DIR = path.join(__dirname, '..', '..', 'fixtures', 'real');

export interface RealExpected {
  source: string;
  agency: string;
  year: number;
  format: '2019' | '2021';
  cells: Record<string, number | null>;
  notes: string;
}

/** Region code of each agency, as the corpus README gives it (its parent division). */
export const REAL_REGIONS: Record<string, string> = {
  平潭综合实验区: '350128',
  上海市人民政府办公厅: '31',
  沭阳县发展和改革局: '321322',
};

/**
 * Files whose tables are glued or padded by saving a page as text: they share their expected values with the
 * page itself, and may leave a cell missing (with a warning) where no split of the glued digits is certain.
 */
export const GLUED_VARIANTS = new Set(['pingtan-2019.txt', 'pingtan-2023.txt', 'pingtan-2025.txt']);

export const REAL_FILES = readdirSync(path.join(REAL_DIR, 'reports')).sort();

export function realExpected(file: string): RealExpected {
  const slug = file.replace(/\.(html|txt|md)$/, '');
  return JSON.parse(readFileSync(path.join(REAL_DIR, 'expected', `${slug}.json`), 'utf8')) as RealExpected;
}

export function realBytes(file: string): Buffer {
  return readFileSync(path.join(REAL_DIR, 'reports', file));
}

/** The five 法人或其他组织 columns of 表三: the corpus lists them only where they are non-zero. */
export function isLegalPersonColumn(key: string): boolean {
  return /^requests\..*\.(commercial|research|social_org|legal_service|other_org)$/.test(key);
}
