// Keeps the corpus in step with the workspace: the first scan (in the background, with a progress
// notification that can be cancelled), edits in open editors (debounced), and files created, changed,
// renamed or deleted on disk. Views listen to `onDidChange` and never read files themselves.
import * as vscode from 'vscode';
import picomatch from 'picomatch';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, Corpus } from '../core/corpus.js';
import { decodeSource, limitText, readSourceAsync, withinLimit, type Decoded } from '../core/sources.js';
import { Analyses } from '../core/analysis/analyses.js';
import { AnalysisPool, defaultPoolSize } from '../core/analysis/pool.js';
import { AnalysisCache, analyserVersion } from '../core/analysis/cache.js';
import { TextSpill } from '../core/textSpill.js';
import { ClaimStore } from '../core/analysis/claimStore.js';
import { savedSpans, type ClaimSnapshot } from '../core/claims/snapshot.js';
import type { CorpusDocument } from '../core/corpus.js';
import type { DocumentAnalysis } from '../core/types.js';
import { readSettings, type Settings } from './config.js';
import { threadSlices } from '../core/steps.js';

export const SOURCE_LANGUAGE = 'corroborate-source';

/** While a scan runs, views are told of the sources it added at most this often. */
const SCAN_REFRESH_MS = 25;
/** Up to this many sources, a scan nobody asked for shows its progress in the status bar only. */
const QUIET_SCAN_FILES = 50;
/** The claims are saved for the next session this long after a full build, and after the first change since the last save. */
const CLAIMS_SAVED_AFTER_BUILD_MS = 2_000;
const CLAIMS_SAVED_AFTER_CHANGE_MS = 30_000;

export interface SkippedSource {
  uri: vscode.Uri;
  reason: string;
}

export interface IndexerOptions {
  /** The bundled analysis worker (dist/worker.js); without it, analysis runs on this thread. */
  workerFile?: string;
  /** Where analyses are cached between sessions (the extension's workspace storage). */
  cacheDir?: string;
}

export class Indexer implements vscode.Disposable {
  readonly corpus = new Corpus();
  readonly analyses: Promise<Analyses>;
  private readonly concurrency: number;
  /** Per open document, the version and text hash its analysis was last found current for. */
  private readonly checkedVersions = new Map<string, { version: number; hash: string }>();
  private claimBuild: Promise<void> | undefined;
  /** Where the claims are kept for the next session (beside the analysis cache), if anywhere. */
  private readonly claimStore: Promise<ClaimStore | undefined>;
  /** Whether this session's first build after the first scan has looked for the claims the last one saved. */
  private claimsTakenUp = false;
  /** Whether the first scan has read every source (a build before it, of a few open editors, is no reopening). */
  private scanned = false;
  /** The claims the last session saved, read while the first scan runs (it takes their passages). */
  private savedClaims: Promise<ClaimSnapshot | undefined> | undefined;
  /** Whether the claims changed since they were saved or taken up. */
  private claimsUnsaved = false;
  private claimSaveTimer: NodeJS.Timeout | undefined;
  private claimSaveDue = 0;
  private claimSaving: Promise<void> | undefined;
  private packTimer: NodeJS.Timeout | undefined;
  private settings: Settings = readSettings();
  private isIncluded: (relativePath: string) => boolean = () => false;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires after the corpus changed (batched), so views refresh once per burst of changes. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /**
   * Files the watcher reported, by id, waiting to be taken in (see queueFromDisk), with the last ticket handed
   * out when they were reported: a read begun after that reads the file as the event left it.
   */
  private readonly fromDisk = new Map<string, { uri: vscode.Uri; created: boolean; after: number }>();
  private drainingFromDisk = false;
  /** Scans from the listing of the files to the end of the claims build that follows. */
  private scansUnderWay = 0;
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  private changeTimer: NodeJS.Timeout | undefined;
  private indexing: Promise<void> | undefined;
  private readonly skippedSources = new Map<string, SkippedSource>();
  private readonly notes = new Map<string, string>();
  /** Per source, the number of the latest load or edit: a result that is not the latest is stale. */
  private readonly tickets = new Map<string, number>();
  private ticketCount = 0;
  /** Sources found past `corroborate.maxFiles` and left out of the last scan. */
  overLimit = 0;
  private keptUnderLimit: Set<string> | undefined;
  /** Whether the first scan has finished. */
  ready = false;
  /** Where the claims came from last: the last session's saved claims, or a full build. */
  claimsFrom: 'saved' | 'built' | undefined;
  /** Progress of the scan in progress, for the status bar. */
  progress: { done: number; total: number } | undefined;

