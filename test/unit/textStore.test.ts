// Document texts are kept as bytes and decoded when read (core/textStore.ts): what is read back must be the
// very string stored, so that every offset into it means what it meant.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextStore } from '../../src/core/textStore.js';
import { TextSpill } from '../../src/core/textSpill.js';
import { Corpus } from '../../src/core/corpus.js';
import { passagesOf, type Passage } from '../../src/core/claims/passages.js';
import { analyze } from '../../src/core/pipeline.js';

const TEXTS: Record<string, string> = {
  ascii: 'Officials said on Monday that 12 people were hurt.\nThe fire was put out by noon.',
  latin1: 'Le café de la place a fermé à 18 h. Prix : 5 £, ½ tarif ; « voilà » dit-il.',
  wide: '“We will rebuild,” the mayor said — 😀 €2.5bn over ten years. 東京 too.',
  'lone surrogates': 'A broken pair \ud800 here, \udc00 there, and at the end \ud83d',
  empty: '',
  crlf: 'First line.\r\nSecond line, “quoted”.\r\n\r\nThird line.\r\n',
  'another script': 'Президент заявил, что «переговоры продолжатся» 14 ноября. 😀 Ответ — да.',
  'news with a few quotes': `${'Officials said the bridge would reopen on Monday after repairs. '.repeat(4)}“It is safe,” the mayor said 😀 — ${'again and again. '.repeat(3)}`,
};

describe('text store', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`gives back the very text stored: ${name}`, () => {
      const stored = new TextStore().store(text);
      assert.equal(stored.text, text);
      assert.equal(stored.text.length, text.length);
      // Every slice, those between the halves of a surrogate pair too.
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end += 7) assert.equal(stored.slice(start, end), text.slice(start, end));
      }
    });
  }

  it('reads texts right however many were read in between', () => {
    const store = new TextStore(4);
    const texts = Array.from({ length: 20 }, (_, i) => `Text ${i}: “${'word '.repeat(i)}”`);
    const stored = texts.map((t) => store.store(t));
    for (let round = 0; round < 3; round++) stored.forEach((s, i) => assert.equal(s.text, texts[i]));
    assert.equal(stored[3].text, texts[3]);
    assert.equal(stored[3].text, texts[3]);
  });

  it('gives back texts stored together (in shared slabs), across slabs and past the slab size', () => {
    const store = new TextStore();
    const all = Object.values(TEXTS);
    // Over 4 MiB of texts: more than one slab; and one text larger than a slab's largest.
    const texts = [...Array.from({ length: 900 }, (_, i) => `${all[i % all.length]} ${'Story number '.repeat(i % 50)}${i}.`.repeat(40)), 'x'.repeat(300_000), ...all];
    const stored = texts.map((t) => store.store(t, true));
    stored.forEach((s, i) => {
      assert.equal(s.text, texts[i]);
      assert.equal(s.slice(3, 40), texts[i].slice(3, 40));
    });
  });
});

