// Opens a source at a passage and selects it: the target of every link in hovers and the claims view.
import * as vscode from 'vscode';
import type { Indexer } from '../indexer.js';
import { rangeOf, uriOf } from '../locations.js';

export const OPEN_PASSAGE = 'corroborate.openPassage';

export async function openPassage(indexer: Indexer, id: string, start: number, end: number, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uriOf(id));
  const range = indexer.analysisOf(document)
    ? new vscode.Range(document.positionAt(start), document.positionAt(end))
    : rangeOf(indexer.corpus, id, { start, end });
  const editor = await vscode.window.showTextDocument(document, { viewColumn, selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
