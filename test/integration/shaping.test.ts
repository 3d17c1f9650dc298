// Claims shaped by the researcher, in a real VS Code: renamed (by command, and by F2 on the selected row),
// merged and given passages by drag and drop in the Claims view and by command, made from an editor
// selection, noted (claim and passage notes in the tree and in hovers), given back to the automatic grouping,
// and marks whose text was deleted listed as orphaned until forgotten. Every change is checked where the
// researcher sees it (the tree's items, hovers), where the other views read it (the corpus) and where it is
// kept (corroborate.json); the store is emptied and edited sources reverted after each test.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { CorroborateApi } from '../../src/extension/extension.js';
import type { Node } from '../../src/extension/claimsView.js';
import { emptyCuration } from '../../src/core/curation/model.js';
import { activated, open, SEED, uriOf, waitFor } from './helpers.js';

let api: CorroborateApi;
const idOf = (seed: string) => uriOf(seed).toString();
const BUCKET = 'bucket list of Kim Jong Un';
const SILENCE = 'Pyongyang and Moscow have not openly confirmed';
const KREMLIN = 'The Kremlin has not commented';
const CONFIRMATION = 'I can confirm that over 10,000 DPRK soldiers';

/** Claim rows of the tree: the shared claims and those in the single-source group. */
function claimRows(): Node[] {
  const view = api.claimsView;
  return view.getChildren().flatMap((n) => (n.claim ? [n] : n.id === 'group/single' ? view.getChildren(n) : []));
}

/** The row of the claim holding a seed's passage with these words. */
function rowWith(seed: string, words: string): Node | undefined {
  return claimRows().find((r) => r.claim!.passages.some((p) => p.doc === idOf(seed) && p.text.includes(words)));
}

function passageRow(seed: string, words: string): Node | undefined {
  for (const row of claimRows()) for (const child of api.claimsView.getChildren(row)) if (child.passage?.doc === idOf(seed) && child.passage.text.includes(words)) return child;
  return undefined;
}

function offsetOf(seed: string, words: string): number {
  const at = api.indexer.corpus.get(idOf(seed))!.text.indexOf(words);
  assert.ok(at >= 0, `"${words}" not in ${seed}`);
  return at;
}

/** The claim the corpus (hovers, navigation, exports) gives the words of a seed. */
const claimAt = (seed: string, words: string) => api.indexer.corpus.claimAt(idOf(seed), offsetOf(seed, words) + 1)?.claim;

function orphansGroup(): Node | undefined {
  return api.claimsView.getChildren().find((n) => n.id === 'group/orphans');
}

async function project(): Promise<{ claims: { id: string; title?: string; memo?: string; passages: { source: string }[] }[]; memos: { source: string; memo: string }[] }> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(api.curation.uri!)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a change of the curation and waits until the store has read back the file it saved (its file
 * watcher reports the write, the read follows), so that the next change or undo meets a store at rest, as
 * a person's next click does. Changes made faster than that race the store's reading of its own file.
 */
async function settled<T>(change: () => Thenable<T>): Promise<T> {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.workspace.workspaceFolders![0], 'corroborate.json'));
  const written = new Promise<void>((resolve) => {
    for (const event of [watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete]) event(() => resolve());
  });
  try {
    const result = await change();
    await Promise.race([written, sleep(1500)]); // no event when nothing was written (an empty curation, no file)
    await sleep(150);
    return result;
  } finally {
    watcher.dispose();
  }
}

/** A claim-shaping command (or undo), run to completion. */
const shape = <T = unknown>(command: string, ...args: unknown[]) => settled(() => vscode.commands.executeCommand<T>(command, ...args));

async function drag(rows: Node[], onto: Node): Promise<void> {
  const data = new vscode.DataTransfer();
  const token = new vscode.CancellationTokenSource().token;
  api.claimsView.handleDrag(rows, data, token);
  await settled(() => api.claimsView.handleDrop(onto, data, token));
}

