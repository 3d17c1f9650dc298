#!/usr/bin/env node
// Runs the extension-host test suite (out/test/integration/index.js) inside a real VS Code.
//
//   node esbuild.mjs --tests && node test/host/run-integration.mjs [--timeout SECONDS] [--verbose]
//        [--extension-development-path DIR] [--extension-tests-path FILE] [--workspace DIR]
//
// Which VS Code:
//   CORROBORATE_VSCODE=electron     desktop VS Code downloaded by @vscode/test-electron (needs a network
//                                   and, on Linux without a display, xvfb-run around this command)
//   CORROBORATE_VSCODE=code-server  code-server (installed by install-code-server.mjs) in headless Chromium
//   CORROBORATE_VSCODE_EXECUTABLE=/path/to/code   an installed desktop VS Code, run by test-electron (no download)
//   unset                           code-server if installed; else electron if VS Code's download site
//                                   answers; else install code-server and use it (the offline case)
// The workspace is a fresh temp copy of test/fixtures/seeds (the tests edit and delete files there).
//
// ---- Contract for test/integration/index.ts (the file run inside the extension host) ----
// * It exports `run(): Promise<void>` (CommonJS, `exports.run`), as @vscode/test-electron expects.
// * When its mocha run ends it writes, with fs.writeFileSync, JSON of the form
//       { "passed": <number>, "failed": <number>, "failures": [ { "title": <full title>, "error": <stack or message> } ] }
//   to the path in `process.env.CORROBORATE_TEST_RESULTS` (set in both VS Codes: code-server's extension
//   host inherits the server's environment; test-electron gets it through extensionTestsEnv). If the
//   variable is unset (someone ran the suite another way) it writes nothing.
// * Count with runner.on('pass') / runner.on('fail', (test, err) => ...) and use test.fullTitle();
//   a failing hook ("before all" hook) counts as a failure too, as mocha reports it.
// * Then it resolves when failed === 0 and rejects otherwise. If it crashes before writing the file
//   (e.g. a test file throws at load time), write { passed: 0, failed: 1, failures: [{ title: 'loading tests', error }] }.
// * It must not need anything from this script's own environment but that variable: in code-server the
//   extension host's cwd, argv and stdout are not this script's. Console output of the extension host is
//   shown here only with --verbose (in code-server it arrives through the browser console).
// This script prints each failure mocha-style, then `N passed, N failed`, and exits 1 on any failure,
// on a timeout (default 10 min) or when the host ends without writing the file.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { launchChromium, startCodeServer } from './code-server.mjs';
import { codeServerBin, installCodeServer } from './install-code-server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt } = parseArgs({
  options: {
    timeout: { type: 'string', default: process.env.CORROBORATE_TEST_TIMEOUT || '600' },
    verbose: { type: 'boolean', default: !!process.env.CORROBORATE_HOST_VERBOSE },
    'extension-development-path': { type: 'string', default: repo },
    'extension-tests-path': { type: 'string', default: join(repo, 'out/test/integration/index.js') },
    workspace: { type: 'string', default: join(repo, 'test/fixtures/seeds') },
  },
});
const timeoutMs = Number(opt.timeout) * 1000;
const extensionDevelopmentPath = resolve(opt['extension-development-path']);
const extensionTestsPath = resolve(opt['extension-tests-path']);

for (const [file, hint] of [
  [extensionTestsPath, 'run `node esbuild.mjs --tests` first'],
  [join(extensionDevelopmentPath, 'package.json'), 'not an extension folder'],
]) {
  if (!existsSync(file)) { console.error(`run-integration: ${file} is missing: ${hint}`); process.exit(1); }
}
const main = JSON.parse(readFileSync(join(extensionDevelopmentPath, 'package.json'), 'utf8')).main;
if (main && !existsSync(join(extensionDevelopmentPath, main))) {
  console.error(`run-integration: ${main} is missing: run \`node esbuild.mjs\` first`); process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'corroborate-it-'));
const workspace = join(tmp, basename(resolve(opt.workspace)));
cpSync(resolve(opt.workspace), workspace, { recursive: true });
const resultsFile = join(tmp, 'results.json');
const hostLog = join(tmp, 'host.log'); // browser console / VS Code output, shown on trouble or with --verbose
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const print = process.stdout.write.bind(process.stdout); // the real one: runInElectron patches stdout
// Lines from the host are prefixed so that its own mocha "N passing" lines are not counted twice by .ci/run.
function hostLine(text) {
  const lines = String(text).replace(/\n$/, '').split('\n').map((l) => `[host] ${l}`);
  appendFileSync(hostLog, `${lines.join('\n')}\n`);
  if (opt.verbose) print(`${lines.join('\n')}\n`);
}

