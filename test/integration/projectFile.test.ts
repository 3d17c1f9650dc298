// The researcher's work kept with the project: corroborate.json in the workspace, readable, reloaded when
// it changes on disk (a pull, a co-author's edit), never overwritten while damaged, and its marks follow
// the text of edited sources.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { activated, open, SEED, uriOf, waitFor } from './helpers.js';
import type { CorroborateApi } from '../../src/extension/extension.js';
import { emptyCuration } from '../../src/core/curation/model.js';
import * as edit from '../../src/core/curation/edit.js';

describe('the project file (corroborate.json)', function () {
  let api: CorroborateApi;
  const file = () => uriOf('corroborate.json').fsPath;
  const upi = () => uriOf(SEED.upi).toString();

  before(async () => {
    api = await activated();
  });

  afterEach(async () => {
    await api.curation.change(() => emptyCuration());
    if (existsSync(file())) rmSync(file());
    await waitFor('the curation emptied', () => api.indexer.corpus.curation.corrections.length === 0 && !Object.keys(api.indexer.corpus.curation.sources).length);
  });

  it('saves a change at once, as readable JSON with sources by their path in the folder', async () => {
    await api.curation.change((c) => edit.renameSource(c, upi(), 'UPI wire'));
    await api.curation.change((c) => edit.retypeEntity(c, { name: 'Kursk', label: 'PLACE' }, 'ORG'));
    const text = readFileSync(file(), 'utf8');
    assert.match(text, /^\{\n  "about": "Corroborate: /, 'indented, with a line saying what the file is');
    const saved = JSON.parse(text);
    assert.deepEqual(saved.sources, { [SEED.upi]: { label: 'UPI wire' } });
    assert.deepEqual(saved.corrections, [{ action: 'retype', entity: 'Kursk', label: 'PLACE', to: 'ORG' }]);
    await vscode.commands.executeCommand('corroborate.undoCuration');
    assert.deepEqual(JSON.parse(readFileSync(file(), 'utf8')).corrections, [], 'undo is saved too');
  });

  it('applies the file when it changes on disk, as after a pull', async () => {
    const quote = api.indexer.corpus.get(upi())!.analysis.quotes[0];
    const anchor = api.indexer.corpus.mark(upi(), quote.start, quote.end).anchor;
    writeFileSync(file(), JSON.stringify({ corrections: [{ action: 'remove', kind: 'quote', source: SEED.upi, anchor }] }, null, 2));
    await waitFor('the removal applied', () => !api.indexer.corpus.annotations(upi()).some((a) => a.kind === 'quote' && a.start === quote.start));
    const editor = await open(SEED.upi);
    await waitFor('the highlight gone', () => !api.highlighter.rangesFor(editor).get('quote')!.some((r) => editor.document.offsetAt(r.start) === quote.start));
    rmSync(file());
    await waitFor('the quote back when the file goes', () => api.indexer.corpus.annotations(upi()).some((a) => a.kind === 'quote' && a.start === quote.start));
  });

  it('never overwrites a damaged file: the change stays in memory and the file as it was', async () => {
    const damaged = '{ "corrections": [ { "action": "retype", ';
    writeFileSync(file(), damaged);
    await new Promise((r) => setTimeout(r, 1500)); // the watcher reports the change and the store reads it
    await api.curation.change((c) => edit.renameSource(c, upi(), 'Kept in memory'));
    assert.equal(api.indexer.corpus.label(upi()), 'Kept in memory');
    assert.equal(readFileSync(file(), 'utf8'), damaged);
  });

  it('marks follow the text of an edited source; a mark whose text is cut is listed as orphaned', async () => {
    const corpus = api.indexer.corpus;
    const text = corpus.get(upi())!.text;
    const start = text.indexOf('downtown Seoul');
    await api.curation.change((c) => edit.addAnnotation(c, corpus, upi(), { start, end: start + 'downtown Seoul'.length }, { kind: 'entity', label: 'PLACE' }));
    const editor = await open(SEED.upi);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'A line added at the top.\n'));
    await waitFor('re-analysis', () => corpus.get(upi())?.text === editor.document.getText());
    const moved = editor.document.getText().indexOf('downtown Seoul');
    assert.ok(corpus.annotations(upi()).some((a) => a.kind === 'entity' && a.start === moved && a.end === moved + 14));
    const line = editor.document.lineAt(editor.document.positionAt(moved).line);
    await editor.edit((e) => e.delete(line.rangeIncludingLineBreak));
    await waitFor('re-analysis', () => corpus.get(upi())?.text === editor.document.getText());
    assert.deepEqual(corpus.orphans().map((o) => [o.owner, o.reason]), [['added entity', 'text gone']]);
    assert.equal(JSON.parse(readFileSync(file(), 'utf8')).corrections.length, 1, 'the orphaned correction is still saved');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the text back', () => corpus.get(upi())?.text === text);
    assert.deepEqual(corpus.orphans(), []);
  });

  it('saving an edited source records where its marks are now', async () => {
    const corpus = api.indexer.corpus;
    const original = readFileSync(uriOf(SEED.upi).fsPath, 'utf8');
    const start = corpus.get(upi())!.text.indexOf('downtown Seoul');
    await api.curation.change((c) => edit.addAnnotation(c, corpus, upi(), { start, end: start + 'downtown Seoul'.length }, { kind: 'entity', label: 'PLACE' }));
    const editor = await open(SEED.upi);
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'A line added at the top.\n'));
      await editor.document.save();
      const moved = editor.document.getText().indexOf('downtown Seoul');
      await waitFor('the anchor saved where the text is now', () => JSON.parse(readFileSync(file(), 'utf8')).corrections[0]?.anchor.start === moved);
    } finally {
      writeFileSync(uriOf(SEED.upi).fsPath, original);
      await waitFor('the source as it was', () => corpus.get(upi())?.text === original.replace(/^\uFEFF/, ''));
    }
  });
});
