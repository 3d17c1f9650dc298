// The coverage matrix: a webview of claims by sources (media/coverage.js draws it). The extension computes
// the model (src/core/coverage.ts), posts it whenever the corpus changes or the webview (re)loads, and opens
// the passage of a cell the user clicks or presses Enter on.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';
import { coverageOf, type CoverageModel } from '../core/coverage.js';
import { sourceLabel, uriOf } from './locations.js';
import { openPassage } from './commands/openPassage.js';

const VIEW_TYPE = 'corroborate.coverage';
/** Least wait between redraws after changes; a scan fires changes every few tens of milliseconds. */
const MIN_REFRESH_MS = 250;

/** What the webview tells the extension. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; claim: string; source: string }
  | { type: 'rendered'; shown: number; matching: number; columns: number };

/** What the webview last drew, as it reported it. */
export type Rendered = Omit<Extract<FromWebview, { type: 'rendered' }>, 'type'>;

export class CoverageMatrix implements vscode.Disposable {
  private static current: CoverageMatrix | undefined;

  /** Shows the matrix, revealing the one already open rather than opening a second. */
  static show(extensionUri: vscode.Uri, indexer: Indexer): CoverageMatrix {
    if (CoverageMatrix.current) {
      CoverageMatrix.current.panel.reveal();
      return CoverageMatrix.current;
    }
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Coverage Matrix', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    return (CoverageMatrix.current = new CoverageMatrix(panel, media, indexer));
  }

  /** The model last posted to the webview. */
  model: CoverageModel | undefined;
  /** What the webview reported drawing last, once its script has run. */
  rendered: Rendered | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<Rendered>();
  readonly onDidRender = this.renderedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.renderedEmitter];
  private refreshTimer: NodeJS.Timeout | undefined;
  /** How long building and posting the model took last time, to space refreshes by. */
  private lastPostMs = 0;

  private constructor(readonly panel: vscode.WebviewPanel, media: vscode.Uri, private readonly indexer: Indexer) {
    panel.webview.html = pageHtml(panel.webview, media);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)),
      // A hidden webview is not kept: it says `ready` again when shown, and gets the model then.
      indexer.onDidChange(() => this.scheduleRefresh()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private receive(message: FromWebview): void {
    if (message.type === 'ready') this.post();
    else if (message.type === 'open') {
      this.openCell(message.claim, message.source).catch((e: Error) => vscode.window.showErrorMessage(`Corroborate: could not open the passage: ${e.message}`));
    }
    else if (message.type === 'rendered') {
      this.rendered = { shown: message.shown, matching: message.matching, columns: message.columns };
      this.renderedEmitter.fire(this.rendered);
    }
  }

  /** Redraws after a change, at most once per five times the cost of a redraw, so the editor stays responsive. */
  private scheduleRefresh(): void {
    if (this.refreshTimer || !this.panel.visible) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.panel.visible) this.post();
    }, Math.max(MIN_REFRESH_MS, 5 * this.lastPostMs));
  }

  private post(): void {
    const started = Date.now();
    const relativePath = (id: string) => vscode.workspace.asRelativePath(uriOf(id));
    this.model = coverageOf(this.indexer.corpus, this.indexer.corpus.claims(), { label: sourceLabel, file: relativePath });
    void this.panel.webview.postMessage({ type: 'model', model: this.model });
    this.lastPostMs = Date.now() - started;
  }

  /** Opens a cell's passage: the source's first passage of the claim, in an editor group beside the matrix. */
  async openCell(claimId: string, docId: string): Promise<vscode.TextEditor | undefined> {
    const passages = this.indexer.corpus.claims().find((c) => c.id === claimId)?.passages.filter((p) => p.doc === docId) ?? [];
    // The claim may have been regrouped since the table was drawn: the cell still knows where it pointed.
    const drawn = this.model?.rows.find((r) => r.id === claimId)?.cells.find((c) => this.model!.sources[c.source].id === docId)?.first;
    const target = passages.sort((a, b) => a.start - b.start)[0] ?? drawn;
    if (!target) return undefined;
    return openPassage(this.indexer, docId, target.start, target.end, this.besideColumn());
  }

  /** An editor group other than the matrix's, so that opening a passage leaves the matrix in view. */
  private besideColumn(): vscode.ViewColumn {
    const other = vscode.window.tabGroups.all.find((g) => g.viewColumn !== this.panel.viewColumn);
    return other?.viewColumn ?? vscode.ViewColumn.Beside;
  }

  dispose(): void {
    if (CoverageMatrix.current === this) CoverageMatrix.current = undefined;
    clearTimeout(this.refreshTimer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function pageHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, name));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('coverage.css')}">
<title>Coverage Matrix</title>
</head>
<body>
<header>
  <h1 id="title">Claims by source</h1>
  <div class="controls">
    <label for="filter">Filter claims</label>
    <input id="filter" type="search" placeholder="Words in the claim" autocomplete="off" spellcheck="false">
    <label><input type="checkbox" id="only-differ"> Only disagreements</label>
    <label><input type="checkbox" id="only-single"> Only single-source</label>
    <label><input type="checkbox" id="hide-single"> Hide single-source</label>
  </div>
  <p class="legend"><span class="mark carried">✓</span> carries the claim · <span class="mark differ">≠</span> its figures differ from most other sources' · <span class="mark only">only</span> no other source carries it. Click a cell, or press Enter on it, to open the passage.</p>
  <p id="summary" role="status" aria-live="polite">Analysing sources…</p>
</header>
<main>
  <table id="matrix" role="grid" aria-labelledby="title" hidden></table>
</main>
<script nonce="${nonce}" src="${asset('coverage.js')}"></script>
</body>
</html>`;
}
