/**
 * `npm start`: the local playground. Builds everything, then starts the Midtrans simulator (with its
 * payment page), the Sheets add-on in the Apps Script emulator with a sample sheet and its web app, and
 * a real n8n 2.40.7 with our package installed from `npm pack`, a credential pointing at the simulator
 * and the example workflows published. Ctrl-C stops all of it.
 *
 * With MIDTRANS_SERVER_KEY set, the credential uses the real Midtrans sandbox instead of the simulator
 * (and the simulator and emulated sheet are not started).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkspaces } from '../../test/e2e/harness/build';
import { freePort } from '../../test/e2e/harness/free-port';
import { packN8nNode } from '../../test/e2e/harness/install-package';
import { isProvisioned, provisionN8n, defaultCacheDir } from '../../test/e2e/harness/provision';
import { setNotificationUrl } from '../../test/e2e/harness/simulator-client';
import { loadSheetsAddon, serveWebApp, type WebAppServer } from '../../test/e2e/harness/sheets-addon';
import { startStack, type Stack } from '../../test/e2e/harness/stack';
import { example } from '../../test/e2e/workflows';
import { serveSheetView } from './sheet-view';

const SIM_KEY = 'SB-Mid-server-local-sandbox';
const SAMPLE_SHEET = [
  {
    'Order ID': 'INV-1001',
    'Customer Name': 'Sari',
    'Customer Email': 'sari@example.com',
    Amount: 150000,
    Title: 'Design work, March',
    Expiry: '7 days',
  },
  { 'Order ID': 'INV-1002', 'Customer Name': 'Budi', 'Customer Email': 'budi@example.com', Amount: 85000, Expiry: '7 days' },
  { 'Order ID': 'INV-1003', 'Customer Name': 'Dewi', 'Customer Email': 'dewi@example.com', Amount: 420000, Expiry: '1 day' },
];

const started = Date.now();
const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (line: string) => say(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

/** The preferred port when it is free, else any free one. */
async function portOr(preferred: number): Promise<number> {
  const server = await import('net').then((net) => net.createServer());
  return new Promise((resolve) => {
    server.once('error', () => void freePort().then(resolve));
    server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(preferred)));
  });
}

