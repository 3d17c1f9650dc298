// Starts code-server (a real VS Code, served to a browser) on loopback for a test or a demo, and
// launches Debian's Chromium through playwright-core to look at it. See
// shared/notes/real-vscode-offline.md.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerBin } from './install-code-server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling Google on this offline machine.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** vscode-remote:// URI of a path on the code-server machine, as the workbench `payload` wants it. */
export const remoteUri = (port, absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`;

/**
 * Workbench URL opening `folder`; with extensionDevelopmentPath / extensionTestsPath it loads that
 * unpacked extension (and runs those tests) in the real extension host, like desktop VS Code's flags.
 */
export function workbenchUrl(port, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://127.0.0.1:${port}/${q.length ? `?${q.join('&')}` : ''}`;
}

/**
 * Starts code-server on 127.0.0.1 with fresh user-data and extensions folders.
 * Options: folder (opened in the workbench), extensionDevelopmentPath / extensionTestsPath (put in
 * the returned url), userSettings (merged into User/settings.json), port (default: a free one),
 * extensionsDir (default: a fresh empty one), env (added to the server's environment; the extension
 * host inherits it), log (write the server output to this stream too, e.g. process.stderr), keep (leave
 * the temp folder with user data and code-server.log after stop()), workspaceTrust (true: folders open in
 * Restricted Mode until trusted, as in a desktop VS Code; default false, every folder trusted).
 * Returns { url, port, dir, logFile, child, stop() }.
 */
export async function startCodeServer({
  folder, extensionDevelopmentPath, extensionTestsPath, userSettings = {}, port, extensionsDir, env = {}, log, keep = false,
  workspaceTrust = false,
} = {}) {
  const bin = codeServerBin();
  if (!bin) throw new Error('code-server is not installed: run `node test/host/install-code-server.mjs`');
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-code-server-'));
  const userDataDir = join(dir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', // no welcome page over the editor
    'editor.wordWrap': 'on', // long corpus lines stay on screen, so their text can be hovered
    'security.workspace.trust.enabled': workspaceTrust,
    'security.workspace.trust.startupPrompt': 'never', // untrusted folders open in Restricted Mode, no dialog
    'git.openRepositoryInParentFolders': 'never', // else a notification asks about the repo around the folder
    'files.autoSave': 'off', // desktop VS Code's default; code-server's (afterDelay) saved edits tests expect to revert
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    ...userSettings,
  }, null, 2));
  extensionsDir ??= join(dir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const configFile = join(dir, 'config.yaml'); // keeps ~/.config/code-server (password etc.) out of it
  writeFileSync(configFile, '');

  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ];
  if (!workspaceTrust) args.push('--disable-workspace-trust');
  if (folder) args.push(folder);
  const logFile = join(dir, 'code-server.log');
  const logStream = createWriteStream(logFile);
  // detached: own process group, so stop() ends the server and its extension host, pty and watcher children.
  const child = spawn(bin, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CODE_SERVER_CONFIG: configFile, ...env },
  });
  let output = ''; // the start of the output, for the error message when it fails to start
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (d) => { logStream.write(d); log?.write(d); if (output.length < 20_000) output += d; });
  }
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let stopped = false;
  const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
  const onExit = () => { // the caller exits without stop(): leave no server behind
    killGroup('SIGKILL');
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    killGroup('SIGTERM');
    const t = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
    killGroup('SIGKILL'); // children that outlived the server
    logStream.end();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }

  // Wait until it answers HTTP (code-server has /healthz), or fail if it exits first.
  const deadline = Date.now() + 60_000;
  let early;
  exited.then((e) => { early = e; });
  for (;;) {
    if (early) { await stop(); throw new Error(`code-server exited (${JSON.stringify(early)}) before answering:\n${output}`); }
    // It does not exit when its port is taken, it only logs the error.
    if (output.includes('EADDRINUSE')) { await stop(); throw new Error(`port ${port} is already in use`); }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer on port ${port} in 60 s`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = workbenchUrl(port, { folder, extensionDevelopmentPath, extensionTestsPath });
  return { url, port, dir, logFile, child, stop };
}

/** Headless Debian Chromium driven by playwright-core (never `playwright install` here). */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}
