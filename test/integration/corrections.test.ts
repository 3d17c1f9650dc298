// The researcher's corrections in a real VS Code: each through its command, with arguments as hover links
// and the Claims view give them, or with its prompts answered in the workbench's quick pick as a person
// would. Asserted on what the researcher sees (highlights, hovers, speaker hints, the Claims view), on the
// project file, and on undo. Every test leaves the curation empty, and the suite rebuilds the claims at the
// end, so the suites after it see the sample corpus as it was.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CorroborateApi } from '../../src/extension/extension.js';
import type { Annotation, AnnotationKind } from '../../src/core/types.js';
import type { AnnotationKindKey } from '../../src/extension/kinds.js';
import { emptyCuration } from '../../src/core/curation/model.js';
import { activated, open, SEED, uriOf, waitFor } from './helpers.js';

let api: CorroborateApi;

const idOf = (name: string) => uriOf(name).toString();
const projectFile = () => uriOf('corroborate.json').fsPath;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The corrections saved in the project file (none when there is no file). */
function savedCorrections(): Record<string, unknown>[] {
  return existsSync(projectFile()) ? JSON.parse(readFileSync(projectFile(), 'utf8')).corrections : [];
}

/** Where words are in a source's text (the `nth` time they occur). */
function spanOf(name: string, words: string, nth = 0): { start: number; end: number } {
  const text = api.indexer.corpus.get(idOf(name))!.text;
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, `"${words}" not in ${name}`);
  return { start, end: start + words.length };
}

/** The annotation of this kind that starts with these words (a quote's opening mark included). */
function annotation(name: string, kind: AnnotationKind, words: string, nth = 0): Annotation {
  const { start } = spanOf(name, words, nth);
  const a = api.indexer.corpus.annotations(idOf(name)).find((x) => x.kind === kind && x.start === start);
  assert.ok(a, `no ${kind} "${words}" in ${name}`);
  return a;
}

/** The highlighted texts of one kind in an editor: what the highlighter gives `setDecorations`. */
function highlighted(editor: vscode.TextEditor, kind: AnnotationKindKey): string[] {
  return api.highlighter.rangesFor(editor).get(kind)!.map((r) => editor.document.getText(r));
}

async function hoverAt(name: string, offset: number): Promise<string> {
  const uri = uriOf(name);
  const document = await vscode.workspace.openTextDocument(uri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

const hoverOn = (name: string, words: string, nth = 0) => hoverAt(name, spanOf(name, words, nth).start + 1);

async function speakerHints(editor: vscode.TextEditor): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0));
  return hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
}

function select(editor: vscode.TextEditor, name: string, words: string, nth = 0): void {
  const { start, end } = spanOf(name, words, nth);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
}

// ---- Prompts answered in the workbench ----

type Pick = vscode.QuickPick<vscode.QuickPickItem>;
type Answer = (pick: Pick) => Promise<void>;

/** Runs a command that asks through quick picks, answering each in turn. */
async function answering(answers: Answer[], run: () => Thenable<unknown>): Promise<void> {
  const window = vscode.window as { createQuickPick: typeof vscode.window.createQuickPick };
  const create = window.createQuickPick;
  const shown: Pick[] = [];
  window.createQuickPick = (() => {
    const pick = create<vscode.QuickPickItem>();
    shown.push(pick);
    return pick;
  }) as typeof create;
  try {
    const running = run();
    for (const [i, answer] of answers.entries()) await answer(await waitFor(`prompt ${i + 1}`, () => shown[i]));
    await running;
  } finally {
    window.createQuickPick = create;
  }
}

