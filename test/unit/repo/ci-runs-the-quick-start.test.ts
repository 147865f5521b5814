/**
 * A green CI means a fresh machine passes: .ci/run clones the commit and runs the README's quick-start
 * commands in the README's order, with nothing in between that a newcomer would not type (no build
 * step: `npm test` builds what its suites read, test/support/build-addon-for-tests.js).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');

/** The commands of the README's "Quick start" code block. */
function quickStart(): string[] {
  const section = readme.slice(readme.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README has no Quick start code block');
  return block[1]
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The npm commands .ci/run runs, in order, after it has cloned the commit (environment prefixes and redirects dropped). */
function ciCommands(): string[] {
  const afterClone = ci.slice(ci.indexOf('git clone'));
  return afterClone
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => !l.startsWith('#'))
    .map((l) => /^(?:[A-Z_]+="?\$\w+"?\s+)*(npm\s+[^>&|]*?)\s*(?:[>&|].*)?$/.exec(l)?.[1])
    .filter((c): c is string => c !== undefined);
}

test('the README quick start is npm ci, npm start, npm test', () => {
  expect(quickStart()).toEqual(['npm ci', 'npm start', 'npm test']);
});

test('.ci/run clones the commit and begins with exactly the quick start, in order, with no build step', () => {
  expect(ci).toMatch(/git clone -q "\$source_repo"/);
  const commands = ciCommands();
  expect(commands.slice(0, quickStart().length)).toEqual(quickStart());
  expect(commands.some((c) => /^npm run build\b/.test(c))).toBe(false);
  expect(ci).toMatch(/empty_home="\$\(mktemp -d[^)]*\)"\nHOME="\$empty_home" npm test\n/);
});
