/**
 * The package as n8n and the verification scanner see it: the built bundles (core inside,
 * n8n-workflow outside), the manifest, icons and codex files, what `npm pack` ships, the scanner's
 * restricted globals and imports over the built JavaScript, and the credential test as n8n runs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ICredentialDataDecryptedObject, ICredentialType, INodeExecutionData, INodeType } from 'n8n-workflow';
import { MidtransApi } from '../../../n8n-node/credentials/MidtransApi.credentials';
import { startMidtransBackend, type MidtransBackend } from './support/midtrans-backend';
import { credentialsFor, fakeExecuteFunctions, SERVER_KEY } from './support/fake-n8n';
import { fakeHttpRequestWithAuthentication, resolveExpression } from './support/fake-http';

const pkgDir = resolve(__dirname, '../../../n8n-node');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
  n8n: { credentials: string[]; nodes: string[] };
  scripts: Record<string, string>;
  dependencies?: unknown;
  peerDependencies: Record<string, string>;
  keywords: string[];
  license: string;
  files: string[];
};

let backend: MidtransBackend;
beforeAll(async () => {
  execFileSync(process.execPath, [join(pkgDir, 'scripts/build.mjs')], { stdio: 'pipe' });
  backend = await startMidtransBackend(SERVER_KEY);
}, 60_000);
afterAll(async () => backend.close());

describe('built package', () => {
  test('the manifest lists exactly the three built files, and each loads and exports its class', () => {
    expect(pkg.n8n.credentials).toEqual(['dist/credentials/MidtransApi.credentials.js']);
    expect(pkg.n8n.nodes).toEqual(['dist/nodes/Midtrans/Midtrans.node.js', 'dist/nodes/MidtransTrigger/MidtransTrigger.node.js']);
    const cred = require(join(pkgDir, pkg.n8n.credentials[0])) as { MidtransApi: new () => ICredentialType };
    expect(new cred.MidtransApi().name).toBe('midtransApi');
    const action = require(join(pkgDir, pkg.n8n.nodes[0])) as { Midtrans: new () => INodeType };
    const trig = require(join(pkgDir, pkg.n8n.nodes[1])) as { MidtransTrigger: new () => INodeType };
    expect(new action.Midtrans().description.name).toBe('midtrans');
    expect(new action.Midtrans().description.usableAsTool).toBe(true);
    expect(new trig.MidtransTrigger().description.name).toBe('midtransTrigger');
  });

  test('the bundles require only n8n-workflow and crypto: the core is bundled in', () => {
    for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
      const code = readFileSync(join(pkgDir, file), 'utf8');
      const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
      for (const name of required) expect(['n8n-workflow', 'crypto']).toContain(name);
    }
    const triggerCode = readFileSync(join(pkgDir, pkg.n8n.nodes[1]), 'utf8');
    expect(triggerCode).toContain('function verifyNotification(');
    expect(triggerCode).toContain('function interpretNotification(');
  });

  test('icons and codex files sit where the built files point', () => {
    const files = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
    for (const file of files) {
      const mod = require(join(pkgDir, file)) as Record<string, new () => { icon?: unknown; description?: { icon?: unknown } }>;
      const instance = new (Object.values(mod)[0])();
      const icon = (instance.description?.icon ?? instance.icon) as { light: string; dark: string };
      const light = join(pkgDir, dirname(file), icon.light.replace(/^file:/, ''));
      const dark = join(pkgDir, dirname(file), icon.dark.replace(/^file:/, ''));
      expect(existsSync(light)).toBe(true);
      expect(existsSync(dark)).toBe(true);
      expect(readFileSync(light, 'utf8')).not.toBe(readFileSync(dark, 'utf8'));
    }
    for (const node of pkg.n8n.nodes) {
      const codex = JSON.parse(readFileSync(join(pkgDir, node.replace(/\.js$/, '.json')), 'utf8')) as {
        node: string;
        categories: string[];
        resources: { primaryDocumentation: { url: string }[]; credentialDocumentation: { url: string }[] };
      };
      expect(codex.categories).toEqual(['Finance & Accounting']);
      expect(codex.node).toMatch(/^n8n-nodes-midtrans\./);
      expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\/docs\.midtrans\.com\//);
      expect(codex.resources.credentialDocumentation[0].url).toMatch(/^https:\/\/docs\.midtrans\.com\//);
    }
  });

  test('package.json: MIT, the community keyword, no runtime dependencies, n8n-workflow as the only peer', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    expect(pkg.files).toEqual(['dist']);
  });

  test('prepublishOnly refuses a publish from a machine, without provenance, or naming OWNER', () => {
    expect(pkg.scripts.prepublishOnly).toBe('node scripts/prepublish-guard.mjs');
    const guard = (env: Record<string, string>) =>
      spawnSync(process.execPath, [join(pkgDir, 'scripts/prepublish-guard.mjs')], {
        cwd: pkgDir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...env },
      });
    const here = guard({});
    expect(here.status).toBe(1);
    expect(here.stderr).toMatch(/publish from the release workflow/);
    expect(here.stderr).toMatch(/--provenance/);
    // The repository's package.json names OWNER until the workflow fills it in, so even the workflow's environment is refused here.
    const inActions = guard({ GITHUB_ACTIONS: 'true', npm_config_provenance: 'true' });
    expect(inActions.status).toBe(1);
    expect(inActions.stderr).not.toMatch(/release workflow|--provenance/);
    expect(inActions.stderr).toMatch(/still names OWNER/);
  });

  test('npm pack ships exactly dist, package.json, README.md and LICENSE', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
    const extra = files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(f));
    expect(extra).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', ...pkg.n8n.credentials, ...pkg.n8n.nodes]));
  });

  test('the built action node runs against the simulator like the sources do', async () => {
    const action = require(join(pkgDir, pkg.n8n.nodes[0])) as { Midtrans: new () => INodeType };
    const node = new action.Midtrans();
    const { context } = fakeExecuteFunctions({
      description: node.description,
      credentials: credentialsFor(backend.url),
      items: [{ resource: 'paymentLink', operation: 'create', orderId: 'BUILT-1', amount: 42000 }],
    });
    const output = (await node.execute!.call(context)) as INodeExecutionData[][];
    expect(output[0][0].json).toMatchObject({ order_id: 'BUILT-1', existing: false });
  });
});

describe("the scanner's restricted globals and imports over the built JavaScript", () => {
  const scan = (dir?: string) =>
    spawnSync(process.execPath, [join(pkgDir, 'scripts/scan-dist.mjs'), ...(dir ? [dir] : [])], { cwd: pkgDir, encoding: 'utf8' });

  test('dist has no finding', () => {
    const result = scan();
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { files: number; findings: unknown[] };
    expect(report.files).toBe(3);
    expect(report.findings).toEqual([]);
  });

  test('the same scan catches a timer, process and a non-allowed import (control)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-control-'));
    try {
      writeFileSync(join(dir, 'bad.js'), "const axios = require('axios');\nsetTimeout(() => axios.get(process.env.X), 1);\n");
      const result = scan(dir);
      expect(result.status).toBe(1);
      const rules = (JSON.parse(result.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule).sort();
      expect(rules).toEqual([
        '@n8n/community-nodes/no-restricted-globals',
        '@n8n/community-nodes/no-restricted-globals',
        '@n8n/community-nodes/no-restricted-imports',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * n8n's credentials tester, reduced to what it does with a `test` request: send it with the
 * credential applied; a thrown HTTP error is matched against the `responseCode` rules, any other
 * non-2xx fails, and an answer that comes back (2xx, or a status ignoreHttpStatusErrors lets through)
 * passes (packages/cli/src/services/credentials-tester.service.ts).
 */
