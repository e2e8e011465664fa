#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../dist/src/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/src/cli/main.js')) {
    console.error('nianbao: not built yet — run `npm install` (or `npm run build`) first.');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`nianbao: ${e && e.message ? e.message : e}`); process.exitCode = 1; },
);
