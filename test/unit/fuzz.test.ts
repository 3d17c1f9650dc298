// Property tests: odd English from the `nlp-corpus` package (MIT; 100,000 sentences of film reviews, UN
// minutes, tweets, lyrics…), mutated by a seeded generator, and random text. Whatever the input, every
// annotation must keep the invariants of `helpers/invariants.ts`, analysing twice must give the same
// output, nothing may throw, and claims over a corpus of such documents must point inside their documents.
// Deterministic: a failure names its seed and a shrunk snippet, and `FUZZ_SEED=<seed>` replays it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyze } from '../../src/core/pipeline.js';
import { Corpus } from '../../src/core/corpus.js';
import { analysisProblems, checkSpan, excerpt, type Problems } from './helpers/invariants.js';

// The package is ESM-only with no export for its data; its JSON builds are read from node_modules.
const CORPUS_BUILDS = [join(__dirname, '..', '..', '..'), process.cwd()]
  .map((root) => join(root, 'node_modules', 'nlp-corpus', 'builds'))
  .find((dir) => existsSync(join(dir, 'doc-0.json')))!;
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20241113);
/** `FUZZ_SCALE=10` runs ten times as many cases (for a longer search; the default fits the unit run). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** The sentences of one of nlp-corpus's 100 build files (an ESM package: its JSON is read directly). */
function corpusSentences(file: number): string[] {
  return JSON.parse(readFileSync(join(CORPUS_BUILDS, `doc-${file}.json`), 'utf8'));
}

