/** `npm run build -w <workspace>` for each workspace that has a build script, so suites never test a stale dist. */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { REPO_ROOT } from './install-package';

const exec = promisify(execFile);

export async function buildWorkspaces(workspaces: string[]): Promise<string[]> {
  const built: string[] = [];
  for (const ws of workspaces) {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, ws, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    if (!manifest.scripts?.build) continue;
    try {
      await exec('npm', ['run', 'build', '-w', ws, '--silent'], { cwd: REPO_ROOT, maxBuffer: 16 * 2 ** 20 });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`npm run build -w ${ws} failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
    }
    built.push(ws);
  }
  return built;
}
