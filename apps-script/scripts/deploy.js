#!/usr/bin/env node
/**
 * npm run deploy:sheets — puts the built add-on on the merchant's own Google account with clasp 3:
 *  1. first time: `clasp create-script --type sheets --rootDir dist` makes a new Sheet with a bound
 *     script and writes .clasp.json (gitignored; .clasp.json.example shows its shape);
 *  2. `clasp push -f` (dist/ replaces the whole remote project, manifest included);
 *  3. one web-app deployment, updated in place (`update-deployment <id>`) so its /exec URL — the one
 *     pasted into the Midtrans dashboard — never changes; its id lives in .deployment-id (gitignored).
 * Expects `npm run build` to have run (the npm script does it). Cannot run without a Google login.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { build } = require('./build');

const root = path.resolve(__dirname, '..');
const claspBin = path.join(root, '..', 'node_modules', '.bin', 'clasp');
const projectFile = path.join(root, '.clasp.json');
const deploymentFile = path.join(root, '.deployment-id');
const TITLE = 'Midtrans Payment Links';

function fail(message) {
  console.error(`deploy:sheets: ${message}`);
  process.exit(1);
}

function clasp(args, { capture = false } = {}) {
  const r = spawnSync(claspBin, args, { cwd: root, encoding: 'utf8', stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit' });
  if (r.error) fail(`could not start clasp (${r.error.message}); run npm install at the repository root`);
  if (r.status !== 0) fail(`clasp ${args[0]} failed${capture ? `:\n${r.stdout}${r.stderr}` : ' (see above)'}`);
  return capture ? r.stdout : '';
}

function requireLogin() {
  const out = clasp(['show-authorized-user', '--json'], { capture: true });
  let loggedIn = false;
  try {
    loggedIn = JSON.parse(out).loggedIn === true;
  } catch {
    loggedIn = /logged in/i.test(out) && !/not logged in/i.test(out);
  }
  if (!loggedIn) {
    fail(
      [
        'not logged in to Google. First:',
        '  1. turn on the Apps Script API: https://script.google.com/home/usersettings',
        '  2. npx clasp login',
        'then run npm run deploy:sheets again.',
      ].join('\n'),
    );
  }
}

function deploymentIdFrom(text) {
  try {
    const json = JSON.parse(text);
    if (json && typeof json.deploymentId === 'string') return json.deploymentId;
  } catch {
    // Older output is text: "Deployed AKfycb… @3".
  }
  const m = /(AKfyc[\w-]+)/.exec(text);
  return m ? m[1] : undefined;
}

function main() {
  requireLogin();
  if (!fs.existsSync(path.join(root, 'dist', 'Code.js'))) fail('dist/Code.js is missing; run npm run build -w apps-script');
  if (!fs.existsSync(projectFile)) {
    console.log(`Creating a new Google Sheet "${TITLE}" with a bound script…`);
    clasp(['create-script', '--type', 'sheets', '--title', TITLE, '--rootDir', 'dist']);
    // create pulls the default manifest into dist/; put ours back before pushing.
    build();
  }
  clasp(['push', '-f']);
  const description = `deploy:sheets ${new Date().toISOString()}`;
  let id = fs.existsSync(deploymentFile) ? fs.readFileSync(deploymentFile, 'utf8').trim() : '';
  if (id) {
    clasp(['update-deployment', id, '-d', description]);
  } else {
    const out = clasp(['--json', 'create-deployment', '-d', description], { capture: true });
    id = deploymentIdFrom(out) ?? '';
    if (!id) fail(`could not read the deployment id from clasp's answer:\n${out}`);
    fs.writeFileSync(deploymentFile, `${id}\n`);
  }
  console.log(
    [
      '',
      `Web app URL (paste into Midtrans ▸ Settings ▸ Configuration ▸ Payment Notification URL):`,
      `  https://script.google.com/macros/s/${id}/exec`,
      '',
      'Before the first notification arrives (README, "Google Sheets add-on"):',
      '  - open the Sheet, run Midtrans ▸ Settings once and accept the permissions;',
      '  - check Deploy ▸ Manage deployments: "Execute as: Me", "Who has access: Anyone"',
      "    (clasp may not apply the manifest's web-app access, google/clasp#1115).",
    ].join('\n'),
  );
}

main();
