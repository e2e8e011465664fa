#!/usr/bin/env node
/**
 * `npm test` needs two system pieces that npm cannot ship: Debian's chromium (the GraphiQL browser test) and a CJK
 * font (Chinese text in that browser and in the chart renderer). On a fresh Debian machine this installs them with
 * apt-get, so the README's `npm test` is all a newcomer runs; elsewhere it says exactly what is missing.
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(`npm test needs ${missing.join(' and ')}: install ${missing.join(' ')} (Debian: sudo apt-get install -y ${missing.join(' ')}), or set CHROMIUM_PATH`);
  process.exit(1);
}
console.error(`npm test: installing ${missing.join(', ')} with apt-get (once per machine)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
