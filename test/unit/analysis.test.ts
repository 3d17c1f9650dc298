// Analyses off the caller's thread and across sessions: a worker gives what analyze() gives, a dead
// worker fails its job and is replaced, an idle one stops, and the disk cache survives damage and annotator updates.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisPool } from '../../src/core/analysis/pool.js';
import { AnalysisCache } from '../../src/core/analysis/cache.js';
import { Analyses } from '../../src/core/analysis/analyses.js';
import { analyze } from '../../src/core/pipeline.js';
import { contentHash } from '../../src/core/corpus.js';
import { seedTexts } from './helpers/seeds.js';

const WORKER = join(__dirname, '../../../dist/worker.js');

describe('analysis on worker threads', function () {
  this.timeout(30_000);
  let pool: AnalysisPool;
  before(() => {
    assert.ok(existsSync(WORKER), 'dist/worker.js is built by esbuild.mjs');
    pool = new AnalysisPool(WORKER, 2);
  });
  after(() => pool.dispose());

  it('gives exactly what analyze() gives, for every seed, several at once', async () => {
    const texts = seedTexts().map((s) => s.text);
    const results = await Promise.all(texts.map((t) => pool.analyze(t)));
    results.forEach((r, i) => assert.deepEqual(r, analyze(texts[i])));
  });

  it('workers run at a lower priority than the thread that started them (Linux)', async function () {
    if (!existsSync('/proc/self/task')) this.skip();
    await Promise.all(['One.', 'Two.', 'Three.'].map((t) => pool.analyze(t)));
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's niceness (after the parenthesised name).
    const niceness = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[16]);
    const threads = readdirSync('/proc/self/task');
    const own = niceness(String(process.pid));
    assert.equal(threads.filter((tid) => niceness(tid) === Math.min(19, own + 10)).length, 2, 'both workers yield to this thread');
  });

  it('a cancelled job rejects; the pool goes on', async () => {
    const busy = [pool.analyze('One.'), pool.analyze('Two.'), pool.analyze('Three "quoted," said Kim.')];
    pool.clear();
    const settled = await Promise.allSettled(busy);
    assert.ok(settled.some((s) => s.status === 'rejected' && /cancelled/.test(String(s.reason))));
    assert.equal((await pool.analyze('"Yes," said Kim.')).quotes.length, 1);
  });

  it('an idle worker stops, and a new one starts for the next job', async () => {
    const idle = new AnalysisPool(WORKER, 2, 400);
    try {
      await Promise.all(['One.', 'Two.'].map((t) => idle.analyze(t)));
      assert.equal(idle.workers, 2);
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(idle.workers, 2, 'no worker stops before its idle time');
      assert.equal((await idle.analyze('"Yes," said Kim.')).quotes.length, 1, 'a worker idle less than its time takes the job');
      assert.equal(idle.workers, 2, 'no new worker was started for it');
      await new Promise((r) => setTimeout(r, 1_500));
      assert.equal(idle.workers, 0, 'idle workers have stopped');
      assert.equal((await idle.analyze('"No," said Kim.')).quotes.length, 1);
      assert.equal(idle.workers, 1);
    } finally {
      idle.dispose();
    }
  });

  it('idle workers stop at once when told, and the pool goes on', async () => {
    const resting = new AnalysisPool(WORKER, 2);
    try {
      await Promise.all(['One.', 'Two.'].map((t) => resting.analyze(t)));
      assert.equal(resting.workers, 2);
      resting.retireIdle();
      assert.equal(resting.workers, 0);
      assert.equal((await resting.analyze('"Yes," said Kim.')).quotes.length, 1);
    } finally {
      resting.dispose();
    }
  });

  it('a worker that dies fails its job instead of leaving it waiting forever', async () => {
    const dying = new AnalysisPool(join(__dirname, 'helpers/dying-worker.js'), 1);
    await assert.rejects(dying.analyze('anything'), /stopped|exit/);
    dying.dispose();
  });
});

describe('the analysis cache', () => {
  const root = () => mkdtempSync(join(tmpdir(), 'corroborate-cache-'));

  it('keeps an analysis by content hash across openings', async () => {
    const dir = root();
    const text = seedTexts()[0].text;
    const first = new Analyses(undefined, await AnalysisCache.open(dir, 'a'));
    const analysis = await first.of(text);
    await new Promise((r) => setTimeout(r, 100)); // the write is not awaited by callers
    const again = new Analyses(undefined, await AnalysisCache.open(dir, 'a'));
    assert.deepEqual(await again.of(text), analysis);
    assert.deepEqual(again.counts, { fromCache: 1, analysed: 0 });
  });

  it('a damaged entry is a miss, analysed again and repaired', async () => {
    const dir = root();
    const cache = await AnalysisCache.open(dir, 'a');
    const text = '"We are watching," said Vedant Patel in Washington.';
    const hash = contentHash(text);
    await cache.put(hash, analyze(text));
    const file = join(dir, 'v-a', hash.slice(0, 2), `${hash}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    assert.equal(await cache.get(hash), undefined);
    const analyses = new Analyses(undefined, cache);
    assert.equal((await analyses.of(text)).quotes.length, 1);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await cache.get(hash), analyze(text));
  });

  it('a new annotator version starts empty and removes the old entries', async () => {
    const dir = root();
    const old = await AnalysisCache.open(dir, 'a');
    await old.put('ab12', analyze('Kim met Putin.'));
    const fresh = await AnalysisCache.open(dir, 'b');
    assert.equal(await fresh.get('ab12'), undefined);
    assert.deepEqual(readdirSync(dir), ['v-b']);
  });
});
