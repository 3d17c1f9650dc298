#!/usr/bin/env node
// Installs code-server (a real VS Code workbench + extension host, from npm) into a cache folder outside
// the repo, so that the extension can be run and tested in a real VS Code on machines that cannot
// download desktop VS Code. Idempotent: a second run only prints the binary path.
//
//   node test/host/install-code-server.mjs      -> prints the code-server binary path on stdout
//
// See shared/notes/real-vscode-offline.md for why each step is here.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir, arch } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // ships VS Code 1.100.3, the last code-server for Node 20
const RIPGREP_PKG_VERSION = '1.15.11'; // @vscode/ripgrep pinned in code-server's lib/vscode shrinkwrap
const RIPGREP_ASSET_VERSION = 'v13.0.0-10';
const APT_PACKAGES = ['libkrb5-dev', 'pkg-config', 'ripgrep', 'chromium'];

const log = (msg) => process.stderr.write(`[install-code-server] ${msg}\n`);

export function codeServerDir() {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'corroborate', `code-server-${CODE_SERVER_VERSION}`);
}

/** Path of the installed binary, or null when code-server is not (completely) installed. */
export function codeServerBin() {
  const dir = codeServerDir();
  const bin = join(dir, 'node_modules', '.bin', 'code-server');
  return existsSync(join(dir, '.installed')) && existsSync(bin) ? bin : null;
}

function missingDebianPackages() {
  return APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

export function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    log(`not root: cannot apt-get install ${missing.join(' ')}.`);
    log(`Run as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
    return;
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 2, 2], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 2, 2], env });
}

// @vscode/ripgrep's install downloads rg from GitHub unless an archive is already in its cache folder:
// put Debian's rg there (a tar.gz with just `rg` at the top level).
function seedRipgrepCache() {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[arch()];
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!target || !rg) {
    log('no rg on PATH (or unknown arch): @vscode/ripgrep will try to download and probably fail offline');
    return;
  }
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const tarball = join(cacheDir, `ripgrep-${RIPGREP_ASSET_VERSION}-${target}.tar.gz`);
  if (existsSync(tarball)) return;
  mkdirSync(cacheDir, { recursive: true });
  execFileSync('tar', ['-czhf', tarball, '-C', dirname(rg), basename(rg)]);
}

export function installCodeServer() {
  const existing = codeServerBin();
  if (existing) return existing;
  ensureDebianPackages();
  seedRipgrepCache();

  // The `.installed` marker is written last, so a failed or interrupted install is redone from scratch.
  const dir = codeServerDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'corroborate-code-server', private: true }));

  const env = {
    ...process.env,
    npm_config_yes: 'true', // node-pty's install runs `npx node-gyp`, which would wait for a "yes"
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
    npm_config_ignore_scripts: 'false',
    // npm 11 gates dependency install scripts on package.json "allowScripts" (11.19 still runs unapproved
    // ones with a warning; strict-allow-scripts, or a later npm, refuses them). code-server's postinstall
    // runs nested `npm install`s that build native modules, so approve all of them through the
    // environment, which the nested npm processes inherit.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${dir} (about a minute)`);
  const started = Date.now();
  const r = spawnSync('npm', ['install', '--no-save', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir, env, stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) throw new Error(`npm install code-server failed (exit ${r.status}); see the output above`);
  const bin = join(dir, 'node_modules', '.bin', 'code-server');
  // Proves it starts; its own config file goes in the cache folder, not in ~/.config.
  execFileSync(bin, ['--version'], { stdio: ['ignore', 2, 2], env: { ...process.env, CODE_SERVER_CONFIG: join(dir, 'config.yaml') } });
  writeFileSync(join(dir, '.installed'), `${new Date().toISOString()}\n`);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerBin();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) { // argv[1] is unset under `node -e`
  try {
    process.stdout.write(`${installCodeServer()}\n`);
  } catch (e) {
    log(e.message);
    process.exit(1);
  }
}
