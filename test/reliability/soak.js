#!/usr/bin/env node
/**
 * npm run soak [-- --seeds N --fuzz-runs N --offset N]: the reliability suite with many more seeds
 * (default 2,000 per seeded property, 20,000 runs per fuzz property), starting at a fresh offset so
 * it explores seeds CI has not. Figures are collected into test-artifacts/reliability-soak.jsonl
 * and summed at the end.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a whole number, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return n;
}

const root = path.resolve(__dirname, '../..');
const seeds = option('seeds', 2000);
const fuzzRuns = option('fuzz-runs', 20000);
const offset = option('offset', 100000);
const out = path.join(root, 'test-artifacts', 'reliability-soak.jsonl');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });

console.log(`Reliability soak: ${seeds} seeds per seeded property from offset ${offset}, ${fuzzRuns} runs per fuzz property.`);
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--runInBand', 'test/reliability'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    RELIABILITY_SEEDS: String(seeds),
    RELIABILITY_FUZZ_RUNS: String(fuzzRuns),
    RELIABILITY_SEED_OFFSET: String(offset),
    RELIABILITY_FIGURES: out,
    RELIABILITY_QUIET: '1',
  },
});
if (fs.existsSync(out)) {
  console.log('\nFigures:');
  for (const line of fs.readFileSync(out, 'utf8').split('\n').filter(Boolean)) console.log(`  ${line}`);
  console.log(`(also in ${path.relative(root, out)})`);
}
process.exit(run.status ?? 1);
