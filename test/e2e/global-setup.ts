/**
 * Once per `npm run test:e2e`: provision n8n (first time only), build the n8n package and pack it the
 * way it is published. The tarball's path reaches the suites through the environment.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkspaces } from './harness/build';
import { packN8nNode } from './harness/install-package';
import { provisionN8n } from './harness/provision';

export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  const provisioned = await provisionN8n({ log });
  log(
    `n8n ${provisioned.versions.n8n} on Node ${provisioned.versions.node}: ${provisioned.installed ? `provisioned in ${(provisioned.ms / 1000).toFixed(0)} s` : 'cached'}`,
  );
  const built = await buildWorkspaces(['n8n-node', 'apps-script']);
  log(`built ${built.join(', ')}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midtrans-pl-e2e-pack-'));
  process.env.MIDTRANS_PL_E2E_TARBALL = await packN8nNode(dir);
  process.env.MIDTRANS_PL_E2E_PACK_DIR = dir;
  process.env.MIDTRANS_PL_E2E_PGID_LOG = path.join(dir, 'process-groups.log');
}
