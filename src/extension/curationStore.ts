// The researcher's work (corrections, shaped claims, notes, source names) kept with the project: a
// human-readable JSON file in the workspace (`corroborate.json` by default), with sources named by their
// path in the folder, so it can be versioned and shared with co-authors. Every change goes through
// `change`: applied to the corpus at once (every view refreshes), saved, and undoable.
//
// The file is read at start-up and again whenever it changes on disk (a pull, a co-author's edit, a hand
// edit). A file that does not parse or validate is reported with where the problem is and is never
// overwritten (JsonFile); the work done meanwhile stays in memory until the file is fixed or set aside.
import * as vscode from 'vscode';
import { JsonFile, CorruptFileError } from '../core/jsonFile.js';
import { emptyCuration, isEmpty, mapSources, validateCuration, type Curation } from '../core/curation/model.js';
import { reanchor } from '../core/curation/edit.js';
import type { Indexer } from './indexer.js';
import { SECTION } from './config.js';

/** Saved beside the data so that a reader of the file knows what it is. */
const ABOUT = 'Corroborate: corrections, claims and notes for the sources in this folder. Marks are found by their text (exact, prefix, suffix); start and end are where it was last seen.';
const HISTORY = 100;

export class CurationStore implements vscode.Disposable {
  private current: Curation = emptyCuration();
  private readonly history: Curation[] = [];
  private file: JsonFile<Curation> | undefined;
  /** What this store last wrote, so that its own save is not mistaken for a change on disk. */
  private lastWritten: string | undefined;
  /** Saves begun so far: a read of the file that a save overtook may hold an older state, and is dropped. */
  private saves = 0;
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  /** Fires after the curation changed (by a command, an undo or the file changing on disk). */
  readonly onDidChange = this.changedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changedEmitter];
  /** Settles when the file has been read at start-up. */
  readonly loaded: Promise<void>;

  private watching: vscode.Disposable | undefined;

  constructor(private readonly indexer: Indexer) {
    this.open();
    this.loaded = this.serially(() => this.reload());
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${SECTION}.projectFile`)) return;
        // Another file: its work replaces the old file's (which stays on disk as it was).
        this.open();
        void this.serially(() => this.reload());
      }),
      // A source saved after edits: its marks record where their text is now (not an undoable change).
      vscode.workspace.onDidSaveTextDocument((document) => void this.reanchorWhenAnalysed(document)),
    );
  }

  private async reanchorWhenAnalysed(document: vscode.TextDocument): Promise<void> {
    const id = document.uri.toString();
    const marked = (c: Curation) => c.memos.some((m) => m.source === id) || c.claims.some((s) => s.passages.some((m) => m.source === id)) || c.corrections.some((x) => 'source' in x && x.source === id);
    if (!marked(this.current)) return;
    // The marks are resolved on the corpus's text, which follows the editor once the edit is analysed.
    for (let tries = 0; tries < 50 && this.indexer.corpus.get(id)?.text !== document.getText(); tries++) await new Promise((r) => setTimeout(r, 100));
    if (this.indexer.corpus.get(id)?.text !== document.getText()) return;
    const next = reanchor(this.current, this.indexer.corpus, id);
    if (next === this.current) return;
    this.current = next;
    this.indexer.corpus.setCuration(next);
    await this.save();
  }

  /** Reads and watches the project file the settings name. */
  private open(): void {
    this.watching?.dispose();
    this.watching = undefined;
    this.file = undefined;
    this.lastWritten = undefined;
    const uri = this.uri;
    if (uri?.scheme !== 'file') return;
    this.file = new JsonFile(uri.fsPath, (raw) => this.fromDisk(raw));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.workspace.workspaceFolders![0], this.fileName));
    const reload = () => void this.serially(() => this.reload());
    this.watching = vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  private get fileName(): string {
    return vscode.workspace.getConfiguration(SECTION).get<string>('projectFile', 'corroborate.json');
  }

  /** Where the work is saved: in the first workspace folder. */
  get uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, this.fileName);
  }

  get value(): Curation {
    return this.current;
  }

  /** Applies a change of the researcher's, saves it, and keeps the previous state for undo. */
  async change(edit: (c: Curation) => Curation): Promise<void> {
    const next = edit(this.current);
    if (next === this.current) return;
    this.history.push(this.current);
    if (this.history.length > HISTORY) this.history.shift();
    this.apply(next);
    await this.save();
  }

  async undo(): Promise<boolean> {
    const previous = this.history.pop();
    if (!previous) return false;
    this.apply(previous);
    await this.save();
    return true;
  }

  private apply(next: Curation): void {
    this.current = next;
    this.indexer.corpus.setCuration(next);
    this.indexer.notifyChanged();
    this.changedEmitter.fire();
  }

  /** Saves and reads of the file run one at a time: a read never meets a save half done. */
  private queue: Promise<unknown> = Promise.resolve();
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private save(): Promise<void> {
    return this.serially(() => this.saveNow());
  }

  private async saveNow(): Promise<void> {
    if (!this.file) return;
    const onDisk = this.toDisk(this.current);
    try {
      // Nothing to keep and no file yet: a folder the researcher has not worked on stays as it was.
      if (isEmpty(this.current) && (await this.file.load()).state === 'missing') return;
      this.saves++;
      this.lastWritten = canonical(onDisk);
      await this.file.save(onDisk as unknown as Curation);
    } catch (e) {
      const damaged = e instanceof CorruptFileError;
      // Not awaited: the change is applied whatever the researcher answers, and later.
      void vscode.window
        .showErrorMessage(`Corroborate: your change is applied but not saved. ${(e as Error).message}`, ...(damaged ? ['Open File', 'Set Aside and Save'] : []))
        .then((choice) => this.answer(choice));
    }
  }

  private async answer(choice: string | undefined): Promise<void> {
    if (choice === 'Open File' && this.uri) await vscode.window.showTextDocument(this.uri);
    if (choice === 'Set Aside and Save') await this.serially(() => this.setAsideAndSave());
  }

  private async setAsideAndSave(): Promise<void> {
    const kept = await this.file!.setAside();
    void vscode.window.showInformationMessage(`Corroborate: the damaged file was kept as ${vscode.workspace.asRelativePath(kept)}.`);
    await this.saveNow();
  }

  /** Reads the file (at start-up, and when it changed on disk other than by this store). */
  private async reload(): Promise<void> {
    if (!this.file) return;
    const savesBefore = this.saves;
    const loaded = await this.file.load();
    if (this.saves !== savesBefore) return; // a change was saved meanwhile: its own file event reads it again
    if (loaded.state === 'corrupt') {
      void vscode.window
        .showErrorMessage(`Corroborate: ${loaded.message} The work in it is not applied until it is fixed.`, 'Open File', 'Set Aside and Save')
        .then((choice) => this.answer(choice));
      return;
    }
    if (loaded.state === 'ok' && this.lastWritten !== undefined && canonical(this.toDisk(loaded.value)) === this.lastWritten) return;
    const next = loaded.state === 'ok' ? loaded.value : emptyCuration();
    if (canonical(next) === canonical(this.current)) return;
    this.history.push(this.current);
    this.apply(next);
  }

  /** The file's form: sources by path in the workspace folder, with a line saying what the file is. */
  private toDisk(c: Curation): object {
    return { about: ABOUT, ...mapSources(c, (id) => vscode.workspace.asRelativePath(vscode.Uri.parse(id), false)) };
  }

  private fromDisk(raw: unknown): Curation {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const toId = (path: string) => (/^[a-z][\w+.-]*:/i.test(path) || !folder ? path : vscode.Uri.joinPath(folder, path).toString());
    return mapSources(validateCuration(raw), toId);
  }

  dispose(): void {
    this.watching?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** JSON with keys sorted: a value read back from the file compares equal whatever order its keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