/** mulberry32: a tiny seeded PRNG, so every run (and every failure) is reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const QUOTE_MARKS = ['“', '”', '"', '`', "'", '‘', '’', '„', '«', '»'];
const LINE_BREAKS = ['\n', '\r', '\r\n', '\n\n', '\r\n\r\n', '\n \n'];
const INVISIBLES = ['\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202b', '\u202c', '\t', '\u2003', '\u202f'];
const EMOJI = ['😀', '🇺🇦', '👨‍👩‍👧', '👍🏽', '🏙️', '🪖', '1️⃣', '❤️', '𝐏𝐚𝐭𝐞𝐥', '𝟓𝟎', '🔥🔥'];
const RTL = ['قال المتحدث', 'הדובר אמר', '١٠ آلاف', 'שלום', 'الولايات المتحدة'];
const FIGURES = ['10,000', '1.5', '12%', '$3bn', '€20', '£1.2m', '2024', '5:35 p.m.', '1/2', '-9.5', '1990s', '21st', 'Nov. 13', '10-15', '¥', '₩', '%', '$', '0', '٣'];
const WORDS = ['said', 'Patel', 'Vedant Patel', 'he added', 'according to', 'U.S.', 'Kursk', 'the official said', 'Mr.', 'nearly', 'over', 'tens of thousands of'];
const CJK = ['朝鲜士兵', '「北朝鮮軍」', '１２％', '쿠르스크'];

/** One random edit of `text`. */
function mutate(rng: Rng, text: string): string {
  const at = rng.int(text.length + 1);
  const insert = (s: string) => text.slice(0, at) + s + text.slice(at);
  switch (rng.int(14)) {
    case 0:
    case 1:
      return insert(rng.pick(QUOTE_MARKS));
    case 2: {
      // Delete a quote mark.
      const marks = [...text.matchAll(/["“”„«»'‘’`]/g)];
      if (!marks.length) return text;
      const i = rng.pick(marks).index!;
      return text.slice(0, i) + text.slice(i + 1);
    }
    case 3:
      return insert(rng.pick(LINE_BREAKS));
    case 4:
      return insert(rng.pick(INVISIBLES));
    case 5:
      return insert(rng.pick(EMOJI));
    case 6:
      return insert(` ${rng.pick(RTL)} `);
    case 7:
      return insert(rng.pick([' ', '']) + rng.pick(FIGURES) + rng.pick([' ', '', ' troops ', '.']));
    case 8: {
      // Duplicate a substring elsewhere.
      const from = rng.int(text.length + 1);
      const piece = text.slice(from, from + 1 + rng.int(200));
      return insert(piece);
    }
    case 9: {
      // Cut a substring.
      const len = 1 + rng.int(60);
      return text.slice(0, at) + text.slice(at + len);
    }
    case 10: {
      // A random code point: BMP, astral, or now and then a lone surrogate.
      const r = rng.next();
      const cp = r < 0.1 ? 0xd800 + rng.int(0x800) : r < 0.3 ? 0x10000 + rng.int(0x20000) : rng.int(0x3000);
      return insert(cp >= 0xd800 && cp < 0xe000 ? String.fromCharCode(cp) : String.fromCodePoint(cp));
    }
    case 11:
      return insert(` ${rng.pick(WORDS)} `);
    case 12:
      return insert(rng.pick(CJK));
    default:
      // A quoted, attributed sentence, possibly left open.
      return insert(`${rng.pick(['“', '"', '„'])}We will not retreat from ${rng.pick(FIGURES)} positions${rng.pick([',”', ',"', ',', ''])} ${rng.pick(WORDS)} said.`);
  }
}

/** Random text over an alphabet that favours the characters the annotators care about. */
function randomText(rng: Rng, length: number): string {
  const pools = [
    () => rng.pick(['the', 'said', 'Patel', 'Kursk', 'of', 'troops', 'Nov.', 'U.S.', 'a', 'was', 'nearly', 'We', 'Russia’s']),
    () => rng.pick(QUOTE_MARKS),
    () => rng.pick(LINE_BREAKS),
    () => rng.pick(INVISIBLES),
    () => rng.pick(EMOJI),
    () => rng.pick(RTL),
    () => rng.pick(FIGURES),
    () => rng.pick(CJK),
    () => rng.pick(['.', ',', '!', '?', ':', ';', '—', '-', '(', ')', '[', ']', '…', '/', '&', '#', '@']),
    () => String.fromCharCode(rng.int(0x10000)),
  ];
  let out = '';
  while (out.length < length) out += pools[rng.int(pools.length)]() + (rng.next() < 0.6 ? ' ' : '');
  return out.slice(0, length);
}

/** Everything wrong with analysing `text`: invariants, exceptions, nondeterminism. */
function problemsOf(text: string): Problems {
  let first;
  try {
    first = analyze(text);
  } catch (e) {
    return [`threw ${(e as Error).stack ?? e}`];
  }
  const problems = analysisProblems(text, first);
  try {
    if (!isDeepStrictEqual(analyze(text), first)) problems.push('a second analysis of the same text differs from the first');
  } catch (e) {
    problems.push(`threw on the second analysis: ${(e as Error).message}`);
  }
  return problems;
}

/** Annotations as (kind, offsets, text) lines, shifted by `shift`, CRs dropped: for comparing variants of a text. */
function fingerprint(text: string, shift = 0): string[] {
  const a = analyze(text);
  const show = (kind: string, x: { start: number; end: number }, extra = '') =>
    `${kind} ${x.start - shift} ${JSON.stringify(text.slice(x.start, x.end).replace(/\r/g, ''))}${extra}`;
  return [
    ...a.quotes.map((q) => show('quote', q, ` ← ${q.speaker?.name ?? '-'}`)),
    ...a.entities.map((e) => show(e.label, e, ` = ${e.name}`)),
    ...a.numbers.map((n) => show(n.label, n, ` = ${n.value} ${n.unit}`)),
  ];
}

/**
 * Variants that must not change what is found: the text after a blank first paragraph (offsets shift by its
 * length) and with CRLF line endings (texts equal without the CRs; offsets compared after the first CR).
 */
function variantProblems(text: string): Problems {
  const problems: Problems = [];
  try {
    const base = fingerprint(text);
    for (const prefix of ['\n\n', ' \r\n\r\n']) {
      const shifted = fingerprint(prefix + text, prefix.length);
      if (!isDeepStrictEqual(shifted, base)) problems.push(`after ${JSON.stringify(prefix)}: ${firstDifference(base, shifted)}`);
    }
    const lf = text.replace(/\r\n?/g, '\n');
    const strip = (xs: string[]) => xs.map((x) => x.replace(/^(\S+) \d+ /, '$1 '));
    const crlf = strip(fingerprint(lf.replace(/\n/g, '\r\n')));
    const lfPrints = strip(fingerprint(lf));
    if (!isDeepStrictEqual(crlf, lfPrints)) problems.push(`CRLF vs LF: ${firstDifference(lfPrints, crlf)}`);
  } catch (e) {
    problems.push(`threw ${(e as Error).stack ?? e}`);
  }
  return problems;
}

function firstDifference(a: string[], b: string[]): string {
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  return `only in the original: ${JSON.stringify(onlyA.slice(0, 3))}; only in the variant: ${JSON.stringify(onlyB.slice(0, 3))}`;
}

/** Delta debugging: the shortest text (within a budget of analyses) that still fails. */
function shrink(text: string, fails: (t: string) => boolean, budget = 300): string {
  let current = text;
  let parts = 2;
  while (current.length > 1 && budget > 0) {
    const size = Math.ceil(current.length / parts);
    let reduced = false;
    for (let i = 0; i < current.length && budget > 0; i += size) {
      const candidate = current.slice(0, i) + current.slice(i + size);
      budget--;
      if (fails(candidate)) {
        current = candidate;
        parts = Math.max(parts - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size <= 1) break;
      parts = Math.min(current.length, parts * 2);
    }
  }
  return current;
}

/** Fails with the seed, the problems and a shrunk snippet when `text` breaks an invariant. */
function check(text: string, seed: number, label: string, find: (t: string) => Problems = problemsOf): void {
  const problems = find(text);
  if (!problems.length) return;
  const minimal = shrink(text, (t) => find(t).length > 0);
  assert.fail(
    `${label} (seed ${seed}, replay with FUZZ_SEED=${BASE_SEED}): ${problems.length} problem(s):\n  ${problems.slice(0, 5).join('\n  ')}\n` +
      `minimal failing text (${minimal.length} of ${text.length} chars): ${JSON.stringify(minimal)}\n` +
      `its problems: ${find(minimal).slice(0, 3).join('; ')}`,
  );
}

/** A document of consecutive corpus sentences, joined as paragraphs, lines or one running line. */
function corpusDocument(rng: Rng, sentences: string[], count: number): string {
  const from = rng.int(Math.max(1, sentences.length - count));
  const joiner = rng.pick(['\n\n', '\n', ' ', '\r\n']);
  return sentences.slice(from, from + count).join(joiner);
}

describe('fuzz: invariants over odd and mutated text', function () {
  this.timeout(60_000);
  const FILES = Array.from({ length: 20 }, (_, i) => i * 5 + (BASE_SEED % 5));

  it('nlp-corpus documents, as they are and mutated', () => {
    for (const file of FILES) {
      const seed = BASE_SEED + file;
      const rng = prng(seed);
      const sentences = corpusSentences(file);
      const original = corpusDocument(rng, sentences, 100);
      check(original, seed, `nlp-corpus doc-${file}`);
      for (let m = 0; m < 6 * SCALE; m++) {
        let text = original;
        const edits = 1 + rng.int(40);
        for (let e = 0; e < edits; e++) text = mutate(rng, text);
        check(text, seed, `nlp-corpus doc-${file}, mutant ${m} (${edits} edits)`);
        if (m === 0) check(text, seed, `nlp-corpus doc-${file}, mutant ${m}: variants`, variantProblems);
      }
      check(original, seed, `nlp-corpus doc-${file}: variants`, variantProblems);
    }
  });

  it('heavily mutated short texts', () => {
    const seed = BASE_SEED + 1000;
    const rng = prng(seed);
    const sentences = corpusSentences(BASE_SEED % 100);
    for (let k = 0; k < 300 * SCALE; k++) {
      let text = corpusDocument(rng, sentences, 1 + rng.int(4));
      const edits = rng.int(25);
      for (let e = 0; e < edits; e++) text = mutate(rng, text);
      check(text, seed, `short text ${k}`);
    }
  });

  it('random text', () => {
    const seed = BASE_SEED + 2000;
    const rng = prng(seed);
    for (let k = 0; k < 300 * SCALE; k++) check(randomText(rng, rng.int(1500)), seed, `random text ${k}`);
  });

  it('claims over a corpus of fuzzed documents point inside their documents', () => {
    const seed = BASE_SEED + 3000;
    const rng = prng(seed);
    const corpus = new Corpus();
    const texts = new Map<string, string>();
    // The same story in several fuzzed variants, so that passages group across documents.
    const sentences = corpusSentences(7);
    const story = corpusDocument(rng, sentences, 60);
    for (let d = 0; d < 8; d++) {
      let text = story;
      for (let e = 0; e < 30; e++) text = mutate(rng, text);
      const id = `fuzz-${d}.txt`;
      texts.set(id, text);
      corpus.set(id, text);
    }
    const problems: Problems = [];
    const claims = corpus.claims();
    assert.ok(claims.some((c) => c.sources.length > 1), 'no claim shared by two fuzzed variants of one story');
    for (const c of claims) {
      assert.ok(c.passages.length > 0 && c.label !== undefined);
      for (const p of c.passages) {
        const text = texts.get(p.doc);
        if (text === undefined) {
          problems.push(`claim ${c.id}: passage of unknown document ${p.doc}`);
          continue;
        }
        if (checkSpan(text, p, `claim ${c.id} passage in ${p.doc}`, problems) && text.slice(p.start, p.end) !== p.text) {
          problems.push(`claim ${c.id}: passage text ≠ ${excerpt(text, p.start, p.end)}`);
        }
        const found = corpus.claimAt(p.doc, p.start);
        if (!found) problems.push(`claimAt(${p.doc}, ${p.start}) finds no claim for a passage of claim ${c.id}`);
      }
    }
    for (const [id, text] of texts) {
      for (const a of corpus.annotations(id)) {
        if (checkSpan(text, a, `${id} ${a.kind}`, problems) && a.kind !== 'quote' && text.slice(a.start, a.end) !== a.text) {
          problems.push(`${id} ${a.kind}: text ${JSON.stringify(a.text)} ≠ ${excerpt(text, a.start, a.end)}`);
        }
      }
    }
    assert.deepEqual(problems.slice(0, 10), [], `seed ${seed} (replay with FUZZ_SEED=${BASE_SEED})`);
    // Removing the documents leaves nothing behind.
    for (const id of texts.keys()) corpus.delete(id);
    assert.deepEqual(corpus.claims(), []);
  });
});
