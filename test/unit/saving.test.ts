// What Corroborate writes for the user survives a crash mid-write and a second window writing at once,
// and a damaged or hand-edited file of the user's work is reported and kept, never overwritten.
import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/core/atomicWrite.js';
import { CorruptFileError, JsonFile } from '../../src/core/jsonFile.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'corroborate-save-'));

describe('saving files', () => {
  it('a process killed while saving leaves the previous file whole', async function () {
    this.timeout(30_000);
    const dir = tempDir();
    const target = join(dir, 'claims.md');
    const before = 'old report\n';
    writeFileSync(target, before);
    const size = 32 * 1024 * 1024;
    for (let round = 0; round < 3; round++) {
      const child = fork(join(__dirname, 'helpers', 'write-forever.js'), [target, String(size)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
      // Kill it at a different moment each round: mid-write of its first or a later save.
      let writes = 0;
      await new Promise<void>((resolve) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          writes += String(chunk).split('\n').length - 1;
          if (writes > round) setTimeout(() => child.kill('SIGKILL'), 5 + round * 7);
        });
        child.on('exit', () => resolve());
      });
      const after = readFileSync(target);
      const whole = after.equals(Buffer.from(before)) || (after.length === size && after.every((b) => b === 0x6e));
      assert.ok(whole, `round ${round}: a ${after.length}-byte file that is neither the old nor the new one`);
    }
  });

  it('two windows saving the same file at once leave one of the two versions, whole', async () => {
    const target = join(tempDir(), 'claims.json');
    const a = 'a'.repeat(2_000_000);
    const b = 'b'.repeat(3_000_000);
    for (let i = 0; i < 5; i++) {
      await Promise.all([writeFileAtomic(target, a), writeFileAtomic(target, b)]);
      const text = readFileSync(target, 'utf8');
      assert.ok(text === a || text === b);
    }
    assert.deepEqual(readdirSync(join(target, '..')), ['claims.json'], 'temporary files left behind');
  });

  it('a failed save removes its temporary file and leaves the old one', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.md');
    writeFileSync(target, 'kept');
    // No folder to write in: nothing is created.
    await assert.rejects(writeFileAtomic(join(dir, 'missing-folder', 'x.md'), 'x'));
    // A folder where the file should go: the temporary file is written, the rename fails, and it is removed.
    mkdirSync(join(dir, 'taken'));
    await assert.rejects(writeFileAtomic(join(dir, 'taken'), 'x'));
    assert.equal(readFileSync(target, 'utf8'), 'kept');
    assert.deepEqual(readdirSync(dir).sort(), ['out.md', 'taken']);
    assert.deepEqual(readdirSync(join(dir, 'taken')), []);
  });
});

describe('a JSON file of the user’s work', () => {
  interface Work {
    notes: string[];
  }
  const validate = (raw: unknown): Work => {
    const notes = (raw as Work)?.notes;
    if (!Array.isArray(notes) || notes.some((n) => typeof n !== 'string')) throw new Error('"notes" must be a list of strings');
    return { notes };
  };

  it('round-trips, and reports a missing file as missing', async () => {
    const file = new JsonFile(join(tempDir(), 'corroborate.json'), validate);
    assert.deepEqual(await file.load(), { state: 'missing' });
    await file.save({ notes: ['checked with the ministry'] });
    assert.deepEqual(await file.load(), { state: 'ok', value: { notes: ['checked with the ministry'] } });
  });

  it('a file broken by hand is reported with its line, kept, and not overwritten until fixed', async () => {
    const path = join(tempDir(), 'corroborate.json');
    const broken = '{\n  "notes": [\n    "one",\n  ]\n}\n';
    writeFileSync(path, broken);
    const file = new JsonFile(path, validate);
    const loaded = await file.load();
    assert.equal(loaded.state, 'corrupt');
    assert.match(loaded.state === 'corrupt' ? loaded.message : '', /corroborate\.json is not valid JSON \(Unexpected token .\]. at line 4, column 3\)\. It was left as it is\./);
    await assert.rejects(file.save({ notes: [] }), CorruptFileError);
    assert.equal(readFileSync(path, 'utf8'), broken);
    // A hand edit that leaves it broken is still kept.
    writeFileSync(path, `${broken}// still editing\n`);
    await assert.rejects(file.save({ notes: [] }), CorruptFileError);
    assert.equal(readFileSync(path, 'utf8'), `${broken}// still editing\n`);
    // The user fixes it by hand: it loads, and saving works again.
    writeFileSync(path, '{ "notes": ["one"] }');
    assert.deepEqual(await file.load(), { state: 'ok', value: { notes: ['one'] } });
    await file.save({ notes: ['one', 'two'] });
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { notes: ['one', 'two'] });
  });

  it('a file in the wrong form says what is wrong; setting it aside keeps it and frees the name', async () => {
    const dir = tempDir();
    const path = join(dir, 'corroborate.json');
    writeFileSync(path, '{ "notes": "not a list" }');
    const file = new JsonFile(path, validate);
    const loaded = await file.load();
    assert.ok(loaded.state === 'corrupt' && /"notes" must be a list of strings/.test(loaded.message));
    const kept = await file.setAside(new Date('2026-11-21T10:00:00Z'));
    assert.equal(readFileSync(kept, 'utf8'), '{ "notes": "not a list" }');
    assert.match(kept, /corroborate\.damaged-2026-11-21T10-00-00-000Z\.json$/);
    assert.ok(!existsSync(path));
    await file.save({ notes: [] });
    assert.deepEqual((await file.load()).state, 'ok');
  });
});
