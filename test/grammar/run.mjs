#!/usr/bin/env node
// Runs the grammar tests (vscode-tmgrammar-test) with a time limit, and prints `grammar: N passed, N failed`
// (one test per file), which the tool itself does not print.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const files = readdirSync(here).filter((f) => f.endsWith('.txt')).map((f) => relative(repo, join(here, f)));
const bin = join(repo, 'node_modules', '.bin', 'vscode-tmgrammar-test');
const child = spawn(bin, ['-g', 'syntaxes/corroborate-source.tmLanguage.json', ...files], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
// A malformed assertion line can make the tool spin forever; a grammar test takes well under a second.
const timer = setTimeout(() => {
  console.error('grammar: timed out after 120 s');
  child.kill('SIGKILL');
}, 120_000);
let out = '';
child.stdout.on('data', (d) => {
  out += d;
  process.stdout.write(d);
});
child.on('close', (code) => {
  clearTimeout(timer);
  const passed = (out.match(/✓/g) ?? []).length;
  const failed = Math.max((out.match(/✖/g) ?? []).length, code === 0 ? 0 : files.length - passed);
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
});
