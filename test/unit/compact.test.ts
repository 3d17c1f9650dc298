// The corpus keeps its data in less memory (analysis/compact.ts, the packed postings and vectors, the typed
// merge): each compact form must give exactly what the plain one gave.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { analyze } from '../../src/core/pipeline.js';
import { Compactor, entitiesLabelled, itemAt, overlappingIn, StringPool } from '../../src/core/analysis/compact.js';
import { Rows, ValueTable } from '../../src/core/analysis/rows.js';
import { overlapping } from '../../src/core/search.js';
import { EdgeQueue, mergeAll, Postings, Vectors } from '../../src/core/claims/group.js';
import { finish } from '../../src/core/steps.js';
import { Corpus } from '../../src/core/corpus.js';
import type { DocumentAnalysis } from '../../src/core/types.js';

const SEEDS = join(__dirname, '../../../test/fixtures/seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));

/** A small deterministic generator. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('compact analyses', () => {
  it('read exactly as the analyses they were made from, as a worker hands them over or as analysed here', () => {
    const compactor = new Compactor();
    for (const text of seeds) {
      for (const given of [analyze(text), deserialize(serialize(analyze(text))) as DocumentAnalysis]) {
        const before = JSON.stringify(given);
        const compact = compactor.analysis(given);
        assert.equal(compact, given, 'compacted in place');
        assert.equal(JSON.stringify(compact), before);
        assert.deepStrictEqual(compact, JSON.parse(before));
        assert.deepStrictEqual(compact.sentences, JSON.parse(before).sentences);
        assert.notEqual(compact.sentences, compact.sentences, 'made afresh on each read: a caller may change its copy');
      }
    }
  });

  it('compact again (the same analysis set twice) gives the same values', () => {
    const compactor = new Compactor();
    const a = analyze(seeds[0]);
    const before = JSON.stringify(a);
    compactor.analysis(a);
    new Compactor().analysis(compactor.analysis(a));
    assert.equal(JSON.stringify(a), before);
  });

  it('sentences assigned after compacting replace the packed ones', () => {
    const a = new Compactor().analysis(analyze(seeds[1]));
    a.sentences = [{ start: 0, end: 3, paragraph: 0 }];
    assert.deepStrictEqual(a.sentences, [{ start: 0, end: 3, paragraph: 0 }]);
  });

  it('reads what it does not recognise as given (a damaged or older cache entry)', () => {
    const odd = {
      quotes: [],
      entities: [{ kind: 'entity', label: 'PLACE', start: 0, end: 5, text: 'Kursk', name: 42 }],
      numbers: [{ kind: 'number', label: 'count', start: 0, end: 2, text: '10', value: 10 }],
      sentences: [{ start: 0, end: 5, paragraph: 0, extra: true }],
      paragraphs: [{ start: 0.5, end: 5 }, { start: 6 }],
    } as unknown as DocumentAnalysis;
    const before = JSON.stringify(odd);
    new Compactor().analysis(odd);
    assert.equal(JSON.stringify(odd), before);
    assert.ok(!('unit' in odd.numbers[0]), 'no field added');
    assert.ok(!('end' in odd.paragraphs[1]), 'no field added');
    // Lists rows cannot hold stay plain lists.
    const nested = { quotes: [], entities: [{ kind: 'entity', extra: { deep: 1 } }], numbers: 'none', sentences: [3], paragraphs: [] } as unknown as DocumentAnalysis;
    const json = JSON.stringify(nested);
    new Compactor().analysis(nested);
    assert.equal(JSON.stringify(nested), json);
    for (const key of ['entities', 'numbers', 'sentences'] as const) assert.ok(Object.getOwnPropertyDescriptor(nested, key)!.value, `${key} left as given`);
  });

  it('keeps a `__proto__` key of a damaged entry a plain field (rebuilding it would set the prototype)', () => {
    const json = '{"quotes":[],"entities":[{"kind":"entity","label":"PLACE","start":0,"end":5,"text":"Kursk","name":"Kursk","__proto__":{"polluted":1}}],"numbers":[],"sentences":[],"paragraphs":[]}';
    const odd = JSON.parse(json) as DocumentAnalysis;
    new Compactor().analysis(odd);
    assert.equal(JSON.stringify(odd), json);
    assert.equal(Object.getPrototypeOf(odd.entities[0]), Object.prototype);
    assert.equal((odd.entities[0] as unknown as { polluted?: number }).polluted, undefined);
  });

  it('keeps one copy of each string across analyses', () => {
    const pool = new StringPool();
    let fields = 0;
    for (const text of seeds) {
      const a = pool.analysis(deserialize(serialize(analyze(text))) as DocumentAnalysis);
      fields += a.entities.length * 4 + a.numbers.length * 5 + a.quotes.length * 5;
    }
    assert.ok(pool.size < fields / 3, `${pool.size} strings for ${fields} fields`);
  });

  it('a corpus given copies reads exactly as one given the annotators\' own analyses', () => {
    const plain = new Corpus();
    const copied = new Corpus();
    seeds.forEach((text, i) => {
      plain.set(`s${i}`, text, analyze(text));
      copied.set(`s${i}`, text, deserialize(serialize(analyze(text))) as DocumentAnalysis);
    });
    const dump = (c: Corpus) =>
      JSON.stringify([c.claims(), c.documents().map((d) => [c.annotations(d.id), d.raw, d.passages]), c.entities.records().map((r) => [r.key, r.name, r.aliases, [...r.docs]])]);
    assert.equal(dump(copied), dump(plain));
  });
});

/** Postings as plain sorted lists, the reference. */
class PlainPostings {
  readonly lists = new Map<number, number[]>();
  add(id: number, salient: number[]): void {
    for (const k of salient) {
      const list = this.lists.get(k) ?? [];
      list.push(id);
      list.sort((a, b) => a - b);
      this.lists.set(k, list);
    }
  }
  remove(id: number, salient: number[]): void {
    for (const k of salient) {
      const list = (this.lists.get(k) ?? []).filter((x) => x !== id);
      if (list.length) this.lists.set(k, list);
      else this.lists.delete(k);
    }
  }
}

describe('annotations kept as rows', () => {
  const figures = (n: number, next: () => number) =>
    Array.from({ length: n }, (_, i) => {
      const start = i * 10 + Math.floor(next() * 3);
      const base = { kind: 'number', label: ['count', 'money', 'range'][i % 3], start, end: start + 2 + Math.floor(next() * 6), text: `t${i % 7}`, value: i % 5 ? i * 1.5 : null, unit: i % 2 ? 'USD' : null, approx: null };
      return i % 3 === 2 ? { ...base, upper: i * 2 } : base;
    });

  for (const wide of [false, true]) {
    it(`read back as the very objects, keys in order, a field some lack included (${wide ? 'four' : 'two'} bytes a cell)`, () => {
      const table = new ValueTable();
      // Past 65,535 values, a list's cells take two code units each.
      if (wide) for (let k = 0; k < 70_000; k++) table.idOf(`filler ${k}`);
      const list = figures(200, rng(3));
      const rows = Rows.of(list, table)!;
      assert.equal(JSON.stringify(rows.all()), JSON.stringify(list));
      assert.deepStrictEqual(rows.all(), list);
      assert.deepStrictEqual(rows.at(41), list[41]);
      assert.equal(rows.at(200), undefined);
      for (const span of [{ start: 0, end: 1 }, { start: 95, end: 140 }, { start: 1995, end: 3000 }, { start: 500, end: 500 }]) assert.deepStrictEqual(rows.overlapping(span), overlapping(list, span));
    });
  }

  it('a compacted analysis reads its entities and numbers as given, and one figure or a passage\'s figures alone', () => {
    const compactor = new Compactor();
    for (const text of seeds) {
      const a = deserialize(serialize(analyze(text))) as DocumentAnalysis;
      const plain = JSON.parse(JSON.stringify(a)) as DocumentAnalysis;
      compactor.analysis(a);
      assert.notEqual(Object.getOwnPropertyDescriptor(a, 'numbers')!.get, undefined, 'numbers kept as rows');
      assert.deepStrictEqual(a.entities, plain.entities);
      assert.deepStrictEqual(a.numbers, plain.numbers);
      plain.numbers.forEach((n, k) => assert.deepStrictEqual(itemAt(a, 'numbers', k), n));
      for (const label of ['PERSON', 'ORG', 'PLACE'] as const) assert.deepStrictEqual(entitiesLabelled(a, label), plain.entities.filter((e) => e.label === label));
      for (const s of plain.sentences) assert.deepStrictEqual(overlappingIn(a, 'numbers', s), overlapping(plain.numbers, s));
      // Assigned a list, the analysis reads it, one item too.
      a.numbers = plain.numbers.slice(0, 1);
      assert.deepStrictEqual(itemAt(a, 'numbers', 0), plain.numbers[0]);
      assert.equal(itemAt(a, 'numbers', 1), undefined);
    }
  });
});

describe('packed postings', () => {
  it('loaded from salient slots (as a build and a snapshot fill them), then added to and removed from, every list is the plain one', () => {
    const next = rng(7);
    const blockingTerms = 8;
    const plain = new PlainPostings();
    const salientOf = new Map<number, number[]>();
    let id = 0;
    const salientTerms = () => [...new Set(Array.from({ length: 1 + Math.floor(next() * blockingTerms) }, () => Math.floor(next() * 60)))];
    const loaded = 400;
    const slots = new Int32Array(loaded * blockingTerms).fill(-1);
    for (; id < loaded; id++) {
      const salient = salientTerms();
      salientOf.set(id, salient);
      slots.set(salient, id * blockingTerms);
      plain.add(id, salient);
    }
    const postings = new Postings();
    assert.equal(finish(postings.loading(slots, loaded, blockingTerms, 60)), true);
    const add = () => {
      const salient = salientTerms();
      salientOf.set(id, salient);
      postings.add(id, salient);
      plain.add(id, salient);
      id++;
    };
    const remove = () => {
      const ids = [...salientOf.keys()];
      const gone = ids[Math.floor(next() * ids.length)];
      postings.remove(gone, salientOf.get(gone)!);
      plain.remove(gone, salientOf.get(gone)!);
      salientOf.delete(gone);
    };
    const check = () => {
      for (let k = 0; k < 70; k++) assert.deepStrictEqual(Array.from(postings.get(k)), plain.lists.get(k) ?? [], `term ${k}`);
    };
    check();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 150; i++) (next() < 0.5 ? add : remove)();
      check();
    }
    // Every passage gone: nothing left, packed or not.
    for (const gone of [...salientOf.keys()]) {
      postings.remove(gone, salientOf.get(gone)!);
      plain.remove(gone, salientOf.get(gone)!);
    }
    check();
  });
  it('refuses slots that name a term past the table', () => {
    const slots = new Int32Array([0, 5, -1, -1]);
    assert.equal(finish(new Postings().loading(slots, 2, 2, 5)), false);
  });
});

