#!/usr/bin/env node
// Runs Corroborate in a real VS Code on the sample corpus (test/fixtures/seeds):
//
//   node test/host/start.mjs [FOLDER] [--extension DIR] [--no-build]
//
// Without FOLDER it opens a fresh copy of the sample corpus.
// Builds first (`node esbuild.mjs`). With a desktop `code` CLI on PATH it opens VS Code with the
// extension loaded from the repo (--extensionDevelopmentPath). Otherwise it installs code-server if
// needed, serves a VS Code with the extension on http://127.0.0.1:PORT (PORT from the environment, else
// 8080 if free, else any free port) and stays in the foreground until Ctrl+C. Set
// CORROBORATE_VSCODE=code-server to use code-server even where `code` exists.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, startCodeServer } from './code-server.mjs';
import { codeServerBin, installCodeServer } from './install-code-server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { extension: { type: 'string', default: repo }, 'no-build': { type: 'boolean', default: false } },
});
const extension = resolve(opt.extension);
// The sample corpus is also the tests' fixture: without a FOLDER, open a fresh copy of it, so that trying
// things out (editing, deleting sources) never changes the fixtures.
const folder = positionals[0] ? resolve(positionals[0]) : copySample();

function copySample() {
  const copy = join(mkdtempSync(join(tmpdir(), 'corroborate-sample-')), 'sample-corpus');
  cpSync(join(repo, 'test/fixtures/seeds'), copy, { recursive: true });
  return copy;
}

if (!opt['no-build'] && extension === repo) {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode && process.env.CORROBORATE_VSCODE !== 'code-server') {
  console.log(`Opening VS Code on ${folder} with the extension from ${extension}`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${extension}`, folder], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const portFree = (port) => new Promise((ok) => {
  const s = createServer().once('error', () => ok(false)).listen(port, '127.0.0.1', () => s.close(() => ok(true)));
});
const port = process.env.PORT ? Number(process.env.PORT) : (await portFree(8080)) ? 8080 : await freePort();

if (!codeServerBin()) installCodeServer();
// code-server loads extensions found in --extensions-dir, a symlink included: linking the working tree
// (named publisher.name-version, as an installed extension is) means a rebuild plus
// "Developer: Reload Window" picks up changes, with no packaging or reinstall.
const pkg = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const extensionsDir = mkdtempSync(join(tmpdir(), 'corroborate-extensions-'));
const link = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
symlinkSync(extension, link);

const server = await startCodeServer({ folder, port, extensionsDir, log: process.stderr }).catch((e) => {
  console.error(`Could not start code-server: ${e.message}`);
  unlinkSync(link);
  rmSync(extensionsDir, { recursive: true, force: true });
  process.exit(1);
});
console.log(`\n${pkg.displayName ?? pkg.name} is running in VS Code (code-server). Open:\n\n  ${server.url}\n`);
console.log('(on a remote machine, forward the port first, e.g. ssh -L ' + `${port}:127.0.0.1:${port}). Ctrl+C stops it.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  unlinkSync(link); // the link first, so that removing the folder can never reach into the repo
  rmSync(extensionsDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.child.on('exit', (code) => { if (!stopping) { console.error(`code-server exited (${code})`); process.exit(1); } });
