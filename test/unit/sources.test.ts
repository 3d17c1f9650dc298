import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { decodeSource, limitText, listSources, readSource } from '../../src/core/sources.js';

describe('reading sources', () => {
  it('drops a UTF-8 BOM, as editors do, so offsets match the editor', () => {
    const d = decodeSource(Buffer.from('\ufeffHello', 'utf8'));
    assert.deepEqual(d, { ok: true, text: 'Hello' });
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv 10%', 'utf16le')]);
    assert.deepEqual(decodeSource(le), { ok: true, text: 'Kyiv 10%' });
  });

  it('reads invalid UTF-8 as Windows-1252 with a note', () => {
    const d = decodeSource(Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    assert.ok(d.ok && d.text === 'Café' && d.note);
  });

  it('refuses binary files', () => {
    assert.equal(decodeSource(Buffer.from([1, 2, 0, 3])).ok, false);
  });

  it('lists .txt files recursively, survives symlink loops, and reports a vanished file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-src-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.txt'), 'one');
    writeFileSync(join(dir, 'two.TXT'), 'two');
    writeFileSync(join(dir, 'notes.md'), 'no');
    symlinkSync(dir, join(dir, 'a', 'loop'));
    const errors: string[] = [];
    const ids = listSources(dir, (p) => errors.push(p)).map((s) => s.id);
    assert.deepEqual(ids, ['a/one.txt', 'two.TXT']);
    const gone = readSource(join(dir, 'gone.txt'));
    assert.ok(!gone.ok && /vanished/.test(gone.reason) && gone.gone);
  });
});

describe('sources past the size limit and odd files', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'corroborate-big-'));

  it('cuts a long text at a line break, never inside a surrogate pair, keeping offsets', () => {
    const text = `${'A line of news.\n'.repeat(100)}The end.`;
    const { text: cut, cut: wasCut } = limitText(text, 1000);
    assert.ok(wasCut && cut.length <= 1000 && cut.endsWith('\n') && text.startsWith(cut));
    assert.deepEqual(limitText('short', 1000), { text: 'short', cut: false });
    // No line break or space near the limit: cut at the limit, but not between a surrogate pair's halves.
    const emoji = '😀'.repeat(600); // 1,200 code units
    const astral = limitText(emoji, 1001).text;
    assert.equal(astral.length, 1000);
    assert.equal(astral, '😀'.repeat(500));
  });

  it('reads only the beginning of a 50 MB file and says the rest was skipped', () => {
    const path = join(dir(), 'huge.txt');
    const line = 'Officials said 10,000 troops arrived in Kursk on Nov. 13, according to the ministry.\n';
    writeFileSync(path, line.repeat(Math.ceil(50_000_000 / line.length)));
    const d = readSource(path, 100_000);
    assert.ok(d.ok);
    assert.ok(d.text.length <= 100_000 && d.text.length > 90_000 && d.text.endsWith('\n'));
    assert.match(d.note ?? '', /analysed up to character 99,\d{3} \(the size limit is 100,000 characters\); the rest was skipped/);
  });

  it('a single 20 MB line is cut at the limit, and a cut multi-byte character is not mistaken for another encoding', () => {
    const path = join(dir(), 'one-line.txt');
    writeFileSync(path, 'é'.repeat(10_000_000)); // 20 MB of two-byte characters, no line break
    const d = readSource(path, 1_000_000);
    assert.ok(d.ok && d.text.length === 1_000_000 && /^é+$/.test(d.text));
    assert.ok(!/Windows-1252/.test(d.note ?? ''));
  });

  it('skips files with a NUL byte anywhere, not only at the start', () => {
    const bytes = Buffer.concat([Buffer.from('a'.repeat(100_000)), Buffer.from([0]), Buffer.from('b')]);
    const d = decodeSource(bytes);
    assert.ok(!d.ok && /binary/.test(d.reason));
  });

  it('reads UTF-16 big-endian and UTF-8 with BOM at the limit too', () => {
    const folder = dir();
    writeFileSync(join(folder, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Seoul 10%\n'.repeat(20), 'utf16le').swap16()]));
    const be = readSource(join(folder, 'be.txt'), 50);
    assert.ok(be.ok && be.text.startsWith('Seoul 10%\nSeoul') && be.text.length <= 50 && be.note);
    writeFileSync(join(folder, 'bom.txt'), '\ufeffKyiv');
    assert.deepEqual(readSource(join(folder, 'bom.txt')), { ok: true, text: 'Kyiv' });
  });

  it('never opens a named pipe named like a source (opening it would wait forever)', function () {
    if (process.platform === 'win32') this.skip();
    const folder = dir();
    const pipe = join(folder, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    writeFileSync(join(folder, 'real.txt'), 'text');
    assert.deepEqual(listSources(folder, () => undefined).map((s) => s.id), ['real.txt']);
    const d = readSource(pipe);
    assert.ok(!d.ok && /not a regular file/.test(d.reason));
  });

  it('reports a folder named like a source', () => {
    const folder = dir();
    mkdirSync(join(folder, 'x.txt'));
    const d = readSource(join(folder, 'x.txt'));
    assert.ok(!d.ok && /folder/.test(d.reason));
  });
});
