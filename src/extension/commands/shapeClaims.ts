// The researcher shapes the claims: renames one, merges two, moves passages to another claim, makes a claim
// of a selection, writes a note on a claim or a passage, gives a claim back to the automatic grouping, and
// forgets a mark whose text is gone. Each command runs from the Claims view's menus (with the row clicked,
// or every row selected), from the editor (the passages at the cursor or under the selection), from the
// palette (asking what it needs) and with explicit arguments (tests, other extensions). Every change goes
// through the curation store: applied at once, saved to corroborate.json, undoable.
import * as vscode from 'vscode';
import type { Indexer } from '../indexer.js';
import type { CurationStore } from '../curationStore.js';
import { currentClaim, type ClaimsView, type Node } from '../claimsView.js';
import type { Claim } from '../../core/claims/claims.js';
import type { Passage } from '../../core/claims/passages.js';
import type { Orphan } from '../../core/corpus.js';
import type { Curation } from '../../core/curation/model.js';
import { claimFromPassages, forgetMark, mergeClaims, movePassages, renameClaim, resetClaim, setClaimMemo, setPassageMemo } from '../../core/curation/edit.js';
import { overlapping } from '../../core/search.js';
import { excerpt } from '../excerpt.js';
import { sourceLabel } from '../locations.js';

/** Past this many, a quick pick of claims lists the most widely reported ones (the tree's drag reaches all). */
const MAX_PICKED_CLAIMS = 10_000;
/** The `to` of Move Passage to Claim… that makes a new claim. */
export const NEW_CLAIM = 'new';

/** What a command is about: a tree row, a claim or its id, `{ fromSelection }` (the F2 key), or nothing (ask). */
type ClaimArg = Node | Claim | string | { fromSelection: true } | vscode.Uri | undefined;
/** A passage: a tree row, a passage or its place, or nothing / the editor's Uri (the editor's cursor). */
type PassageArg = Node | Pick<Passage, 'doc' | 'start'> | vscode.Uri | undefined;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !(x instanceof vscode.Uri);
const isNode = (x: unknown): x is Node => isObject(x) && typeof x.contextValue === 'string';
const asText = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
/** Rows selected along with the one a context menu was opened on (VS Code passes them second). */
const asRows = (x: unknown): Node[] | undefined => (Array.isArray(x) ? x.filter(isNode) : undefined);

/** A claim's title made from text: whitespace collapsed, outer quote marks off, cut at a word near `max`. */
export function shortTitle(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim().replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/g, '');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

function sourcesText(c: Claim): string {
  return `${c.sources.length} source${c.sources.length === 1 ? '' : 's'}${c.shaped ? ' · edited' : ''}`;
}

class ClaimShaping {
  constructor(
    private readonly indexer: Indexer,
    private readonly view: ClaimsView,
    private readonly curation: CurationStore,
  ) {}

  private get corpus() {
    return this.indexer.corpus;
  }

  private change(edit: (c: Curation) => Curation): Promise<void> {
    return this.curation.change(edit);
  }

  // ---- What a command is about ----

  /** The claim an argument names, as the corpus has it now. */
  private claimOf(arg: unknown): Claim | undefined {
    if (typeof arg === 'string') return this.corpus.claims().find((c) => c.id === arg);
    if (isNode(arg)) return arg.claim ? currentClaim(this.corpus, arg.claim) : arg.passage ? this.corpus.claimOf(arg.passage) : undefined;
    if (isObject(arg) && typeof arg.id === 'string' && Array.isArray(arg.passages)) return currentClaim(this.corpus, arg as unknown as Claim);
    return undefined;
  }

  /** Claims of the rows selected in the Claims view (a passage row stands for its claim). */
  private selectedClaims(rows: readonly Node[] = this.view.view.selection): Claim[] {
    const claims = new Map<string, Claim>();
    for (const row of rows) {
      const claim = this.claimOf(row.claim ? row : row.parent?.claim ? row.parent : undefined);
      if (claim) claims.set(claim.id, claim);
    }
    return [...claims.values()];
  }

