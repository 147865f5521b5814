/**
 * The real-n8n harness (docs/contributing.md "End-to-end tests"): used by `npm run test:e2e`, `npm start` and the trigger benchmark.
 *
 *   const install = await provisionN8n();                       // once per machine, cached
 *   const tarball = await packN8nNode(tmpDir);                  // after `npm run build -w n8n-node`
 *   const n8n = await startN8n({ packageTarball: tarball, expectNodeTypes: MIDTRANS_NODE_TYPES });
 *   const id = await n8n.importWorkflow(json, { credentials: { midtransApi: cred } });
 *   await n8n.activate(id);                                     // publish + wait until its webhooks answer
 *   const [hook] = await n8n.webhookUrls(id);                   // Production URLs, as the editor shows them
 *   await n8n.waitForExecutions(id, 3);                         // finished executions of the workflow
 *   await n8n.stop();                                           // process group gone, temp folder removed
 */
export { provisionN8n, isProvisioned, installLayout, defaultCacheDir, NODE_VERSION, N8N_VERSION } from './provision';
export type { N8nInstall, ProvisionResult } from './provision';
export { packN8nNode, installPackage, REPO_ROOT } from './install-package';
export { buildWorkspaces } from './build';
export { startN8n, DEFAULT_OWNER } from './start-n8n';
export type { N8nInstance, StartN8nOptions, WebhookUrl } from './start-n8n';
export { N8nPublicApi, N8nRestSession } from './n8n-client';
export type { Execution, WorkflowJson, Owner } from './n8n-client';
export { startStack, MIDTRANS_NODE_TYPES, tarballFromEnv } from './stack';
export type { Stack, StackOptions } from './stack';
export { createLink, pay, setNotificationUrl, advanceClock, basicAuth } from './simulator-client';
export { loadSheetsAddon, serveWebApp, ADDON_BUNDLE } from './sheets-addon';
export type { SheetsAddon, WebAppServer } from './sheets-addon';
export { spawnGroup } from './process-group';
export { freePort, freePorts } from './free-port';
export { request } from './http';
