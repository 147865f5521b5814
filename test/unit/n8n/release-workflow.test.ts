/**
 * The release workflow's essentials, read from the file: it runs on a version tag, a publishing job
 * may mint the OIDC token provenance needs (and cannot write to the repository), publishes n8n-node with --provenance after building, linting and testing, and
 * attaches the Apps Script bundle to the release. And the package.json fields only known at publication
 * carry the OWNER token the workflow fills in, nothing invented.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const workflow = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'n8n-node/package.json'), 'utf8')) as {
  homepage: string;
  bugs: { url: string };
  repository: { url: string; directory: string };
  author: { name: string; email: string };
};

/** The `run:` commands in order (single lines and the lines of `run: |` blocks). */
function runLines(): string[] {
  const lines = workflow.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:- )?run: (.*)$/.exec(lines[i]);
    if (!m) continue;
    if (m[2].trim() !== '|') {
      out.push(m[2].trim());
      continue;
    }
    const indent = m[1].length;
    for (i++; i < lines.length && (lines[i].trim() === '' || lines[i].search(/\S/) > indent); i++)
      if (lines[i].trim()) out.push(lines[i].trim());
    i--;
  }
  return out;
}

test('runs on a pushed version tag, and only then', () => {
  expect(workflow).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\*\.\*\.\*'\n/m);
  expect(workflow).not.toMatch(/^\s+(pull_request|branches):/m);
});

/** Each job's text, by its name (the two-space-indented keys under `jobs:`). */
function jobs(): Record<string, string> {
  const body = workflow.slice(workflow.indexOf('\njobs:\n') + 7);
  const parts = body.split(/^ {2}(?=[\w-]+:\n)/m).filter((p) => p.trim());
  return Object.fromEntries(parts.map((p) => [p.slice(0, p.indexOf(':')), p]));
}

test('publishing and writing the release are separate jobs: the publisher mints an OIDC token but only reads the repository, the release writer cannot publish', () => {
  const { publish, 'github-release': release } = jobs();
  expect(publish).toMatch(/permissions:\n(\s+#.*\n)*\s+id-token: write\n(\s+#.*\n)*\s+contents: read\n/);
  expect(publish).not.toMatch(/contents: write/);
  expect(publish).toMatch(/run: npm publish --provenance/);
  expect(release).toMatch(/needs: publish\n/);
  expect(release).toMatch(/permissions:\n(\s+#.*\n)*\s+contents: write\n/);
  expect(release).not.toMatch(/id-token|NODE_AUTH_TOKEN|npm publish/);
  expect(release).toMatch(/gh release upload /);
});

test('builds, lints and tests before publishing n8n-node with --provenance, then attaches the add-on bundle', () => {
  const runs = runLines();
  const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
  const publish = at(/^npm publish --provenance\b/);
  expect(publish).toBeGreaterThan(-1);
  for (const step of [/^npm ci$/, /^npm run build$/, /^npm run lint$/, /^npm test$/]) {
    expect(at(step)).toBeGreaterThan(-1);
    expect(at(step)).toBeLessThan(publish);
  }
  expect(workflow).toMatch(/working-directory: n8n-node\n(\s+#.*\n)*(\s+env:\n\s+NODE_AUTH_TOKEN: .*\n)?\s+run: npm publish --provenance/);
  const zip = at(/^npm run package:sheets$/);
  expect(zip).toBeGreaterThan(publish);
  expect(at(/^gh release upload /)).toBeGreaterThan(zip);
});

test('the fields known only at publication name OWNER, which the workflow replaces and then checks for', () => {
  expect(pkg.repository.url).toBe('git+https://github.com/OWNER/midtrans-payment-link-toolkit.git');
  expect(pkg.repository.directory).toBe('n8n-node');
  expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/OWNER\/midtrans-payment-link-toolkit\//);
  expect(pkg.bugs.url).toBe('https://github.com/OWNER/midtrans-payment-link-toolkit/issues');
  expect(pkg.author.email).toBe('OWNER@users.noreply.github.com');
  expect(JSON.stringify(pkg)).not.toMatch(/example\.com/);
  const fill = runLines().find((r) => r.startsWith('sed -i'));
  expect(fill).toContain('github.com/OWNER/midtrans-payment-link-toolkit#github.com/${GITHUB_REPOSITORY}');
  expect(runLines()).toContain("if grep -n 'OWNER' package.json; then echo 'package.json still names OWNER'; exit 1; fi");
});
