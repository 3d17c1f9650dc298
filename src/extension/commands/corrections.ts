// The researcher's corrections from the editor: remove a wrong quote, entity or number; add one the
// annotators missed from a selection; change a quote's speaker or an entity's type; merge two entities
// into one or split one. Each command runs from the palette and the editor's context menu (asking for
// what it needs), and with arguments from hover links, the Claims view and tests. Every change goes
// through the curation store: applied at once to the corpus (highlights, hovers, hints and claims follow
// through the indexer's change event), saved to the project file, and undoable.
import * as vscode from 'vscode';
import { SOURCE_LANGUAGE, type Indexer } from '../indexer.js';
import type { CurationStore } from '../curationStore.js';
import type { Node } from '../claimsView.js';
import type { Corpus, CorpusDocument } from '../../core/corpus.js';
import { entityKey, type EntityRecord } from '../../core/entities/registry.js';
import * as edit from '../../core/curation/edit.js';
import type { Curation, MergeCorrection } from '../../core/curation/model.js';
import type { Annotation, AnnotationKind, EntityLabel, QuoteAnnotation, Span } from '../../core/types.js';
import { excerpt } from '../excerpt.js';
import { sourceLabel } from '../locations.js';

export const CORRECTION_COMMANDS = {
  remove: 'corroborate.removeAnnotation',
  addQuote: 'corroborate.addQuote',
  addEntity: 'corroborate.addEntity',
  addNumber: 'corroborate.addNumber',
  changeSpeaker: 'corroborate.changeSpeaker',
  changeEntityType: 'corroborate.changeEntityType',
  mergeEntity: 'corroborate.mergeEntity',
  splitEntity: 'corroborate.splitEntity',
} as const;

/** What hover links may run: a hover's markdown trusts these commands and no others. */
export const CORRECTION_LINK_COMMANDS: readonly string[] = [
  CORRECTION_COMMANDS.remove,
  CORRECTION_COMMANDS.changeSpeaker,
  CORRECTION_COMMANDS.changeEntityType,
  CORRECTION_COMMANDS.mergeEntity,
  CORRECTION_COMMANDS.splitEntity,
];

const LABELS: readonly EntityLabel[] = ['PERSON', 'ORG', 'PLACE'];
const LABEL_NAMES: Record<EntityLabel, string> = { PERSON: 'person', ORG: 'organisation', PLACE: 'place' };
const LABEL_ICONS: Record<EntityLabel, string> = { PERSON: 'person', ORG: 'organization', PLACE: 'location' };
const KINDS: readonly AnnotationKind[] = ['quote', 'entity', 'number'];

function say(message: string): undefined {
  void vscode.window.showInformationMessage(`Corroborate: ${message}`);
  return undefined;
}

