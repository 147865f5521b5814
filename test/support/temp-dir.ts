/**
 * Temporary folders that live as long as the current test file: importing this module registers one
 * `afterAll` that removes them (jest loads modules afresh per test file, and hooks cannot be added
 * from inside a test), so a test run leaves nothing behind in the system's temp folder.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function testTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