const cleanups: (() => Promise<void>)[] = [];
let stopping = false;
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('\nStopping…');
  for (const c of cleanups.reverse()) await c().catch((e: Error) => say(`  (while stopping: ${e.message})`));
  say('Stopped; nothing is left running.');
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function main(): Promise<void> {
  const realKey = process.env.MIDTRANS_SERVER_KEY?.trim();

  step('Building core, n8n-node and apps-script…');
  await buildWorkspaces(['core', 'n8n-node', 'apps-script']);

  if (!isProvisioned()) {
    step(`First start: installing Node 24 and n8n 2.40.7 from the npm registry into ${defaultCacheDir()}`);
    step('  (once per machine; about 4–5 minutes and 2.8 GB; later starts reuse it)');
  }
  const install = await provisionN8n({ log: (l) => step(`  ${l}`) });

  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midtrans-pl-pack-'));
  cleanups.push(async () => fs.rmSync(packDir, { recursive: true, force: true }));
  const tarball = await packN8nNode(packDir);
  step(`Packed ${path.basename(tarball)}; starting n8n…`);

  const stack: Stack = await startStack({
    packageTarball: tarball,
    install,
    serverKey: realKey || SIM_KEY,
    realSandbox: !!realKey,
    timeScale: 1,
    simulatorPort: await portOr(3535),
    port: await portOr(5678),
    log: (l) => step(`  ${l}`),
  });
  cleanups.push(() => stack.stop());
  const { n8n, sim, credential } = stack;

  let webApp: WebAppServer | null = null;
  let sheetUrl = '';
  const paymentPages: string[] = [];
  if (sim) {
    const addon = loadSheetsAddon({ simulator: sim.simulator, serverKey: SIM_KEY, apiBaseUrl: sim.url });
    webApp = await serveWebApp(addon);
    cleanups.push(() => webApp!.close());
    addon.run('insertInvoiceTemplate');
    addon.typeRows(SAMPLE_SHEET);
    addon.run('generatePaymentLinks');
    for (const r of addon.records()) paymentPages.push(`${r['Order ID']}: ${r['Payment Link']}`);
    const view = await serveSheetView(addon);
    cleanups.push(() => view.close());
    sheetUrl = view.url;
  }

  const credentials = { midtransApi: credential };
  const createId = await n8n.importWorkflow(example('create-payment-link.json'), { credentials });
  await n8n.activate(createId);
  const forwardJson = example('forward-notifications-to-sheets.json');
  if (webApp) forwardJson.nodes.find((node) => node.type === 'n8n-nodes-base.httpRequest')!.parameters.url = webApp.execUrl;
  const forwardId = await n8n.importWorkflow(forwardJson, { credentials });
  // With the real sandbox the web app URL is yours to paste; publishing before that would forward to a placeholder.
  if (webApp) await n8n.activate(forwardId);
  const [createHook] = await n8n.webhookUrls(createId);
  const [triggerHook] = await n8n.webhookUrls(forwardId);
  if (sim) await setNotificationUrl(sim.url, triggerHook.url);

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  say('');
  say(`Ready in ${seconds} s.`);
  say('');
  say(`n8n           ${n8n.baseUrl}   (log in as ${n8n.owner.email} / ${n8n.owner.password})`);
  say(`              workflows: "${example('create-payment-link.json').name}", "${forwardJson.name}"`);
  say(
    `              credential "${credential.name}" → ${sim ? `the simulator at ${sim.url}` : 'the real Midtrans sandbox (MIDTRANS_SERVER_KEY)'}`,
  );
  if (sim) {
    say(`Simulator     ${sim.url}   (Midtrans API, control API under /_sim, payment pages; server key ${SIM_KEY})`);
    say(
      `Sheet         ${sheetUrl}   (every sheet the add-on writes, editable, with its Midtrans menu as buttons; web app: ${webApp!.execUrl})`,
    );
    say('Payment pages of the sample sheet:');
    for (const p of paymentPages) say(`              ${p}`);
    say('');
    say('What to do first:');
    say(`  1. Open the sheet view (${sheetUrl}): add a row, press "Generate payment links", open a payment page above; pay it.`);
    say('     The simulator notifies the Midtrans Trigger in n8n, which forwards the signed body to the');
    say("     add-on's web app: the row turns Paid. See the run in n8n under Executions.");
    say('  2. Create a link through the "Create payment link" workflow:');
    say(
      `     curl -s -H 'Content-Type: application/json' -d '{"order_id":"ORDER-1","amount":25000,"email":"you@example.com"}' ${createHook.url}`,
    );
    say(`  3. Explore the nodes in n8n (${n8n.baseUrl}), the simulator's control API (npm run sandbox -- --help).`);
  } else {
    say('What to do first:');
    say(
      `  1. Create a sandbox link: curl -s -H 'Content-Type: application/json' -d '{"order_id":"ORDER-1","amount":25000}' ${createHook.url}`,
    );
    say(`  2. For notifications, Midtrans must reach ${triggerHook.url}: expose it (e.g. a tunnel) and paste the public`);
    say('     URL into Dashboard ▸ Settings ▸ Payment ▸ Notification URL; set your web app URL in the forward workflow and publish it.');
  }
  say('');
  say("The playground's n8n starts fresh each time (a temporary user folder): export workflows you want to keep.");
  say('Press Ctrl-C to stop everything.');
  // n8n runs detached; keep this process (which owns it) alive until Ctrl-C.
  setInterval(() => undefined, 1 << 30);
}

main().catch((err: unknown) => {
  process.stderr.write(`npm start failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  void stopAll(1);
});
