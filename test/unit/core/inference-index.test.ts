/**
 * Keeps core/src/inference-index.ts honest: every `[inferred…]` marker in the product's rule code has
 * exactly one index entry, and every entry's quote is in its file, once, around a marker.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import { INFERENCE_INDEX } from '../../../core/src/inference-index';

const ROOT = join(__dirname, '../../..');
const SCANNED = ['core/src', 'apps-script/src', 'n8n-node/nodes', 'n8n-node/credentials'];
/** `[inferred]`, `[inferred: why]`, `[inferred from …]`, `[inferred, §5.3]`, `[inferred lower bound]`; not inside backticks. */
const MARKER = /(?<!`)\[inferred\b/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const INDEX_FILE = 'core/src/inference-index.ts';
const files = new Map(
  SCANNED.flatMap((d) => sources(join(ROOT, d)))
    .map((p) => [relative(ROOT, p).split('\\').join('/'), readFileSync(p, 'utf8')] as const)
    .filter(([file]) => file !== INDEX_FILE),
);

function markerOffsets(text: string): number[] {
  return [...text.matchAll(MARKER)].map((m) => m.index as number);
}

test('the scan finds the product files and their markers (a broken scan cannot pass as an empty one)', () => {
  expect(files.has('core/src/contract.ts')).toBe(true);
  expect(files.has('apps-script/src/main.ts')).toBe(true);
  expect(markerOffsets(files.get('core/src/contract.ts') as string).length).toBeGreaterThan(10);
});

test('no marker in a spelling the scan would miss ([shape inferred], (inferred))', () => {
  const odd: string[] = [];
  for (const [file, text] of files) {
    for (const m of text.matchAll(/\[[\w ,]+ inferred\b|\(inferred\b/gi)) odd.push(`${file}: ${m[0]}`);
  }
  expect(odd).toEqual([]);
});

test('every index entry quotes its file exactly once, around a marker', () => {
  const bad: string[] = [];
  for (const e of INFERENCE_INDEX) {
    const text = files.get(e.file);
    if (text === undefined) {
      bad.push(`${e.file}: no such scanned file`);
      continue;
    }
    const at = text.indexOf(e.quote);
    if (at < 0) {
      bad.push(`${e.file}: quote not found: ${JSON.stringify(e.quote)}`);
      continue;
    }
    if (text.indexOf(e.quote, at + 1) >= 0) bad.push(`${e.file}: quote is not unique: ${JSON.stringify(e.quote)}`);
    if (!markerOffsets(text).some((o) => o >= at && o < at + e.quote.length))
      bad.push(`${e.file}: no [inferred] marker inside ${JSON.stringify(e.quote)}`);
  }
  expect(bad).toEqual([]);
});

test('every [inferred] marker has exactly one index entry', () => {
  const unlisted: string[] = [];
  for (const [file, text] of files) {
    const spans = INFERENCE_INDEX.filter((e) => e.file === file).map((e) => {
      const at = text.indexOf(e.quote);
      return [at, at + e.quote.length] as const;
    });
    for (const o of markerOffsets(text)) {
      const covering = spans.filter(([a, b]) => o >= a && o < b).length;
      if (covering !== 1) {
        const line = text.slice(0, o).split('\n').length;
        unlisted.push(
          `${file}:${line} has ${covering} entries; add one to core/src/inference-index.ts quoting ${JSON.stringify(text.slice(Math.max(0, o - 20), o + 12))}`,
        );
      }
    }
  }
  expect(unlisted).toEqual([]);
});
