// Activation and wiring: the indexer keeps the core's corpus in step with the workspace; every view is a
// thin adapter over the corpus.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Indexer, SOURCE_LANGUAGE } from './indexer.js';
import { Highlighter } from './decorations.js';
import { SpeakerHints } from './speakerHints.js';
import { CrossSourceHovers } from './hovers.js';
import { SameItemProvider } from './references.js';
import { ClaimsView, VIEW_ID, type Grouping } from './claimsView.js';
import { StatusBar } from './statusBar.js';
import { OPEN_PASSAGE, openPassage } from './commands/openPassage.js';
import { comparePassage, goToSource, PassageDocuments, PASSAGE_SCHEME } from './commands/navigate.js';
import { exportClaimsCommand } from './commands/exportClaims.js';
import { renameSourceCommand } from './commands/renameSource.js';
import { toggleHighlight } from './commands/toggleHighlight.js';
import { CurationStore } from './curationStore.js';
import { nameSourcesBy } from './locations.js';
import { CoverageMatrix } from './coverageMatrix.js';
import { registerClaimShaping } from './commands/shapeClaims.js';
import { registerCorrections } from './commands/corrections.js';

/** What tests and other extensions can reach: the same objects the views use. */
export interface CorroborateApi {
  indexer: Indexer;
  highlighter: Highlighter;
  claimsView: ClaimsView;
  statusBar: StatusBar;
  curation: CurationStore;
}

export function activate(context: vscode.ExtensionContext): CorroborateApi {
  const storage = context.storageUri ?? context.globalStorageUri;
  const indexer = new Indexer({ workerFile: join(__dirname, 'worker.js'), cacheDir: join(storage.fsPath, 'analyses') });
  const highlighter = new Highlighter(indexer);
  const claimsView = new ClaimsView(indexer);
  const passages = new PassageDocuments();
  const selector: vscode.DocumentSelector = { language: SOURCE_LANGUAGE };
  const sameItem = new SameItemProvider(indexer);
  const hints = new SpeakerHints(indexer);
  const statusBar = new StatusBar(indexer);
  const curation = new CurationStore(indexer);
  nameSourcesBy(indexer.corpus);
  const command = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, run);
  const groupBy = (g: Grouping) => () => claimsView.setGrouping(g);

  context.subscriptions.push(
    indexer,
    highlighter,
    claimsView,
    hints,
    statusBar,
    curation,
    ...registerClaimShaping(indexer, claimsView, curation),
    ...registerCorrections(indexer, curation),
    vscode.languages.registerHoverProvider(selector, new CrossSourceHovers(indexer)),
    vscode.languages.registerDefinitionProvider(selector, sameItem),
    vscode.languages.registerReferenceProvider(selector, sameItem),
    vscode.languages.registerInlayHintsProvider(selector, hints),
    vscode.workspace.registerTextDocumentContentProvider(PASSAGE_SCHEME, passages),
    command(OPEN_PASSAGE, (id: string, start: number, end: number) => openPassage(indexer, id, start, end)),
    command('corroborate.analyseWorkspace', () => indexer.reindex(true)),
    command('corroborate.showClaims', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    command('corroborate.comparePassage', (target?: { doc: string; start: number }) => comparePassage(indexer, passages, target)),
    command('corroborate.nextSource', () => goToSource(indexer, 1)),
    command('corroborate.previousSource', () => goToSource(indexer, -1)),
    command('corroborate.toggleHighlight', toggleHighlight),
    command('corroborate.undoCuration', async () => {
      if (!(await curation.undo())) void vscode.window.showInformationMessage('Corroborate: nothing to undo.');
    }),
    command('corroborate.exportClaims', (format?, target?) => exportClaimsCommand(indexer, format, target)),
    command('corroborate.renameSource', (target?, name?) => renameSourceCommand(indexer, curation, target, name)),
    command('corroborate.groupByClaim', groupBy('claim')),
    command('corroborate.groupByStory', groupBy('story')),
    command('corroborate.groupBySpeaker', groupBy('speaker')),
    command('corroborate.groupByEntity', groupBy('entity')),
    command('corroborate.groupByNumber', groupBy('number')),
    command('corroborate.showCoverage', () => CoverageMatrix.show(context.extensionUri, indexer)),
  );
  void vscode.commands.executeCommand('setContext', 'corroborate.grouping', 'claim');
  void indexer.whenReady();
  return { indexer, highlighter, claimsView, statusBar, curation };
}

export function deactivate(): void {}