async function credentialTest(credentials: ICredentialDataDecryptedObject): Promise<{ status: 'OK' | 'Error'; message: string }> {
  const type = new MidtransApi();
  const request = { ...type.test.request, baseURL: String(resolveExpression(type.test.request.baseURL, credentials)) };
  const http = fakeHttpRequestWithAuthentication(credentials, { calls: 0 });
  try {
    await http('midtransApi', { ...request, url: request.url ?? '' } as never);
    return { status: 'OK', message: 'Connection successful!' };
  } catch (error) {
    const status = (error as { response?: { status: number } }).response?.status;
    for (const rule of type.test.rules ?? []) {
      if (rule.type === 'responseCode' && rule.properties.value === status) return { status: 'Error', message: rule.properties.message };
    }
    return { status: 'Error', message: `Received HTTP status code: ${status}` };
  }
}

describe('credential test', () => {
  test('a working key passes: the probe link does not exist (404), which proves the key was accepted', async () => {
    const before = backend.requests.length;
    expect(await credentialTest(credentialsFor(backend.url))).toEqual({ status: 'OK', message: 'Connection successful!' });
    const probe = backend.requests[before];
    expect(probe.method).toBe('GET');
    expect(probe.path).toMatch(/^\/v1\/payment-links\/n8n-credential-test-/);
  });

  test('a wrong key fails with a message that says what to fix', async () => {
    const result = await credentialTest(credentialsFor(backend.url, 'SB-Mid-server-wrong'));
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/^Midtrans rejected the server key/);
  });

  test('a server error fails the test rather than passing as "not found"', async () => {
    backend.simulator.setFaults({ script: [{ route: 'get', call: 1, fault: 500 }] });
    backend.simulator.reset();
    backend.simulator.setFaults({ script: [{ route: 'get', call: 1, fault: 500 }] });
    const result = await credentialTest(credentialsFor(backend.url));
    backend.simulator.setFaults(undefined);
    expect(result).toEqual({ status: 'Error', message: 'Received HTTP status code: 500' });
  });

  test("without a base URL the test goes to the environment's Midtrans host", () => {
    const url = (environment: string) =>
      resolveExpression(new MidtransApi().test.request.baseURL, { serverKey: 'k', environment, baseUrl: '' });
    expect(url('sandbox')).toBe('https://api.sandbox.midtrans.com');
    expect(url('production')).toBe('https://api.midtrans.com');
  });

  test('authentication is Basic with the server key and an empty password', () => {
    expect(new MidtransApi().authenticate).toEqual({
      type: 'generic',
      properties: { auth: { username: '={{$credentials.serverKey}}', password: '' } },
    });
    const serverKey = new MidtransApi().properties.find((p) => p.name === 'serverKey');
    expect(serverKey?.typeOptions?.password).toBe(true);
  });
});