/** Makes an item the active one in the workbench's quick pick and accepts it, as Enter does. */
async function accept(pick: Pick, item: vscode.QuickPickItem): Promise<void> {
  pick.activeItems = [item];
  await sleep(300); // the workbench learns of the active item
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

const choose =
  (label: string, check?: (pick: Pick) => void): Answer =>
  async (pick) => {
    await sleep(300); // shown in the workbench
    check?.(pick);
    const item = pick.items.find((i) => i.label === label && i.kind !== vscode.QuickPickItemKind.Separator);
    assert.ok(item, `"${label}" not offered: ${pick.items.map((i) => i.label).join(', ')}`);
    await accept(pick, item);
  };

const typeIn =
  (text: string): Answer =>
  async (pick) => {
    await sleep(300);
    pick.value = text;
    const item = await waitFor(`"${text}" offered as typed`, () => pick.items.find((i) => i.label === `“${text}”`));
    await accept(pick, item);
  };

// ---- Waiting for saves ----

let projectWatcher: vscode.FileSystemWatcher;

/**
 * Runs something that changes the curation and waits until the project file's watcher has reported the
 * save. The store re-reads the file when the watcher reports a change, and a re-read that overlaps the
 * next save can bring back the state before it (a race in CurationStore): each change waits for its echo.
 */
async function saved(run: () => Thenable<unknown>): Promise<void> {
  const reported = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscriptions.forEach((d) => d.dispose());
      resolve();
    };
    const timer = setTimeout(done, 3000); // nothing written: a folder never worked on stays without a file
    const subscriptions = [projectWatcher.onDidChange(done), projectWatcher.onDidCreate(done)];
  });
  await run();
  await reported;
  await sleep(250); // the store's read of the file it was told of
}

const correct = (command: string, ...args: unknown[]) => saved(() => vscode.commands.executeCommand(command, ...args));

/** The information messages shown while `run` runs. */
async function messagesOf(run: () => Thenable<unknown>): Promise<string[]> {
  const window = vscode.window as { showInformationMessage: (message: string) => Thenable<unknown> };
  const show = window.showInformationMessage;
  const messages: string[] = [];
  window.showInformationMessage = (message: string) => {
    messages.push(message);
    return Promise.resolve(undefined);
  };
  try {
    await run();
  } finally {
    window.showInformationMessage = show;
  }
  return messages;
}

