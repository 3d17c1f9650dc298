// The CLI contract, run as a user runs it: `node dist/cli.js …` (built by esbuild before the tests).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS, seedTexts } from './helpers/seeds.js';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('corroborate CLI', () => {
  it('annotate --jsonl: one line per input line, same order, spans on the text as given', () => {
    const docs = [
      { id: 'a', text: '“We are ready,” said Mark Rutte, adding that over 10,000 troops were in Kursk on Nov. 13.' },
      { id: 'b', text: '' },
      { id: 'c', text: 'Zelenskiy met Kim Jong-un\r\nin Pyongyang 😀 on June 19 with 12% support.' },
    ];
    const r = run(['annotate', '--jsonl'], docs.map((d) => JSON.stringify(d)).join('\n'));
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), ['a', 'b', 'c']);
    for (const [i, line] of lines.entries()) {
      for (const a of line.annotations) {
        assert.equal(docs[i].text.slice(a.start, a.end), a.text);
        assert.ok(['quote', 'entity', 'number'].includes(a.kind));
      }
    }
    const a = lines[0].annotations;
    const quote = a.find((x: { kind: string }) => x.kind === 'quote');
    assert.deepEqual({ label: quote.label, speaker: quote.speaker.name }, { label: 'direct', speaker: 'Mark Rutte' });
    const over = a.find((x: { text: string }) => x.text === 'over 10,000');
    assert.deepEqual([over.label, over.value, over.unit, over.approx], ['count', 10000, 'troops', 'over']);
    assert.ok(a.some((x: { kind: string; label: string; name: string }) => x.kind === 'entity' && x.label === 'PLACE' && x.name === 'Kursk'));
    const c = lines[2].annotations;
    const pct = c.find((x: { label: string }) => x.label === 'percent');
    assert.equal(docs[2].text.slice(pct.start, pct.end), '12%');
    assert.ok(c.some((x: { kind: string; text: string }) => x.kind === 'entity' && x.text === 'Pyongyang'));
  });

  it('annotate --jsonl: lines sharing an id are kept apart, each annotated on its own text', () => {
    const r = run(['annotate', '--jsonl'], ['{"id":"x","text":"Paris is calm."}', '{"id":"x","text":"Officials met in Berlin on Monday."}'].join('\n'));
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), ['x', 'x']);
    assert.deepEqual(lines.map((l) => l.annotations.filter((a: { kind: string }) => a.kind === 'entity').map((a: { text: string }) => a.text)), [['Paris'], ['Berlin']]);
  });

  it('claims --jsonl: one object for the whole corpus, passages naming their input id', () => {
    const input = seedTexts().map((d, i) => JSON.stringify({ id: `s${i}`, text: d.text })).join('\n');
    const r = run(['claims', '--jsonl'], input);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const confirm = out.claims.find((c: { label: string }) => c.label.includes('over 10,000 DPRK soldiers'));
    assert.equal(confirm.status, 'agree');
    assert.deepEqual([...new Set(confirm.passages.map((p: { doc: string }) => p.doc))].sort(), ['s0', 's1', 's2', 's3', 's4']);
    for (const c of out.claims) {
      assert.ok(['agree', 'differ', 'approximate', 'single'].includes(c.status));
      assert.ok(c.id && c.label && c.kind);
    }
  });

  it('reads folders (ids relative to the argument) and files', () => {
    const r = run(['annotate', SEEDS]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.documents.map((d: { id: string }) => d.id), seedTexts().map((d) => d.id));
  });

  it('skips bad input with a clear message naming it, no stack trace, and exits 0 when something was read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'good.txt'), 'Officials said 12 people were hurt in Paris on Monday.');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
    writeFileSync(join(dir, 'sub', 'latin1.txt'), Buffer.from('Caf\xe9 owners in Paris said 40 shops closed.', 'latin1'));
    const r = run(['annotate', dir, join(dir, 'missing.txt')]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /binary\.txt: binary file/);
    assert.match(r.stderr, /missing\.txt: no such file/);
    assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const ids = JSON.parse(r.stdout).documents.map((d: { id: string }) => d.id);
    assert.deepEqual(ids, ['good.txt', 'sub/latin1.txt']);
  });

  it('exits non-zero only when nothing could be read; invalid JSON lines are named', () => {
    const bad = run(['annotate', '--jsonl'], 'not json\n{"id":1}\n');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /stdin line 1: invalid JSON line/);
    assert.match(bad.stderr, /stdin line 2: .*text/);
    const partly = run(['annotate', '--jsonl'], 'not json\n{"id":"x","text":"Hello Paris."}\n');
    assert.equal(partly.code, 0);
    assert.equal(partly.stdout.trim().split('\n').length, 1);
    assert.notEqual(run(['annotate', '/nonexistent/folder']).code, 0);
    assert.notEqual(run(['frobnicate', SEEDS]).code, 0);
  });
});
