// The CLI contract, run as a user runs it: `node dist/cli.js …` (built by esbuild before the tests).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS, seedTexts } from './helpers/seeds.js';
import { LOHAN, rehabArticles, REID } from './helpers/twoEvents.js';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(args: string[], input?: string, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { input, encoding: 'utf8' });
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

  it('stories --jsonl: documents grouped by the event they report, each story with its claims', () => {
    const input = [...seedTexts(), ...rehabArticles()].map((d) => JSON.stringify(d)).join('\n');
    const r = run(['stories', '--jsonl'], input);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { stories: { id: string; label: string; sources: string[]; claims: { id: string; label: string; passages: { doc: string }[] }[] }[] };
    assert.deepEqual(out.stories.map((s) => s.sources), [seedTexts().map((d) => d.id), REID, LOHAN]);
    assert.equal(out.stories[0].label, out.stories[0].claims[0].label, 'named by its most widely reported claim');
    assert.equal(new Set(out.stories[0].claims[0].passages.map((p) => p.doc)).size, 5);
    for (const s of out.stories) for (const c of s.claims) assert.ok(c.passages.every((p) => s.sources.includes(p.doc)));
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

describe('corroborate CLI on bad input', () => {
  it('--max-chars: a long document is analysed up to the limit, with a note, and spans stay on its text', () => {
    const text = 'Officials said 10,000 troops arrived in Kursk.\n'.repeat(100);
    const r = run(['annotate', '--jsonl', '--max-chars', '500'], JSON.stringify({ id: 'long', text }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /stdin line 1: analysed up to character \d+ \(the size limit is 500 characters\); the rest was skipped/);
    const row = JSON.parse(r.stdout);
    assert.ok(row.annotations.length > 0 && row.annotations.every((a: { end: number }) => a.end <= 500));
    assert.equal(run(['annotate', '--max-chars', 'lots', '.']).code, 2);
  });

  it('an unreadable file is reported by name and the others are still read', function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-perm-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'locked.txt'), 'Secret words.');
    writeFileSync(join(dir, 'open.txt'), 'Kim Jong-un visited Moscow.');
    chmodSync(join(dir, 'locked.txt'), 0o000);
    // As root every file is readable: run the CLI as an unprivileged user, as a researcher would be.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const r = spawnSync(asUser[0], [...asUser.slice(1), CLI, 'annotate', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /locked\.txt: permission denied; skipped/);
    assert.deepEqual(JSON.parse(r.stdout).documents.map((d: { id: string }) => d.id), ['open.txt']);
  });

  it('never reaches the network', () => {
    // Every way Node can open a connection or resolve a name is replaced by one that records the attempt.
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-net-'));
    const log = join(dir, 'attempts.log');
    const guard = join(dir, 'no-network.cjs');
    writeFileSync(guard, `
      const fs = require('node:fs');
      const record = (what) => () => { fs.appendFileSync(${JSON.stringify(log)}, what + '\\n'); throw new Error('network used: ' + what); };
      const net = require('node:net'), dns = require('node:dns'), http = require('node:http'), https = require('node:https'), tls = require('node:tls'), dgram = require('node:dgram');
      net.Socket.prototype.connect = record('net.connect');
      net.connect = net.createConnection = record('net.connect');
      tls.connect = record('tls.connect');
      dns.lookup = dns.resolve = dns.promises.lookup = record('dns');
      http.request = http.get = https.request = https.get = record('http');
      dgram.createSocket = record('udp');
      globalThis.fetch = record('fetch');
    `);
    // The guard works: a process that looks a name up is caught.
    spawnSync(process.execPath, ['--require', guard, '-e', "require('node:dns').lookup('example.org', () => {})"]);
    assert.match(readFileSync(log, 'utf8'), /dns/);
    rmSync(log);
    for (const command of ['annotate', 'claims', 'stories']) {
      const r = run([command, join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seeds')], undefined, ['--require', guard]);
      assert.equal(r.code, 0, r.stderr);
    }
    assert.throws(() => readFileSync(log), /ENOENT/, 'a network attempt was recorded');
  });

  it('the extension and the CLI bundles load no networking module and call no web API', () => {
    // Adding a module to this list is a decision to review: none of them may open a connection.
    const allowed = new Set(['vscode', 'node:crypto', 'node:fs', 'node:fs/promises', 'node:path', 'node:process', 'node:url', 'node:os', 'node:worker_threads']);
    for (const bundle of ['extension.js', 'cli.js']) {
      const code = readFileSync(join(__dirname, '..', '..', '..', 'dist', bundle), 'utf8');
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      assert.ok(required.length > 0);
      assert.deepEqual(required.filter((m) => !allowed.has(m)), [], `${bundle} requires a module outside the reviewed list`);
      assert.doesNotMatch(code, /\bfetch\(|XMLHttpRequest|WebSocket|import\(["']https?:/, bundle);
    }
  });

  it('applies the project file saved by the extension: corrections, shaped claims, notes; orphans on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-project-'));
    try {
      cpSync(SEEDS, dir, { recursive: true });
      const upi = seedTexts()[0];
      const quote = '“I can confirm that over 10,000 DPRK soldiers';
      const at = upi.text.indexOf(quote);
      const anchor = { exact: quote, prefix: upi.text.slice(at - 20, at), suffix: '', start: at, end: at + quote.length };
      const gone = { exact: 'A sentence no source has.', prefix: '', suffix: '', start: 0, end: 25 };
      writeFileSync(
        join(dir, 'corroborate.json'),
        JSON.stringify({
          corrections: [{ action: 'retype', entity: 'Kursk', label: 'PLACE', to: 'ORG' }],
          claims: [{ id: 'k1', title: 'The US confirms 10,000 troops', memo: 'Five sources', passages: [{ source: upi.id, anchor }] }],
          memos: [{ source: upi.id, anchor: gone, memo: 'lost' }],
        }),
      );
      const claims = run(['claims', dir]);
      assert.equal(claims.code, 0, claims.stderr);
      const shaped = JSON.parse(claims.stdout).claims.find((c: { label: string }) => c.label === 'The US confirms 10,000 troops');
      assert.ok(shaped, 'the claim has the researcher\'s title');
      assert.deepEqual([shaped.shaped, shaped.memo, new Set(shaped.passages.map((p: { doc: string }) => p.doc)).size], [true, 'Five sources', 5]);
      assert.match(claims.stderr, /note on a passage in 000_812b520c8dabc6dc\.txt: its text is no longer in the source/);
      const annotated = JSON.parse(run(['annotate', dir]).stdout);
      const kursk = annotated.documents.flatMap((d: { annotations: { kind: string; name?: string; label: string }[] }) => d.annotations).filter((a: { name?: string }) => a.name === 'Kursk');
      assert.ok(kursk.length && kursk.every((a: { label: string }) => a.label === 'ORG'));
      writeFileSync(join(dir, 'corroborate.json'), '{ "claims": [ { "id": 1 } ] }');
      const bad = run(['claims', dir]);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /corroborate\.json: not applied: claims\[0\]\.id: expected a string/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
