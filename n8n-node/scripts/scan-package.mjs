// Runs n8n's verification scanner (@n8n/scan-community-package) on this package the way its gate does
// after the provenance and download steps, with no network: leg 1 lints the sources the attested commit
// would hold (SOURCE_FILE_PATTERNS), leg 2 lints the packed tarball's JavaScript and package.json. Both
// use the scanner's own analyzePackage() and rule set (buildScanConfig). `npm pack` only reads local
// files. Prints one JSON report and exits 1 when a leg fails.
//   node scripts/scan-package.mjs [packageDir]
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import tmp from 'tmp';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The scanner makes a temporary folder when it loads (for downloads this run never makes); with
// graceful cleanup its tmp library removes it on exit, so it is set before the scanner is loaded.
tmp.setGracefulCleanup();
const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } =
	await import('@n8n/scan-community-package/scanner/scanner.mjs');

const pkgDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const TARBALL_PATTERNS = ['**/*.js', 'package.json']; // what analyzePackageByName lints in the tarball

/** The scanner's verdict for one leg, plus every message (warnings too) for the report. */
async function leg(name, dir, patterns) {
	const verdict = await analyzePackage(dir, patterns);
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const findings = results.flatMap((r) =>
		r.messages.map((m) => ({
			file: relative(dir, r.filePath),
			line: m.line,
			severity: m.severity === 2 ? 'error' : 'warning',
			rule: m.ruleId,
			message: m.message,
		})),
	);
	return {
		leg: name,
		passed: verdict.passed,
		message: verdict.message ?? null,
		files: files.map((f) => relative(dir, f)).sort(),
		findings,
	};
}

const work = mkdtempSync(join(tmpdir(), 'scan-package-'));
try {
	const sources = await leg('sources', pkgDir, SOURCE_FILE_PATTERNS);
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', work],
		{ cwd: pkgDir, encoding: 'utf8' },
	);
	const tarball = join(work, JSON.parse(out)[0].filename);
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	const packed = await leg('tarball', unpacked, TARBALL_PATTERNS);
	const legs = [sources, packed];
	console.log(
		JSON.stringify(
			{ passed: legs.every((l) => l.passed), legs, tarballFiles: readdirSync(unpacked).sort() },
			null,
			2,
		),
	);
	process.exitCode = legs.every((l) => l.passed) ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