function readResults() {
  try { return JSON.parse(readFileSync(resultsFile, 'utf8')); } catch { return null; } // absent or half-written
}

async function vscodeDownloadReachable() {
  try {
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch { return false; }
}

async function chooseHost() {
  const want = process.env.CORROBORATE_VSCODE;
  if (want === 'electron' || want === 'code-server') return want;
  if (process.env.CORROBORATE_VSCODE_EXECUTABLE) return 'electron';
  if (want) throw new Error(`CORROBORATE_VSCODE must be electron or code-server, not ${want}`);
  if (codeServerBin()) return 'code-server';
  return (await vscodeDownloadReachable()) ? 'electron' : 'code-server';
}

async function runInElectron() {
  const { runTests } = await import('@vscode/test-electron');
  opt.verbose = true; // desktop VS Code's output is short and the download takes a while: show it
  // runTests copies VS Code's output to our stdout/stderr: prefix it like the code-server path does.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    let partial = '';
    stream.write = (chunk, ...rest) => {
      const text = partial + chunk.toString();
      const cut = text.lastIndexOf('\n') + 1;
      partial = text.slice(cut);
      if (cut) hostLine(text.slice(0, cut));
      return typeof rest.at(-1) === 'function' ? (rest.at(-1)(), true) : true;
    };
    stream.restore = () => { stream.write = write; if (partial) hostLine(partial); };
  }
  try {
    await runTests({
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { CORROBORATE_TEST_RESULTS: resultsFile },
      vscodeExecutablePath: process.env.CORROBORATE_VSCODE_EXECUTABLE || undefined,
      version: process.env.CORROBORATE_VSCODE_VERSION || 'stable',
    });
  } catch (e) {
    hostLine(`runTests: ${e.message ?? e}`); // a test failure also lands here; the results file tells
  } finally {
    process.stdout.restore(); process.stderr.restore();
  }
  return readResults();
}

async function runInCodeServer() {
  if (!codeServerBin()) installCodeServer();
  let ended = false;
  const server = await startCodeServer({
    folder: workspace,
    extensionDevelopmentPath,
    extensionTestsPath,
    env: { CORROBORATE_TEST_RESULTS: resultsFile }, // the extension host inherits the server's environment
    log: {
      write(d) {
        hostLine(`[code-server] ${d}`);
        // After run() settles (or its file fails to load) the host exits; the page may stay open.
        if (/Extension Host Process exited/.test(d)) ended = true;
      },
    },
  });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('close', () => { ended = true; }); // the workbench closes its window when run() settles
    page.on('console', async (m) => {
      // The workbench logs as ('%c INFO', 'color: …', format, ...args): drop the styling, format the rest.
      let args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
      if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = [args[0].slice(2).trim(), ...args.slice(2)];
      hostLine(`[browser ${m.type()}] ${args.length > 1 ? `${args[0]} ${format(...args.slice(1))}` : args[0] ?? m.text()}`);
    });
    page.on('pageerror', (e) => hostLine(`[browser pageerror] ${e.message}`));
    await page.goto(server.url);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const results = readResults();
      if (results) return results;
      if (ended) { await sleep(2000); return readResults(); }
      await sleep(250);
    }
    throw new Error(`timed out after ${opt.timeout} s waiting for ${resultsFile}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

// Exit (rather than die) on Ctrl+C / kill, so that code-server.mjs's exit hook ends the server's process group.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const started = Date.now();
let results = null;
let trouble = null;
try {
  const host = await chooseHost();
  console.log(`run-integration: ${extensionTestsPath} in ${host === 'electron' ? 'desktop VS Code (test-electron)' : 'code-server + Chromium'}, workspace ${workspace}`);
  results = host === 'electron' ? await runInElectron() : await runInCodeServer();
  if (!results) trouble = 'the extension host ended without writing the results file';
} catch (e) {
  trouble = e.message ?? String(e);
}

if (trouble) {
  console.log(`run-integration: ${trouble}`);
  if (!opt.verbose && existsSync(hostLog)) {
    console.log('--- last lines of the host output ---');
    console.log(readFileSync(hostLog, 'utf8').split('\n').slice(-80).join('\n'));
  }
}
const passed = results?.passed ?? 0;
const failed = results ? results.failed : 1;
(results?.failures ?? []).forEach((f, i) => {
  console.log(`\n  ${i + 1}) ${f.title}:\n     ${String(f.error).replace(/\n/g, '\n     ')}`);
});
const ok = !trouble && !failed;
// Kept after a failure for a look: the workspace as the tests left it and the host's output.
console.log(`\nintegration tests took ${((Date.now() - started) / 1000).toFixed(1)} s${ok ? '' : `; host output and workspace kept in ${tmp}`}`);
console.log(`${passed} passed, ${failed} failed`);
if (ok) rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
