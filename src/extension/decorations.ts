// Highlights: one decoration type per kind, coloured by theme colours the extension contributes, set once
// per kind per visible editor whenever the corpus or the settings change.
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';
import { KIND_KEYS, kindOf, type AnnotationKindKey } from './kinds.js';
import { rangeOf } from './locations.js';

function decorationType(kind: AnnotationKindKey): vscode.TextEditorDecorationType {
  const color = (name: string) => new vscode.ThemeColor(`corroborate.${name}`);
  switch (kind) {
    case 'quote':
      return vscode.window.createTextEditorDecorationType({ backgroundColor: color('quoteBackground'), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
    case 'number':
      return vscode.window.createTextEditorDecorationType({ backgroundColor: color('numberBackground'), borderRadius: '2px', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
    default: {
      const name = kind === 'person' ? 'personUnderline' : kind === 'org' ? 'organizationUnderline' : 'placeUnderline';
      return vscode.window.createTextEditorDecorationType({ borderStyle: 'solid', borderWidth: '0 0 2px 0', borderColor: color(name), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
    }
  }
}

export class Highlighter implements vscode.Disposable {
  private readonly types = new Map(KIND_KEYS.map((k) => [k, decorationType(k)] as const));
  /** Where a source longer than the size limit stops being analysed. */
  private readonly cutMarker = vscode.window.createTextEditorDecorationType({
    after: { contentText: ' ⟂ Corroborate stops here: the rest is past corroborate.maxFileSize and is not analysed', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
  });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly indexer: Indexer) {
    this.disposables.push(
      indexer.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('corroborate.highlight') && this.refresh()),
    );
    this.refresh();
  }

  /** Ranges per kind for one editor: what `setDecorations` is given (also read by the tests). */
  rangesFor(editor: vscode.TextEditor, analysed = this.indexer.analysisOf(editor.document)): Map<AnnotationKindKey, vscode.Range[]> {
    const ranges = new Map<AnnotationKindKey, vscode.Range[]>(KIND_KEYS.map((k) => [k, []]));
    // Ranges computed on stale text would land on the wrong characters; wait for the re-analysis.
    if (!analysed) return ranges;
    const enabled = this.indexer.currentSettings.highlight;
    for (const a of this.indexer.corpus.annotations(analysed.id)) {
      const kind = kindOf(a);
      if (enabled[kind]) ranges.get(kind)!.push(rangeOf(this.indexer.corpus, analysed.id, a));
    }
    return ranges;
  }

  /** The end of the analysed part, when the source was cut at the size limit. */
  cutRange(editor: vscode.TextEditor, analysed = this.indexer.analysisOf(editor.document)): vscode.Range[] {
    const document = editor.document;
    const end = analysed?.text.length;
    if (end === undefined || end === document.offsetAt(document.lineAt(document.lineCount - 1).range.end)) return [];
    // At the end of the last analysed line rather than the start of the first one left out.
    const at = document.positionAt(analysed!.text.endsWith('\n') ? end - 1 : end);
    return [new vscode.Range(at, at)];
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.indexer.isSource(editor.document.uri)) continue;
      const analysed = this.indexer.analysisOf(editor.document);
      // Keep the old highlights until the new text is analysed; a source not in the index has none.
      if (!analysed && this.indexer.corpus.get(editor.document.uri.toString())) continue;
      for (const [kind, ranges] of this.rangesFor(editor, analysed)) editor.setDecorations(this.types.get(kind)!, ranges);
      editor.setDecorations(this.cutMarker, this.cutRange(editor, analysed));
    }
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.cutMarker.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
