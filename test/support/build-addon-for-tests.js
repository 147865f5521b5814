/**
 * Jest globalSetup: `npm test` on a fresh clone (no `npm run build` first) builds what its suites read
 * from disk. The Sheets add-on's apps-script/dist/Code.js (loaded by the bundle, install-zip and
 * playground suites) is rebuilt when it is missing or older than anything it is built from, so a stale
 * bundle is never tested in place of the current sources.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'apps-script', 'dist', 'Code.js');
const sources = [
  path.join(root, 'apps-script', 'src'),
  path.join(root, 'apps-script', 'appsscript.json'),
  path.join(root, 'apps-script', 'scripts', 'build.js'),
  path.join(root, 'core', 'src'),
];

function newestMtime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), 0);
}

function bundleIsCurrent() {
  if (!fs.existsSync(bundle)) return false;
  const built = fs.statSync(bundle).mtimeMs;
  return sources.every((s) => newestMtime(s) <= built);
}

module.exports = function buildAddonForTests() {
  if (bundleIsCurrent()) return;
  const { build } = require(path.join(root, 'apps-script', 'scripts', 'build.js'));
  build();
};
