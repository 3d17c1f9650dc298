// Rename Source…: the researcher's name for a source, used by the tree, hovers, comparisons and exports.
// From the palette (the active editor's source, else a pick of the sources), the explorer's context menu or
// the editor's title; an empty name gives the source back its automatic name (outlet · author · date).
// Saved in the curation file under the source's path, so co-authors see the same names.
import * as vscode from 'vscode';
import type { Indexer } from '../indexer.js';
import type { CurationStore } from '../curationStore.js';
import { renameSource } from '../../core/curation/edit.js';
import { sourceLabel, sourcePath } from '../locations.js';

/**
 * `target`: the source (a Uri from a menu, or an id); `name`: the new name, for tests and keybindings
 * (asked for when not a string: menus pass the explorer's selection as the second argument).
 * Resolves to whether a name was saved.
 */
export async function renameSourceCommand(indexer: Indexer, curation: CurationStore, target?: vscode.Uri | string, name?: unknown): Promise<boolean> {
  await indexer.whenReady();
  const corpus = indexer.corpus;
  let id = target === undefined ? undefined : typeof target === 'string' ? target : target.toString();
  if (id === undefined) {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    id = active && corpus.has(active) ? active : await pickSource(indexer);
    if (id === undefined) return false;
  } else if (!corpus.has(id)) {
    void vscode.window.showInformationMessage(`Corroborate: ${sourcePath(id)} is not one of the sources analysed (see the corroborate.include setting).`);
    return false;
  }
  const given = curation.value.sources[id]?.label;
  const automatic = corpus.describe(id).label;
  const label =
    typeof name === 'string'
      ? name
      : await vscode.window.showInputBox({
          title: `Rename source ${sourcePath(id)}`,
          value: given ?? automatic,
          valueSelection: [0, (given ?? automatic).length],
          prompt: `The name shown in the Claims view, hovers and exports. Leave empty for the name read from the text: ${automatic}`,
          placeHolder: automatic,
        });
  // Enter on the name as it was changes nothing (an automatic name is not pinned by accident).
  if (label === undefined || label.trim() === (given ?? automatic) || (!label.trim() && given === undefined)) return false;
  const source = id;
  await curation.change((c) => renameSource(c, source, label));
  return true;
}

async function pickSource(indexer: Indexer): Promise<string | undefined> {
  const docs = indexer.corpus.documents();
  if (!docs.length) {
    void vscode.window.showInformationMessage('Corroborate: no sources to rename yet.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    docs.map((d) => ({ label: sourceLabel(d.id), description: sourcePath(d.id), id: d.id })),
    { title: 'Rename which source?', matchOnDescription: true },
  );
  return pick?.id;
}
