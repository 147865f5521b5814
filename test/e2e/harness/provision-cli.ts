/** `npx tsx test/e2e/harness/provision-cli.ts`: provision (or confirm) the cached n8n and say how long it took. */
import { provisionN8n } from './provision';

provisionN8n()
  .then((r) => {
    process.stdout.write(
      `n8n ${r.versions.n8n} on Node ${r.versions.node} ${r.installed ? 'provisioned' : 'already provisioned'} in ${(r.ms / 1000).toFixed(1)} s\n` +
        `  node: ${r.nodeBin}\n  n8n:  ${r.n8nBin}\n`,
    );
  })
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
