import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENV_VARS } from '../../src/cli/env';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'nianbao.js');

function run(args: string[], env: Record<string, string> = {}) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_URL' in env)) delete merged.DATABASE_URL;
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: merged, encoding: 'utf8', timeout: 60_000 });
}

describe('nianbao CLI: version, help, environment errors', () => {
  it('--version prints the version of package.json', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('--help, the README and .env.example list every environment variable the source reads', () => {
    const help = run(['--help']).stdout;
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const read = new Set<string>();
    const files = spawnSync('grep', ['-rhoE', 'env\\.[A-Z][A-Z0-9_]+', path.join(ROOT, 'src')], { encoding: 'utf8' }).stdout;
    for (const m of files.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]);
    expect([...read].sort()).toEqual(ENV_VARS.map(([n]) => n).sort());
    for (const name of read) {
      expect(help).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
      expect(readme).toContain(`| \`${name}\` |`);
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    }
  });

  it('PORT=abc is a clear error with exit code 2', () => {
    const r = run(['serve', '--no-samples'], { PORT: 'abc' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT must be a whole number 0..65535, got "abc"');
  });

  it('DATABASE_URL=mysql://… names the supported schemes', () => {
    const r = run(['serve', '--no-samples'], { DATABASE_URL: 'mysql://u:p@127.0.0.1/db' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('only postgres:// or postgresql:// URLs');
    expect(r.stderr).not.toContain(':p@');
  });

  it('DATABASE_URL=notaurl says it is not a URL', () => {
    const r = run(['serve', '--no-samples'], { DATABASE_URL: 'notaurl' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL is not a URL');
  });

  it('package.json main points at a file that exists after the build', () => {
    const main = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).main as string;
    expect(() => readFileSync(path.join(ROOT, main))).not.toThrow();
  });
});