describe('texts moved out of memory to a spill file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'corroborate-spill-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const all = Object.values(TEXTS);
  // Over 8 MiB of texts stored together (two slabs and more), a text past a slab's largest, and short ones.
  const manyTexts = () => [
    ...Array.from({ length: 2000 }, (_, i) => `${all[i % all.length]} ${'Story number '.repeat(i % 60)}${i}.`.repeat(40)),
    `${'y'.repeat(150_000)}“${'z'.repeat(150_000)}”`,
    ...all,
  ];

  it('gives back every text and slice once full slabs are in the file, read in any order', () => {
    const spill = TextSpill.open(dir)!;
    const store = new TextStore(2);
    store.spillTo(spill);
    const texts = manyTexts();
    const stored = texts.map((t) => store.store(t, true));
    assert.ok(spill.size >= 8 << 20, `${spill.size} bytes in the file`);
    // In order (as a build reads), backwards, and jumping between texts at every read (as hovers do).
    const order = [...texts.keys(), ...[...texts.keys()].reverse()];
    for (const i of order) assert.equal(stored[i].text, texts[i]);
    // A passage of one text, then of another (read alone), or several of one text in turn (read whole, then kept).
    for (let k = 0; k < 4000; k++) {
      const i = (k * 7919) % texts.length;
      const text = texts[i];
      for (let turn = 0; turn < 1 + (k % 4); turn++) {
        const start = (k * 31 + turn * 97) % Math.max(1, text.length);
        assert.equal(stored[i].slice(start, start + 60), text.slice(start, start + 60));
      }
    }
    spill.close();
  });

  it('keeps the texts in memory when the file cannot be written', () => {
    const spill = TextSpill.open(dir)!;
    spill.close();
    const store = new TextStore();
    store.spillTo(spill);
    const texts = manyTexts();
    const stored = texts.map((t) => store.store(t, true));
    assert.equal(spill.size, 0);
    stored.forEach((s, i) => assert.equal(s.text, texts[i]));
  });

  it('says so when a text can no longer be read back', () => {
    const spill = TextSpill.open(dir)!;
    const store = new TextStore(1);
    store.spillTo(spill);
    const stored = manyTexts().map((t) => store.store(t, true));
    spill.close();
    assert.throws(() => stored[0].text, /A source's text could not be read back from .*texts-.*\.tmp: the file was closed/);
  });

  it('leaves no file behind, and removes those of sessions that ended without closing theirs', () => {
    writeFileSync(join(dir, 'texts-4242-0badcafe.tmp'), 'left by a crash');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const spill = TextSpill.open(dir)!;
    assert.deepEqual(readdirSync(dir).filter((n) => n !== 'notes.txt'), process.platform === 'win32' ? [spill.path.split(/[\\/]/).pop()] : []);
    spill.close();
    assert.deepEqual(readdirSync(dir), ['notes.txt']);
  });

  it('a corpus reads its documents and passages back from the file', () => {
    const corpus = new Corpus();
    const spill = TextSpill.open(dir)!;
    corpus.spillTextsTo(spill);
    const story = (n: number) => `Fire at a “Porto” warehouse ${n}\nFirefighters fought the blaze for ${n} hours on Monday, officials said. ${'The warehouse stored paper and textiles, the owner said. '.repeat(60)}\n`;
    // Over a slab of texts: ten stories, each the text of many documents (analysed once: see Corpus.set).
    const count = 2000;
    for (let i = 0; i < count; i++) corpus.set(`${i}.txt`, story(i % 10));
    const bytes = corpus.documents().reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
    assert.ok(spill.size > bytes / 2, `${spill.size} of ${bytes} bytes in the file`);
    for (const d of corpus.documents()) {
      assert.equal(d.text, story(parseInt(d.id) % 10));
      for (const p of d.passages) assert.equal(p.text, d.text.slice(p.start, p.end));
    }
    spill.close();
  });
});

describe('documents and passages read their text from the store', () => {
  const story = (n: number) =>
    `Fire at a “Porto” warehouse ${n}\nFirefighters fought the blaze for ${n} hours on Monday, officials said. The warehouse stored paper and €${n}m of textiles, the owner said.\r\n`;

  it('a document reads its text, and each passage its words, as set', () => {
    const corpus = new Corpus();
    for (const text of [...Object.values(TEXTS), story(6)]) {
      const doc = corpus.set('a.txt', text);
      assert.equal(corpus.get('a.txt')!.text, text);
      for (const p of doc.passages) assert.equal(p.text, doc.text.slice(p.start, p.end));
    }
  });

  it('a replaced document never reads the old text, whatever was read before', () => {
    const corpus = new Corpus();
    for (let i = 0; i < 40; i++) corpus.set(`${i}.txt`, story(i));
    corpus.documents().forEach((d) => d.text);
    const before = corpus.get('3.txt')!;
    assert.equal(before.text, story(3));
    corpus.set('3.txt', story(333));
    const after = corpus.get('3.txt')!;
    assert.equal(after.text, story(333));
    for (const p of after.passages) assert.equal(p.text, story(333).slice(p.start, p.end));
    // Reading the others in between, and again.
    for (const d of corpus.documents()) assert.equal(d.text, d.id === '3.txt' ? story(333) : story(parseInt(d.id)));
    assert.equal(corpus.get('3.txt')!.text, story(333));
  });

  it('passages read as plain ones: JSON with their words, passages outside a corpus too', () => {
    const corpus = new Corpus();
    const text = story(7);
    const doc = corpus.set('a.txt', text);
    const outside = passagesOf('a.txt', text, analyze(text));
    assert.ok(doc.passages.length > 1);
    const plain = (p: Passage) => ({ doc: p.doc, start: p.start, end: p.end, text: p.text, line: p.line });
    assert.deepEqual(outside.map(plain), doc.passages.map(plain));
    for (const p of [...doc.passages, ...outside]) {
      assert.deepEqual(JSON.parse(JSON.stringify(p)), { ...plain(p), text: text.slice(p.start, p.end) });
    }
  });
});
