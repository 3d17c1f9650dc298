// Bundles the extension, the CLI and the tests with one tool. unified and retext are ESM-only
// packages; bundling them into CommonJS lets VS Code's extension host and plain Node load them alike.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // fflate's Node entry loads worker_threads through `module` for its asynchronous API; Corroborate uses only
  // the synchronous zip, which the plain build has, and the bundles keep to the reviewed list of Node modules.
  alias: { fflate: './node_modules/fflate/esm/browser.js' },
};

function filesUnder(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/worker.ts'], outfile: 'dist/worker.js' },
];
if (args.has('--tests')) {
  builds.push({
    ...common,
    entryPoints: filesUnder('test', '.ts').filter((f) => !f.endsWith('.d.ts')),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha', 'playwright-core'],
  });
}

const existing = builds.filter((b) => (b.entryPoints.length ? b.entryPoints.every((e) => {
  try { return statSync(e).isFile(); } catch { return false; }
}) : false));

if (watch) {
  for (const b of existing) (await esbuild.context(b)).watch();
} else {
  await Promise.all(existing.map((b) => esbuild.build(b)));
}
