/**
 * The repository root. Not `__dirname`: `npm run bench` runs an esbuild bundle written under
 * node_modules/.cache/run-ts, so the directory of the running file is not the source folder.
 */
import fs from 'fs';
import path from 'path';

function isRoot(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'apps-script', 'package.json')) && fs.existsSync(path.join(dir, 'n8n-node', 'package.json'));
}

export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      if (isRoot(dir)) return dir;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('cannot find the repository root (a folder with apps-script/ and n8n-node/)');
}