describe('staged vectors', () => {
  it('give as salient terms the highest weights, most salient first, ties by lower id', () => {
    const next = rng(5);
    const idf = (t: number) => 1 + (t % 3);
    const v = new Vectors(8);
    for (let id = 0; id < 200; id++) {
      const ids = [...new Set(Array.from({ length: Math.floor(next() * 20) }, () => Math.floor(next() * 40)))];
      // Few distinct boosts: many ties.
      const terms = ids.map((t) => ({ id: t, boost: [1, 2, 0.5][Math.floor(next() * 3)] }));
      v.add(id, 'd', terms, idf);
      const expected = terms
        .map((t) => ({ id: t.id, w: Math.fround(idf(t.id) * t.boost) }))
        .sort((a, b) => b.w - a.w || a.id - b.id)
        .slice(0, 8)
        .map((t) => t.id);
      assert.deepStrictEqual(v.salient(id), expected);
    }
  });

  it('weigh as vectors added whole, trimmed or not, and grow again after a trim', () => {
    const next = rng(11);
    const termsOf = Array.from({ length: 300 }, () => {
      const ids = [...new Set(Array.from({ length: 1 + Math.floor(next() * 30) }, () => Math.floor(next() * 500)))];
      return ids.map((id) => ({ id, boost: [1, 1.5, 0.5, 2, 0.1][Math.floor(next() * 5)] }));
    });
    const idf = (t: number) => Math.log(1 + 300 / (1 + (t % 17)));
    const whole = new Vectors(8);
    const staged = new Vectors(8);
    termsOf.forEach((terms, id) => whole.add(id, `d${id % 7}`, terms, idf));
    termsOf.forEach((terms, id) => staged.stage(id, `d${id % 7}`, terms));
    termsOf.forEach((_, id) => staged.weigh(id, idf));
    const same = () => {
      for (let i = 0; i < termsOf.length; i++) {
        assert.deepStrictEqual(staged.salient(i), whole.salient(i));
        assert.deepStrictEqual(Array.from(staged.terms(i)), Array.from(whole.terms(i)));
        assert.equal(staged.doc(i), whole.doc(i));
        for (let j = 0; j < termsOf.length; j += 7) assert.equal(staged.cosine(i, j), whole.cosine(i, j));
      }
    };
    same();
    for (const _ of staged.trimming());
    same();
    for (let id = 300; id < 340; id++) {
      const terms = termsOf[id - 300];
      termsOf.push(terms);
      whole.add(id, 'later', terms, idf);
      staged.add(id, 'later', terms, idf);
    }
    same();
  });
});

