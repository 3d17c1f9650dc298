// The speaker of each quote, shown inline after the quote (`— Vedant Patel`), so `he added` and
// `the official said` resolve visibly.
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';
import { rangeOf } from './locations.js';

export class SpeakerHints implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly indexer: Indexer) {
    this.subscription = indexer.onDidChange(() => this.changed.fire());
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!this.indexer.currentSettings.speakerHints) return [];
    const id = document.uri.toString();
    if (!this.indexer.analysisOf(document)) return [];
    const hints: vscode.InlayHint[] = [];
    for (const a of this.indexer.corpus.annotations(id)) {
      if (a.kind !== 'quote' || !a.speaker) continue;
      const end = rangeOf(this.indexer.corpus, id, a).end;
      if (!range.contains(end)) continue;
      const hint = new vscode.InlayHint(end, `— ${a.speaker.name}`);
      hint.paddingLeft = true;
      hint.tooltip = a.speaker.text === a.speaker.name ? `Speaker: ${a.speaker.name}` : `Speaker: ${a.speaker.name} (from “${a.speaker.text}”)`;
      hints.push(hint);
    }
    return hints;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
