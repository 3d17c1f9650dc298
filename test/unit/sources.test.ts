import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSource, listSources, readSource } from '../../src/core/sources.js';

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
    assert.ok(!gone.ok && /vanished/.test(gone.reason));
  });
});
