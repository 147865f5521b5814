/**
 * Our package installed the way a user installs a community package by hand: `npm pack` of n8n-node,
 * then `npm install <tarball>` in `<N8N_USER_FOLDER>/.n8n/nodes`. Packing (not linking) also checks the
 * `files` list and the `n8n` manifest: a file missing from the tarball fails here, not on a user's n8n.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';

const exec = promisify(execFile);
/** The repository root: the nearest folder above this file with the workspaces' package.json (works bundled too). */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && Array.isArray((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces))
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`no workspace root above ${from}`);
  }
}
const NPM_CLI = '/usr/lib/node_modules/npm/bin/npm-cli.js';

function npmArgs(args: string[]): [string, string[]] {
  return fs.existsSync(NPM_CLI) ? [process.execPath, [NPM_CLI, ...args]] : ['npm', args];
}

/** Builds nothing: packs `n8n-node` as it is (run `npm run build -w n8n-node` first). */
export async function packN8nNode(destination: string): Promise<string> {
  const dist = path.join(REPO_ROOT, 'n8n-node', 'dist');
  if (!fs.existsSync(dist)) throw new Error(`n8n-node/dist is missing: run \`npm run build -w n8n-node\` first`);
  fs.mkdirSync(destination, { recursive: true });
  const [cmd, args] = npmArgs(['pack', '-w', 'n8n-node', '--pack-destination', destination, '--json', '--ignore-scripts']);
  const { stdout } = await exec(cmd, args, { cwd: REPO_ROOT, maxBuffer: 16 * 2 ** 20 });
  const [info] = JSON.parse(stdout) as { filename: string }[];
  return path.join(destination, path.basename(info.filename));
}

/**
 * `npm install <tarball>` in the nodes folder n8n scans. Peer dependencies are left out
 * (n8n provides n8n-workflow) and so are scripts (a community package has none to run).
 */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  fs.mkdirSync(nodesDir, { recursive: true });
  const manifest = path.join(nodesDir, 'package.json');
  if (!fs.existsSync(manifest))
    fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
  const [cmd, args] = npmArgs(['install', tarball, '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
  await exec(cmd, args, { cwd: nodesDir, maxBuffer: 16 * 2 ** 20 });
  const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  const installed = Object.keys(name).find((n) => name[n].includes(path.basename(tarball)));
  if (!installed) throw new Error(`npm did not record ${path.basename(tarball)} in ${manifest}`);
  return installed;
}
