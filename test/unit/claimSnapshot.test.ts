// Claims taken up from a snapshot on reopening must be the claims the index would have had: equal to a full
// build on the same sources, and after edits equal to an index that never went through a snapshot.
import { strict as assert } from 'node:assert';
import { Corpus } from '../../src/core/corpus.js';
import { Slices } from '../../src/core/steps.js';
import { analyze } from '../../src/core/pipeline.js';
import type { DocumentAnalysis } from '../../src/core/types.js';
import type { Claim } from '../../src/core/claims/claims.js';
import type { Passage } from '../../src/core/claims/passages.js';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesSource, decodeSnapshot, encodeSnapshot, piecesOf, savedSpans, type ClaimSnapshot, type SnapshotToWrite } from '../../src/core/claims/snapshot.js';
import { ClaimStore } from '../../src/core/analysis/claimStore.js';
import { CorpusGenerator, DEFAULT_SEED } from '../bench/corpus.js';
import { loadMaterial } from '../bench/material.js';
import { seedTexts } from './helpers/seeds.js';

const VERSION = 'test-version';

/** Generated articles (stories retold across outlets, so claims span many sources) and the seed articles. */
const texts = [...new CorpusGenerator(loadMaterial(), DEFAULT_SEED).documents(90), ...seedTexts()].map((d) => ({ id: d.id, text: d.text }));
const analyses = new Map<string, DocumentAnalysis>();
const analysisOf = (text: string) => {
  let a = analyses.get(text);
  if (!a) analyses.set(text, (a = analyze(text)));
  return a;
};

function corpusOf(docs: { id: string; text: string }[]): Corpus {
  const corpus = new Corpus(analyze);
  for (const { id, text } of docs) corpus.set(id, text, analysisOf(text));
  return corpus;
}

let pauses = 0;
const pause = async () => void pauses++;
/** Pauses whenever a millisecond has passed, counting the pauses. */
const slices = new Slices(0, pause);

