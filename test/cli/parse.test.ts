import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedReport } from '../../src/parser';
import { SAMPLE_FILES, SAMPLES_DIR, expectedFor } from '../parser/support/samples';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.js');

function nianbao(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('parse --json prints one ParsedReport per sample, per line, with every cell', () => {
  const files = SAMPLE_FILES.map((f) => join(SAMPLES_DIR, f));
  const run = nianbao('parse', ...files, '--json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(SAMPLE_FILES.length);
  lines.forEach((line, i) => {
    const report = JSON.parse(line) as ParsedReport;
    const expected = expectedFor(SAMPLE_FILES[i]);
    expect(Object.keys(report).sort()).toEqual(
      ['agency', 'cells', 'checks', 'contact', 'format', 'publishedAt', 'sections', 'title', 'warnings', 'year'],
    );
    expect(report.cells).toHaveLength(expected.format === '2019' ? 198 : 200);
    expect(report.format).toBe(expected.format);
    expect(report.year).toBe(expected.year);
    expect(report.agency.region?.code).toBe(expected.agency.regionCode);
    expect(report.checks.filter((c) => c.passed !== true)).toEqual([]);
  });
});

it('parse of the samples folder takes every report document in it and leaves the expected-values JSON alone', () => {
  const run = nianbao('parse', SAMPLES_DIR, '--json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const reports = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as ParsedReport);
  expect(reports.map((r) => r.agency.region?.code).sort()).toEqual(
    SAMPLE_FILES.map((f) => expectedFor(f).agency.regionCode).sort(),
  );
});

it('a bad file is one line on stderr, exit 1, and the other files are still parsed', () => {
  const empty = join(tmp, 'empty.txt');
  const png = join(tmp, 'logo.png');
  writeFileSync(empty, '');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const missing = join(tmp, 'nope.txt');
  const run = nianbao('parse', empty, join(SAMPLES_DIR, 'shiji-2020.txt'), png, missing, '--json');
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toEqual([
    `nianbao parse: ${empty}: the file is empty (no text)`,
    `nianbao parse: ${png}: this is a PNG image, not a report (expected text, HTML, DOCX or PDF)`,
    `nianbao parse: ${missing}: no such file or folder`,
  ]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  const out = run.stdout.trim().split('\n');
  expect(out).toHaveLength(1);
  expect((JSON.parse(out[0]) as ParsedReport).agency.region?.code).toBe('341103107');
});

it('without --json prints a readable summary', () => {
  const run = nianbao('parse', join(SAMPLES_DIR, 'baitu-2020.txt'));
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('丰城市白土镇人民政府');
  expect(run.stdout).toContain('360981101');
  expect(run.stdout).toMatch(/cells:\s+198/);
  expect(run.stdout).toMatch(/0 failed/);
  expect(run.stdout).toMatch(/format: 2019/);
});
