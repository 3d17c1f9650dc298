// Status bar: sources, claims and disagreements at a glance; progress while indexing; a click shows the
// claims view.
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly indexer: Indexer) {
    this.item.name = 'Corroborate';
    this.item.command = 'corroborate.showClaims';
    this.subscription = indexer.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  update(): void {
    const { corpus, progress } = this.indexer;
    if (progress) {
      this.item.text = `$(sync~spin) Corroborate ${progress.done}/${progress.total}`;
      this.item.tooltip = 'Analysing sources…';
      return;
    }
    const claims = corpus.claims();
    const shared = claims.filter((c) => c.status !== 'single').length;
    const differ = claims.filter((c) => c.status === 'differ').length;
    const skipped = this.indexer.skipped();
    const notes = [...this.indexer.sourceNotes()];
    const caveats = skipped.length + notes.length + (this.indexer.overLimit ? 1 : 0);
    this.item.text = `$(book) ${corpus.size} $(list-tree) ${shared} $(${differ ? 'error' : 'pass'}) ${differ}${caveats ? ` $(warning) ${caveats}` : ''}`;
    this.item.tooltip = `Corroborate: ${corpus.size} sources, ${shared} claims shared across sources (${claims.length - shared} from one source only), ${differ} where figures differ. Click to show the claims.`;
    if (skipped.length) this.item.tooltip += `\n${skipped.length} file(s) skipped: ${skipped.slice(0, 5).map((s) => `${vscode.workspace.asRelativePath(s.uri)} (${s.reason})`).join('; ')}`;
    if (this.indexer.overLimit) this.item.tooltip += `\n${this.indexer.overLimit} source(s) left out: more than corroborate.maxFiles (${this.indexer.currentSettings.maxFiles}) in the workspace`;
    if (notes.length) this.item.tooltip += `\n${notes.length} file(s) read with a caveat: ${notes.slice(0, 5).map(([id, note]) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(id))} (${note})`).join('; ')}`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
