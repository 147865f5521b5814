#!/usr/bin/env node
/**
 * node test/reliability/mutants.js: evidence that the reliability suites can fail. Each mutant is a
 * copy of apps-script/ (and, for a core mutant, of core/) with one deliberate defect; the suites named for it run against that copy
 * (RELIABILITY_ADDON_BUILD) and must fail. Exit code 1 when a mutant expected to be caught survives.
 *
 * The count in docs/reliability.md is this run's: the sentence between the `mutants` markers there is
 * written from the results (`--update-docs` rewrites it; otherwise a run whose results differ from it
 * exits 1, so CI catches a docs count that no run produced). Results also go to
 * test-artifacts/mutants.json with the run's duration. A mutant whose target is not found exactly once, or
 * whose mutated copy does not build, is reported and fails the run rather than counting as caught.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const T = (name) => `test/reliability/${name}.test.ts`;

const MUTANTS = [
  {
    name: 'a 409 is not recovered into the existing link',
    file: 'core:create-protocol.ts',
    from: '} else if (answer.status === 409 && ',
    to: '} else if (answer.status === -409 && ',
    tests: [T('cutoff-generation')],
  },
  {
    name: 'doPost skips the signature check',
    file: 'core:verify-notification.ts',
    from: 'return constantTimeEqual(expected, given.toLowerCase());',
    to: 'return true;',
    tests: [T('notification-storm'), T('fuzz')],
  },
  {
    name: 'doPost reads Script Properties to verify every notification instead of the cached settings',
    file: 'notifications.ts',
    from: 'const cached = cachedConfig(readConfig);',
    to: 'const cached = refreshCachedConfig(readConfig);',
    tests: [T('junk-flood')],
  },
  {
    name: 'a notification that finds the sheet busy is not kept',
    file: 'notifications.ts',
    from: 'return keepForLater({',
    to: 'return false && keepForLater({',
    tests: [T('concurrency')],
  },
  {
    name: 'doPost skips the status-code table (an edited status under its signed code is read)',
    file: 'core:notification-decision.ts',
    from: 'if (mismatch) return',
    to: 'if (false && mismatch) return',
    tests: [T('notification-storm')],
  },
  {
    name: 'doPost records a payment or refund without confirming it with the status API',
    file: 'notification-trust.ts',
    from: 'if (!moneyClaimOf(n)) {',
    to: 'if (true) {',
    tests: [T('notification-storm')],
  },
  {
    name: "doPost records the body's own time and ids instead of the status answer's",
    file: 'notification-trust.ts',
    from: 'record: confirmedRecord(check) }',
    to: 'record: recordOf(n) }',
    tests: [T('notification-storm')],
  },
  {
    name: 'doPost records purchases of links that are in no row (a shop on the same account)',
    file: 'notifications.ts',
    from: "  if (row === undefined) return { ok: true, result: 'no-row' };",
    to: "  if (row === undefined) {\n    const log = PaymentsLog.load(spreadsheet);\n    for (const p of store.stagedPurchases()) log.put(lineOf(p.linkOrderId, p.record, customerOf(() => '')));\n    log.commit();\n    store.commit(new Date().toISOString());\n    return { ok: true, result: 'no-row' };\n  }",
    tests: [T('notification-storm')],
  },
  {
    name: 'a second run ignores the run marker',
    file: 'run-guard.ts',
    from: 'if (current && now - current.startedAt < STALE_MS) {',
    to: 'if (false) {',
    tests: [T('concurrency')],
  },
  {
    name: 'doPost writes without making the cells text',
    file: 'notifications.ts',
    from: "formatAsText(sheet, header, ['status', 'paidAt', 'note'], rows);",
    to: '',
    tests: [T('hostile-content')],
  },
  {
    name: 'Refresh writes without making the cells text',
    file: 'refresh.ts',
    from: 'formatAsText(\n      table.sheet,\n      table.header,',
    to: '((..._cells: unknown[]) => undefined)(\n      table.sheet,\n      table.header,',
    tests: [T('hostile-content')],
  },
  {
    name: 'Midtrans error texts are not scrubbed of the key',
    file: 'core:create-protocol.ts',
    from: '  return redactError(e, run.config.serverKey);',
    to: '  return e;',
    tests: [T('secret-hygiene')],
  },
  {
    name: 'a typed Order ID in two rows is not caught',
    file: 'generation.ts',
    from: 'if (owner !== undefined && owner !== row) {',
    to: 'if (false) {',
    tests: [T('duplicate-order-ids'), T('cutoff-generation')],
  },
  {
    name: 'text longer than a cell is written whole',
    file: 'cell-writes.ts',
    from: 'if (text.length <= CELL_MAX_CHARS) return text;',
    to: 'return text;',
    tests: [T('hostile-content')],
  },
  {
    name: 'a Refresh pass starts over instead of resuming where it stopped',
    file: 'refresh.ts',
    from: 'all.filter((l) => !pending || l.orderId > pending.after)',
    to: 'all.filter(() => true)',
    tests: [T('refresh-continuation')],
  },
  {
    name: 'a Refresh stopped for time schedules no continuation',
    file: 'main.ts',
    from: 'onStoppedForTime: () => scheduleContinuation(REFRESH_CONTINUATION),',
    to: "onStoppedForTime: () => 'it continues by itself',",
    tests: [T('refresh-continuation')],
  },
  {
    name: 'a Refresh pass resumes in sheet order, not order-id order',
    file: 'refresh.ts',
    from: 'all.filter((l) => !pending || l.orderId > pending.after).sort(byOrderId)',
    to: 'all.filter((l) => !pending || l.orderId > pending.after)',
    tests: [T('refresh-continuation')],
  },
  {
    name: 'doPost writes the state store before the Payments row',
    file: 'notifications.ts',
    from: '    log.commit();\n    store.commit(stamp);',
    to: '    store.commit(stamp);\n    SpreadsheetApp.flush();\n    log.commit();',
    tests: [T('cutoff-payments')],
  },
  {
    name: 'Payments rows are appended without making the cells text',
    file: 'payments-log.ts',
    from: '      range.setNumberFormats(appended.map(() => formats));\n      range.setValues(appended',
    to: '      range.setValues(appended',
    tests: [T('hostile-content')],
  },
  {
    name: 'a replayed notification appends a second Payments row',
    file: 'payments-log.ts',
    from: 'const row = this.rows.get(String(line.purchaseOrderId));',
    to: 'const row = undefined as number | undefined;',
    tests: [T('notification-storm'), T('cutoff-payments')],
  },
  {
    name: 'Refresh never re-checks paid links for refunds',
    file: 'refresh.ts',
    from: "if (need !== 'paid') return need === 'open';",
    to: "if (true) return need === 'open';",
    tests: [T('refund-recheck')],
  },
  {
    name: 'Refresh re-checks every paid link on every pass',
    file: 'refresh.ts',
    from: 'const due = paidRecheckDue(',
    to: 'const due = true || paidRecheckDue(',
    tests: [T('refund-recheck')],
  },
  {
    name: 'a reminder run does not journal its sends',
    file: 'reminders.ts',
    from: 'journal.sent.push(g.key);',
    to: 'void g.key;',
    tests: [T('cutoff-reminders')],
  },
  {
    name: 'a reminder goes out even when Midtrans shows the invoice paid',
    file: 'reminders.ts',
    from: 'if (blocked(check, store, c.orderId, at)) return void step.skipped++;',
    to: 'if (false) return void step.skipped++;',
    tests: [T('reminders-month'), T('cutoff-reminders')],
  },
  {
    name: 'reminders are sent before their claims are flushed',
    file: 'reminders.ts',
    from: '    rows = log.append(go.map((g) => g.entry));\n    SpreadsheetApp.flush();',
    to: '    rows = log.append(go.map((g) => g.entry));',
    tests: [T('cutoff-reminders')],
  },
  // Caught because a cut execution loses its unflushed writes (the emulator's strict reading, unflushed-writes.ts).
  {
    name: 'order ids are not flushed before the creates',
    file: 'generation.ts',
    from: '    SpreadsheetApp.flush();\n\n    const report',
    to: '\n    const report',
    tests: [T('cutoff-generation')],
  },
];

// MUTANTS_ONLY=<text>: only the mutants whose name contains it (to check a new one without running all).
const only = process.env.MUTANTS_ONLY;
const updateDocs = process.argv.includes('--update-docs');
const DOCS = path.join(root, 'docs', 'reliability.md');
const MARKERS = /<!-- mutants -->[\s\S]*?<!-- \/mutants -->/;
const started = Date.now();
const results = [];
let unexpected = 0;
for (const m of MUTANTS.filter((x) => !only || x.name.includes(only))) {
  const dir = path.join(root, `.mutant-apps-script-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (const entry of ['src', 'scripts', 'appsscript.json', 'package.json'])
    fs.cpSync(path.join(root, 'apps-script', entry), path.join(dir, entry), { recursive: true });
  // A mutant of the core ('core:<file>') gets its own copy of the core, which the copied add-on
  // resolves first (node_modules beside it), so the real core stays untouched.
  const inCore = m.file.startsWith('core:');
  if (inCore) {
    fs.cpSync(path.join(root, 'core'), path.join(dir, 'node_modules', '@midtrans-pl', 'core'), { recursive: true });
  }
  const file = inCore ? path.join(dir, 'node_modules', '@midtrans-pl', 'core', 'src', m.file.slice(5)) : path.join(dir, 'src', m.file);
  const text = fs.readFileSync(file, 'utf8');
  // Exactly once: a target that appears twice would mutate whichever comes first, perhaps not the code named.
  const found = text.split(m.from).length - 1;
  if (found !== 1) {
    console.log(`?  ${m.name}: the code it mutates ${found ? 'appears more than once' : 'has changed'} (${m.file}); update this mutant`);
    results.push({ name: m.name, caught: false, stale: true });
    unexpected++;
    fs.rmSync(dir, { recursive: true, force: true });
    continue;
  }
  fs.writeFileSync(file, text.replace(m.from, m.to));
  // A mutant that does not build would fail every suite and so look caught: it must build first.
  const built = spawnSync(
    process.execPath,
    [
      '-e',
      'require(process.argv[1]).build({ outDir: process.argv[2] })',
      path.join(dir, 'scripts', 'build.js'),
      path.join(dir, 'dist-check'),
    ],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) {
    console.log(`?  ${m.name}: the mutated copy does not build; fix this mutant\n${built.stderr}`);
    results.push({ name: m.name, caught: false, broken: true });
    unexpected++;
    fs.rmSync(dir, { recursive: true, force: true });
    continue;
  }
  const run = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...m.tests], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      RELIABILITY_ADDON_BUILD: path.join(dir, 'scripts', 'build.js'),
      RELIABILITY_SEEDS: '40',
      RELIABILITY_FUZZ_RUNS: '300',
      RELIABILITY_QUIET: '1',
    },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const caught = run.status !== 0;
  const expected = m.survives ? !caught : caught;
  if (!expected) unexpected++;
  results.push({ name: m.name, caught });
  console.log(
    `${caught ? 'caught  ' : 'survived'} ${m.name}${m.survives ? ` (expected to survive: ${m.survives})` : ''}${expected ? '' : '  <-- unexpected'}`,
  );
}

const seconds = Math.round((Date.now() - started) / 1000);
const caughtCount = results.filter((r) => r.caught).length;
const sentence = `<!-- mutants -->${results.length} mutants, ${caughtCount} caught<!-- /mutants -->`;
fs.mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'test-artifacts', 'mutants.json'),
  `${JSON.stringify({ mutants: results.length, caught: caughtCount, seconds, results }, null, 2)}\n`,
);
console.log(`${results.length} mutants, ${caughtCount} caught, ${seconds} s`);
if (!only) {
  const docs = fs.readFileSync(DOCS, 'utf8');
  if (!MARKERS.test(docs)) {
    console.log('docs/reliability.md has no <!-- mutants --> sentence to check');
    unexpected++;
  } else if (updateDocs) {
    fs.writeFileSync(DOCS, docs.replace(MARKERS, sentence));
  } else if (docs.match(MARKERS)[0] !== sentence) {
    console.log(`docs/reliability.md says "${docs.match(MARKERS)[0]}"; this run gives "${sentence}" (run with --update-docs)`);
    unexpected++;
  }
}
process.exit(unexpected ? 1 : 0);
