/**
 * `npm run bench -- <sheets|trigger|trigger-queue|core> [--json]`. Every figure is a ratio against a baseline run in
 * the same process; with --json the last line printed is one JSON object with every figure.
 */
import os from 'os';
import { runCoreBench } from './core-bench';
import { runSheetsBench } from './sheets-bench';
import { runSheetsSensitivity } from './sheets-sensitivity';
import { runTriggerBench } from './trigger-bench';
import { runTriggerQueueBench } from './trigger-queue-bench';

const SUITES: Record<string, () => Promise<Record<string, unknown>> | Record<string, unknown>> = {
  sheets: () => runSheetsBench(),
  trigger: runTriggerBench,
  'trigger-queue': runTriggerQueueBench,
  'sheets-sensitivity': () => runSheetsSensitivity(),
  core: runCoreBench,
};
type Suite = keyof typeof SUITES;

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--')) as Suite[];
  if (names.length === 0 || names.some((n) => !(n in SUITES))) {
    console.error(`usage: npm run bench -- <${Object.keys(SUITES).join('|')}> [--json]`);
    process.exit(2);
  }
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const result: Record<string, unknown> = {};
  for (const name of names) Object.assign(result, await SUITES[name]());
  if (json) console.log(JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
