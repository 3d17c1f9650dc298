// The analysis cache's pack: many entries in one file, read faster on reopening; the entries' own files stay
// the truth, so a damaged or missing pack only means reading them.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisCache } from '../../src/core/analysis/cache.js';
import { Analyses } from '../../src/core/analysis/analyses.js';
import { AnalysisPack, ReusedBuffer } from '../../src/core/analysis/pack.js';
import { analyze } from '../../src/core/pipeline.js';
import { contentHash } from '../../src/core/corpus.js';
import { seedTexts } from './helpers/seeds.js';

describe('the analysis cache packed in one file', function () {
  this.timeout(30_000);
  // Enough texts that packing pays (a few dozen are left as files).
  const texts = seedTexts().flatMap((s, i) => Array.from({ length: 12 }, (_, k) => `${s.text}\nCopy ${i}-${k}.\n`));
  const hashes = texts.map((t) => contentHash(t));
  const analyses = texts.map((t) => analyze(t));
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corroborate-pack-'));
    const cache = await AnalysisCache.open(dir, 'a');
    await Promise.all(hashes.map((h, i) => cache.put(h, analyses[i])));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('packs the entries of a scan, and the next opening reads them from the pack', async () => {
    const first = await AnalysisCache.open(dir, 'a');
    assert.ok(first.packWanted(hashes));
    await new Analyses(undefined, first).pack(hashes);
    assert.ok(!first.packWanted(hashes), 'packed: nothing to gain');
    first.close();
    const again = await AnalysisCache.open(dir, 'a');
    for (const [i, h] of hashes.entries()) assert.deepEqual(await again.get(h), analyses[i]);
    assert.deepEqual(again.reads, { packed: hashes.length, files: 0 });
    // A text not packed is read from its file.
    const text = 'Officials said on Friday that 4,321 observers would arrive.';
    await again.put(contentHash(text), analyze(text));
    assert.deepEqual(await again.get(contentHash(text)), analyze(text));
    assert.equal(again.reads.files, 1);
    again.close();
  });

  it('entries read into one reused buffer are packed whole, one larger than the write buffer too', async () => {
    const entries = new Map<string, Buffer>();
    for (const [i, size] of [10, 700_000, 3_000_000, 1, 500_000].entries()) {
      entries.set(contentHash(`entry ${i}`), Buffer.alloc(size, String.fromCharCode(97 + i)));
    }
    const reused = new ReusedBuffer();
    const file = join(dir, 'test.pack');
    // Each read overwrites the last one's bytes, as the cache's reads do.
    const written = await AnalysisPack.write(file, entries.keys(), async (h) => reused.of(entries.get(h)!.length).fill(entries.get(h)!), async () => undefined);
    assert.equal(written, entries.size);
    const pack = await AnalysisPack.open(file);
    assert.ok(pack);
    for (const [h, bytes] of entries) assert.ok((await pack.get(h))?.equals(bytes), `entry of ${bytes.length} bytes`);
    pack.close();
  });

  it('packs again when the texts moved away from the pack, and reads as before meanwhile', async () => {
    const cache = await AnalysisCache.open(dir, 'a');
    await cache.repack(hashes.slice(0, 10));
    assert.ok(cache.packWanted(hashes), 'most texts are not in the pack');
    await cache.repack(hashes);
    assert.ok(!cache.packWanted(hashes));
    assert.ok(cache.packWanted(hashes.slice(0, 10)), 'most of the pack is of other texts');
    for (const [i, h] of hashes.entries()) assert.deepEqual(await cache.get(h), analyses[i]);
    assert.equal(cache.reads.files, 0);
    cache.close();
  });

  it('a damaged or cut pack is none: the files are read', async () => {
    const cache = await AnalysisCache.open(dir, 'a');
    await cache.repack(hashes);
    cache.close();
    const pack = join(dir, 'v-a', 'analyses.pack');
    const bytes = readFileSync(pack);
    // A byte of the index changed: it could point a text at another's analysis.
    const index = Buffer.from(bytes);
    index[bytes.length - 32 - 28 * 5 + 21] ^= 0x01;
    for (const damage of [() => truncateSync(pack, bytes.length - 5), () => writeFileSync(pack, 'CRBPACK1'), () => writeFileSync(pack, index)]) {
      writeFileSync(pack, bytes);
      damage();
      const reopened = await AnalysisCache.open(dir, 'a');
      for (const [i, h] of hashes.entries()) assert.deepEqual(await reopened.get(h), analyses[i]);
      reopened.close();
    }
  });

  it('an entry cut short in its file is not packed, and the cache still misses it', async () => {
    const hash = hashes[3];
    const file = join(dir, 'v-a', hash.slice(0, 2), `${hash}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    const cache = await AnalysisCache.open(dir, 'a');
    await cache.repack(hashes);
    assert.equal(await cache.get(hash), undefined);
    assert.deepEqual(await cache.get(hashes[4]), analyses[4]);
    cache.close();
  });
});
