// `prepublishOnly`: refuses an `npm publish` that is not the release workflow's. n8n verifies only
// packages published from GitHub Actions with npm provenance, a package.json that still names OWNER
// points its provenance and links at nobody, and a dist/ missing a file n8n loads is a broken release.
// The repository's .npmrc turns lifecycle scripts off, so the workflow publishes with
// --ignore-scripts=false; a publish that skips this guard that way also skips nothing else.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];
if (process.env.GITHUB_ACTIONS !== 'true')
	problems.push(
		'publish from the release workflow (.github/workflows/release.yml), not from this machine',
	);
if (process.env.npm_config_provenance !== 'true')
	problems.push(
		'publish with --provenance (n8n verifies only packages with a provenance statement)',
	);
if (JSON.stringify(pkg).includes('OWNER'))
	problems.push('package.json still names OWNER (the workflow fills in the repository owner)');
for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	if (!existsSync(join(root, file))) problems.push(`${file} is missing: run npm run build first`);
}
if (problems.length) {
	console.error(`npm publish refused:\n${problems.map((p) => `- ${p}`).join('\n')}`);
	process.exit(1);
}