describe('staged vectors of a large build', () => {
  it('read as vectors added whole when the staged terms span several chunks', () => {
    const next = rng(13);
    const idf = (t: number) => 1 + (t % 11) / 3;
    const whole = new Vectors(8);
    const staged = new Vectors(8);
    const all: { id: number; boost: number }[][] = [];
    for (let id = 0; id < 15_000; id++) {
      const terms = [...new Set(Array.from({ length: 20 + Math.floor(next() * 40) }, () => Math.floor(next() * 5000)))].map((t) => ({ id: t, boost: 1 + (t % 3) / 2 }));
      all.push(terms);
      whole.add(id, `d${id >> 4}`, terms, idf);
      staged.stage(id, `d${id >> 4}`, terms);
    }
    all.forEach((_, id) => staged.weigh(id, idf));
    for (const _ of staged.trimming());
    for (let id = 0; id < all.length; id += 1 + (id % 5)) {
      assert.deepStrictEqual(Array.from(staged.terms(id)), Array.from(whole.terms(id)));
      assert.deepStrictEqual(staged.salient(id), whole.salient(id));
      const other = (id * 7919) % all.length;
      assert.equal(staged.cosine(id, other), whole.cosine(id, other));
    }
  });
});

/** The merge as it was, with maps and an array per group: the reference. */
function plainMerge(ids: number[], pairs: [number, number][], similarity: (i: number, j: number) => number, cohesion: number): number[][] {
  const groupOf = new Map<number, number>(ids.map((i) => [i, i]));
  const members = new Map<number, number[]>(ids.map((i) => [i, [i]]));
  const mean = (a: number[], b: number[]) => {
    const sa = a.slice(0, 12);
    const sb = b.slice(0, 12);
    let sum = 0;
    for (const x of sa) for (const y of sb) sum += similarity(x, y);
    return sum / (sa.length * sb.length);
  };
  for (const [i, j] of pairs) {
    const gi = groupOf.get(i)!;
    const gj = groupOf.get(j)!;
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    if (a.length + b.length > 2 && mean(a, b) < cohesion) continue;
    const [keep, drop] = a.length >= b.length ? [gi, gj] : [gj, gi];
    const moved = members.get(drop)!;
    for (const m of moved) groupOf.set(m, keep);
    members.get(keep)!.push(...moved);
    members.delete(drop);
  }
  return [...members.values()].map((g) => g.sort((x, y) => x - y));
}

