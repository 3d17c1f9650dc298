// Entry point run inside the extension host (by @vscode/test-electron or by code-server through
// test/host/run-integration.mjs). Runs the mocha suites next to it and reports the counts to the file the
// launcher reads: see the contract at the top of test/host/run-integration.mjs.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

interface Results {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

function report(results: Results): void {
  const path = process.env.CORROBORATE_TEST_RESULTS;
  if (path) writeFileSync(path, JSON.stringify(results));
}

export function run(): Promise<void> {
  const results: Results = { passed: 0, failed: 0, failures: [] };
  return new Promise((resolve, reject) => {
    try {
      const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
      const only = process.env.CORROBORATE_TEST_GREP;
      if (only) mocha.grep(only);
      for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
      const runner = mocha.run(() => {
        report(results);
        if (results.failed) reject(new Error(`${results.failed} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => results.passed++);
      runner.on('fail', (test, err: Error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: err?.stack ?? String(err) });
      });
    } catch (e) {
      report({ passed: 0, failed: 1, failures: [{ title: 'loading tests', error: (e as Error).stack ?? String(e) }] });
      reject(e);
    }
  });
}
