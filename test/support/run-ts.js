#!/usr/bin/env node
/**
 * Runs a TypeScript entry point with Node: esbuild bundles it (dependencies stay external) into
 * node_modules/.cache/run-ts (one file per process) and the bundle runs with the remaining arguments. Used by the npm scripts
 * (sandbox, start, bench) so they need no ts-node.
 *   node test/support/run-ts.js <entry.ts> [args...]
 */
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node test/support/run-ts.js <entry.ts> [args...]');
  process.exit(2);
}
const root = path.resolve(__dirname, '..', '..');
const absolute = path.resolve(process.cwd(), entry);
const outfile = path.join(root, 'node_modules', '.cache', 'run-ts', path.relative(root, absolute).replace(/[\\/]/g, '__').replace(/\.ts$/, `.${process.pid}.js`));
esbuild.buildSync({
  entryPoints: [absolute],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.argv = [process.argv[0], absolute, ...args];
try {
  require(outfile);
} finally {
  // One bundle per process, so two scripts started at once never read each other's half-written file;
  // it is loaded by now, so it can go.
  require('fs').rmSync(outfile, { force: true });
}
