// Reopening a folder, as a new session of the editor does: analyses come from the disk cache, and the claims
// from the snapshot the last session saved beside it, instead of a full build. Two indexers over one cache
// folder stand for the two sessions.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Indexer } from '../../src/extension/indexer.js';
import type { Claim } from '../../src/core/claims/claims.js';
import { activated, uriOf, waitFor } from './helpers.js';

const key = (claims: Claim[]) => claims.map((c) => `${c.id} ${c.status} ${c.passages.map((p) => `${p.doc}:${p.start}`).join(' ')}`);

describe('Corroborate reopening a folder: analyses from the disk cache, claims as the last session saved them', function () {
  this.timeout(120_000);
  const cacheDir = mkdtempSync(join(tmpdir(), 'corroborate-reopen-'));
  const saved = () => readdirSync(cacheDir).map((v) => join(cacheDir, v, 'claims.snapshot')).find(existsSync);
  let workerFile: string;

  before(async () => {
    await activated();
    workerFile = join(vscode.extensions.getExtension('corroborate.corroborate')!.extensionPath, 'dist', 'worker.js');
  });

  after(() => {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(uriOf('reopen-extra.txt').fsPath, { force: true });
  });

  it('the second session takes up the claims the first saved, equal to a full build, and follows edits', async () => {
    let built: string[];
    let sources: number;
    const first = new Indexer({ workerFile, cacheDir });
    try {
      await first.whenReady();
      assert.equal(first.claimsFrom, 'built');
      built = key(first.corpus.claims());
      sources = first.corpus.size;
      assert.ok(built.length > 20);
      await waitFor('the claims saved for the next session', saved, 30_000);
    } finally {
      first.dispose();
    }

    // A source added while no session was open: one change applied to the saved claims.
    const sentence = 'Officials in Geneva said 4,321 observers would arrive on Monday to watch the vote.';
    writeFileSync(uriOf('reopen-extra.txt').fsPath, `${sentence}\n`);
    const second = new Indexer({ workerFile, cacheDir });
    try {
      await second.whenReady();
      assert.equal(second.claimsFrom, 'saved');
      const analyses = await second.analyses;
      // Every source of the first session from the cache (an editor a test before left open may be analysed too).
      assert.ok(analyses.counts.fromCache >= sources, `${analyses.counts.fromCache} of ${sources} from the cache`);
      assert.ok(analyses.counts.analysed >= 1, 'the new source was analysed');
      const id = uriOf('reopen-extra.txt').toString();
      // Its claims come with the update of the saved ones (or, when an earlier suite left more sources changed
      // than an update is worth, with the full build that follows), as they do for a person reopening.
      await waitFor('the new source has its claims', () => second.corpus.claimsCurrent && second.corpus.claimAt(id, 5), 30_000);
      // Without it again, the claims the first session built.
      rmSync(uriOf('reopen-extra.txt').fsPath);
      await waitFor('the new source gone', () => !second.corpus.has(id));
      assert.deepEqual(key(second.corpus.claims()), built);
    } finally {
      second.dispose();
    }
  });
});