  private claimAtCursor(): Claim | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.indexer.analysisOf(editor.document)) return undefined;
    return this.corpus.claimAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active))?.claim;
  }

  /** The claim given, else the one selected (F2), else one picked: the claim at the cursor and the selected one first. */
  private async claimFor(arg: ClaimArg, title: string, only?: (c: Claim) => boolean): Promise<Claim | undefined> {
    const given = this.claimOf(arg);
    if (given) return given;
    const selected = this.selectedClaims();
    if (isObject(arg) && arg.fromSelection && selected.length) return selected[0];
    const picked = await this.pickClaim(title, { preferred: [this.claimAtCursor(), ...selected], only });
    return picked === NEW_CLAIM ? undefined : picked;
  }

  private async pickClaim(
    title: string,
    options: { preferred?: (Claim | undefined)[]; exclude?: ReadonlySet<string>; only?: (c: Claim) => boolean; newClaim?: boolean } = {},
  ): Promise<Claim | typeof NEW_CLAIM | undefined> {
    const keep = (c: Claim) => !options.exclude?.has(c.id) && (!options.only || options.only(c));
    type Item = vscode.QuickPickItem & { claim?: Claim; isNew?: boolean };
    const items: Item[] = [];
    if (options.newClaim) items.push({ label: '$(add) New claim', description: 'a claim of its own, titled by you', isNew: true });
    const seen = new Set<string>();
    const preferred = options.preferred?.filter((c): c is Claim => !!c && keep(c)) ?? [];
    for (const c of preferred) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      items.push({ label: excerpt(c.label, 120), description: `${sourcesText(c)} · at the cursor or selected`, claim: c });
    }
    const all = this.corpus.claims();
    if (preferred.length) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    for (const c of all) {
      if (items.length >= MAX_PICKED_CLAIMS) break;
      if (!seen.has(c.id) && keep(c)) items.push({ label: excerpt(c.label, 120), description: sourcesText(c), claim: c });
    }
    if (!items.some((i) => i.claim || i.isNew)) {
      void vscode.window.showInformationMessage(options.only ? 'Corroborate: no claim to choose from (none has been shaped by hand).' : 'Corroborate: no claim to choose from.');
      return undefined;
    }
    const placeHolder = all.length > MAX_PICKED_CLAIMS ? `Type to search the ${MAX_PICKED_CLAIMS.toLocaleString('en-US')} most widely reported claims by title` : 'Type to search claims by title';
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder });
    return pick?.isNew ? NEW_CLAIM : pick?.claim;
  }

  /** Passages given as rows, passages or places ({ doc, start }), as the corpus has them now. */
  private passagesOf(args: readonly unknown[]): Passage[] {
    const out = new Map<string, Passage>();
    for (const arg of args) {
      const place = isNode(arg) ? (arg.contextValue === 'passage' ? arg.passage : undefined) : isObject(arg) && typeof arg.doc === 'string' && typeof arg.start === 'number' ? (arg as { doc: string; start: number }) : undefined;
      const p = place && this.corpus.passageAt(place.doc, place.start);
      if (p && p.start === place.start) out.set(`${p.doc}\u0000${p.start}`, p);
    }
    return [...out.values()];
  }

  /**
   * The passages of the active editor under its selection (the one at the cursor when nothing is selected),
   * with the selected text; undefined, with a message saying why, when there are none.
   */
  private async editorPassages(): Promise<{ passages: Passage[]; selected: string } | undefined> {
    const editor = vscode.window.activeTextEditor;
    const id = editor?.document.uri.toString();
    if (!editor || !id || !this.corpus.has(id)) {
      void vscode.window.showInformationMessage('Corroborate: open a source and place the cursor in a passage first.');
      return undefined;
    }
    await this.indexer.flush(editor.document);
    const doc = this.indexer.analysisOf(editor.document);
    if (!doc) {
      void vscode.window.showInformationMessage('Corroborate: this source is still being analysed; try again in a moment.');
      return undefined;
    }
    const [start, end] = [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
    const passages = start === end ? [this.corpus.passageAt(id, start)].filter((p): p is Passage => !!p) : overlapping(doc.passages, { start, end });
    if (!passages.length) {
      void vscode.window.showInformationMessage('Corroborate: no passage here (headlines without a sentence, captions and page furniture are not passages of claims).');
      return undefined;
    }
    return { passages, selected: editor.document.getText(editor.selection) };
  }

  /** The passages a command is about: the rows (the clicked one and those selected with it), the places given, or the editor's. */
  private async passagesFor(arg: PassageArg | readonly PassageArg[], rows?: Node[]): Promise<Passage[] | undefined> {
    if (arg === undefined || arg instanceof vscode.Uri) return (await this.editorPassages())?.passages;
    const given = Array.isArray(arg) ? arg : [arg];
    // A context menu on one of several selected rows acts on all of them.
    const all = rows?.length && given.some((g) => rows.includes(g as Node)) ? rows : given;
    const passages = this.passagesOf(all);
    if (!passages.length) void vscode.window.showInformationMessage('Corroborate: that passage is no longer in its source as it was; the Claims view has been refreshed.');
    return passages.length ? passages : undefined;
  }

  // ---- The commands ----

  async rename(arg?: ClaimArg, title?: unknown): Promise<void> {
    const claim = await this.claimFor(arg, 'Rename Claim');
    if (!claim) return;
    const name =
      asText(title) ??
      (await vscode.window.showInputBox({
        title: 'Rename Claim',
        prompt: 'The title shown for this claim in the Claims view, hovers and exports',
        value: claim.label,
        valueSelection: [0, claim.label.length],
        validateInput: (v) => (v.trim() ? undefined : 'Give the claim a title (Give Claim Back to Automatic Grouping restores the automatic one).'),
      }));
    if (!name?.trim() || name.trim() === claim.label) return;
    await this.change((c) => renameClaim(c, this.corpus, claim, name));
  }

  async merge(arg?: ClaimArg, into?: unknown): Promise<void> {
    const rows = asRows(into);
    const from = rows?.length && isNode(arg) && rows.includes(arg) ? this.selectedClaims(rows) : [await this.claimFor(arg, 'Merge Claim Into…: the claim to merge')].filter((c): c is Claim => !!c);
    if (!from.length) return;
    let target = rows ? undefined : this.claimOf(into);
    if (!target) {
      const title = from.length === 1 ? `Merge “${excerpt(from[0].label, 60)}” into…` : `Merge ${from.length} claims into…`;
      const picked = await this.pickClaim(title, { exclude: new Set(from.map((c) => c.id)) });
      target = picked === NEW_CLAIM ? undefined : picked;
    }
    if (target) await this.mergeInto(from, target);
  }

  /** Merges claims into one, in one change (one undo): the target keeps its title; the notes are joined. */
  async mergeInto(from: readonly Claim[], into: Claim): Promise<void> {
    const sources = from.filter((c) => c.id !== into.id);
    if (!sources.length) return;
    await this.change((c) => {
      let next = c;
      let target = into;
      for (const f of sources) {
        const before = new Set(next.claims.map((x) => x.id));
        next = mergeClaims(next, this.corpus, target, f);
        // The first merge into a machine claim pins it under a new id: the next merges must find it by that id.
        const made = next.claims.find((x) => !before.has(x.id));
        if (!next.claims.some((x) => x.id === target.id) && made) target = { ...target, id: made.id, shaped: true };
      }
      return next;
    });
  }

  async move(arg?: PassageArg, to?: unknown, title?: unknown): Promise<void> {
    const rows = asRows(to);
    const passages = await this.passagesFor(arg, rows);
    if (!passages) return;
    let target: Claim | typeof NEW_CLAIM | undefined = to === NEW_CLAIM ? NEW_CLAIM : rows ? undefined : this.claimOf(to);
    if (!target) {
      const current = new Set(passages.map((p) => this.corpus.claimOf(p)?.id).filter((id): id is string => !!id));
      const what = passages.length === 1 ? `“${excerpt(passages[0].text, 60)}”` : `${passages.length} passages`;
      target = await this.pickClaim(`Move ${what} to…`, { exclude: current.size === 1 ? current : undefined, newClaim: true });
    }
    if (target === NEW_CLAIM) await this.newClaim(passages, asText(title), shortTitle(passages[0].text));
    else if (target) await this.movePassagesTo(passages, target);
  }

  async movePassagesTo(passages: readonly Passage[], to: Claim): Promise<void> {
    const moving = passages.filter((p) => this.corpus.claimOf(p)?.id !== to.id);
    if (!moving.length) {
      void vscode.window.showInformationMessage('Corroborate: the passage is in this claim already.');
      return;
    }
    await this.change((c) => movePassages(c, this.corpus, moving, to));
  }

  /** A new claim of these passages, taken out of their claims; returns its id (undefined when cancelled). */
  private async newClaim(passages: readonly Passage[], title: string | undefined, suggested: string): Promise<string | undefined> {
    const name =
      title ??
      (await vscode.window.showInputBox({
        title: 'New Claim',
        prompt: `The title of the new claim (${passages.length} passage${passages.length === 1 ? '' : 's'})`,
        value: suggested,
        valueSelection: [0, suggested.length],
        validateInput: (v) => (v.trim() ? undefined : 'Give the claim a title.'),
      }));
    if (!name?.trim()) return undefined;
    let id: string | undefined;
    await this.change((c) => {
      const made = claimFromPassages(c, this.corpus, passages, name);
      id = made.id;
      return made.curation;
    });
    return id;
  }

  /** From the editor's selection, or a span given as { doc, start, end }. */
  async claimFromSelection(arg?: vscode.Uri | { doc: string; start: number; end: number }, title?: unknown): Promise<string | undefined> {
    let found: { passages: Passage[]; selected: string } | undefined;
    if (isObject(arg) && typeof arg.doc === 'string') {
      const doc = this.corpus.get(arg.doc);
      const passages = doc ? (arg.start === arg.end ? [this.corpus.passageAt(arg.doc, arg.start)].filter((p): p is Passage => !!p) : overlapping(doc.passages, arg)) : [];
      found = passages.length ? { passages, selected: doc!.text.slice(arg.start, arg.end) } : undefined;
      if (!found) void vscode.window.showInformationMessage('Corroborate: no passage there.');
    } else found = await this.editorPassages();
    if (!found) return undefined;
    return this.newClaim(found.passages, asText(title), shortTitle(found.selected.trim() ? found.selected : found.passages[0].text));
  }

  /** One line from an input box (empty removes the note); a note of several lines is edited in the project file. */
  private async askNote(what: string, current: string | undefined): Promise<string | undefined> {
    if (current?.includes('\n')) {
      const choice = await vscode.window.showInformationMessage(
        `Corroborate: the note on ${what} has several lines, which an input box cannot show. Edit it in ${this.curation.uri ? vscode.workspace.asRelativePath(this.curation.uri) : 'the project file'}, or replace it with one line.`,
        'Open the Project File',
        'Replace It',
      );
      if (choice === 'Open the Project File' && this.curation.uri) await vscode.window.showTextDocument(this.curation.uri);
      if (choice !== 'Replace It') return undefined;
    }
    return vscode.window.showInputBox({
      title: `Note on ${what}`,
      prompt: 'One line here (longer notes can be written in corroborate.json, as "memo"). Leave empty to remove the note.',
      value: current?.includes('\n') ? '' : current ?? '',
      placeHolder: 'What to check, who said it elsewhere, why it matters…',
    });
  }

  async editClaimNote(arg?: ClaimArg, note?: unknown): Promise<void> {
    const claim = await this.claimFor(arg, 'Add or Edit Claim Note…');
    if (!claim) return;
    const text = asText(note) ?? (await this.askNote(`“${excerpt(claim.label, 60)}”`, claim.memo));
    if (text === undefined || text.trim() === (claim.memo ?? '')) return;
    await this.change((c) => setClaimMemo(c, this.corpus, claim, text));
  }

  async editPassageNote(arg?: PassageArg, note?: unknown): Promise<void> {
    let passage: Passage | undefined;
    if (arg === undefined || arg instanceof vscode.Uri) {
      // The passage at the cursor, even when a selection spans several.
      const editor = vscode.window.activeTextEditor;
      const found = await this.editorPassages();
      passage = found && editor ? this.corpus.passageAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active)) ?? found.passages[0] : undefined;
    } else passage = (await this.passagesFor(arg))?.[0];
    if (!passage) return;
    const current = this.corpus.memoOf(passage);
    const text = asText(note) ?? (await this.askNote(`${sourceLabel(passage.doc)}, line ${passage.line}`, current));
    if (text === undefined || text.trim() === (current ?? '')) return;
    await this.change((c) => setPassageMemo(c, this.corpus, passage, text));
  }

  async reset(arg?: ClaimArg): Promise<void> {
    const claim = await this.claimFor(arg, 'Give Claim Back to Automatic Grouping', (c) => !!c.shaped);
    if (!claim) return;
    if (!claim.shaped) {
      void vscode.window.showInformationMessage('Corroborate: this claim is the automatic grouping’s already.');
      return;
    }
    await this.change((c) => resetClaim(c, claim));
  }

  async forgetOrphan(arg?: Node | Orphan, second?: unknown): Promise<void> {
    const rows = asRows(second);
    const live = new Set(this.corpus.orphans().map((o) => o.mark));
    let orphans = (rows?.length && isNode(arg) && rows.includes(arg) ? rows : [arg]).flatMap((x) => (isNode(x) ? x.orphan ?? [] : isObject(x) && 'mark' in x ? [x as Orphan] : []));
    if (arg === undefined) {
      const items = this.corpus.orphans().map((o) => ({ label: `“${excerpt(o.mark.anchor.exact, 80)}”`, description: `${o.owner} · ${sourceLabel(o.mark.source)}`, orphan: o }));
      if (!items.length) {
        void vscode.window.showInformationMessage('Corroborate: no orphaned marks: every correction, claim passage and note finds its text.');
        return;
      }
      orphans = (await vscode.window.showQuickPick(items, { title: 'Forget Orphaned Mark', placeHolder: 'Marks whose text is no longer in their source', canPickMany: true }))?.map((i) => i.orphan) ?? [];
    }
    // Only marks still orphaned in the current curation (a row may be older than an undo or the text's return).
    orphans = orphans.filter((o) => live.has(o.mark));
    if (!orphans.length) return;
    const confirmed = isObject(second) && second.confirmed === true;
    if (!confirmed) {
      const one = orphans[0];
      const detail =
        orphans.length === 1
          ? `${one.owner} in ${sourceLabel(one.mark.source)}, anchored to “${excerpt(one.mark.anchor.exact, 200)}”.\n\nThe text it was anchored to is no longer in the source. Forgetting it removes it from the project file; Undo Last Correction or Claim Change brings it back.`
          : 'Their text is no longer in their sources. Forgetting them removes them from the project file; Undo Last Correction or Claim Change brings them back.';
      const answer = await vscode.window.showWarningMessage(orphans.length === 1 ? 'Forget this orphaned mark?' : `Forget ${orphans.length} orphaned marks?`, { modal: true, detail }, 'Forget');
      if (answer !== 'Forget') return;
    }
    await this.change((c) => orphans.reduce((next, o) => forgetMark(next, o.mark), c));
  }
}

/** The claim-shaping commands and the Claims view's drops; returns what to dispose. */
export function registerClaimShaping(indexer: Indexer, view: ClaimsView, curation: CurationStore): vscode.Disposable[] {
  const shaping = new ClaimShaping(indexer, view, curation);
  const command = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    view.acceptDrops({ movePassages: (passages, to) => shaping.movePassagesTo(passages, to), mergeClaims: (from, into) => shaping.mergeInto(from, into) }),
    command('corroborate.renameClaim', (arg?, title?) => shaping.rename(arg, title)),
    command('corroborate.mergeClaim', (arg?, into?) => shaping.merge(arg, into)),
    command('corroborate.movePassage', (arg?, to?, title?) => shaping.move(arg, to, title)),
    command('corroborate.claimFromSelection', (arg?, title?) => shaping.claimFromSelection(arg, title)),
    command('corroborate.editClaimNote', (arg?, note?) => shaping.editClaimNote(arg, note)),
    command('corroborate.editPassageNote', (arg?, note?) => shaping.editPassageNote(arg, note)),
    command('corroborate.resetClaim', (arg?) => shaping.reset(arg)),
    command('corroborate.forgetOrphan', (arg?, second?) => shaping.forgetOrphan(arg, second)),
  ];
}