describe('corrections in VS Code', function () {
  this.timeout(90_000);

  before(async () => {
    api = await activated();
    await waitFor('five sources', () => api.indexer.corpus.size === 5);
    api.claimsView.setGrouping('claim');
    projectWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.workspace.workspaceFolders![0], 'corroborate.json'));
  });

  afterEach(async () => {
    await saved(() => api.curation.change(() => emptyCuration()));
    assert.deepEqual(api.curation.value.corrections, [], 'the curation is left empty');
    api.claimsView.setGrouping('claim');
  });

  after(async () => {
    projectWatcher.dispose();
    if (existsSync(projectFile())) rmSync(projectFile());
    // Corrections regroup the claims of the sources they touch one source at a time; a full build gives the
    // next suites the claims a fresh start has.
    await api.indexer.reindex();
  });

  it('removes a quote: its highlight, hover and speaker hint go, the removal is saved, undo brings it back', async () => {
    const editor = await open(SEED.upi);
    const quote = annotation(SEED.upi, 'quote', '“We are incredibly concerned');
    const words = editor.document.getText(new vscode.Range(editor.document.positionAt(quote.start), editor.document.positionAt(quote.end)));
    assert.ok(highlighted(editor, 'quote').includes(words));
    assert.match(await hoverAt(SEED.upi, quote.start + 2), /\*\*Quote\*\* — Vedant Patel/);
    const hints = (await speakerHints(editor)).length;
    // The highlights the editor shows are set by the highlighter's refresh, which the change must trigger.
    const refresh = api.highlighter.refresh;
    let refreshes = 0;
    api.highlighter.refresh = function (this: typeof api.highlighter) {
      refreshes++;
      return refresh.call(this);
    };
    try {
      await correct('corroborate.removeAnnotation', idOf(SEED.upi), quote.start, quote.end, 'quote');
      await waitFor('the highlighter refreshed', () => refreshes > 0);
    } finally {
      api.highlighter.refresh = refresh;
    }
    assert.ok(!highlighted(editor, 'quote').includes(words), 'the quote is no longer highlighted');
    assert.doesNotMatch(await hoverAt(SEED.upi, quote.start + 2), /\*\*Quote\*\*/);
    assert.equal((await speakerHints(editor)).length, hints - 1);
    assert.deepEqual(
      savedCorrections().map((c) => [c.action, c.kind, c.source, (c.anchor as { exact: string }).exact]),
      [['remove', 'quote', SEED.upi, words]],
    );
    await correct('corroborate.undoCuration');
    assert.ok(highlighted(editor, 'quote').includes(words), 'undo brings the highlight back');
    assert.match(await hoverAt(SEED.upi, quote.start + 2), /\*\*Quote\*\* — Vedant Patel/);
    assert.deepEqual(savedCorrections(), []);
  });

  it('removes what is at the cursor, asking which when several annotations overlap there', async () => {
    const editor = await open(SEED.upi);
    const alone = spanOf(SEED.upi, 'hundreds of square miles');
    editor.selection = new vscode.Selection(editor.document.positionAt(alone.start + 3), editor.document.positionAt(alone.start + 3));
    await correct('corroborate.removeAnnotation');
    assert.ok(!highlighted(editor, 'number').includes('hundreds of square miles'));
    // `over 10,000` is inside a quote: the figure comes first in the prompt, the quote after it.
    const figure = spanOf(SEED.upi, 'over 10,000');
    editor.selection = new vscode.Selection(editor.document.positionAt(figure.start + 6), editor.document.positionAt(figure.start + 6));
    await saved(() =>
      answering(
        [choose('Number: over 10,000', (pick) => assert.deepEqual(pick.items.map((i) => i.label.split(':')[0]), ['Number', 'Quote']))],
        () => vscode.commands.executeCommand('corroborate.removeAnnotation'),
      ),
    );
    assert.ok(!highlighted(editor, 'number').includes('over 10,000'));
    assert.ok(highlighted(editor, 'quote').some((q) => q.includes('over 10,000')), 'the quote around it stays');
    assert.deepEqual(savedCorrections().map((c) => [c.action, c.kind]), [['remove', 'number'], ['remove', 'number']]);
  });

  it('adds a quote from a selection, with the speaker given, picked or typed in', async () => {
    const reuters = await open(SEED.reuters);
    const given = spanOf(SEED.reuters, 'Pyongyang and Moscow have not openly confirmed that North Korean troops are aiding Russia\'s war effort.');
    await correct('corroborate.addQuote', idOf(SEED.reuters), given.start, given.end, 'Reuters');
    assert.ok(highlighted(reuters, 'quote').some((q) => q.startsWith('Pyongyang and Moscow have not openly confirmed')));
    assert.match(await hoverOn(SEED.reuters, 'openly confirmed'), /\*\*Quote\*\* — Reuters/);
    assert.ok((await speakerHints(reuters)).includes('— Reuters'));

    const upi = await open(SEED.upi);
    select(upi, SEED.upi, 'Russia has trained the North Korean soldiers in artillery');
    const here = new Set([...api.indexer.corpus.entities.records()].filter((r) => r.docs.has(idOf(SEED.upi))).map((r) => r.name));
    const speakersOffered = (pick: Pick) => {
      const labels = pick.items.map((i) => i.label);
      assert.equal(labels[0], 'No speaker');
      assert.equal(labels[2], 'Vedant Patel', 'the most mentioned in this source first');
      assert.ok(labels.includes('Kim Jong Un') && labels.includes('Volodymyr Zelenskyy'), 'people of every source');
      const elsewhere = labels.indexOf('In other sources');
      assert.ok(elsewhere > 2 && labels.slice(2, elsewhere).every((l) => here.has(l)), 'this source’s people and organisations before the others');
      assert.ok(labels.slice(elsewhere + 1).every((l) => !here.has(l)));
    };
    await saved(() => answering([typeIn('A Pentagon official')], () => vscode.commands.executeCommand('corroborate.addQuote')));
    assert.match(await hoverOn(SEED.upi, 'has trained the North'), /\*\*Quote\*\* — A Pentagon official/);
    assert.deepEqual(savedCorrections().map((c) => [c.action, c.kind, c.speaker]), [['add', 'quote', 'Reuters'], ['add', 'quote', 'A Pentagon official']]);

    // The speaker list, checked on a prompt that is then answered "No speaker".
    select(upi, SEED.upi, 'He stressed that the effectiveness of the North Korean troops');
    await saved(() => answering([choose('No speaker', speakersOffered)], () => vscode.commands.executeCommand('corroborate.addQuote')));
    assert.match(await hoverOn(SEED.upi, 'He stressed that'), /\*\*Quote\*\* — speaker not identified/);
  });

  it('adds an entity from a selection, as written, under another name, or as a known entity’s other name', async () => {
    const editor = await open(SEED.upi);
    const span = spanOf(SEED.upi, 'military intelligence');
    await correct('corroborate.addEntity', idOf(SEED.upi), span.start, span.end, 'ORG', 'South Korean military intelligence');
    assert.ok(highlighted(editor, 'org').includes('military intelligence'));
    assert.match(await hoverAt(SEED.upi, span.start + 1), /\*\*South Korean military intelligence\*\* · organisation/);

    // "Russians" is a place here: Russia, picked among the known places (those sharing its words first).
    select(editor, SEED.upi, 'Russians');
    await saved(() =>
      answering(
        [
          choose('Place'),
          choose('Russia', (pick) => {
            const labels = pick.items.map((i) => i.label);
            assert.equal(labels[0], 'Russians', 'as written comes first');
            assert.equal(labels[labels.indexOf('Known places') + 1], 'Russia', 'the known place sharing its words comes first');
          }),
        ],
        () => vscode.commands.executeCommand('corroborate.addEntity'),
      ),
    );
    assert.ok(highlighted(editor, 'place').includes('Russians'));
    const md = await hoverOn(SEED.upi, 'Russians');
    assert.match(md, /\*\*Russia\*\* · place/);
    assert.match(md, /Also written: .*`Russians`/);
    assert.deepEqual(savedCorrections().map((c) => [c.action, c.kind, c.label, c.name]), [['add', 'entity', 'ORG', 'South Korean military intelligence'], ['add', 'entity', 'PLACE', 'Russia']]);
  });

  it('adds a number from a selection, and the claim’s verdict across sources follows it', async () => {
    const editor = await open(SEED.upi);
    const claimOfIt = () => api.indexer.corpus.claimAt(idOf(SEED.upi), spanOf(SEED.upi, 'over 10,000').start)!.claim;
    assert.equal(claimOfIt().status, 'agree');
    const bare = spanOf(SEED.upi, '10,000');
    await correct('corroborate.addNumber', idOf(SEED.upi), bare.start, bare.end);
    assert.ok(highlighted(editor, 'number').includes('10,000'));
    assert.ok(!highlighted(editor, 'number').includes('over 10,000'), 'the figure it overlapped is replaced');
    const md = await hoverAt(SEED.upi, bare.start + 1);
    assert.match(md, /\*\*Figure\*\* `10,000`/);
    assert.match(md, /approximately/, 'without "over", the other sources agree only approximately');
    assert.equal(claimOfIt().status, 'approximate');
    const row = await waitFor('the Claims view updated', () => api.claimsView.getChildren().find((n) => n.claim?.id === claimOfIt().id && /figures agree approximately/.test(n.description ?? '')));
    assert.ok(row);
    assert.deepEqual(savedCorrections().map((c) => [c.action, c.kind, (c.anchor as { exact: string }).exact]), [['add', 'number', '10,000']]);
    await correct('corroborate.undoCuration');
    assert.equal(claimOfIt().status, 'agree');
  });

  it('changes the speaker of the quote at the cursor, in the hover, the hint and the Claims view by speaker', async () => {
    const editor = await open(SEED.upi);
    const quote = annotation(SEED.upi, 'quote', '“There are a couple of items on the bucket list');
    editor.selection = new vscode.Selection(editor.document.positionAt(quote.start + 10), editor.document.positionAt(quote.start + 10));
    await saved(() => answering([choose('Kim Jong Un')], () => vscode.commands.executeCommand('corroborate.changeSpeaker')));
    assert.match(await hoverAt(SEED.upi, quote.start + 2), /\*\*Quote\*\* — Kim Jong Un/);
    assert.ok((await speakerHints(editor)).includes('— Kim Jong Un'));
    api.claimsView.setGrouping('speaker');
    const kim = await waitFor('Kim Jong Un among the speakers', () => api.claimsView.getChildren().find((n) => n.label === 'Kim Jong Un'));
    assert.ok(api.claimsView.getChildren(kim).some((p) => p.location?.doc === idOf(SEED.upi) && p.location.start === quote.start));
    assert.deepEqual(savedCorrections().map((c) => [c.action, c.speaker]), [['speaker', 'Kim Jong Un']]);
    // By nobody the text names, through the arguments a hover link would pass.
    await correct('corroborate.changeSpeaker', idOf(SEED.upi), quote.start, quote.end, null);
    assert.match(await hoverAt(SEED.upi, quote.start + 2), /\*\*Quote\*\* — speaker not identified/);
    assert.deepEqual(savedCorrections().map((c) => [c.action, c.speaker]), [['speaker', null]]);
  });

  it('changes an entity’s type in every source, and back', async () => {
    const kursk = annotation(SEED.upi, 'entity', 'Kursk');
    const elsewhere = SEED.reuters;
    assert.match(await hoverOn(elsewhere, 'Kursk region'), /\*\*Kursk\*\* · place/);
    await correct('corroborate.changeEntityType', idOf(SEED.upi), kursk.start, kursk.end, 'ORG');
    assert.match(await hoverOn(elsewhere, 'Kursk region'), /\*\*Kursk\*\* · organisation/, 'in another source too');
    const editor = await open(elsewhere);
    assert.ok(highlighted(editor, 'org').includes('Kursk'));
    assert.ok(!highlighted(editor, 'place').includes('Kursk'));
    assert.deepEqual(savedCorrections(), [{ action: 'retype', entity: 'Kursk', label: 'PLACE', to: 'ORG' }]);
    await correct('corroborate.changeEntityType', idOf(SEED.upi), kursk.start, kursk.end, 'PLACE');
    assert.match(await hoverOn(elsewhere, 'Kursk region'), /\*\*Kursk\*\* · place/);
    assert.deepEqual(savedCorrections(), [], 'back to its first type, nothing is left to correct');
  });

  it('merges an entity into another: one entity, the other’s name an alias, its mentions and sources joined; split undoes it', async () => {
    const before = await hoverOn(SEED.upi, 'Pyongyang');
    const times = (md: string) => Number(md.match(/\*\*(\d+)\*\* times?/)![1]);
    const northKorea = await hoverOn(SEED.reuters, "North Korea's official name");
    assert.doesNotMatch(northKorea, /`Pyongyang`/);
    const pyongyang = annotation(SEED.upi, 'entity', 'Pyongyang');
    await correct('corroborate.mergeEntity', idOf(SEED.upi), pyongyang.start, pyongyang.end, { name: 'North Korea', label: 'PLACE' });
    const merged = await hoverOn(SEED.upi, 'Pyongyang');
    assert.match(merged, /\*\*North Korea\*\* · place/);
    assert.match(merged, /Also written: .*`Pyongyang`/);
    const fromElsewhere = await hoverOn(SEED.reuters, "North Korea's official name");
    assert.match(fromElsewhere, /Also written: .*`Pyongyang`/, 'the other source’s mention lists the merged name');
    assert.equal(times(fromElsewhere), times(northKorea) + times(before), 'the mentions are counted together');
    assert.match(fromElsewhere, /Mentioned in \*\*5\*\* sources/);
    api.claimsView.setGrouping('entity');
    await waitFor('the Pyongyang row gone', () => !api.claimsView.getChildren().some((n) => n.label === 'Pyongyang'));
    assert.deepEqual(savedCorrections(), [{ action: 'merge', entity: 'Pyongyang', label: 'PLACE', into: 'North Korea', intoLabel: 'PLACE' }]);
    // The merged name is offered for splitting, in the hover and by the command.
    assert.match(merged, /command:corroborate\.splitEntity\?/);
    await correct('corroborate.splitEntity', idOf(SEED.upi), pyongyang.start, pyongyang.end, 'Pyongyang');
    assert.match(await hoverOn(SEED.upi, 'Pyongyang'), /\*\*Pyongyang\*\* · place/);
    assert.doesNotMatch(await hoverOn(SEED.reuters, "North Korea's official name"), /`Pyongyang`/);
    await waitFor('the Pyongyang row back', () => api.claimsView.getChildren().some((n) => n.label === 'Pyongyang'));
    assert.deepEqual(savedCorrections(), []);
  });

  it('corrects an entity from its row in the Claims view grouped by entity: split, merge, change type', async () => {
    const menus = vscode.extensions.getExtension('corroborate.corroborate')!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string }[];
    for (const c of ['changeEntityType', 'mergeEntity', 'splitEntity']) {
      assert.ok(menus.some((m) => m.command === `corroborate.${c}` && /viewItem == entity/.test(m.when)), `${c} on entity rows`);
    }
    api.claimsView.setGrouping('entity');
    const row = (label: string) => waitFor(`the ${label} row`, () => api.claimsView.getChildren().find((n) => n.label === label));
    const department = await row('U.S. State Department');
    assert.equal(api.claimsView.getTreeItem(department).contextValue, 'entity');
    // "State Department" is the short form the corpus joined to the full name: it can be kept apart.
    await saved(() => answering([choose('State Department')], () => vscode.commands.executeCommand('corroborate.splitEntity', department)));
    assert.match(await hoverOn(SEED.upi, 'State Department deputy'), /\*\*State Department\*\* · organisation/);
    const apart = await row('State Department');
    assert.deepEqual(savedCorrections(), [{ action: 'split', entity: 'State Department', label: 'ORG' }]);
    await saved(() => answering([choose('U.S. State Department')], () => vscode.commands.executeCommand('corroborate.mergeEntity', apart)));
    assert.match(await hoverOn(SEED.upi, 'State Department deputy'), /\*\*U\\\.S\\\. State Department\*\* · organisation/);
    assert.deepEqual(savedCorrections().map((c) => [c.action, c.entity, c.into]), [['merge', 'State Department', 'U.S. State Department']]);
    const nato = await row('North Atlantic Treaty Organization');
    await saved(() => answering([choose('Place')], () => vscode.commands.executeCommand('corroborate.changeEntityType', nato)));
    assert.match(await hoverOn(SEED.upi, 'NATO'), /\*\*North Atlantic Treaty Organization\*\* · place/);
    await waitFor('the row shown as a place', () => api.claimsView.getChildren().some((n) => n.label === 'North Atlantic Treaty Organization' && /^place/.test(n.description ?? '')));
  });

  it('hovers end with links that correct the hovered item, trusted for those commands only', async () => {
    const quote = annotation(SEED.upi, 'quote', '“Some of the challenges');
    const md = await hoverAt(SEED.upi, quote.start + 2);
    assert.match(md, /\[Remove\]\(command:corroborate\.removeAnnotation\?[^)]+\) · \[Change speaker…\]\(command:corroborate\.changeSpeaker\?/);
    assert.match(await hoverOn(SEED.upi, 'hundreds of square miles'), /\[Remove\]\(command:corroborate\.removeAnnotation\?[^)]+\)\s*$/);
    assert.match(await hoverOn(SEED.upi, 'Vedant Patel'), /\[Remove\].*· \[Change type…\].*· \[Merge into…\]/);
    const uri = uriOf(SEED.upi);
    const document = await vscode.workspace.openTextDocument(uri);
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(quote.start + 2));
    const trusted = (hover.contents[0] as vscode.MarkdownString).isTrusted;
    if (typeof trusted === 'object') assert.deepEqual([...trusted.enabledCommands].sort(), ['corroborate.changeEntityType', 'corroborate.changeSpeaker', 'corroborate.mergeEntity', 'corroborate.openPassage', 'corroborate.removeAnnotation', 'corroborate.splitEntity']);
    else assert.notEqual(trusted, true, 'never trusts every command');
    // The link's arguments are what the command takes: following it removes the quote.
    const args = JSON.parse(decodeURIComponent(md.match(/command:corroborate\.removeAnnotation\?([^ )]+)/)![1]));
    assert.deepEqual(args, [idOf(SEED.upi), quote.start, quote.end, 'quote']);
    await correct('corroborate.removeAnnotation', ...args);
    assert.doesNotMatch(await hoverAt(SEED.upi, quote.start + 2), /\*\*Quote\*\*/);
  });

  it('says why instead of changing anything: empty selection, a file that is not a source, an annotation no longer there', async () => {
    const editor = await open(SEED.upi);
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    assert.match((await messagesOf(() => vscode.commands.executeCommand('corroborate.addQuote'))).join('\n'), /select the words of the quote first: the selection is empty/);
    assert.match((await messagesOf(() => vscode.commands.executeCommand('corroborate.addNumber'))).join('\n'), /selection is empty/);
    const notes = uriOf('notes.md');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('# Notes\n\nVedant Patel said so.\n'));
    try {
      const other = await vscode.window.showTextDocument(notes);
      other.selection = new vscode.Selection(2, 0, 2, 12);
      assert.match((await messagesOf(() => vscode.commands.executeCommand('corroborate.addEntity'))).join('\n'), /notes\.md is not one of the sources Corroborate analyses/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(notes);
    }
    assert.match((await messagesOf(() => vscode.commands.executeCommand('corroborate.removeAnnotation', idOf(SEED.upi), 0, 3, 'quote'))).join('\n'), /that quote is no longer there/);
    assert.match((await messagesOf(() => vscode.commands.executeCommand('corroborate.splitEntity', idOf(SEED.upi), spanOf(SEED.upi, 'Kursk').start, spanOf(SEED.upi, 'Kursk').end))).join('\n'), /no other name to split off/);
    assert.deepEqual(api.curation.value.corrections, []);
    assert.deepEqual(savedCorrections(), []);
  });
});
