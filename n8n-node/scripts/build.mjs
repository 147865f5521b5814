// Bundles each node and the credential into dist/ as CommonJS (what n8n loads), with the project's
// core bundled in and n8n-workflow left to the n8n instance; copies icons and codex files beside them.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const entries = {
	'credentials/MidtransApi.credentials': 'credentials/MidtransApi.credentials.ts',
	'nodes/Midtrans/Midtrans.node': 'nodes/Midtrans/Midtrans.node.ts',
	'nodes/MidtransTrigger/MidtransTrigger.node': 'nodes/MidtransTrigger/MidtransTrigger.node.ts',
};

rmSync(dist, { recursive: true, force: true });
await build({
	absWorkingDir: root,
	entryPoints: Object.fromEntries(
		Object.entries(entries).map(([out, src]) => [out, join(root, src)]),
	),
	outdir: dist,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	external: ['n8n-workflow'],
	sourcemap: false,
	minify: false,
	legalComments: 'none',
	logLevel: 'warning',
});

const copies = [
	['icons/midtrans.svg', 'icons/midtrans.svg'],
	['icons/midtrans.dark.svg', 'icons/midtrans.dark.svg'],
	['nodes/Midtrans/Midtrans.node.json', 'nodes/Midtrans/Midtrans.node.json'],
	[
		'nodes/MidtransTrigger/MidtransTrigger.node.json',
		'nodes/MidtransTrigger/MidtransTrigger.node.json',
	],
];
for (const [from, to] of copies) {
	mkdirSync(dirname(join(dist, to)), { recursive: true });
	cpSync(join(root, from), join(dist, to));
}
console.log(
	`n8n-node: built ${Object.keys(entries).length} bundles and ${copies.length} assets into dist/`,
);
