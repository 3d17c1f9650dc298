#!/usr/bin/env node
// Packages the extension (`npm run package`) and installs the .vsix into a fresh code-server extensions
// folder, as a user would, then checks that code-server lists it. Prints `package: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin, installCodeServer } from './install-code-server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { version, publisher, name } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const checks = [];
const check = (what, ok, detail = '') => {
  checks.push(ok);
  console.log(`  ${ok ? '✔' : '✖'} ${what}${ok || !detail ? '' : `\n${detail}`}`);
};

const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, encoding: 'utf8' });
const vsix = join(repo, 'corroborate.vsix');
check('npm run package makes a .vsix', pack.status === 0 && existsSync(vsix), pack.stderr + pack.stdout);

if (existsSync(vsix)) {
  const bin = existsSync(codeServerBin()) ? codeServerBin() : await installCodeServer();
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-vsix-'));
  try {
    const args = ['--extensions-dir', join(dir, 'extensions'), '--user-data-dir', join(dir, 'data')];
    const install = spawnSync(bin, [...args, '--install-extension', vsix], { encoding: 'utf8' });
    check('code-server installs the .vsix', install.status === 0, install.stderr + install.stdout);
    const list = spawnSync(bin, [...args, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
    check(`code-server lists ${publisher}.${name}@${version}`, list.stdout.includes(`${publisher}.${name}@${version}`), list.stdout + list.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// `npm run package` left a minified build in dist/; rebuild the development one the other tests use.
spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
const failed = checks.filter((ok) => !ok).length;
console.log(`package: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
