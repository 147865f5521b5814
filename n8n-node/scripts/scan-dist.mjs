// What @n8n/scan-community-package's ESLint pass checks on the published JavaScript: the restricted
// globals and restricted imports rules as errors, inline disables ignored, over every built .js file.
// Prints a JSON report and exits 1 on any finding.
import { ESLint } from 'eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
if (!existsSync(dist)) {
	console.error(`No ${dist}: run npm run build -w n8n-node first`);
	process.exit(2);
}

const eslint = new ESLint({
	// ESLint ignores files outside its cwd, so it runs from the scanned folder's parent.
	cwd: dirname(dist),
	overrideConfigFile: true,
	allowInlineConfig: false,
	overrideConfig: [
		{
			files: ['**/*.js'],
			languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
			plugins: { '@n8n/community-nodes': n8nCommunityNodesPlugin },
			rules: {
				'@n8n/community-nodes/no-restricted-globals': 'error',
				'@n8n/community-nodes/no-restricted-imports': 'error',
			},
		},
	],
});
const results = await eslint.lintFiles([`${basename(dist)}/**/*.js`]);
const findings = results.flatMap((r) =>
	r.messages.map((m) => ({ file: r.filePath, line: m.line, rule: m.ruleId, message: m.message })),
);
console.log(JSON.stringify({ files: results.length, findings }, null, 2));
process.exit(findings.length ? 1 : 0);