async function hoverText(editor: vscode.TextEditor, words: string): Promise<string> {
  const position = editor.document.positionAt(editor.document.getText().indexOf(words) + 1);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

function select(editor: vscode.TextEditor, from: string, to = from): void {
  const text = editor.document.getText();
  const start = text.indexOf(from);
  const end = text.indexOf(to) + to.length;
  assert.ok(start >= 0 && end >= start, `"${from}" … "${to}" not in ${editor.document.fileName}`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
}

describe('claims shaped by the researcher', function () {
  this.timeout(60_000);

  before(async () => {
    api = await activated();
    api.claimsView.setGrouping('claim');
    await api.curation.change(() => emptyCuration());
    await waitFor('the seed claims in the tree', () => rowWith(SEED.upi, BUCKET) && rowWith(SEED.reuters, SILENCE) && rowWith(SEED.rfa, KREMLIN));
  });

  afterEach(async () => {
    await settled(() => api.curation.change(() => emptyCuration()));
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('the tree as the machine grouped it', () => !orphansGroup() && !claimRows().some((r) => r.claim!.shaped) && rowWith(SEED.upi, BUCKET));
  });

  after(async () => {
    if (api.curation.uri) await Promise.resolve(vscode.workspace.fs.delete(api.curation.uri)).catch(() => undefined);
  });

  it('contributes its commands to the tree rows, the editor and the palette', async () => {
    const all = await vscode.commands.getCommands(true);
    const ids = ['renameClaim', 'mergeClaim', 'movePassage', 'claimFromSelection', 'editClaimNote', 'editPassageNote', 'resetClaim', 'forgetOrphan'];
    for (const c of ids) assert.ok(all.includes(`corroborate.${c}`), c);
    const { menus, keybindings } = vscode.extensions.getExtension('corroborate.corroborate')!.packageJSON.contributes;
    const onRows = (viewItem: string) => menus['view/item/context'].filter((m: { when: string }) => m.when.includes(viewItem)).map((m: { command: string }) => m.command);
    assert.ok(onRows('claim').includes('corroborate.mergeClaim'));
    assert.ok(onRows('viewItem == shapedClaim').includes('corroborate.resetClaim'));
    assert.ok(onRows('viewItem == passage').includes('corroborate.movePassage'));
    assert.ok(onRows('viewItem == orphan').includes('corroborate.forgetOrphan'));
    assert.deepEqual(
      menus['editor/context'].filter((m: { command: string }) => /claimFromSelection|movePassage|editPassageNote/.test(m.command)).map((m: { when: string }) => m.when.includes('editorLangId == corroborate-source')),
      [true, true, true],
    );
    assert.ok(keybindings.some((k: { command: string; key: string; when: string }) => k.command === 'corroborate.renameClaim' && k.key === 'f2' && k.when === 'focusedView == corroborate.claims'));
  });

  it('renames a claim by command and by F2 on the selected row, saves it, and gives it back or undoes it', async () => {
    const machine = rowWith(SEED.upi, BUCKET)!;
    await shape('corroborate.renameClaim', machine, 'Kim’s bucket list');
    const renamed = await waitFor('the renamed row', () => claimRows().find((r) => r.label === 'Kim’s bucket list'));
    const item = api.claimsView.getTreeItem(renamed);
    assert.equal(item.contextValue, 'shapedClaim');
    assert.match(String(item.description), /· edited/);
    assert.deepEqual(renamed.claim!.passages.map((p) => p.start), machine.claim!.passages.map((p) => p.start), 'the same passages');
    assert.equal(claimAt(SEED.upi, BUCKET)?.label, 'Kim’s bucket list', 'hovers and navigation see the new title');
    const saved = await project();
    assert.equal(saved.claims.length, 1);
    assert.equal(saved.claims[0].title, 'Kim’s bucket list');
    assert.ok(saved.claims[0].passages.some((p) => p.source === SEED.upi), 'sources saved by their path in the folder');

    // F2 in the Claims view renames the selected row.
    await vscode.commands.executeCommand('corroborate.showClaims');
    await waitFor('the view visible', () => api.claimsView.view.visible);
    const row = claimRows().find((r) => r.label === 'Kim’s bucket list')!;
    await api.claimsView.view.reveal(row, { select: true, focus: true });
    await waitFor('the row selected', () => api.claimsView.view.selection.some((n) => n.id === row.id));
    await shape('corroborate.renameClaim', { fromSelection: true }, 'Kim wants ICBM re-entry technology');
    await waitFor('the second title', () => claimRows().find((r) => r.label === 'Kim wants ICBM re-entry technology'));

    await shape('corroborate.undoCuration');
    await waitFor('the first title back', () => rowWith(SEED.upi, BUCKET)?.label === 'Kim’s bucket list');
    await shape('corroborate.resetClaim', rowWith(SEED.upi, BUCKET));
    const back = await waitFor('the machine claim back', () => rowWith(SEED.upi, BUCKET)?.contextValue === 'claim' && rowWith(SEED.upi, BUCKET));
    assert.equal(back.label, machine.label);
    assert.deepEqual((await project()).claims, []);
  });

  it('merges two claims by dragging one onto the other, and a third by command; undo splits them again', async () => {
    const into = rowWith(SEED.upi, BUCKET)!;
    const from = rowWith(SEED.reuters, SILENCE)!;
    const expected = into.claim!.passages.length + from.claim!.passages.length;
    const sources = new Set([...into.claim!.sources, ...from.claim!.sources]).size;
    await drag([from], into);
    const merged = await waitFor('one claim with both', () => {
      const row = rowWith(SEED.upi, BUCKET);
      return row?.claim!.passages.some((p) => p.text.includes(SILENCE)) && row;
    });
    assert.equal(merged.label, into.label, 'the claim dropped on keeps its title');
    assert.equal(api.claimsView.getChildren(merged).length, expected);
    assert.equal(claimRows().filter((r) => r.claim!.passages.some((p) => p.text.includes(SILENCE))).length, 1, 'the dragged claim is gone');
    assert.match(merged.description!, new RegExp(`^${sources} sources · .* · edited$`));
    assert.equal(claimAt(SEED.upi, BUCKET)?.id, merged.claim!.id);
    assert.equal(claimAt(SEED.reuters, SILENCE)?.id, merged.claim!.id, 'hovers and navigation find the merged claim from either source');

    const third = rowWith(SEED.rfa, KREMLIN)!;
    await shape('corroborate.mergeClaim', third, merged);
    const three = await waitFor('the third claim merged', () => {
      const row = rowWith(SEED.rfa, KREMLIN);
      return row?.claim!.passages.some((p) => p.text.includes(SILENCE)) && row;
    });
    assert.equal(three.claim!.sources.length, new Set([...merged.claim!.sources, ...third.claim!.sources]).size);
    assert.equal(claimAt(SEED.upi, BUCKET)?.id, three.claim!.id);
    assert.equal((await project()).claims.length, 1);

    await shape('corroborate.undoCuration');
    await waitFor('two claims again', () => rowWith(SEED.rfa, KREMLIN)?.claim!.passages.every((p) => !p.text.includes(SILENCE)) && rowWith(SEED.reuters, SILENCE)?.claim!.id === claimAt(SEED.upi, BUCKET)?.id);
    await shape('corroborate.undoCuration');
    await waitFor('three claims again', () => rowWith(SEED.reuters, SILENCE)?.claim!.passages.every((p) => !p.text.includes(BUCKET)));
  });

  it('moves passages by drag and drop (several at once) and by command, from a row or the editor', async () => {
    const target = rowWith(SEED.rfa, KREMLIN)!;
    const before = target.claim!.passages.length;
    const dragged = [passageRow(SEED.upi, BUCKET)!, passageRow(SEED.reuters, SILENCE)!];
    await drag(dragged, api.claimsView.getChildren(target)[0]); // onto a passage row of the target claim
    const grown = await waitFor('the two passages in the target claim', () => {
      const row = rowWith(SEED.rfa, KREMLIN);
      return row && row.claim!.passages.length === before + 2 && row;
    });
    assert.equal(claimAt(SEED.upi, BUCKET)?.id, grown.claim!.id);
    assert.equal(claimAt(SEED.reuters, SILENCE)?.id, grown.claim!.id);
    assert.ok(api.claimsView.getChildren(grown).some((c) => c.passage?.doc === idOf(SEED.upi)), 'the tree shows the moved passage under its new claim');

    // From the editor (its context menu passes the document's Uri): the passage at the cursor.
    const editor = await open(SEED.upi);
    select(editor, 'bucket list');
    const confirmation = claimAt(SEED.upi, CONFIRMATION)!;
    await shape('corroborate.movePassage', editor.document.uri, confirmation.id);
    await waitFor('the passage in the confirmation claim', () => claimAt(SEED.upi, BUCKET)?.passages.some((p) => p.text.includes(CONFIRMATION)));
    await waitFor('the claim it left keeps the others', () => rowWith(SEED.rfa, KREMLIN)?.claim!.passages.length === before + 1);

    // From a passage row, to a claim of its own.
    await shape('corroborate.movePassage', passageRow(SEED.reuters, SILENCE), 'new', 'Moscow and Pyongyang say nothing');
    const own = await waitFor('a claim of its own', () => claimRows().find((r) => r.label === 'Moscow and Pyongyang say nothing'));
    assert.deepEqual(own.claim!.passages.map((p) => p.doc), [idOf(SEED.reuters)]);
    assert.equal(rowWith(SEED.rfa, KREMLIN)?.claim!.passages.length, before);
  });

  it('makes a claim of the passages an editor selection covers', async () => {
    const editor = await open(SEED.mint);
    select(editor, 'It’s the first time the US confirmed', 'did not immediately confirm the engagement.');
    const [start, end] = [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
    const covered = api.indexer.corpus.get(idOf(SEED.mint))!.passages.filter((p) => p.start < end && start < p.end);
    assert.ok(covered.length >= 2, 'the selection spans two passages');
    const id = await shape<string>('corroborate.claimFromSelection', editor.document.uri, 'US confirms; Seoul does not');
    const row = await waitFor('the new claim', () => claimRows().find((r) => r.label === 'US confirms; Seoul does not'));
    assert.equal(row.claim!.id, id);
    assert.equal(row.contextValue, 'shapedClaim');
    assert.deepEqual(api.claimsView.getChildren(row).map((c) => c.passage!.start), covered.map((p) => p.start));
    for (const p of covered) assert.equal(api.indexer.corpus.claimAt(p.doc, p.start + 1)?.claim.id, id);
    const saved = (await project()).claims;
    assert.ok(saved.some((c) => c.title === 'US confirms; Seoul does not' && c.passages.length === covered.length));
    assert.equal(new Set(saved.map((c) => c.id)).size, saved.length, 'the claims the selection left behind keep ids of their own');
  });

  it('shows notes on a claim and on a passage in the tree and in the hover; an empty note removes one', async () => {
    await shape('corroborate.editClaimNote', rowWith(SEED.upi, BUCKET), 'Check against 38 North');
    const noted = await waitFor('the claim noted', () => {
      const row = rowWith(SEED.upi, BUCKET);
      return row?.claim!.memo ? row : undefined;
    });
    const item = api.claimsView.getTreeItem(noted);
    assert.match(String(item.description), /✎ note/);
    assert.match(String(item.tooltip), /Note: Check against 38 North/);

    await shape('corroborate.editPassageNote', passageRow(SEED.upi, BUCKET), 'Doo Jinho is a KIDA researcher');
    const passage = await waitFor('the passage noted', () => {
      const row = passageRow(SEED.upi, BUCKET);
      return row && /Note: Doo Jinho is a KIDA researcher/.test(String(api.claimsView.getTreeItem(row).tooltip)) && row;
    });
    assert.match(String(api.claimsView.getTreeItem(passage).description), /^✎ /);
    assert.equal((await project()).memos[0].memo, 'Doo Jinho is a KIDA researcher');

    const editor = await open(SEED.upi);
    const hover = await hoverText(editor, 'bucket list');
    assert.match(hover, /Note on the claim.*Check against 38 North/);
    assert.match(hover, /Note on this passage:\*\* Doo Jinho is a KIDA researcher/);

    // From the editor: the passage at the cursor; an empty note removes it.
    select(editor, 'bucket list');
    await shape('corroborate.editPassageNote', editor.document.uri, 'Seen at the briefing');
    await waitFor('the note replaced', () => /Note: Seen at the briefing/.test(String(api.claimsView.getTreeItem(passageRow(SEED.upi, BUCKET)!).tooltip)));
    await shape('corroborate.editPassageNote', passageRow(SEED.upi, BUCKET), '');
    await waitFor('the note removed', () => !/Note:/.test(String(api.claimsView.getTreeItem(passageRow(SEED.upi, BUCKET)!).tooltip)));
    assert.deepEqual((await project()).memos, []);
  });

  it('lists a mark whose text was deleted as orphaned, forgets it on request, and finds it again when the text is back', async () => {
    const words = 'Trump had said on the campaign trail';
    const editor = await open(SEED.mint);
    select(editor, words);
    await shape('corroborate.editPassageNote', editor.document.uri, 'Check the campaign speech');
    await waitFor('the note', () => api.indexer.corpus.memoOf(api.indexer.corpus.claimAt(idOf(SEED.mint), offsetOf(SEED.mint, words))!.passage) === 'Check the campaign speech');

    const line = editor.document.lineAt(editor.selection.start.line);
    await editor.edit((e) => e.delete(line.rangeIncludingLineBreak));
    await waitFor('re-analysis', () => api.indexer.corpus.get(idOf(SEED.mint))?.text === editor.document.getText());
    const group = await waitFor('the orphaned marks group', orphansGroup);
    assert.equal(api.claimsView.getChildren()[0], group, 'listed at the top');
    assert.equal(api.claimsView.getTreeItem(group).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const [orphan, ...others] = api.claimsView.getChildren(group);
    assert.equal(others.length, 0);
    assert.match(orphan.label, /Trump had said on the campaign trail/);
    assert.ok(orphan.description!.startsWith('note on a passage · '), orphan.description);
    assert.ok(orphan.description!.includes(api.indexer.corpus.label(idOf(SEED.mint))), 'names the source');
    assert.match(String(api.claimsView.getTreeItem(orphan).tooltip), /the text this mark was anchored to is no longer in the source/i);
    assert.equal(api.claimsView.getTreeItem(orphan).contextValue, 'orphan');
    assert.equal((await project()).memos.length, 1, 'kept in the project file while orphaned');

    await shape('corroborate.forgetOrphan', orphan, { confirmed: true });
    await waitFor('the group gone', () => !orphansGroup());
    assert.deepEqual((await project()).memos, []);

    await shape('corroborate.undoCuration');
    await waitFor('the orphan back after undo', () => orphansGroup());
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the note on its passage again', () => !orphansGroup() && api.indexer.corpus.claimAt(idOf(SEED.mint), offsetOf(SEED.mint, words)) && api.indexer.corpus.memoOf(api.indexer.corpus.claimAt(idOf(SEED.mint), offsetOf(SEED.mint, words))!.passage) === 'Check the campaign speech');
  });
});
