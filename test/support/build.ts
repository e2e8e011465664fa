import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Builds dist/ once per test run, before any test file starts: the CLI tests run `node bin/nianbao.js` from it, and
 * worker threads need the compiled worker script. A build with type errors stops the run (a stale dist/ is never
 * tested). Incremental, so a run with nothing changed pays a few seconds.
 */
export function buildOnce(): void {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'], {
    cwd: ROOT, encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`the build failed (tsc exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}
