/**
 * The repository carries its own docs: no tracked file cites a document outside it (a sibling notes
 * folder, an absolute machine path, a relative path that climbs out of the repository). Code cites
 * docs/… or public URLs. A file this test names must be changed to cite docs/midtrans-contract.md,
 * docs/architecture.md, another file under docs/, or the public source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SELF = path.relative(ROOT, __filename);

// Names of the notes that lived beside the repository; built from parts so this file doesn't match itself.
const OUTSIDE_NAMES = [
  'design',
  'interfaces',
  'midtrans-payment-link-api',
  'apps-script-platform',
  'n8n-platform',
  'payment-link-via-api',
].map((n) => new RegExp(`(^|[^\\w-])${n.replace(/-/g, '\\-')}\\.md\\b`));
const ABSOLUTE_NOTES = /(^|[\s("'`])\/work\/|\bshared\/(reference|seeds)\//;
const REFERENCE_SECTION = new RegExp(['reference', '§'].join(' '));
// A relative path (../…) written in text; checked by resolving it from the file's folder.
const RELATIVE_PATH = /(?:\.\.\/)+[\w.-]+(?:\/[\w.-]+)*/g;

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && f !== SELF && !f.endsWith('package-lock.json') && !/\.(png|jpe?g|gif|ico|svg|tgz|zip|bundle)$/.test(f));
}

const exists = (p: string) => ['', '.ts', '.js', '.json', '.md'].some((ext) => existsSync(p + ext));

/** From the file's folder it climbs out; or it is a document that isn't there and, read from the root, climbs out. */
function leavesRepository(file: string, relative: string): boolean {
  const fromFile = path.resolve(ROOT, path.dirname(file), relative);
  if (path.relative(ROOT, fromFile).startsWith('..')) return true;
  return /\.md$/.test(relative) && !exists(fromFile) && path.relative(ROOT, path.resolve(ROOT, relative)).startsWith('..');
}

function outsideReferences(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (OUTSIDE_NAMES.some((re) => re.test(line)) || ABSOLUTE_NOTES.test(line) || REFERENCE_SECTION.test(line)) {
      found.push(`${where}: ${line.trim()}`);
    }
    for (const m of line.matchAll(RELATIVE_PATH)) {
      if (leavesRepository(file, m[0])) found.push(`${where}: ${m[0]} leaves the repository`);
    }
  });
  return found;
}

test('no tracked file refers to a document outside the repository', () => {
  const files = trackedTextFiles();
  expect(files.length).toBeGreaterThan(50);
  expect(files.flatMap(outsideReferences)).toEqual([]);
});

test('the check finds each kind of outside reference (so a pass means something)', () => {
  const probe = (line: string) => OUTSIDE_NAMES.some((re) => re.test(line)) || ABSOLUTE_NOTES.test(line) || REFERENCE_SECTION.test(line);
  expect(probe(`see ${'design'}.md "Status model"`)).toBe(true);
  expect(probe(`see /work/${'briefs'}/x`)).toBe(true);
  expect(probe(`the ${'reference'} §5.3 vectors`)).toBe(true);
  expect(probe('see docs/midtrans-contract.md §5.3')).toBe(false);
  expect(probe(`as in ../${'shared'}/reference/x`)).toBe(true);
  expect(leavesRepository('core/src/contract.ts', '../../../notes/x.md')).toBe(true);
  expect(leavesRepository('core/src/contract.ts', '../notes/x.md')).toBe(true);
  // n8n-node/nodes/shared is the package's own folder: an import of it stays inside.
  expect(leavesRepository('n8n-node/nodes/Midtrans/Midtrans.node.ts', '../shared/core')).toBe(false);
});
