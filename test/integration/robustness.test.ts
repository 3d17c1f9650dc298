// Bad input and a busy file system, in a real VS Code: odd files are analysed or skipped with a note,
// huge ones up to the size limit, thousands of files and files that change under the scan leave the
// index exactly as the disk is, and a stale read never replaces newer text.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CorroborateApi } from '../../src/extension/extension.js';
import { activated, open, SEED, uriOf, waitFor } from './helpers.js';

let api: CorroborateApi;
const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const path = (name: string) => join(folder(), name);
const idOf = (name: string) => uriOf(name).toString();
const corroborate = () => vscode.workspace.getConfiguration('corroborate');
const seedText = (name: string) => readFileSync(path(name), 'utf8');

/** The ids of the corpus under a folder of the workspace. */
function idsUnder(name: string): string[] {
  const prefix = `${idOf(name)}/`;
  return api.indexer.corpus.documents().map((d) => d.id).filter((id) => id.startsWith(prefix));
}

/** A short article-like text, different for each n. */
function article(n: number): string {
  return `Officials said ${n} soldiers arrived in Kursk on Nov. ${(n % 28) + 1}.\n\n"We are watching closely," said Vedant Patel.\n`;
}

describe('Corroborate with bad input and a busy folder', function () {
  this.timeout(120_000);

  before(async () => {
    api = await activated();
  });

  after(() => {
    // Whatever a failed test left behind.
    for (const n of ['many', 'loop', 'incoming', 'cached-a.txt', 'cached-b.txt', 'busy', 'storm.txt', 'draft.txt', 'huge.txt']) rmSync(path(n), { recursive: true, force: true });
  });

  afterEach(async () => {
    await corroborate().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    await corroborate().update('maxFiles', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('empty, blank and CRLF files: analysed, and highlights land on the same words as with LF', async () => {
    writeFileSync(path('empty.txt'), '');
    writeFileSync(path('blank.txt'), '  \n\t\n\u00a0\n');
    writeFileSync(path('crlf.txt'), seedText(SEED.upi).replace(/\r?\n/g, '\r\n'));
    await waitFor('the three files', () => ['empty.txt', 'blank.txt', 'crlf.txt'].every((n) => api.indexer.corpus.get(idOf(n))));
    assert.deepEqual(api.indexer.corpus.annotations(idOf('empty.txt')), []);
    assert.deepEqual(api.indexer.corpus.annotations(idOf('blank.txt')), []);
    const words = async (name: string) => {
      const editor = await open(name);
      await waitFor('highlights', () => api.highlighter.rangesFor(editor).get('quote')!.length > 0);
      return [...api.highlighter.rangesFor(editor).values()].flat().map((r) => editor.document.getText(r)).sort();
    };
    const crlf = await words('crlf.txt');
    assert.deepEqual(crlf, await words(SEED.upi));
    assert.ok(crlf.includes('over 10,000'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const n of ['empty.txt', 'blank.txt', 'crlf.txt']) unlinkSync(path(n));
    await waitFor('the files to leave', () => ['empty.txt', 'blank.txt', 'crlf.txt'].every((n) => !api.indexer.corpus.get(idOf(n))));
  });

  it('binary files are skipped with a note; Latin-1 is read with a note', async () => {
    writeFileSync(path('photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    writeFileSync(path('latin1.txt'), Buffer.from('Le ministre a déclaré que 12 soldats étaient à Kyiv.\n', 'latin1'));
    await waitFor('the binary file skipped', () => api.indexer.skipped().some((s) => s.uri.toString() === idOf('photo.txt') && /binary/.test(s.reason)));
    await waitFor('the Latin-1 file read', () => api.indexer.corpus.get(idOf('latin1.txt'))?.text.includes('déclaré'));
    assert.match(api.indexer.sourceNotes().get(idOf('latin1.txt')) ?? '', /Windows-1252/);
    await waitFor('the status bar note', () => /\$\(warning\) 2$/.test(api.statusBar.item.text));
    assert.match(String(api.statusBar.item.tooltip), /photo\.txt \(binary file/);
    unlinkSync(path('photo.txt'));
    unlinkSync(path('latin1.txt'));
    await waitFor('no more notes', () => !api.indexer.skipped().length && !api.indexer.sourceNotes().size);
  });

  it('a 50 MB file is analysed up to the size limit, with a note, and the editor marks where analysis stops', async () => {
    const line = 'Officials said 10,000 troops arrived in Kursk on Nov. 13, according to the ministry.\n';
    writeFileSync(path('huge.txt'), line.repeat(Math.ceil(50_000_000 / line.length)));
    await waitFor('the huge file', () => api.indexer.corpus.get(idOf('huge.txt')), 60_000);
    const doc = api.indexer.corpus.get(idOf('huge.txt'))!;
    assert.ok(doc.text.length <= 1_000_000 && doc.text.length > 900_000);
    assert.match(api.indexer.sourceNotes().get(idOf('huge.txt')) ?? '', /analysed up to character .* the rest was skipped/);
    unlinkSync(path('huge.txt'));
    await waitFor('the huge file gone', () => !api.indexer.corpus.get(idOf('huge.txt')));

    // A smaller limit, and the source open: highlights stop at the limit, where a marker says so.
    await corroborate().update('maxFileSize', 2000, vscode.ConfigurationTarget.Workspace);
    await waitFor('the seeds cut at 2,000 characters', () => api.indexer.corpus.get(idOf(SEED.upi))!.text.length <= 2000);
    const editor = await open(SEED.upi);
    await waitFor('highlights', () => api.highlighter.rangesFor(editor).get('place')!.length > 0);
    const cut = api.highlighter.cutRange(editor);
    assert.equal(cut.length, 1);
    const stopsAt = editor.document.offsetAt(cut[0].start);
    assert.ok(stopsAt <= 2000 && stopsAt > 1000, `marker at ${stopsAt}`);
    for (const ranges of api.highlighter.rangesFor(editor).values()) for (const r of ranges) assert.ok(editor.document.offsetAt(r.end) <= stopsAt + 1);
    // Hovers work on the analysed part.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(editor.document.getText().indexOf('Kursk') + 1));
    assert.ok(hovers.length > 0);
    await corroborate().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the whole seed again', () => api.indexer.corpus.get(idOf(SEED.upi))!.text === editor.document.getText());
    assert.equal(api.highlighter.cutRange(editor).length, 0);
  });

  it('a folder of 2,000 files is indexed with progress, past corroborate.maxFiles is left out with a warning, and deleting the folder empties it', async () => {
    mkdirSync(path('many'));
    for (let i = 0; i < 2000; i++) writeFileSync(path(`many/${String(i).padStart(4, '0')}.txt`), article(i));
    await api.indexer.reindex();
    assert.equal(idsUnder('many').length, 2000);
    const others = api.indexer.corpus.documents().map((d) => d.id).filter((id) => !id.includes('/many/'));
    assert.equal(api.indexer.corpus.size, 2005, `besides many/: ${others.join(', ')}`);
    // Views still answer with 2,005 sources.
    assert.ok(api.claimsView.getChildren().length > 0);
    await waitFor('the status bar to count them', () => /\$\(book\) 2005 /.test(api.statusBar.item.text));

    await corroborate().update('maxFiles', 1000, vscode.ConfigurationTarget.Workspace);
    await waitFor('the limit applied', () => api.indexer.ready && !api.indexer.progress && api.indexer.corpus.size === 1000, 60_000);
    assert.equal(api.indexer.overLimit, 1005);
    await waitFor('the status bar to say so', () => /1005 source\(s\) left out: more than corroborate\.maxFiles \(1000\)/.test(String(api.statusBar.item.tooltip)));
    await corroborate().update('maxFiles', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('all 2,005 again', () => api.indexer.ready && !api.indexer.progress && api.indexer.corpus.size === 2005, 60_000);

    rmSync(path('many'), { recursive: true });
    await waitFor('the folder gone from the index', () => idsUnder('many').length === 0 && api.indexer.corpus.size === 5, 60_000);
  });

  it('a symlink loop in the folder does not hang the scan', async () => {
    mkdirSync(path('loop'));
    writeFileSync(path('loop/inside.txt'), article(1));
    symlinkSync(path('loop'), path('loop/again'));
    // Let the file watcher report the new folder first: VS Code drops a create and a delete of one path
    // that fall in the same event batch, and then nothing would tell the index the folder went away.
    await waitFor('the watcher to report the folder', () => api.indexer.corpus.get(idOf('loop/inside.txt')) !== undefined);
    await api.indexer.reindex();
    assert.ok(api.indexer.corpus.get(idOf('loop/inside.txt')));
    rmSync(path('loop'), { recursive: true });
    await waitFor('the loop gone', () => idsUnder('loop').length === 0);
  });

  it('sources are analysed on worker threads, and a text seen before comes from the disk cache', async () => {
    const analyses = await api.indexer.analyses;
    assert.ok(analyses.onWorkers, 'the extension found its worker bundle');
    const text = `${article(4242)}A sentence no other source has, number 4242.\n`;
    const before = { ...analyses.counts };
    writeFileSync(path('cached-a.txt'), text);
    await waitFor('the new source', () => api.indexer.corpus.has(idOf('cached-a.txt')));
    assert.equal(analyses.counts.analysed, before.analysed + 1);
    rmSync(path('cached-a.txt'));
    await waitFor('it gone', () => !api.indexer.corpus.has(idOf('cached-a.txt')));
    // The corpus forgot the text with its last source; the disk cache still has it.
    writeFileSync(path('cached-b.txt'), text);
    await waitFor('the same text under another name', () => api.indexer.corpus.has(idOf('cached-b.txt')));
    assert.equal(analyses.counts.analysed, before.analysed + 1);
    assert.equal(analyses.counts.fromCache, before.fromCache + 1);
    rmSync(path('cached-b.txt'));
    await waitFor('it gone too', () => !api.indexer.corpus.has(idOf('cached-b.txt')));
  });

  it('a folder of sources moved into the workspace whole is analysed, and leaves with its folder', async () => {
    const outside = join(folder(), '..', `incoming-${process.pid}`);
    mkdirSync(join(outside, 'day2'), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(outside, i < 3 ? `${i}.txt` : `day2/${i}.txt`), article(i));
    renameSync(outside, path('incoming')); // one event, for the folder alone
    await waitFor('the moved sources', () => idsUnder('incoming').length === 5);
    assert.equal(api.indexer.corpus.get(idOf('incoming/day2/4.txt'))?.text, article(4));
    rmSync(path('incoming'), { recursive: true });
    await waitFor('the folder gone', () => idsUnder('incoming').length === 0);
  });

  it('files renamed, deleted and rewritten while the scan runs: the index ends as the disk is', async () => {
    mkdirSync(path('busy'));
    const names = Array.from({ length: 300 }, (_, i) => `busy/${String(i).padStart(3, '0')}.txt`);
    for (const [i, n] of names.entries()) writeFileSync(path(n), article(i));
    const scan = api.indexer.reindex();
    // While it runs: rename a third, delete a third, rewrite a third.
    for (const [i, n] of names.entries()) {
      if (i % 3 === 0) renameSync(path(n), path(n.replace('.txt', '-renamed.txt')));
      else if (i % 3 === 1) unlinkSync(path(n));
      else writeFileSync(path(n), `REWRITTEN ${article(i)}`);
      if (i % 25 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await scan;
    const expected = new Map<string, string>();
    for (const [i, n] of names.entries()) {
      if (i % 3 === 0) expected.set(idOf(n.replace('.txt', '-renamed.txt')), article(i));
      else if (i % 3 === 2) expected.set(idOf(n), `REWRITTEN ${article(i)}`);
    }
    await waitFor('the index to match the disk', () => {
      const ids = idsUnder('busy');
      return ids.length === expected.size && ids.every((id) => api.indexer.corpus.get(id)?.text === expected.get(id));
    }, 60_000);
    rmSync(path('busy'), { recursive: true });
    await waitFor('busy gone', () => idsUnder('busy').length === 0);
  });

  it('a file rewritten many times in a row ends with its last text, never an earlier read', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i <= 20; i++) writeFileSync(path('storm.txt'), `${article(i)}version ${i}\n`.repeat(50 + ((i * 37) % 400)));
      const last = readFileSync(path('storm.txt'), 'utf8');
      await waitFor('the last version', () => api.indexer.corpus.get(idOf('storm.txt'))?.text === last);
      await new Promise((r) => setTimeout(r, 500)); // late reads of earlier versions must not replace it
      assert.equal(api.indexer.corpus.get(idOf('storm.txt'))?.text, last);
    }
    unlinkSync(path('storm.txt'));
    await waitFor('storm gone', () => !api.indexer.corpus.get(idOf('storm.txt')));
  });

  it('an edit made while a scan reads the disk is what is shown, not the file as it was read', async () => {
    for (let round = 0; round < 5; round++) {
      const scan = api.indexer.reindex();
      const editor = await open(SEED.joongang);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), `Edit ${round}: Kim Jong-un met Vladimir Putin in Moscow.\n`));
      api.indexer.flush(editor.document);
      await scan;
      await waitFor('the edit analysed', () => api.indexer.analysisOf(editor.document));
      assert.ok(api.indexer.corpus.get(idOf(SEED.joongang))!.text.startsWith(`Edit ${round}:`));
      assert.ok(api.highlighter.rangesFor(editor).get('person')!.some((r) => editor.document.getText(r) === 'Vladimir Putin'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor('the seed as on disk', () => api.indexer.corpus.get(idOf(SEED.joongang))?.text === seedText(SEED.joongang));
    }
  });

  it('deleting a file with unsaved edits open keeps the editor’s text in the index until it is saved', async () => {
    writeFileSync(path('draft.txt'), article(7));
    await waitFor('draft indexed', () => api.indexer.corpus.get(idOf('draft.txt')));
    const editor = await open('draft.txt');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Unsaved note by the researcher.\n'));
    api.indexer.flush(editor.document);
    unlinkSync(path('draft.txt'));
    await new Promise((r) => setTimeout(r, 1000));
    const kept = api.indexer.corpus.get(idOf('draft.txt'));
    assert.ok(kept?.text.startsWith('Unsaved note'), `index has ${JSON.stringify(kept?.text.slice(0, 40))}; editor dirty: ${editor.document.isDirty}, closed: ${editor.document.isClosed}`);
    // Saving brings the file back with the researcher's text; deleted again, it leaves the index.
    const dirty = editor.document.isDirty;
    const saved = await editor.document.save();
    await waitFor(`the file saved again (dirty before: ${dirty}, save: ${saved})`, () => existsSync(path('draft.txt')) && readFileSync(path('draft.txt'), 'utf8').startsWith('Unsaved note'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // VS Code's watcher drops a creation and a deletion of one file that fall in the same batch of events.
    await new Promise((r) => setTimeout(r, 1000));
    unlinkSync(path('draft.txt'));
    await waitFor('draft gone', () => !api.indexer.corpus.get(idOf('draft.txt')));
  });
});