function done(what: string): void {
  vscode.window.setStatusBarMessage(`$(check) Corroborate: ${what}. "Undo Last Correction or Claim Change" takes it back.`, 6000);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const mentionCount = (r: EntityRecord) => [...r.docs.values()].reduce((s, n) => s + n, 0);
const isEntityNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && (x as Node).contextValue === 'entity';

/**
 * The names an entity's mentions carry in their own sources (after the researcher's rules): entity rules
 * match mentions by these, so a rule per name reaches every mention, including the short forms (`State
 * Department`) the corpus joined to the long one.
 */
function mentionNames(corpus: Corpus, record: EntityRecord): string[] {
  return corpus.remember(`correction-names:${record.label}:${record.key}`, () => {
    const names = new Map<string, string>();
    for (const id of record.docs.keys()) {
      for (const e of corpus.get(id)?.analysis.entities ?? []) {
        if (e.label === record.label && !names.has(entityKey(e.name)) && corpus.entity(e).key === record.key) names.set(entityKey(e.name), e.name);
      }
    }
    return [...names.values()];
  });
}

interface SplitChoice {
  name: string;
  /** The researcher's merge that joined it, when it was theirs; else the corpus joined a short form. */
  merged?: MergeCorrection;
}

/**
 * What can be split off an entity: names the researcher merged into it, and short forms joined to it across
 * sources or within an article (a surname, an organisation without its country). Spellings of one name (`Zelensky`
 * / `Zelenskyy`) are the same name, and are not offered.
 */
export function splitChoices(corpus: Corpus, curation: Curation, record: EntityRecord): SplitChoice[] {
  const choices: SplitChoice[] = [];
  for (const x of curation.corrections) {
    if (x.action === 'merge' && x.intoLabel === record.label && corpus.entity({ name: x.into, label: x.intoLabel }).key === record.key) choices.push({ name: x.entity, merged: x });
  }
  // Short forms joined across sources or within an article, among the words written (`Kim`). Not the names
  // every mention carries: reading them walks every source of the entity, and this runs on each hover.
  const offered = new Set(choices.map((c) => entityKey(c.name)));
  for (const name of record.aliases) {
    const key = entityKey(name);
    if (!offered.has(key) && record.key.endsWith(` ${key}`)) {
      offered.add(key);
      choices.push({ name });
    }
  }
  return choices;
}

/** The action links at the bottom of a hover on an annotation (command links with their arguments). */
export function correctionLinks(corpus: Corpus, doc: string, a: Annotation): string {
  const link = (text: string, command: string, args: unknown[], tip: string) => `[${text}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${tip}")`;
  const at = [doc, a.start, a.end];
  const remove = (tip: string) => link('Remove', CORRECTION_COMMANDS.remove, [...at, a.kind], tip);
  switch (a.kind) {
    case 'quote':
      return [remove('Not a quote: remove it'), link('Change speaker…', CORRECTION_COMMANDS.changeSpeaker, at, 'Say who said it')].join(' · ');
    case 'number':
      return remove('Not a figure: remove it');
    case 'entity': {
      const record = corpus.entity(a);
      const links = [
        remove('Not an entity: remove this mention'),
        link('Change type…', CORRECTION_COMMANDS.changeEntityType, at, 'Person, organisation or place: for every mention in every source'),
        link('Merge into…', CORRECTION_COMMANDS.mergeEntity, at, 'Another name of an entity: one entity, in every source'),
      ];
      if (splitChoices(corpus, corpus.curation, record).length) links.push(link('Split…', CORRECTION_COMMANDS.splitEntity, at, 'Keep one of its names apart'));
      return links.join(' · ');
    }
  }
}

interface Choice<T> extends vscode.QuickPickItem {
  value?: T;
}

/**
 * A quick pick (one helper for all, so that every prompt behaves alike). With `typed`, what the user types
 * is offered too, after the matches (a new speaker's name, say). Resolves to the picked value, undefined
 * when dismissed.
 */
function ask<T>(title: string, placeholder: string, items: Choice<T>[], typed?: { description: string; value: (text: string) => T }): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<Choice<T>>();
  pick.title = title;
  pick.placeholder = placeholder;
  pick.items = items;
  pick.matchOnDescription = true;
  if (typed) {
    pick.onDidChangeValue((value) => {
      const text = value.trim().replace(/\s+/g, ' ');
      const known = items.some((i) => i.kind !== vscode.QuickPickItemKind.Separator && i.label.toLowerCase() === text.toLowerCase());
      // In quote marks: an exact label would rank first, above the known name the user is typing towards.
      pick.items = text && !known ? [...items, { label: `“${text}”`, description: typed.description, alwaysShow: true, iconPath: new vscode.ThemeIcon('add'), value: typed.value(text) }] : items;
    });
  }
  return new Promise((resolve) => {
    let result: T | undefined;
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!item || item.kind === vscode.QuickPickItemKind.Separator) return;
      result = item.value;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}

const separator = <T>(label: string): Choice<T> => ({ label, kind: vscode.QuickPickItemKind.Separator });

function entityItem(r: EntityRecord, note?: string): Choice<EntityRecord> {
  return {
    label: r.name,
    description: [LABEL_NAMES[r.label], plural(r.docs.size, 'source'), plural(mentionCount(r), 'mention'), note].filter(Boolean).join(' · '),
    iconPath: new vscode.ThemeIcon(LABEL_ICONS[r.label]),
    value: r,
  };
}

function describe(a: Annotation): Choice<Annotation> {
  switch (a.kind) {
    case 'quote':
      return { label: `Quote: ${excerpt(a.text, 60)}`, description: a.speaker ? `— ${a.speaker.name}` : 'speaker not identified', iconPath: new vscode.ThemeIcon('quote'), value: a };
    case 'entity':
      return { label: `${LABEL_NAMES[a.label][0].toUpperCase()}${LABEL_NAMES[a.label].slice(1)}: ${a.text}`, description: a.name !== a.text ? a.name : undefined, iconPath: new vscode.ThemeIcon(LABEL_ICONS[a.label]), value: a };
    case 'number':
      return { label: `Number: ${a.text}`, description: a.label, iconPath: new vscode.ThemeIcon('symbol-number'), value: a };
  }
}

class Corrections {
  constructor(
    private readonly indexer: Indexer,
    private readonly curation: CurationStore,
  ) {}

  private get corpus(): Corpus {
    return this.indexer.corpus;
  }

  /** The analysed source in the active editor, or a message saying why there is none. */
  private async activeSource(doThis: string): Promise<{ editor: vscode.TextEditor; doc: CorpusDocument } | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return say(`open a source and ${doThis} first.`);
    const document = editor.document;
    const name = vscode.workspace.asRelativePath(document.uri);
    if (document.languageId !== SOURCE_LANGUAGE || !this.indexer.isSource(document.uri)) return say(`${name} is not one of the sources Corroborate analyses (see the corroborate.include setting).`);
    await this.indexer.flush(document);
    const doc = this.indexer.analysisOf(document);
    if (doc) return { editor, doc };
    return say(this.corpus.has(document.uri.toString()) ? `${name} is being analysed again; try once more in a moment.` : `${name} is not analysed (the status bar lists skipped sources).`);
  }

  /** The words to annotate: the span given, else the editor's selection (trimmed of spaces). */
  private async selected(what: string, args: unknown[]): Promise<{ doc: string; span: Span; text: string } | undefined> {
    const [id, start, end] = args;
    if (typeof id === 'string') {
      const text = this.corpus.get(id)?.text;
      if (text === undefined) return say(`${sourceLabel(id)} is not an analysed source.`);
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number) || (end as number) > text.length) return say(`there is no text at ${start}–${end} in ${sourceLabel(id)}.`);
      return { doc: id, span: { start: start as number, end: end as number }, text: text.slice(start as number, end as number) };
    }
    const at = await this.activeSource(`select the words of the ${what}`);
    if (!at) return undefined;
    const selections = at.editor.selections.filter((s) => !s.isEmpty);
    if (!selections.length) return say(`select the words of the ${what} first: the selection is empty.`);
    if (selections.length > 1) return say(`select one stretch of text for the ${what}, not several.`);
    const text = at.doc.text;
    let from = at.editor.document.offsetAt(selections[0].start);
    let to = at.editor.document.offsetAt(selections[0].end);
    if (to > text.length) return say('the selection runs past the part of the source that is analysed (corroborate.maxFileSize).');
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (from === to) return say(`select the words of the ${what} first: the selection holds only spaces.`);
    return { doc: at.doc.id, span: { start: from, end: to }, text: text.slice(from, to) };
  }

  /** The annotation given by (doc, start, end) and kind, or a message when it is no longer there. */
  private given<K extends AnnotationKind>(id: unknown, start: unknown, end: unknown, kind: K): { doc: string; a: Extract<Annotation, { kind: K }> } | undefined {
    if (typeof id !== 'string' || !this.corpus.has(id)) return say(`${typeof id === 'string' ? sourceLabel(id) : String(id)} is not an analysed source.`);
    const a = this.corpus.annotations(id).find((x) => x.kind === kind && x.start === start && x.end === end);
    return a ? { doc: id, a: a as Extract<Annotation, { kind: K }> } : say(`that ${kind} is no longer there (the source has changed since).`);
  }

  /** Annotations of these kinds at the cursor (or overlapping the selection), innermost first. */
  private async atCursor(kinds: readonly AnnotationKind[], what: string): Promise<{ doc: string; items: Annotation[] } | undefined> {
    const at = await this.activeSource(`place the cursor on a ${what}`);
    if (!at) return undefined;
    const { document, selection } = at.editor;
    const [from, to] = [document.offsetAt(selection.start), document.offsetAt(selection.end)];
    const items = this.corpus
      .annotations(at.doc.id)
      .filter((a) => kinds.includes(a.kind) && a.start <= to && from <= a.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    return items.length ? { doc: at.doc.id, items } : say(`there is no ${what} at the cursor.`);
  }

  /** The entity a command is about: a Claims view row, a mention given by (doc, start, end), or the one at the cursor. */
  private async entityTarget(args: unknown[]): Promise<EntityRecord | undefined> {
    const [first, start, end] = args;
    let record: EntityRecord | undefined;
    if (isEntityNode(first)) {
      const label = LABELS.find((l) => first.description?.startsWith(l.toLowerCase()));
      record = this.corpus.entities.records().find((r) => `entity/${r.key}` === first.id && (!label || r.label === label));
      if (!record) return say(`“${first.label}” is no longer among the entities (the sources have changed since).`);
    } else if (typeof first === 'string') {
      const found = this.given(first, start, end, 'entity');
      record = found && this.corpus.entity(found.a);
    } else {
      const found = await this.atCursor(['entity'], 'person, organisation or place');
      record = found && this.corpus.entity(found.items[0] as Extract<Annotation, { kind: 'entity' }>);
    }
    return record;
  }

  private async change(correct: (c: Curation) => Curation, what: string): Promise<void> {
    await this.curation.change(correct);
    done(what);
  }

  // ---- Remove ----

  async remove(...args: unknown[]): Promise<void> {
    let target: { doc: string; a: Annotation } | undefined;
    if (typeof args[0] === 'string') {
      const kind = args[3] as AnnotationKind;
      if (!KINDS.includes(kind)) return void say(`say which kind of annotation to remove (quote, entity or number), not “${String(kind)}”.`);
      target = this.given(args[0], args[1], args[2], kind);
    } else {
      const found = await this.atCursor(KINDS, 'quote, entity or number');
      if (!found) return;
      const a = found.items.length === 1 ? found.items[0] : await ask('Remove which annotation?', 'Several overlap at the cursor; the innermost comes first', found.items.map(describe));
      target = a && { doc: found.doc, a };
    }
    if (!target) return;
    const { doc, a } = target;
    await this.change((c) => edit.removeAnnotation(c, this.corpus, doc, a), `removed the ${a.kind} “${excerpt(a.kind === 'quote' ? a.text : this.corpus.get(doc)!.text.slice(a.start, a.end), 40)}”`);
  }

  // ---- Add from a selection ----

  async addQuote(...args: unknown[]): Promise<void> {
    const at = await this.selected('quote', args);
    if (!at) return;
    const speaker = typeof args[0] === 'string' && args.length > 3 ? speakerArg(args[3]) : await this.askSpeaker(at.doc, `Add a quote: who said “${excerpt(at.text, 40)}”?`);
    if (speaker === undefined) return;
    await this.change((c) => edit.addAnnotation(c, this.corpus, at.doc, at.span, { kind: 'quote', speaker }), `added a quote${speaker ? ` by ${speaker}` : ''}`);
  }

  async addEntity(...args: unknown[]): Promise<void> {
    const at = await this.selected('entity', args);
    if (!at) return;
    const explicit = typeof args[0] === 'string';
    const written = at.text.replace(/['’]s$/, '');
    const label = explicit && LABELS.includes(args[3] as EntityLabel) ? (args[3] as EntityLabel) : await this.askLabel(`Add “${excerpt(written, 40)}” as…`, 'The type of entity the selection names');
    if (!label) return;
    const name = explicit && args.length > 3 ? (typeof args[4] === 'string' && args[4].trim() ? args[4].trim() : written) : await this.askEntityName(written, label);
    if (!name) return;
    await this.change((c) => edit.addAnnotation(c, this.corpus, at.doc, at.span, { kind: 'entity', label, ...(name !== written ? { name } : {}) }), `added the ${LABEL_NAMES[label]} “${name}”`);
  }

  async addNumber(...args: unknown[]): Promise<void> {
    const at = await this.selected('number', args);
    if (!at) return;
    await this.change((c) => edit.addAnnotation(c, this.corpus, at.doc, at.span, { kind: 'number' }), `added the number “${excerpt(at.text, 40)}”`);
  }

  // ---- Speakers ----

  async changeSpeaker(...args: unknown[]): Promise<void> {
    let target: { doc: string; a: QuoteAnnotation } | undefined;
    if (typeof args[0] === 'string') target = this.given(args[0], args[1], args[2], 'quote');
    else {
      const found = await this.atCursor(['quote'], 'quote');
      target = found && { doc: found.doc, a: found.items[0] as QuoteAnnotation };
    }
    if (!target) return;
    const { doc, a } = target;
    const current = a.speaker?.name ?? null;
    const speaker = typeof args[0] === 'string' && args.length > 3 ? speakerArg(args[3]) : await this.askSpeaker(doc, `Who said “${excerpt(a.text, 40)}”?`, current);
    if (speaker === undefined || speaker === current) return;
    await this.change((c) => edit.setSpeaker(c, this.corpus, doc, a, speaker), speaker ? `the quote is now by ${speaker}` : 'the quote has no speaker now');
  }

  /** A speaker: people and organisations of the corpus (this source's first, most mentioned first), a new name, or nobody. */
  private askSpeaker(doc: string, title: string, current?: string | null): Promise<string | null | undefined> {
    const records = this.corpus.entities.records().filter((r) => (r.label === 'PERSON' || r.label === 'ORG') && r.docs.size);
    const byMentions = (a: EntityRecord, b: EntityRecord) => mentionCount(b) - mentionCount(a) || a.name.localeCompare(b.name);
    const here = records.filter((r) => r.docs.has(doc)).sort((a, b) => b.docs.get(doc)! - a.docs.get(doc)! || byMentions(a, b));
    const elsewhere = records.filter((r) => !r.docs.has(doc)).sort(byMentions);
    const item = (r: EntityRecord): Choice<string | null> => ({ ...entityItem(r, r.name === current ? 'current speaker' : undefined), value: r.name });
    const items: Choice<string | null>[] = [
      { label: 'No speaker', description: current === null ? 'current' : 'by nobody the text names', iconPath: new vscode.ThemeIcon('circle-slash'), value: null },
      ...(here.length ? [separator<string | null>(`In ${sourceLabel(doc)}`), ...here.map(item)] : []),
      ...(elsewhere.length ? [separator<string | null>('In other sources'), ...elsewhere.map(item)] : []),
    ];
    return ask(title, 'Pick a person or organisation, or type a new name', items, { description: 'new speaker', value: (text) => text });
  }

  // ---- Entities ----

  private askLabel(title: string, placeholder: string, current?: EntityLabel): Promise<EntityLabel | undefined> {
    return ask(
      title,
      placeholder,
      LABELS.map((l) => ({ label: `${LABEL_NAMES[l][0].toUpperCase()}${LABEL_NAMES[l].slice(1)}`, description: l === current ? 'current' : undefined, iconPath: new vscode.ThemeIcon(LABEL_ICONS[l]), value: l })),
    );
  }

  /** The name a new mention stands for: as written, a known entity of its type (`Kim` → `Kim Jong Un`), or a name typed in. */
  private askEntityName(written: string, label: EntityLabel): Promise<string | undefined> {
    const words = entityKey(written).split(' ').filter((w) => w.length >= 3);
    const related = (r: EntityRecord) => r.key.split(' ').some((k) => words.some((w) => k.startsWith(w) || w.startsWith(k)));
    const records = this.corpus.entities.records().filter((r) => r.label === label && r.docs.size && r.key !== entityKey(written));
    records.sort((a, b) => Number(related(b)) - Number(related(a)) || mentionCount(b) - mentionCount(a) || a.name.localeCompare(b.name));
    const items: Choice<string>[] = [
      { label: written, description: 'as written', value: written },
      ...(records.length ? [separator<string>(`Known ${LABEL_NAMES[label]}s`), ...records.slice(0, 300).map((r) => ({ ...entityItem(r), value: r.name }))] : []),
    ];
    return ask(`Add “${excerpt(written, 40)}” as a ${LABEL_NAMES[label]}: which name does it stand for?`, 'As written, a known entity it is another name of, or type the full name', items, { description: 'name', value: (text) => text });
  }

  async changeEntityType(...args: unknown[]): Promise<void> {
    const record = await this.entityTarget(args);
    if (!record) return;
    const given = typeof args[0] === 'string' ? args[3] : undefined;
    const to = LABELS.includes(given as EntityLabel)
      ? (given as EntityLabel)
      : await this.askLabel(`Change the type of “${record.name}”`, `Applies to all ${plural(mentionCount(record), 'mention')} in ${plural(record.docs.size, 'source')}`, record.label);
    if (!to || to === record.label) return;
    const names = mentionNames(this.corpus, record);
    await this.change((c) => names.reduce((next, name) => edit.retypeEntity(next, { name, label: record.label }, to), c), `“${record.name}” is a ${LABEL_NAMES[to]} in every source now`);
  }

  async mergeEntity(...args: unknown[]): Promise<void> {
    const record = await this.entityTarget(args);
    if (!record) return;
    const given = typeof args[0] === 'string' ? args[3] : undefined;
    let into: EntityRecord | undefined;
    if (typeof given === 'string') into = this.corpus.entity({ name: given, label: record.label });
    else if (given && typeof given === 'object' && LABELS.includes((given as EntityRecord).label)) into = this.corpus.entity(given as EntityRecord);
    else {
      const others = this.corpus.entities.records().filter((r) => r.docs.size && !(r.key === record.key && r.label === record.label));
      const rank = (r: EntityRecord) => (r.label === record.label ? 0 : 1);
      others.sort((a, b) => rank(a) - rank(b) || b.docs.size - a.docs.size || mentionCount(b) - mentionCount(a) || a.name.localeCompare(b.name));
      into = await ask(`Merge “${record.name}” into…`, `The entity “${record.name}” is another name of: its ${plural(mentionCount(record), 'mention')} become that entity's, in every source`, others.map((r) => entityItem(r)));
    }
    if (!into) return;
    if (into.key === record.key && into.label === record.label) return void say(`“${record.name}” and “${into.name}” are one entity already.`);
    const target = { name: into.name, label: into.label };
    const names = mentionNames(this.corpus, record);
    await this.change((c) => names.reduce((next, name) => edit.mergeEntities(next, { name, label: record.label }, target), c), `“${record.name}” is merged into “${into.name}”`);
  }

  async splitEntity(...args: unknown[]): Promise<void> {
    const record = await this.entityTarget(args);
    if (!record) return;
    const choices = splitChoices(this.corpus, this.curation.value, record);
    const given = typeof args[0] === 'string' ? args[3] : undefined;
    let choice: SplitChoice | undefined;
    if (typeof given === 'string') {
      choice = choices.find((c) => entityKey(c.name) === entityKey(given));
      if (!choice) return void say(`“${given}” is not a name joined to “${record.name}”.`);
    } else {
      if (!choices.length) {
        const spellings = record.aliases.length > 1 ? `its spellings (${record.aliases.join(', ')}) are taken as one name` : 'it goes by one name';
        return void say(`“${record.name}” has no other name to split off: ${spellings}.`);
      }
      choice = await ask(
        `Split “${record.name}”: which name is an entity of its own?`,
        'Its mentions stop counting as mentions of this entity, in every source',
        choices.map((c) => ({ label: c.name, description: c.merged ? 'merged by you' : 'joined by Corroborate', value: c })),
      );
    }
    if (!choice) return;
    const { name, merged } = choice;
    // A merge is undone against the name it was made into, which may differ from how the entity is shown now.
    const from = merged ? { name: merged.into, label: merged.intoLabel } : record;
    await this.change((c) => edit.splitEntity(c, from, name), `“${name}” is kept apart from “${record.name}”`);
  }
}

/** A speaker given as an argument: a name, or nobody (null, or an empty name). */
function speakerArg(x: unknown): string | null {
  return typeof x === 'string' && x.trim() ? x.trim() : null;
}

export function registerCorrections(indexer: Indexer, curation: CurationStore): vscode.Disposable[] {
  const corrections = new Corrections(indexer, curation);
  const run = (id: string, command: (...args: unknown[]) => Promise<void>) => vscode.commands.registerCommand(id, (...args: unknown[]) => command.apply(corrections, args));
  const C = CORRECTION_COMMANDS;
  return [
    run(C.remove, corrections.remove),
    run(C.addQuote, corrections.addQuote),
    run(C.addEntity, corrections.addEntity),
    run(C.addNumber, corrections.addNumber),
    run(C.changeSpeaker, corrections.changeSpeaker),
    run(C.changeEntityType, corrections.changeEntityType),
    run(C.mergeEntity, corrections.mergeEntity),
    run(C.splitEntity, corrections.splitEntity),
  ];
}