describe('the merge of similar passages', () => {
  for (const dense of [true, false]) {
    it(`groups as the plain merge did (${dense ? 'a full build\'s ids' : 'a neighbourhood\'s ids'})`, () => {
      const next = rng(dense ? 3 : 5);
      const n = 600;
      const ids = dense ? Array.from({ length: n }, (_, k) => k) : Array.from({ length: n }, (_, k) => 1000 + k * 3 + (k % 2));
      // Few topics, some pairs across them: groups past the sample of 12, and merges the cohesion test refuses.
      const topic = new Map(ids.map((id) => [id, Math.floor(next() * 8)]));
      const similarity = (i: number, j: number) => (topic.get(i) === topic.get(j) ? 0.5 + ((i * 31 + j * 17) % 50) / 100 : ((i + j) % 60) / 100);
      const edges = new EdgeQueue(0.42);
      const pairs: [number, number, number][] = [];
      for (let e = 0; e < 20000; e++) {
        const i = ids[Math.floor(next() * n)];
        const j = ids[Math.floor(next() * n)];
        const s = similarity(i, j);
        if (i !== j && s >= 0.42) pairs.push([i, j, s]);
      }
      for (const [i, j, s] of pairs) edges.push(i, j, s);
      // The queue's order: by level, strongest first, then as pushed.
      const level = (s: number) => Math.min(1023, Math.max(0, Math.floor(((1 - s) / (1 - 0.42)) * 1024)));
      const ordered = pairs.map((p, k) => ({ p, k })).sort((a, b) => level(a.p[2]) - level(b.p[2]) || a.k - b.k).map(({ p }) => [p[0], p[1]] as [number, number]);
      assert.deepStrictEqual(mergeAll(ids, edges, similarity, 0.3), plainMerge(ids, ordered, similarity, 0.3));
    });
  }
});