/** Through bytes and back, as a later session reads it. */
function bytesOf(snapshot: SnapshotToWrite, version = VERSION): Buffer {
  const chunks: Buffer[] = [];
  // Copied as they come: a chunk holds only until the next is asked for.
  for (const chunk of encodeSnapshot(snapshot, version)) if (chunk) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function fromBytes(bytes: Uint8Array, version = VERSION): Promise<ClaimSnapshot | undefined> {
  return decodeSnapshot(bytesSource(bytes), version, slices);
}

async function snapshotOf(corpus: Corpus): Promise<ClaimSnapshot> {
  const snapshot = await corpus.snapshotClaims(slices);
  assert.ok(snapshot, 'a snapshot of current claims');
  return (await fromBytes(bytesOf(snapshot)))!;
}

/** Everything a view reads of the claims, in order. */
function view(corpus: Corpus): unknown {
  return corpus.claims().map((c: Claim) => ({ ...c, passages: c.passages.map(plain) }));
}

/** A passage as a plain object: its words are read through a getter, which a spread leaves out. */
function plain(p: Passage): object {
  return { doc: p.doc, start: p.start, end: p.end, text: p.text, line: p.line };
}

/** Every passage's claim, by claim id. */
function claimOfEach(corpus: Corpus): string[] {
  return corpus.documents().flatMap((d) => d.passages.map((p) => `${p.doc}:${p.start} ${corpus.claimOf(p)?.id}`));
}

const edited = (text: string) => text.replace(/\d+/, (n) => String(Number(n) + 7)).replace(/^/, 'Officials said on Friday that new figures would be published next week.\n\n');

describe('claims taken up from a snapshot', function () {
  this.timeout(60_000);
  const built = corpusOf(texts);
  const claims = view(built);

  it('equal a full build on the same sources, and the snapshot holds claims across sources', async () => {
    const snapshot = await snapshotOf(built);
    const restored = corpusOf(texts);
    pauses = 0;
    assert.ok(await restored.restoreClaims(snapshot, slices));
    assert.ok(pauses > 0, 'restoring paused between steps');
    assert.ok(restored.claimsCurrent);
    assert.deepEqual(view(restored), claims);
    assert.deepEqual(claimOfEach(restored), claimOfEach(built));
    assert.ok(built.claims().some((c) => c.sources.length >= 5));
  });

  it('are the sources own passages, not stand-ins', async () => {
    const restored = corpusOf(texts);
    assert.ok(await restored.restoreClaims(await snapshotOf(built), slices));
    for (const c of restored.claims()) for (const p of c.passages) assert.equal(p, restored.get(p.doc)!.passages.find((x) => x.start === p.start));
  });

  it('after edits, equal an index that never went through a snapshot', async () => {
    const live = corpusOf(texts);
    live.claims();
    const restored = corpusOf(texts);
    assert.ok(await restored.restoreClaims(await snapshotOf(live), slices));
    const [a, b, c] = [texts[3], texts[40], texts[70]];
    for (const corpus of [live, restored]) {
      corpus.set(a.id, edited(a.text), analysisOf(edited(a.text)));
      corpus.claims();
      corpus.delete(b.id);
      corpus.set('zz/new.txt', c.text, analysisOf(c.text));
    }
    assert.deepEqual(view(restored), view(live));
    assert.deepEqual(claimOfEach(restored), claimOfEach(live));
  });

  it('documents changed, removed and added while closed are applied as changes', async () => {
    const snapshot = await snapshotOf(built);
    const [a, b, c] = [texts[5], texts[30], texts[60]];
    const reopened = texts.filter((d) => d.id !== b.id).map((d) => (d.id === a.id ? { id: a.id, text: edited(a.text) } : d));
    reopened.push({ id: 'zz/new.txt', text: c.text });
    const restored = corpusOf(reopened);
    assert.ok(await restored.restoreClaims(snapshot, slices));
    // The session that saved the snapshot, had it gone on: the same changes, in the order restoring applies them.
    const live = corpusOf(texts);
    live.claims();
    for (const id of [a.id, b.id].sort()) {
      if (id === a.id) live.set(a.id, edited(a.text), analysisOf(edited(a.text)));
      else live.delete(b.id);
    }
    live.set('zz/new.txt', c.text, analysisOf(c.text));
    assert.deepEqual(view(restored), view(live));
    assert.ok(restored.claims().every((claim) => claim.passages.every((p) => p.text.length > 0 && p.doc !== b.id)));
  });

  it('a snapshot taken after edits (passage ids with holes) restores and edits alike', async () => {
    const live = corpusOf(texts);
    live.claims();
    for (const d of [texts[2], texts[50]]) live.set(d.id, edited(d.text), analysisOf(edited(d.text)));
    live.delete(texts[10].id);
    const snapshot = await snapshotOf(live);
    const restored = corpusOf(live.documents().map((d) => ({ id: d.id, text: d.text })));
    assert.ok(await restored.restoreClaims(snapshot, slices));
    assert.deepEqual(view(restored), view(live));
    for (const corpus of [live, restored]) corpus.set(texts[20].id, edited(texts[20].text), analysisOf(edited(texts[20].text)));
    assert.deepEqual(view(restored), view(live));
  });

  it('past a handful of changed documents, the claims are there at once and a full build is still due', async () => {
    const snapshot = await snapshotOf(built);
    const changed = texts.slice(0, 9).map((d) => d.id);
    const reopened = texts.map((d) => (changed.includes(d.id) ? { id: d.id, text: edited(d.text) } : d));
    const restored = corpusOf(reopened);
    restored.deferFullClaimBuilds = true;
    assert.ok(await restored.restoreClaims(snapshot, slices));
    assert.ok(restored.claimsNeedFullBuild);
    assert.ok(restored.claims().length > 0);
    assert.ok(restored.claims().every((claim) => claim.passages.every((p) => p.text.length > 0 && restored.get(p.doc)!.passages.includes(p))));
    await restored.buildClaims(slices);
    assert.deepEqual(view(restored), view(corpusOf(reopened)));
  });

  it('too many documents changed: no restore, a full build', async () => {
    const snapshot = await snapshotOf(built);
    const reopened = texts.map((d, i) => (i % 2 ? d : { id: d.id, text: edited(d.text) }));
    const restored = corpusOf(reopened);
    assert.equal(await restored.restoreClaims(snapshot, slices), undefined);
    assert.ok(restored.claimsNeedFullBuild);
    assert.deepEqual(view(restored), view(corpusOf(reopened)));
  });

  it('a document its researcher corrected since is a changed document', async () => {
    const snapshot = await snapshotOf(built);
    const restored = corpusOf(texts);
    const doc = restored.documents().find((d) => d.analysis.entities.length)!;
    const entity = doc.analysis.entities[0];
    const curation = { sources: {}, claims: [], memos: [], corrections: [{ ...restored.mark(doc.id, entity.start, entity.end), action: 'remove' as const, kind: 'entity' as const }] };
    restored.setCuration(curation);
    assert.ok(await restored.restoreClaims(snapshot, slices));
    const live = corpusOf(texts);
    live.claims();
    live.setCuration(curation);
    assert.deepEqual(view(restored), view(live));
    // And a snapshot taken with the correction fits a corpus with it.
    const again = corpusOf(texts);
    again.setCuration(curation);
    assert.ok(await again.restoreClaims(await snapshotOf(restored), slices));
    assert.deepEqual(view(again), view(live));
  });

  it('an entity rule set since changes every source: a full build', async () => {
    const snapshot = await snapshotOf(built);
    const restored = corpusOf(texts);
    restored.setCuration({ sources: {}, claims: [], memos: [], corrections: [{ action: 'merge', entity: 'DPRK', label: 'PLACE', into: 'North Korea', intoLabel: 'PLACE' }] });
    assert.equal(await restored.restoreClaims(snapshot, slices), undefined);
  });

  it('a damaged, truncated or foreign snapshot is no snapshot', async () => {
    const snapshot = await built.snapshotClaims(slices);
    const bytes = bytesOf(snapshot!);
    assert.ok(await fromBytes(bytes));
    for (const at of [bytes.length - 3, Math.floor(bytes.length / 2), 200]) {
      const damaged = Buffer.from(bytes);
      damaged[at] ^= 0x55;
      assert.equal(await fromBytes(damaged), undefined, `byte ${at} flipped`);
    }
    assert.equal(await fromBytes(bytes.subarray(0, bytes.length - 100)), undefined, 'truncated');
    assert.equal(await fromBytes(bytes.subarray(0, 10)), undefined, 'truncated in the header');
    assert.equal(await fromBytes(Buffer.alloc(0)), undefined, 'empty');
    assert.equal(await fromBytes(Buffer.from('{"quotes":[]}')), undefined, 'something else');
    assert.equal(await fromBytes(bytes, 'another-version'), undefined, 'another version of the annotators or claims');
  });

  it('a snapshot whose passages no longer match is not trusted for them', async () => {
    const snapshot = (await snapshotOf(built))!;
    // The first document's passages cut elsewhere than saved (a change in how passages are cut, say).
    const starts = Int32Array.from(snapshot.starts);
    starts[0] += 1;
    const restored = corpusOf(texts);
    assert.ok(await restored.restoreClaims({ ...snapshot, starts }, slices));
    assert.ok(restored.claims().every((claim) => claim.passages.every((p) => p.text.length > 0 && restored.get(p.doc)!.passages.includes(p))));
    assert.equal(new Set(claimOfEach(restored)).size, claimOfEach(built).length);
    // Claims that snapshot says nothing of (options of another build) are not taken up at all.
    assert.equal(await corpusOf(texts).restoreClaims({ ...snapshot, options: { ...snapshot.options, threshold: 0.5 } }, slices), undefined);
  });

  it('sources take their passages from the snapshot when it has them as they are, and are cut otherwise', async () => {
    const snapshot = await snapshotOf(built);
    const changed = texts[7];
    const reopened = texts.map((d) => (d === changed ? { id: d.id, text: edited(d.text) } : d));
    const taking = new Corpus(analyze);
    taking.savedPassages = savedSpans(snapshot);
    for (const { id, text } of reopened) taking.set(id, text, analysisOf(text));
    taking.savedPassages = undefined;
    const cutting = corpusOf(reopened);
    assert.deepEqual(taking.documents().map((d) => d.passages.map(plain)), cutting.documents().map((d) => d.passages.map(plain)));
    assert.ok(await taking.restoreClaims(snapshot, slices));
    assert.ok(await cutting.restoreClaims(await snapshotOf(built), slices));
    assert.deepEqual(view(taking), view(cutting));
  });

  it('are kept on disk, and a damaged or missing file is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-claims-'));
    try {
      const store = new ClaimStore(join(dir, 'claims.snapshot'), VERSION);
      assert.equal(await store.load(slices), undefined, 'missing');
      await store.save((await built.snapshotClaims(slices))!, slices);
      const loaded = await store.load(slices);
      const restored = corpusOf(texts);
      assert.ok(loaded && (await restored.restoreClaims(loaded, slices)));
      assert.deepEqual(view(restored), claims);
      assert.equal(await new ClaimStore(store.file, 'another').load(slices), undefined, 'another version');
      writeFileSync(store.file, 'CRBCLAIM\u0000\u0000');
      assert.equal(await store.load(slices), undefined, 'damaged');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('claims that change while they are saved are not saved: the file saved before stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-claims-'));
    const edit = (corpus: Corpus, k: number, sentence: string) => {
      const text = `${texts[k].text}\n\n${sentence}`;
      corpus.set(texts[k].id, text, analysisOf(text));
      corpus.claims();
    };
    try {
      const live = corpusOf(texts);
      live.claims();
      const store = new ClaimStore(join(dir, 'claims.snapshot'), VERSION);
      await store.save((await live.snapshotClaims(slices))!, slices);
      const before = await store.load(slices);
      assert.ok(before);
      edit(live, 0, 'Officials said 12 people were hurt.');
      const snapshot = (await live.snapshotClaims(slices))!;
      assert.notDeepEqual(snapshot.keys, before.keys);
      // Another edit lands in the first pause of saving the first one's claims, before their vectors are made.
      let edited = false;
      await store.save(
        snapshot,
        new Slices(0, async () => {
          if (!edited) edit(live, 1, 'The mayor said 40 homes were damaged.');
          edited = true;
        }),
      );
      assert.ok(edited);
      assert.deepEqual(readdirSync(dir), ['claims.snapshot'], 'no file left half written');
      assert.deepEqual((await store.load(slices))?.keys, before.keys, 'the claims saved before both edits');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the vectors' arrays are made in pieces of whole passages that add up to the array", () => {
    const sizes = [3, 0, 5, 1, 9, 2, 2, 0, 4, 7, 1];
    const whole = Int32Array.from(sizes.flatMap((size, k) => Array.from({ length: size }, (_, i) => k * 100 + i)));
    const put = (into: Int32Array, at: number, k: number) => {
      for (let i = 0; i < sizes[k]; i++) into[at + i] = k * 100 + i;
    };
    const made: number[][] = [];
    for (const piece of piecesOf(sizes.length, whole.length, (k) => sizes[k], put, Int32Array, () => false, 6)) {
      if (piece) made.push(Array.from(piece));
    }
    assert.deepEqual(made.flat(), Array.from(whole));
    assert.ok(made.length > 3, 'more than one piece');
    // Whole passages: a piece starts where one does, and passes 6 values only for one longer passage alone.
    const passage = (value: number) => Math.floor(value / 100);
    assert.ok(made.every((piece) => piece[0] % 100 === 0 && (piece.length <= 6 || piece.every((v) => passage(v) === passage(piece[0])))));
    let changed = false;
    const steps = piecesOf(sizes.length, whole.length, (k) => sizes[k], put, Int32Array, () => changed, 6);
    steps.next();
    changed = true;
    assert.throws(() => [...steps], /changed/);
  });

  it('an empty corpus and documents without passages', async () => {
    const empty = new Corpus();
    empty.claims();
    const none = await empty.snapshotClaims(slices);
    assert.ok(none);
    const again = new Corpus();
    assert.ok(await again.restoreClaims((await fromBytes(bytesOf(none)))!, slices));
    assert.deepEqual(again.claims(), []);
    again.set('a.txt', texts[0].text, analysisOf(texts[0].text));
    again.set('b.txt', '', analysisOf(''));
    assert.deepEqual(view(again), view(corpusOf([{ id: 'a.txt', text: texts[0].text }, { id: 'b.txt', text: '' }])));
    const withEmpty = corpusOf([{ id: 'a.txt', text: texts[0].text }, { id: 'b.txt', text: '' }]);
    withEmpty.claims();
    const restored = corpusOf([{ id: 'a.txt', text: texts[0].text }, { id: 'b.txt', text: '' }]);
    assert.ok(await restored.restoreClaims(await snapshotOf(withEmpty), slices));
    assert.deepEqual(view(restored), view(withEmpty));
  });
});