  constructor(options: IndexerOptions = {}) {
    // Full claim builds run in slices driven from here (after scans, after bursts of changes); readers
    // get the claims as last built meanwhile, updated in place for a few changed sources.
    this.corpus.deferFullClaimBuilds = true;
    // The sources' texts go to a file of this session's beside the cache, out of the extension host's memory.
    const spill = options.cacheDir ? TextSpill.open(options.cacheDir) : undefined;
    if (spill) {
      this.corpus.spillTextsTo(spill);
      this.disposables.push({ dispose: () => spill.close() });
    }
    const pool = options.workerFile && existsSync(options.workerFile) ? new AnalysisPool(options.workerFile) : undefined;
    this.concurrency = pool ? defaultPoolSize() * 2 : 1;
    const cache = (async () => {
      // The cache belongs to this version of the annotators: the worker bundle's hash names it.
      return options.cacheDir && pool ? await AnalysisCache.open(options.cacheDir, await analyserVersion(options.workerFile!)).catch(() => undefined) : undefined;
    })();
    this.analyses = cache.then((c) => new Analyses(pool, c));
    // Saved claims go in the annotators' folder of the cache, and are also those of this bundle's claims code.
    this.claimStore = cache.then(async (c) => c && new ClaimStore(join(c.dir, 'claims.snapshot'), await analyserVersion(__filename))).catch(() => undefined);
    this.applySettings();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corroborate') || e.affectsConfiguration('files.exclude')) {
          const before = this.scanSettings();
          this.applySettings();
          if (before !== this.scanSettings() || e.affectsConfiguration('files.exclude')) void this.reindex();
        }
      }),
      // Trusting the folder brings its own values of the restricted settings into force.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.applySettings();
        void this.reindex();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.onOpen(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.onDiskCreate(uri)),
      watcher.onDidChange((uri) => this.onDiskChange(uri)),
      watcher.onDidDelete((uri) => this.onDiskDelete(uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.onOpen(d);
  }

  private applySettings(): void {
    this.settings = readSettings();
    const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude', {});
    const excluded = [...this.settings.exclude, ...Object.keys(filesExclude).filter((k) => filesExclude[k])];
    const include = picomatch(this.settings.include, { dot: false });
    const exclude = excluded.length ? picomatch(excluded, { dot: true }) : () => false;
    this.isIncluded = (p) => include(p) && !exclude(p);
  }

  /** The settings that decide what is read, and how much: a change means a new scan. */
  private scanSettings(): string {
    const { include, exclude, maxFileSize, maxFiles } = this.settings;
    return JSON.stringify([include, exclude, maxFileSize, maxFiles]);
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  /** Whether a file is one of the workspace's sources under the include/exclude settings. */
  isSource(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    return this.isIncluded(vscode.workspace.asRelativePath(uri, false));
  }

  /** Sources skipped with the reason (binary, too large, unreadable). */
  skipped(): SkippedSource[] {
    return [...this.skippedSources.values()];
  }

  /** Notes about sources that were read with a caveat (encoding guessed), by document id. */
  sourceNotes(): ReadonlyMap<string, string> {
    return this.notes;
  }

  /**
   * Scans the workspace once (again). Progress shows as a notification that can be cancelled when the user
   * asked for it or the folder is large; a handful of files is analysed quietly, with progress in the
   * status bar.
   */
  reindex(announce = false): Promise<void> {
    const run = (async () => {
      this.scansUnderWay++;
      // Views read the claims as last built meanwhile (see Corpus.holdClaimUpdates): each change event of a
      // scan had them fold its new sources into the claims one by one.
      this.corpus.holdClaimUpdates = true;
      try {
        const uris = await this.findSources();
        const location = announce || uris.length > QUIET_SCAN_FILES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
        await vscode.window.withProgress(
          { location, title: 'Corroborate: analysing sources', cancellable: location === vscode.ProgressLocation.Notification },
          (progress, token) => this.scan(uris, progress, token),
        );
      } finally {
        this.scansUnderWay--;
        this.corpus.holdClaimUpdates = this.scansUnderWay > 0;
      }
    })();
    this.indexing = Promise.resolve(run);
    return this.indexing;
  }

  /** Resolves when the first scan is done. */
  whenReady(): Promise<void> {
    return this.indexing ?? this.reindex();
  }

  private async findSources(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const pattern of this.settings.include) {
      for (const uri of await vscode.workspace.findFiles(pattern, null)) {
        // Checked in slices: for 10,000 files the checks held the extension host for 100-170 ms at once.
        await threadSlices.turn();
        if (this.isSource(uri)) found.set(uri.toString(), uri);
      }
    }
    // Sorted, so that past the limit the same sources are analysed each time.
    const uris = [...found.keys()].sort().map((id) => found.get(id)!);
    const max = this.settings.maxFiles;
    this.overLimit = Math.max(0, uris.length - max);
    if (this.overLimit) {
      void vscode.window.showWarningMessage(
        `Corroborate: ${uris.length.toLocaleString('en-US')} sources found; the first ${max.toLocaleString('en-US')} (by path) are analysed and ${this.overLimit.toLocaleString('en-US')} are left out. Raise "corroborate.maxFiles" or narrow "corroborate.include" to choose.`,
      );
    }
    const kept = uris.slice(0, max);
    this.keptUnderLimit = this.overLimit ? new Set(kept.map((u) => u.toString())) : undefined;
    return kept;
  }

  /** Past `corroborate.maxFiles`, only the sources the scan kept: a file event must not bring back one left out. */
  private leftOut(uri: vscode.Uri | string): boolean {
    const id = uri.toString();
    return this.keptUnderLimit !== undefined && !this.keptUnderLimit.has(id) && !this.corpus.has(id);
  }

  private async scan(uris: vscode.Uri[], progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<void> {
    // Edits waiting to be analysed belong to the previous settings; the scan reads open editors afresh.
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    // Sources that are gone or no longer included leave the corpus.
    const found = new Set(uris.map((u) => u.toString()));
    // Every source read or analysed before (tickets), not only those in the corpus: a read still under way
    // for a file gone since would bring it back.
    for (const id of [...this.tickets.keys()]) {
      if (found.has(id)) continue;
      this.nextTicket(id);
      this.forget(id);
    }
    // The first scan reads the claims the last session saved meanwhile: the sources take their passages.
    if (!this.claimsTakenUp && !this.savedClaims) {
      this.savedClaims = this.claimStore.then((store) => store?.load());
      void this.savedClaims.then((snapshot) => {
        if (snapshot && !this.claimsTakenUp) this.corpus.savedPassages = savedSpans(snapshot);
      });
    }
    const state = { done: 0, total: uris.length };
    this.progress = state;
    this.fireChanged();
    let next = 0;
    let refreshed = Date.now();
    // Several sources in flight, so that every worker has one to analyse while this thread reads the next.
    const runner = async () => {
      while (next < uris.length && !token.isCancellationRequested) {
        await this.load(uris[next++]);
        state.done++;
        progress.report({ message: `${state.done} of ${uris.length}`, increment: 100 / uris.length });
        if (Date.now() - refreshed > SCAN_REFRESH_MS) {
          refreshed = Date.now();
          this.fireChanged();
        }
      }
    };
    const cancelled = token.onCancellationRequested(async () => (await this.analyses).cancelWaiting());
    try {
      await Promise.all(Array.from({ length: this.concurrency }, runner));
      // Every source is in: the workers' memory goes back before the claims build.
      (await this.analyses).rest();
      if (!token.isCancellationRequested) this.scanned = true;
      progress.report({ message: 'grouping claims' });
      await this.buildClaims();
      if (!token.isCancellationRequested) {
        clearTimeout(this.packTimer);
        this.packTimer = setTimeout(() => void this.packAnalyses(), CLAIMS_SAVED_AFTER_BUILD_MS);
      }
    } finally {
      cancelled.dispose();
      // A scan started since owns the progress now.
      if (this.progress === state) this.progress = undefined;
      this.ready = true;
      this.fireChanged();
    }
    if (token.isCancellationRequested) {
      void vscode.window.showInformationMessage(`Corroborate: analysis cancelled; ${this.corpus.size} of ${uris.length} sources analysed. Run "Corroborate: Analyse Workspace" to finish.`);
    }
  }

  /** A full build of the claims, in slices; one at a time. */
  private buildClaims(): Promise<void> {
    this.claimBuild ??= this.runClaimBuild().finally(() => {
      this.claimBuild = undefined;
      this.fireChanged();
    });
    return this.claimBuild;
  }

  /**
   * The session's first build takes up the claims the last session saved, when they fit the sources: seconds
   * instead of a minute for thousands of sources. A full build still due after that (many sources changed
   * meanwhile) follows in the background, from `fireChanged`.
   */
  private async runClaimBuild(): Promise<void> {
    if (!this.claimsTakenUp && this.scanned) {
      this.claimsTakenUp = true;
      this.claimsUnsaved = false;
      const snapshot = await (this.savedClaims ?? this.claimStore.then((store) => store?.load()));
      this.savedClaims = undefined;
      this.corpus.savedPassages = undefined;
      const restored = snapshot && (await this.corpus.restoreClaims(snapshot));
      if (restored) {
        if (restored.changed) this.claimsUnsaved = true;
        this.claimsFrom = 'saved';
        return;
      }
    }
    await this.corpus.buildClaims();
    this.claimsFrom = 'built';
    this.claimsUnsaved = true;
    this.saveClaimsLater(CLAIMS_SAVED_AFTER_BUILD_MS);
  }

  /** After a scan: the cached analyses of the sources in one file, when that pays, so that the next session reads them faster. */
  private async packAnalyses(): Promise<void> {
    if (this.progress) return;
    await (await this.analyses).pack(this.corpus.documents().map((d) => d.hash));
  }

  /** Saves the claims for the next session in `delay` ms, or sooner if a save is due sooner. */
  private saveClaimsLater(delay: number): void {
    const due = Date.now() + delay;
    if (this.claimSaveTimer && this.claimSaveDue <= due) return;
    clearTimeout(this.claimSaveTimer);
    this.claimSaveDue = due;
    this.claimSaveTimer = setTimeout(() => {
      this.claimSaveTimer = undefined;
      void this.saveClaims();
    }, delay);
  }

  /** Saves the claims (in slices) if they changed since they were saved; waits while sources or claims are being worked on. */
  private async saveClaims(): Promise<void> {
    if (this.progress || this.claimBuild || this.claimSaving) return this.saveClaimsLater(CLAIMS_SAVED_AFTER_BUILD_MS);
    // Not before the saved claims were looked at: those of a few editors open before the scan would replace them.
    if (!this.claimsUnsaved || !this.claimsTakenUp) return;
    this.claimsUnsaved = false;
    this.claimSaving = (async () => {
      const store = await this.claimStore;
      const snapshot = store && (await this.corpus.snapshotClaims());
      // No snapshot: a build is due, and saves when done.
      if (snapshot) await store.save(snapshot);
      else if (store) this.claimsUnsaved = true;
    })().finally(() => (this.claimSaving = undefined));
    return this.claimSaving;
  }

  /** Reads a source from its open editor if there is one (unsaved edits count), else from disk. */
  private async load(uri: vscode.Uri): Promise<void> {
    const id = uri.toString();
    if (this.leftOut(id)) return;
    const ticket = this.nextTicket(id);
    const open = this.openDocument(id);
    if (open) return this.setEditorText(open, ticket);
    const decoded = await this.read(uri);
    // Stale: edited, deleted or read again while this read was under way, or opened in the meantime.
    if (this.tickets.get(id) !== ticket) return;
    const opened = this.openDocument(id);
    if (opened) return this.setEditorText(opened, ticket);
    if (decoded === undefined) this.forget(id);
    else if (!decoded.ok) this.skip(uri, decoded.reason);
    else await this.setText(id, decoded.text, decoded.note, ticket);
  }

  /** The source's bytes, decoded and cut at the size limit; undefined when the file is gone. */
  private async read(uri: vscode.Uri): Promise<Decoded | undefined> {
    const max = this.settings.maxFileSize;
    // Node's own file system where the files are local to the extension host: reads only the part of a
    // huge file that will be analysed.
    if (uri.scheme === 'file' || uri.scheme === 'vscode-remote') {
      const decoded = await readSourceAsync(uri.fsPath, max);
      return !decoded.ok && decoded.gone ? undefined : decoded;
    }
    try {
      return withinLimit(decodeSource(await vscode.workspace.fs.readFile(uri)), max);
    } catch {
      return undefined;
    }
  }

  private nextTicket(id: string): number {
    this.tickets.set(id, ++this.ticketCount);
    return this.ticketCount;
  }

  private openDocument(id: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === id && !d.isClosed);
  }

  /** Open editors obey the same size limit as files on disk: past it, the text is analysed up to it. */
  private async setEditorText(document: vscode.TextDocument, ticket: number): Promise<void> {
    // No encoding note: the editor decoded the file and shows its encoding itself.
    const { text, note } = withinLimit({ ok: true, text: document.getText() }, this.settings.maxFileSize);
    await this.setText(document.uri.toString(), text, note, ticket);
  }

  /**
   * The analysis of an open document when it is up to date with the editor's text (cut at the size limit),
   * else undefined: views never place results computed on older text. The text is compared once per
   * document version, so hovers and refreshes cost nothing in the length of the document.
   */
  analysisOf(document: vscode.TextDocument): CorpusDocument | undefined {
    const id = document.uri.toString();
    const doc = this.corpus.get(id);
    if (!doc) return undefined;
    const checked = this.checkedVersions.get(id);
    if (checked && checked.version === document.version && checked.hash === doc.hash) return doc;
    const text = document.getText();
    const current = doc.text.length < text.length ? doc.text === limitText(text, this.settings.maxFileSize).text : doc.text === text;
    if (!current) return undefined;
    this.checkedVersions.set(id, { version: document.version, hash: doc.hash });
    return doc;
  }

  private skip(uri: vscode.Uri, reason: string): void {
    this.forget(uri.toString());
    this.skippedSources.set(uri.toString(), { uri, reason });
  }

  private forget(id: string): boolean {
    this.skippedSources.delete(id);
    this.checkedVersions.delete(id);
    this.notes.delete(id);
    const deleted = this.corpus.delete(id);
    if (deleted) this.claimsUnsaved = true;
    return deleted;
  }

  /** Analyses a source's text (off this thread) and puts it in the corpus, unless a newer load or edit came since. */
  private async setText(id: string, text: string, note: string | undefined, ticket: number): Promise<void> {
    const hash = contentHash(text);
    let analysis: DocumentAnalysis | undefined;
    if (this.corpus.get(id)?.hash !== hash) {
      try {
        analysis = await (await this.analyses).of(text, hash);
      } catch (error) {
        if (this.tickets.get(id) !== ticket || (error as Error).message === 'cancelled') return;
        this.skip(vscode.Uri.parse(id), `analysis failed: ${(error as Error).message}`);
        return;
      }
    }
    // Analyses land in bursts during a scan: sources are put in the corpus about a slice of time a turn.
    await threadSlices.run(() => {
      // Stale, or left out by a scan that applied the file limit while this source was being read.
      if (this.tickets.get(id) !== ticket || this.leftOut(id)) return;
      this.skippedSources.delete(id);
      if (note) this.notes.set(id, note);
      else this.notes.delete(id);
      if (analysis) this.claimsUnsaved = true;
      this.corpus.set(id, text, analysis);
    });
  }

  private onOpen(document: vscode.TextDocument): void {
    if (!this.isSource(document.uri)) return;
    if (document.languageId === 'plaintext') void vscode.languages.setTextDocumentLanguage(document, SOURCE_LANGUAGE);
    if (!this.analysisOf(document)) this.onEdit(document);
  }

  private onEdit(document: vscode.TextDocument): void {
    if (!this.isSource(document.uri)) return;
    const id = document.uri.toString();
    // The edit makes any read or analysis under way for this source stale.
    const ticket = this.nextTicket(id);
    clearTimeout(this.pendingEdits.get(id));
    // Debounced: typing never waits for analysis, and a burst of keystrokes is analysed once.
    this.pendingEdits.set(
      id,
      setTimeout(() => {
        this.pendingEdits.delete(id);
        // Settings may have changed while waiting (a source excluded since the keystroke).
        if (document.isClosed || !this.isSource(document.uri) || this.tickets.get(id) !== ticket) return;
        void this.setEditorText(document, ticket).then(() => this.fireChanged());
      }, this.settings.analysisDelay),
    );
  }

  private onClose(document: vscode.TextDocument): void {
    // Closed with unsaved edits, or its file deleted meanwhile: the disk is the truth again.
    if (this.isSource(document.uri)) this.onDiskChange(document.uri);
  }

  private onDiskCreate(uri: vscode.Uri): void {
    this.queueFromDisk(uri, true);
  }

  private onDiskChange(uri: vscode.Uri): void {
    this.queueFromDisk(uri, false);
  }

  /**
   * What the watcher reports is taken in a few sources at a time, as a scan takes them: an event costs the
   * thread next to nothing when it comes. Ten thousand files copied into the folder came as one burst of
   * events; checking and reading each as it came held the extension host for over 100 ms and started ten
   * thousand reads at once.
   */
  private queueFromDisk(uri: vscode.Uri, created: boolean): void {
    const id = uri.toString();
    this.fromDisk.set(id, { uri, created: created || !!this.fromDisk.get(id)?.created, after: this.ticketCount });
    void this.drainFromDisk();
  }

  private async drainFromDisk(): Promise<void> {
    if (this.drainingFromDisk) return;
    this.drainingFromDisk = true;
    // A scan under way reads the files itself (a folder copied in: its files' events came during the scan
    // that followed, and both read every file): what it read after an event is not read again.
    // (Checked again after a timer: a scan started meanwhile, or an older one still running.)
    while (this.scansUnderWay) await Promise.all([Promise.resolve(this.indexing).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 50))]);
    const runner = async () => {
      for (let next = this.takeFromDisk(); next; next = this.takeFromDisk()) {
        // Events that read nothing (not a source, an unsaved editor's) resolve at once: the thread's slices
        // give it back all the same.
        await threadSlices.turn();
        if ((this.tickets.get(next.uri.toString()) ?? 0) > next.after) continue;
        await this.fromDiskEvent(next.uri, next.created);
      }
    };
    try {
      await Promise.all(Array.from({ length: this.concurrency }, runner));
    } finally {
      this.drainingFromDisk = false;
    }
  }

  private takeFromDisk(): { uri: vscode.Uri; created: boolean; after: number } | undefined {
    const first = this.fromDisk.entries().next();
    if (first.done) return undefined;
    this.fromDisk.delete(first.value[0]);
    return first.value[1];
  }

  private async fromDiskEvent(uri: vscode.Uri, created: boolean): Promise<void> {
    if (this.isSource(uri)) {
      if (this.leftOut(uri) || this.openDocument(uri.toString())?.isDirty) return;
      await this.load(uri);
      this.fireChanged();
      return;
    }
    if (!created) return;
    // A folder moved or copied in whole may be reported as the folder alone, without the files in it.
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || !(stat.type & vscode.FileType.Directory)) return;
    // Every file under it, taken in as changed (the include patterns are relative to the workspace folder).
    for (const found of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), null)) this.queueFromDisk(found, false);
  }

  private onDiskDelete(uri: vscode.Uri): void {
    const id = uri.toString();
    if (this.openDocument(id)?.isDirty) return; // the editor still holds the text the user is working on
    this.nextTicket(id); // a read under way would bring it back
    let changed = this.forget(id);
    // A deleted folder: drop every source under it, and every read or analysis under way for one (the
    // watcher may report the folder alone; a source read before the deletion must not come back).
    const prefix = id.endsWith('/') ? id : `${id}/`;
    for (const under of [...this.tickets.keys()]) {
      if (!under.startsWith(prefix)) continue;
      this.nextTicket(under);
      changed = this.forget(under) || changed;
    }
    if (changed) this.fireChanged();
  }

  /** Re-analyses a document now if an edit is waiting (used by commands that need fresh results). */
  async flush(document: vscode.TextDocument): Promise<void> {
    const id = document.uri.toString();
    const pending = this.pendingEdits.get(id);
    if (pending === undefined) return;
    clearTimeout(pending);
    this.pendingEdits.delete(id);
    await this.setEditorText(document, this.nextTicket(id));
    this.fireChanged();
  }

  /** Tells the views the corpus changed other than through a source (the researcher's corrections, say). */
  notifyChanged(): void {
    this.claimsUnsaved = true;
    this.fireChanged();
  }

  private fireChanged(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      // While a scan lists and reads sources, the build that ends it brings the claims up to date:
      // applied a few at a time as they came, they held the thread 20-50 ms every 30 ms early in a scan
      // of 10,000 sources.
      if (!this.scansUnderWay) {
        // Many sources changed at once (a checkout, a folder copied in): the claims are rebuilt in slices.
        if (this.corpus.claimsNeedFullBuild) void this.buildClaims();
        // A few changed sources: their claims follow now (within the edit's budget), not on the next hover.
        else this.corpus.updateClaims();
      }
      if (this.ready && this.claimsUnsaved) this.saveClaimsLater(CLAIMS_SAVED_AFTER_CHANGE_MS);
      this.changeEmitter.fire();
    }, 30);
  }

  dispose(): void {
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    clearTimeout(this.changeTimer);
    clearTimeout(this.claimSaveTimer);
    clearTimeout(this.packTimer);
    for (const d of this.disposables) d.dispose();
    void this.analyses.then((a) => a.dispose());
  }
}
