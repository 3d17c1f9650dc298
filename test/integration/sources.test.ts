// Sources with names, in a real VS Code: the claims tree, hovers and exports name each seed by what it says
// of itself (`UPI · Nov. 13`), or by the name the researcher gives it with Rename Source…, which is saved in
// corroborate.json under the file's path; an empty name gives the automatic one back.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { CorroborateApi } from '../../src/extension/extension.js';
import { emptyCuration, isEmpty } from '../../src/core/curation/model.js';
import { activated, open, SEED, uriOf, waitFor } from './helpers.js';

let api: CorroborateApi;

const AUTOMATIC: Record<Seed, string> = {
  upi: 'UPI · Nov. 13',
  reuters: '001_c43a6b52a279afae',
  joongang: 'Yonhap',
  rfa: '003_6f9ea62709bac099 · 2024-11-13',
  mint: '004_c0e525c02778e124 · 2024-11-13',
};

async function hoverText(editor: vscode.TextEditor, words: string): Promise<string> {
  const offset = editor.document.getText().indexOf(words);
  assert.ok(offset >= 0, `"${words}" not in ${editor.document.fileName}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset + 1));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

type Seed = keyof typeof SEED;

/** The passage rows of the claim every seed carries, by seed (earlier suites may have deleted one, or added a source). */
function passageRows(): Map<Seed, vscode.TreeItem> {
  const view = api.claimsView;
  view.setGrouping('claim');
  // By its passages: its label (the most central passage) can change as earlier suites edit the sources.
  const claim = view.getChildren().find((r) => r.claim?.passages.some((p) => p.doc === uriOf(SEED.upi).toString() && p.text.includes('I can confirm that over 10,000')))!;
  const rows = new Map<Seed, vscode.TreeItem>();
  for (const node of view.getChildren(claim)) {
    const seed = (Object.keys(SEED) as Seed[]).find((k) => node.location!.doc === uriOf(SEED[k]).toString());
    if (seed) rows.set(seed, view.getTreeItem(node));
  }
  return rows;
}

/** The tree is rebuilt a moment after a change (changes are batched): wait for the seed's row to read `label`. */
function treeShows(seed: Seed, label: string): Promise<unknown> {
  return waitFor(`"${label}" in the tree`, () => passageRows().get(seed)?.label === label);
}

/**
 * Back to no curation. A reload of corroborate.json set off by an earlier save can land after the reset and
 * bring back what that save wrote (CurationStore compares what it reads with its last write only), so reset
 * until it stays reset.
 */
async function resetCuration(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await api.curation.change(() => emptyCuration());
    await new Promise((r) => setTimeout(r, 500));
    if (isEmpty(api.curation.value)) return;
  }
  assert.fail('the curation does not stay reset');
}

async function projectFile(): Promise<{ sources?: Record<string, { label: string }> } | undefined> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf('corroborate.json'))));
  } catch {
    return undefined;
  }
}

/**
 * Renames a seed with the command, as a menu would with the name given, and waits for corroborate.json to
 * hold `sources` (the names by path), then for the file watcher to have seen the write.
 */
async function rename(seed: Seed, name: string, sources: Record<string, { label: string }>): Promise<boolean | undefined> {
  const saved = await vscode.commands.executeCommand<boolean>('corroborate.renameSource', uriOf(SEED[seed]), name);
  await waitFor(`corroborate.json with ${JSON.stringify(sources)}`, async () => JSON.stringify((await projectFile())?.sources ?? {}) === JSON.stringify(sources));
  await new Promise((r) => setTimeout(r, 500));
  return saved;
}

async function markdownExport(): Promise<string> {
  const target = uriOf('names-test.md');
  await vscode.commands.executeCommand('corroborate.exportClaims', 'markdown', target);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  await vscode.workspace.fs.delete(target);
  return text;
}

/** The hover on the figure every seed states, seen from the Reuters seed: it lists the other four by name. */
async function figureHover(): Promise<string> {
  return hoverText(await open(SEED.reuters), 'over 10,000');
}

describe('Sources with names', function () {
  this.timeout(60_000);

  before(async () => {
    api = await activated();
    await api.curation.loaded;
  });

  after(async () => {
    await resetCuration();
    await vscode.workspace.fs.delete(uriOf('corroborate.json')).then(undefined, () => undefined);
  });

  it('the claims tree names each passage\'s source, with the line and the file beside it', () => {
    const rows = passageRows();
    assert.ok(rows.size >= 4, `${rows.size} seeds in the claim`);
    for (const [seed, r] of rows) {
      assert.equal(r.label, AUTOMATIC[seed]);
      assert.match(String(r.description), /^line \d+ · \S/);
      assert.ok(String(r.tooltip).startsWith(`${AUTOMATIC[seed]} — ${SEED[seed]}, line `), String(r.tooltip));
    }
  });

  it('hovers name the other sources, each link\'s title giving the file', async () => {
    const md = await figureHover();
    assert.ok(md.includes('[UPI · Nov\\. 13, line '), md);
    assert.ok(md.includes('[003\\_6f9ea62709bac099 · 2024\\-11\\-13, line '), md);
    // The title of the link to UPI's passage names its file (markdown-escaped).
    assert.match(md, /"Open UPI · Nov\\. 13 — 000\\_812b520c8dabc6dc\\\.txt, line \d+"\)/);
  });

  it('Rename Source… names a source in the tree, the hovers and the exports, and saves the name by path', async () => {
    assert.equal(await rename('upi', 'United Press International', { [SEED.upi]: { label: 'United Press International' } }), true);
    await treeShows('upi', 'United Press International');
    assert.ok(String(passageRows().get('upi')!.tooltip).startsWith(`United Press International — ${SEED.upi}, line `));
    const md = await figureHover();
    assert.ok(md.includes('[United Press International, line '), md);
    const report = await markdownExport();
    assert.ok(report.includes(`| United Press International | ${SEED.upi} | UPI | Nov. 13 | — |`), report.slice(0, 800));
    assert.match(report, /^- \*\*United Press International\*\*, line \d+ — /m);
  });

  it('from a menu (no name given) it asks, prefilled with the current name; Enter on it changes nothing', async () => {
    // The explorer passes the clicked file and the selection.
    const asked = vscode.commands.executeCommand<boolean>('corroborate.renameSource', uriOf(SEED.upi), [uriOf(SEED.upi)]);
    await new Promise((r) => setTimeout(r, 1000));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await asked, false);
    assert.equal(passageRows().get('upi')!.label, 'United Press International');
  });

  it('two sources given the same name are told apart by their file names', async () => {
    await rename('reuters', 'United Press International', { [SEED.upi]: { label: 'United Press International' }, [SEED.reuters]: { label: 'United Press International' } });
    await treeShows('upi', `United Press International (${SEED.upi})`);
    assert.equal(passageRows().get('reuters')!.label, `United Press International (${SEED.reuters})`);
    await rename('reuters', '', { [SEED.upi]: { label: 'United Press International' } });
    await treeShows('reuters', AUTOMATIC.reuters);
    assert.equal(passageRows().get('upi')!.label, 'United Press International');
  });

  it('an empty name gives the source its automatic name back, and corroborate.json forgets it', async () => {
    assert.equal(await rename('upi', '', {}), true);
    await treeShows('upi', AUTOMATIC.upi);
    assert.ok((await figureHover()).includes('[UPI · Nov\\. 13, line '));
    assert.ok((await markdownExport()).includes(`| ${AUTOMATIC.upi} | ${SEED.upi} | UPI | Nov. 13 | — |`));
  });

  it('is offered in the palette, the explorer\'s context menu on sources and the editor title\'s', () => {
    const pkg = vscode.extensions.getExtension('corroborate.corroborate')!.packageJSON;
    assert.ok(pkg.contributes.commands.some((c: { command: string; category: string }) => c.command === 'corroborate.renameSource' && c.category === 'Corroborate'));
    for (const menu of ['explorer/context', 'editor/title/context']) {
      assert.ok(pkg.contributes.menus[menu].some((m: { command: string }) => m.command === 'corroborate.renameSource'), menu);
    }
  });

  it('says so when the file is not a source', async () => {
    const other = uriOf('notes.md');
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('# not a source\n'));
    try {
      assert.equal(await vscode.commands.executeCommand('corroborate.renameSource', other, 'Notes'), false);
      assert.deepEqual((await projectFile())?.sources ?? {}, {});
    } finally {
      await vscode.workspace.fs.delete(other);
    }
  });
});
