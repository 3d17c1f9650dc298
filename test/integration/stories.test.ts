// Group by Story in a real VS Code: a folder holding the seed articles and coverage of two other events of
// one kind (ECB+ articles) shows three stories, each with its claims, each claim's passages opening its source.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CorroborateApi } from '../../src/extension/extension.js';
import type { Node } from '../../src/extension/claimsView.js';
import { LOHAN, rehabArticles, REID } from '../unit/helpers/twoEvents.js';
import { activated, waitFor } from './helpers.js';

describe('Group by Story', function () {
  this.timeout(120_000);
  let api: CorroborateApi;
  const folder = () => join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'events');
  const fileOf = (id: string) => `${id}.txt`;

  before(async () => {
    api = await activated();
    mkdirSync(folder(), { recursive: true });
    for (const { id, text } of rehabArticles()) writeFileSync(join(folder(), fileOf(id)), text);
    await api.indexer.reindex();
    await waitFor('nine sources', () => api.indexer.corpus.size === 9);
  });

  after(async () => {
    await vscode.commands.executeCommand('corroborate.groupByClaim');
    rmSync(folder(), { recursive: true, force: true });
    await api.indexer.reindex();
    await waitFor('the five seeds again', () => api.indexer.corpus.size === 5);
  });

  it('lists the stories the sources report, each with its sources and claims', async () => {
    await vscode.commands.executeCommand('corroborate.groupByStory');
    const view = api.claimsView;
    const roots = await waitFor('stories found', () => {
      const rows = view.getChildren();
      return rows.length && !view.findingStoriesNow ? rows : undefined;
    });
    const sourcesOf = (row: Node) => row.tooltip!.split('\n').pop()!.replace(/^\d+ source\(s\): /, '');
    assert.equal(roots.length, 3, roots.map((r) => r.label).join(' / '));
    assert.match(roots[0].description!, /^5 sources · \d+ shared claims/);
    assert.equal(roots[0].label, view.getChildren(roots[0])[0].label, 'named by its most widely reported claim');
    assert.match(sourcesOf(roots[0]), /UPI · Nov\. 13/);
    // A story's tooltip lists its sources by the names the other views give them.
    const nameOf = (id: string) => api.indexer.corpus.label(vscode.Uri.file(join(folder(), fileOf(id))).toString());
    const storyOf = (id: string) => roots.find((r) => sourcesOf(r).split(', ').includes(nameOf(id)));
    const [reid, lohan] = [storyOf(REID[0]), storyOf(LOHAN[0])];
    assert.ok(reid && lohan && reid !== lohan, 'the two rehab events are two stories');
    assert.equal(storyOf(REID[1]), reid);
    assert.equal(storyOf(LOHAN[1]), lohan);
    assert.match(reid.description!, /^2 sources/);

    // A story's claims, and a claim's passages that open their source.
    const claims = view.getChildren(roots[0]);
    const confirm = claims.find((c) => /^I can confirm/.test(c.label))!;
    assert.match(confirm.description!, /^5 sources/);
    const passage = view.getChildren(confirm)[0];
    const item = view.getTreeItem(passage);
    assert.equal(item.command?.command, 'corroborate.openPassage');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('the passage open', () => (vscode.window.activeTextEditor?.document.uri.toString() === passage.location!.doc ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.getText(editor.selection), passage.passage!.text, 'the passage selected');
  });
});
