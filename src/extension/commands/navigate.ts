// Moving between the sources of the claim under the cursor: next/previous source, and comparing the
// passage with another source's (a diff of the two passages).
import * as vscode from 'vscode';
import type { Indexer } from '../indexer.js';
import type { Passage } from '../../core/claims/passages.js';
import { openPassage } from './openPassage.js';
import { sourceLabel, sourcePath } from '../locations.js';

export const PASSAGE_SCHEME = 'corroborate-passage';

/** The claim and passage under the cursor of the active editor, or a message saying why there is none. */
async function claimUnderCursor(indexer: Indexer) {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Corroborate: open a source and place the cursor in a passage first.');
    return undefined;
  }
  await indexer.flush(editor.document);
  const id = editor.document.uri.toString();
  const at = indexer.corpus.claimAt(id, editor.document.offsetAt(editor.selection.active));
  if (!at) void vscode.window.showInformationMessage('Corroborate: the cursor is not in a passage of a claim.');
  return at;
}

export async function goToSource(indexer: Indexer, step: 1 | -1): Promise<void> {
  const at = await claimUnderCursor(indexer);
  if (!at) return;
  const { claim, passage } = at;
  if (claim.passages.length < 2) {
    void vscode.window.showInformationMessage('Corroborate: no other source makes this claim.');
    return;
  }
  const i = claim.passages.indexOf(passage);
  const next = claim.passages[(i + step + claim.passages.length) % claim.passages.length];
  await openPassage(indexer, next.doc, next.start, next.end);
}

/** Passages shown in diff editors, by URI; the content provider serves them. */
export class PassageDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  uriFor(p: Passage): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PASSAGE_SCHEME, path: `/${sourceLabel(p.doc)}`, query: `${p.start}-${p.end}` });
    // One sentence per line, so the diff lines up sentences rather than one long line.
    this.texts.set(uri.toString(), p.text.replace(/([.!?][”"]?)\s+/g, '$1\n').trim() + '\n');
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export async function comparePassage(indexer: Indexer, documents: PassageDocuments, target?: { doc: string; start: number }): Promise<void> {
  const at = await claimUnderCursor(indexer);
  if (!at) return;
  const others = at.claim.passages.filter((p) => p !== at.passage);
  if (!others.length) {
    void vscode.window.showInformationMessage('Corroborate: no other source makes this claim.');
    return;
  }
  let other = target ? others.find((p) => p.doc === target.doc && p.start === target.start) : others.length === 1 ? others[0] : undefined;
  if (!other) {
    const pick = await vscode.window.showQuickPick(
      others.map((p) => ({ label: sourceLabel(p.doc), description: `line ${p.line} · ${sourcePath(p.doc)}`, detail: p.text, passage: p })),
      { title: `Compare with another source: ${at.claim.label}`, matchOnDetail: true },
    );
    other = pick?.passage;
  }
  if (!other) return;
  await vscode.commands.executeCommand('vscode.diff', documents.uriFor(at.passage), documents.uriFor(other), `${sourceLabel(at.passage.doc)} ↔ ${sourceLabel(other.doc)}`);
}
