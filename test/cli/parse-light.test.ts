import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** `nianbao parse` is pure parsing: running it (from dist/, built by globalSetup) loads none of the database or server. */
it('nianbao parse loads no database, server or bot package', () => {
  const script = `
    const { main } = require(${JSON.stringify(path.join(ROOT, 'dist/src/cli/main.js'))});
    main(['node', 'nianbao', 'parse', ${JSON.stringify(path.join(ROOT, 'samples/baitu-2020.txt'))}]).then((code) => {
      const loaded = new Set(Object.keys(require.cache).filter((k) => k.includes('node_modules')).map((k) => k.split('node_modules/').pop().split('/')[0]));
      process.stderr.write(JSON.stringify({ code, loaded: [...loaded] }));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const { code, loaded } = JSON.parse(run.stderr) as { code: number; loaded: string[] };
  expect(code).toBe(0);
  expect(run.stdout).toContain('白土镇');
  expect(loaded).toContain('commander');
  expect(loaded.filter((p) => ['typeorm', 'pg', '@apollo', 'type-graphql', 'express', 'wechaty', 'graphql', 'dataloader'].includes(p))).toEqual([]);
});
