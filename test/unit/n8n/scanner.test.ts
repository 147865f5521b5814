/**
 * n8n's verification gate, run locally: @n8n/scan-community-package's own analyzePackage() over the
 * sources and over the packed tarball (its two lint legs; the provenance and download legs need a
 * published version), and `npm run lint`'s rule set, which is the scanner's. Each has a control that
 * plants what the gate rejects, so a scan that lints nothing cannot pass.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const pkgDir = resolve(__dirname, '../../../n8n-node');
const ESLINT = resolve(__dirname, '../../../node_modules/eslint/bin/eslint.js');

interface Finding {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}
interface Leg {
  leg: 'sources' | 'tarball';
  passed: boolean;
  files: string[];
  findings: Finding[];
}
interface Report {
  passed: boolean;
  legs: Leg[];
  tarballFiles: string[];
}

// eslint-plugin-n8n-nodes-base switches some rules to its own test mode under NODE_ENV=test, which jest sets.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'));

function scan(dir: string): { status: number | null; report: Report } {
  const run = spawnSync(process.execPath, [join(pkgDir, 'scripts/scan-package.mjs'), dir], { encoding: 'utf8', timeout: 120_000, env });
  if (!run.stdout.trim()) throw new Error(`scan printed nothing: ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

/** A copy of the package (sources, built dist, manifest) to plant violations in. */
function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scan-control-'));
  for (const part of ['package.json', 'README.md', 'LICENSE', 'credentials', 'nodes', 'icons', 'dist']) {
    cpSync(join(pkgDir, part), join(dir, part), { recursive: true });
  }
  return dir;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(pkgDir, 'scripts/build.mjs')], { stdio: 'pipe' });
}, 60_000);

describe("the scanner's two local legs", () => {
  let report: Report;
  let status: number | null;
  beforeAll(() => ({ status, report } = scan(pkgDir)), 120_000);

  test('both legs pass with no error', () => {
    expect(status).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.legs.map((l) => [l.leg, l.passed])).toEqual([
      ['sources', true],
      ['tarball', true],
    ]);
    for (const leg of report.legs) expect(leg.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the sources leg lints the node and credential sources and package.json; the tarball leg the built JavaScript', () => {
    const [sources, tarball] = report.legs;
    expect(sources.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'credentials/MidtransApi.credentials.ts',
        'nodes/Midtrans/Midtrans.node.ts',
        'nodes/Midtrans/resources/paymentLink/create.ts',
        'nodes/MidtransTrigger/MidtransTrigger.node.ts',
      ]),
    );
    expect(tarball.files).toEqual([
      'dist/credentials/MidtransApi.credentials.js',
      'dist/nodes/Midtrans/Midtrans.node.js',
      'dist/nodes/MidtransTrigger/MidtransTrigger.node.js',
      'package.json',
    ]);
    expect(report.tarballFiles).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
  });

  test('the only warning is the name heuristic on the server key, which is a secret and stays masked', () => {
    const warnings = report.legs.flatMap((l) => l.findings);
    expect(warnings.map((w) => [w.file, w.rule])).toEqual([
      ['credentials/MidtransApi.credentials.ts', '@n8n/community-nodes/credential-unnecessary-password'],
    ]);
    expect(warnings[0].message).toContain("'serverKey'");
  });

  test('control: a missing final period and unsorted fixed-collection items fail the sources leg', () => {
    const dir = copyOfPackage();
    try {
      const file = join(dir, 'nodes/Midtrans/resources/paymentLink/create.ts');
      const source = readFileSync(file, 'utf8');
      const planted = source
        .replace("description: 'Total in whole rupiah',", "description: 'Total in whole rupiah. No decimals',")
        .replace(
          "{ displayName: 'Brand', name: 'brand', type: 'string', default: '' },",
          "{ displayName: 'Zebra', name: 'brand', type: 'string', default: '' },",
        );
      expect(planted).not.toBe(source);
      writeFileSync(file, planted);
      const { status: code, report: bad } = scan(dir);
      expect(code).toBe(1);
      expect(bad.legs[0].passed).toBe(false);
      expect(bad.legs[1].passed).toBe(true);
      expect(
        bad.legs[0].findings
          .filter((f) => f.severity === 'error')
          .map((f) => f.rule)
          .sort(),
      ).toEqual([
        'n8n-nodes-base/node-param-description-missing-final-period',
        'n8n-nodes-base/node-param-fixed-collection-type-unsorted-items',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('control: a timer and process.env in the built JavaScript fail the tarball leg', () => {
    const dir = copyOfPackage();
    try {
      writeFileSync(join(dir, 'dist/nodes/Midtrans/extra.js'), 'setTimeout(() => console.log(process.env.HOME), 1);\n');
      const { status: code, report: bad } = scan(dir);
      expect(code).toBe(1);
      expect(bad.legs.map((l) => l.passed)).toEqual([true, false]);
      const rules = bad.legs[1].findings
        .filter((f) => f.file === 'dist/nodes/Midtrans/extra.js')
        .map((f) => f.rule)
        .sort();
      expect(rules).toEqual(['@n8n/community-nodes/no-restricted-globals', '@n8n/community-nodes/no-restricted-globals', 'no-console']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('npm run lint runs the same rule set', () => {
  const lint = (cwd: string, args: string[]) =>
    spawnSync(process.execPath, [ESLINT, '--max-warnings', '0', '--format', 'json', ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 120_000,
      env,
    });

  test('the package lints with no error and no warning', () => {
    const run = lint(pkgDir, ['.']);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: unknown[] }[];
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(results.length).toBeGreaterThan(10);
    expect(run.status).toBe(0);
  }, 120_000);

  test('control: the same planted problems fail lint, and an inline disable does not hide them', () => {
    const source = readFileSync(join(pkgDir, 'nodes/Midtrans/resources/paymentLink/create.ts'), 'utf8');
    const planted = source.replace(
      "description: 'Total in whole rupiah',",
      "// eslint-disable-next-line\n\t\tdescription: 'Total in whole rupiah. No decimals',",
    );
    const run = spawnSync(
      process.execPath,
      [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', 'nodes/Midtrans/resources/paymentLink/create.ts'],
      { cwd: pkgDir, input: planted, encoding: 'utf8', timeout: 120_000, env },
    );
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
    expect(result.messages.map((m) => m.ruleId)).toContain('n8n-nodes-base/node-param-description-missing-final-period');
  }, 120_000);
});
