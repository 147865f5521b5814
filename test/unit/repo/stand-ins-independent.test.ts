/**
 * The stand-ins (Midtrans simulator, Apps Script emulator) follow their own reading of the docs: they
 * may borrow the product's types, never its code, or they would mirror its bugs instead of catching them.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '../../..');
const STAND_INS = ['tools/simulator', 'tools/apps-script-emulator'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** Every import or re-export statement of a file, whole (multi-line ones included). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'[^']+';/gms)].map((m) => m[0]);
}

test('the simulator and the emulator import only types from core, apps-script and n8n-node', () => {
  const files = STAND_INS.flatMap((d) => sources(join(ROOT, d)));
  expect(files.length).toBeGreaterThan(20);
  const offending = files.flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter(
        (statement) =>
          /from\s+'(?:\.\.\/)+(?:core|apps-script|n8n-node)\b/.test(statement) && !/^(?:import|export)\s+type\b/.test(statement),
      )
      .map((statement) => `${relative(ROOT, file)}: ${statement.replace(/\s+/g, ' ')}`),
  );
  expect(offending).toEqual([]);
});
