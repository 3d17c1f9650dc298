// The Claims view: passages from all sources grouped by the claim they make (or by speaker, entity or
// figure), with the number of sources and an agreement icon per claim, a badge counting disagreements,
// and the claim under the cursor revealed as the cursor moves. The researcher shapes claims here: passages
// dragged onto a claim move to it, a claim dragged onto another merges into it (the edits themselves are
// the claim-shaping commands', see commands/shapeClaims.ts); notes and hand-shaped claims are marked, and
// marks whose text is gone are listed at the top until the researcher forgets them.
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';
import type { Claim } from '../core/claims/claims.js';
import { inSlices } from '../core/steps.js';
import type { Story } from '../core/claims/stories.js';
import type { Passage } from '../core/claims/passages.js';
import type { Orphan } from '../core/corpus.js';
import { isQuantity, unitKey } from '../core/claims/agreement.js';
import { lineNumber, sourceLabel, sourcePlace } from './locations.js';
import { OPEN_PASSAGE } from './commands/openPassage.js';
import { excerpt } from './excerpt.js';
import { entityReport } from '../core/queries.js';

export type Grouping = 'claim' | 'story' | 'speaker' | 'entity' | 'number';
export const VIEW_ID = 'corroborate.claims';
/** What a drag inside the Claims view carries: the dragged claims' ids and passages' places. */
export const CLAIMS_MIME = 'application/vnd.code.tree.corroborate.claims';
/** Marks a row with the researcher's note (in descriptions). */
export const NOTE_MARK = '✎';
/** Sources a story's tooltip names (a story can hold hundreds). */
const TOOLTIP_SOURCES = 30;

/** What a drop in the tree does to the researcher's curation (set by the claim-shaping commands). */
export interface DropActions {
  movePassages(passages: Passage[], to: Claim): Promise<void>;
  mergeClaims(from: Claim[], into: Claim): Promise<void>;
}

interface DragPayload {
  claims: string[];
  passages: { doc: string; start: number }[];
}

/**
 * A row of the tree. Rows with a location open their source; the others group rows below them. Context
 * values, for menus: `claim` / `shapedClaim` (shaped by the researcher), `passage` (a passage of a claim),
 * `mention` (a place in the other groupings), `orphan` (a mark whose text is gone), `group`, `entity`.
 */
export interface Node {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: vscode.ThemeIcon;
  children?: Node[];
  parent?: Node;
  claim?: Claim;
  /** On passage rows of a claim: the passage. */
  passage?: Passage;
  orphan?: Orphan;
  location?: { doc: string; start: number; end: number };
  /** Shown open at first (the orphaned marks, which want attention). */
  expanded?: boolean;
  contextValue: 'claim' | 'shapedClaim' | 'group' | 'passage' | 'mention' | 'orphan' | 'entity';
}

const STATUS_ICON: Record<Claim['status'], vscode.ThemeIcon> = {
  agree: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  approximate: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  differ: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  single: new vscode.ThemeIcon('circle-outline'),
};
const STATUS_TEXT: Record<Claim['status'], string> = {
  agree: 'sources agree',
  approximate: 'figures agree approximately',
  differ: 'figures differ',
  single: 'one source only',
};

export class ClaimsView implements vscode.TreeDataProvider<Node>, vscode.TreeDragAndDropController<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  readonly dragMimeTypes = [CLAIMS_MIME];
  readonly dropMimeTypes = [CLAIMS_MIME];
  private grouping: Grouping = 'claim';
  private roots: Node[] | undefined;
  private readonly claimNodes = new Map<string, Node>();
  private dropActions: DropActions | undefined;
  private hasOrphans = false;
  /** Stories being found for the corpus as it is (in slices: at 10,000 sources it takes about 2 s). */
  private findingStories: Promise<void> | undefined;
  /** The stories shown while `findingStories` runs. */
  private interimStories: Story[] | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly indexer: Indexer) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true, canSelectMany: true, dragAndDropController: this });
    this.disposables.push(
      this.view,
      this.changed,
      indexer.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
    );
    this.refresh();
  }

  /** Whether stories are being found (the rows shown meanwhile are those found before). */
  get findingStoriesNow(): boolean {
    return this.findingStories !== undefined;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'corroborate.grouping', grouping);
    this.refresh();
  }

  refresh(): void {
    this.roots = undefined;
    this.claimNodes.clear();
    const claims = this.indexer.corpus.claims();
    const differ = claims.filter((c) => c.status === 'differ').length;
    this.view.badge = differ ? { value: differ, tooltip: `${differ} claim${differ > 1 ? 's' : ''} where sources' figures differ` } : undefined;
    this.view.description = this.grouping === 'claim' ? undefined : `by ${this.grouping}`;
    this.view.message = this.indexer.corpus.size ? undefined : this.indexer.ready ? 'No sources found. Open a folder of .txt files, or check the corroborate.include setting.' : 'Analysing sources…';
    const hasOrphans = this.indexer.corpus.orphans().length > 0;
    if (hasOrphans !== this.hasOrphans) void vscode.commands.executeCommand('setContext', 'corroborate.hasOrphans', (this.hasOrphans = hasOrphans));
    this.changed.fire(undefined);
  }

  /** Top-level rows for the current grouping (built once per change). */
  rootNodes(): Node[] {
    if (!this.roots) {
      this.roots = this.grouping === 'claim' ? this.byClaim() : this.grouping === 'story' ? this.byStory() : this.grouping === 'speaker' ? this.bySpeaker() : this.grouping === 'entity' ? this.byEntity() : this.byNumber();
      const link = (n: Node) => n.children?.forEach((c) => { c.parent = n; link(c); });
      this.roots.forEach(link);
    }
    return this.roots;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.rootNodes();
    // A claim's passage rows are made when it is first unfolded: at 10,000 sources, rows for all 380,000
    // passages, each with its words in the tooltip, took tens of megabytes nobody looked at.
    if (!node.children && node.claim) {
      node.children = node.claim.passages.map((p) => this.claimPassageNode(node.id, p));
      for (const child of node.children) child.parent = node;
    }
    return node.children ?? [];
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const state = !(node.claim ? node.claim.passages.length : node.children?.length) ? vscode.TreeItemCollapsibleState.None : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = node.icon;
    item.contextValue = node.contextValue;
    if (node.location) {
      item.command = { command: OPEN_PASSAGE, title: 'Open passage', arguments: [node.location.doc, node.location.start, node.location.end] };
    }
    return item;
  }

  private passageNode(parentId: string, p: Passage, detail?: string): Node {
    // The source's name alone (`UPI · Nov. 13:12` would read as a time), the line first in the description,
    // and the file in the tooltip.
    const line = lineNumber(this.indexer.corpus, p.doc, p.start);
    return {
      id: `${parentId}/${p.doc}:${p.start}`,
      label: sourceLabel(p.doc),
      description: `line ${line} · ${detail ?? excerpt(p.text)}`,
      tooltip: `${sourcePlace(p.doc, line)}\n\n${p.text}`,
      icon: new vscode.ThemeIcon('quote'),
      location: { doc: p.doc, start: p.start, end: p.end },
      contextValue: 'mention',
    };
  }

  /** A passage of a claim, with the researcher's note on it when there is one. */
  private claimPassageNode(parentId: string, p: Passage): Node {
    // Its id does not name the claim (a passage is in one claim at a time): a claim's id changes when a
    // correction or an edit regroups it, and the passage row keeps its selection and expansion through that.
    const node: Node = { ...this.passageNode(parentId, p), id: `passage/${p.doc}:${p.start}`, passage: p, contextValue: 'passage' };
    const memo = this.indexer.corpus.memoOf(p);
    if (memo) {
      node.description = `${NOTE_MARK} ${node.description}`;
      node.tooltip = `${node.tooltip}\n\nNote: ${memo}`;
    }
    return node;
  }

  private claimNode(c: Claim): Node {
    // The icon keeps meaning agreement; that the researcher shaped the claim or noted it is said in words.
    const marks = [c.shaped && 'edited', c.memo && `${NOTE_MARK} note`].filter(Boolean).join(' · ');
    const tooltip = [`${c.label}\n\n${c.sources.length} source(s): ${c.sources.map(sourceLabel).join(', ')}\n${STATUS_TEXT[c.status]}`];
    if (c.shaped) tooltip.push('Shaped by you (named, merged or given passages by hand). "Give Claim Back to Automatic Grouping" undoes it.');
    if (c.memo) tooltip.push(`Note: ${c.memo}`);
    const node: Node = {
      id: `claim/${c.id}`,
      label: c.label,
      description: `${c.sources.length} source${c.sources.length > 1 ? 's' : ''} · ${STATUS_TEXT[c.status]}${marks ? ` · ${marks}` : ''}`,
      tooltip: tooltip.join('\n\n'),
      icon: STATUS_ICON[c.status],
      claim: c,
      contextValue: c.shaped ? 'shapedClaim' : 'claim',
    };
    this.claimNodes.set(c.id, node);
    return node;
  }

  /** Marks of the researcher's work whose text is gone: listed first, never dropped until forgotten. */
  private orphansNode(): Node | undefined {
    const orphans = this.indexer.corpus.orphans();
    if (!orphans.length) return undefined;
    const group: Node = {
      id: 'group/orphans',
      label: 'Orphaned marks',
      description: `${orphans.length} mark${orphans.length > 1 ? 's' : ''} whose text is gone`,
      tooltip: 'Corrections, claim passages and notes whose text is no longer in their source. They are kept until you forget them (right-click → Forget Orphaned Mark), and found again if the text comes back.',
      icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
      contextValue: 'group',
      expanded: true,
    };
    group.children = orphans.map((orphan, i) => {
      const { source, anchor } = orphan.mark;
      const why = orphan.reason === 'source gone' ? 'This source is no longer in the workspace.' : 'The text this mark was anchored to is no longer in the source.';
      return {
        id: `orphan/${i}/${source}:${anchor.start}`,
        label: `“${excerpt(anchor.exact, 60)}”`,
        description: `${orphan.owner} · ${sourceLabel(source)}`,
        tooltip: `${why}\n\n${orphan.owner} in ${sourceLabel(source)}, anchored to:\n“${anchor.exact}”\n\nIt is kept until you forget it, and found again if the text comes back.`,
        icon: new vscode.ThemeIcon('debug-disconnect'),
        orphan,
        contextValue: 'orphan' as const,
      };
    });
    return group;
  }

  private byClaim(): Node[] {
    const orphans = this.orphansNode();
    return orphans ? [orphans, ...this.claimRows()] : this.claimRows();
  }

  /**
   * Sources grouped by the event they report, each story with its claims; sources that share no story with
   * another are listed last, each with its own claims.
   */
  private byStory(): Node[] {
    const corpus = this.indexer.corpus;
    let stories = corpus.currentStories();
    if (!stories) {
      if (!this.findingStories) {
        // Meanwhile the stories found before, with the claims as they are when the finding starts (at
        // 10,000 sources that takes tens of milliseconds: once per finding, not on every refresh).
        this.interimStories = corpus.lastStories();
        this.findingStories = inSlices(corpus.storySteps())
          .catch(() => undefined)
          .then(() => {
            this.findingStories = undefined;
            this.interimStories = undefined;
            if (this.grouping === 'story') this.refresh();
          });
      }
      stories = this.interimStories;
      if (!stories) {
        if (corpus.size) this.view.message = 'Finding the stories the sources report…';
        return [];
      }
    }
    const rows = stories.filter((s) => s.sources.length > 1).map((s) => this.storyNode(s));
    const alone = stories.filter((s) => s.sources.length === 1);
    if (alone.length) {
      rows.push({
        id: 'group/alone',
        label: 'Sources that share no story',
        description: `${alone.length} source${alone.length > 1 ? 's' : ''}`,
        tooltip: 'Sources whose event no other source reports, each with its claims',
        icon: new vscode.ThemeIcon('circle-outline'),
        contextValue: 'group',
        children: alone.map((s) => ({ ...this.storyNode(s), label: sourceLabel(s.sources[0]), icon: new vscode.ThemeIcon('file') })),
      });
    }
    const orphans = this.orphansNode();
    return orphans ? [orphans, ...rows] : rows;
  }

  private storyNode(s: Story): Node {
    const shared = s.claims.filter((c) => c.status !== 'single').length;
    const differ = s.claims.filter((c) => c.status === 'differ').length;
    const parts = [`${s.sources.length} source${s.sources.length > 1 ? 's' : ''}`, `${shared} shared claim${shared === 1 ? '' : 's'}`, differ ? `${differ} where figures differ` : ''];
    return {
      id: s.id,
      label: s.label,
      description: parts.filter(Boolean).join(' · '),
      tooltip: `${s.label}\n\n${s.sources.length} source(s): ${s.sources.slice(0, TOOLTIP_SOURCES).map(sourceLabel).join(', ')}${s.sources.length > TOOLTIP_SOURCES ? ', …' : ''}`,
      icon: new vscode.ThemeIcon('library'),
      contextValue: 'group',
      children: this.claimRows(s.claims, `${s.id}/`),
    };
  }

  /** Rows for claims: those several sources make, then a group of those one source makes (`scope` keeps its id unique). */
  private claimRows(claims = this.indexer.corpus.claims(), scope = ''): Node[] {
    const shared = claims.filter((c) => c.status !== 'single').map((c) => this.claimNode(c));
    const single = claims.filter((c) => c.status === 'single');
    if (!single.length) return shared;
    const group: Node = {
      id: `${scope}group/single`,
      label: 'Reported by one source only',
      description: `${single.length} claim${single.length > 1 ? 's' : ''}`,
      tooltip: 'Claims no other source makes',
      icon: new vscode.ThemeIcon('circle-outline'),
      contextValue: 'group',
    };
    group.children = single.map((c) => this.claimNode(c));
    return [...shared, group];
  }

  private bySpeaker(): Node[] {
    const corpus = this.indexer.corpus;
    const bySpeaker = new Map<string, Node[]>();
    for (const doc of corpus.documents()) {
      for (const a of corpus.annotations(doc.id)) {
        if (a.kind !== 'quote') continue;
        const name = a.speaker?.name ?? 'Speaker not identified';
        const list = bySpeaker.get(name) ?? [];
        list.push(this.passageNode(`speaker/${name}`, { doc: doc.id, start: a.start, end: a.end, text: a.text, line: 0 }, excerpt(a.text)));
        bySpeaker.set(name, list);
      }
    }
    return [...bySpeaker.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([name, children]) => ({
        id: `speaker/${name}`,
        label: name,
        description: `${children.length} quote${children.length > 1 ? 's' : ''} · ${new Set(children.map((c) => c.location!.doc)).size} sources`,
        icon: new vscode.ThemeIcon('person'),
        children,
        contextValue: 'group' as const,
      }));
  }

  private byEntity(): Node[] {
    const corpus = this.indexer.corpus;
    const records = corpus.entities.records().filter((r) => r.docs.size > 0);
    const mentions = (r: (typeof records)[number]) => [...r.docs.values()].reduce((s, n) => s + n, 0);
    records.sort((a, b) => b.docs.size - a.docs.size || mentions(b) - mentions(a) || a.name.localeCompare(b.name));
    const icon = { PERSON: 'person', ORG: 'organization', PLACE: 'location' } as const;
    return records.slice(0, 500).map((r) => {
      const id = `entity/${r.key}`;
      // One row per source: its first mention, the same place the entity hover links to.
      const children: Node[] = [];
      for (const m of entityReport(corpus, r).mentions) {
        if (children.length && children[children.length - 1].location!.doc === m.doc) continue;
        const count = r.docs.get(m.doc)!;
        children.push({ ...this.passageNode(id, { ...m, line: 0 }), description: `${count} mention${count > 1 ? 's' : ''}` });
      }
      return { id, label: r.name, description: `${r.label.toLowerCase()} · ${r.docs.size} sources · ${mentions(r)} mentions`, icon: new vscode.ThemeIcon(icon[r.label]), children, contextValue: 'entity' as const };
    });
  }

  private byNumber(): Node[] {
    const corpus = this.indexer.corpus;
    const groups = new Map<string, { label: string; children: Node[]; docs: Set<string> }>();
    for (const doc of corpus.documents()) {
      for (const n of doc.analysis.numbers) {
        if (!isQuantity(n)) continue;
        const key = `${n.value}|${unitKey(n.unit) ?? ''}`;
        const g = groups.get(key) ?? { label: `${n.value!.toLocaleString('en-US')}${n.unit ? ` ${n.unit}` : ''}`, children: [], docs: new Set<string>() };
        const passage = doc.passages.find((p) => n.start < p.end && n.end > p.start);
        g.children.push(this.passageNode(`number/${key}`, passage ?? { doc: doc.id, start: n.start, end: n.end, text: n.text, line: 0 }, `${n.text}${passage ? ` — ${excerpt(passage.text, 80)}` : ''}`));
        g.docs.add(doc.id);
        groups.set(key, g);
      }
    }
    return [...groups.entries()]
      .sort((a, b) => b[1].docs.size - a[1].docs.size || a[0].localeCompare(b[0]))
      .map(([key, g]) => ({ id: `number/${key}`, label: g.label, description: `${g.docs.size} source${g.docs.size > 1 ? 's' : ''}`, icon: new vscode.ThemeIcon('symbol-number'), children: g.children, contextValue: 'group' as const }));
  }

  /** The claim row for a claim, building the tree if needed. */
  nodeForClaim(claim: Claim): Node | undefined {
    this.rootNodes();
    return this.claimNodes.get(claim.id);
  }

  private follow(editor: vscode.TextEditor): void {
    if (!this.view.visible || this.grouping !== 'claim') return;
    const id = editor.document.uri.toString();
    if (!this.indexer.analysisOf(editor.document)) return;
    const at = this.indexer.corpus.claimAt(id, editor.document.offsetAt(editor.selection.active));
    const node = at && this.nodeForClaim(at.claim);
    if (!node) return;
    // Already showing this claim (its row, or the passage row just clicked to get here): leave it be.
    const selected = this.view.selection[0];
    if (selected && (selected === node || selected.parent === node)) return;
    void this.view.reveal(node, { select: true, focus: false, expand: true });
  }

  /** Drops in the tree are handed to these (the claim-shaping commands, which own the curation). */
  acceptDrops(actions: DropActions): vscode.Disposable {
    this.dropActions = actions;
    return new vscode.Disposable(() => {
      if (this.dropActions === actions) this.dropActions = undefined;
    });
  }

  /** Passages of claims drag (to move them); else claims drag (to merge them). Other rows do not. */
  handleDrag(source: readonly Node[], dataTransfer: vscode.DataTransfer, _token?: vscode.CancellationToken): void {
    const passages = source.flatMap((n) => (n.contextValue === 'passage' && n.passage ? [{ doc: n.passage.doc, start: n.passage.start }] : []));
    const claims = passages.length ? [] : source.flatMap((n) => (n.claim ? [n.claim.id] : []));
    if (!passages.length && !claims.length) return;
    const payload: DragPayload = { claims, passages };
    dataTransfer.set(CLAIMS_MIME, new vscode.DataTransferItem(JSON.stringify(payload)));
  }

  /** Passages dropped on a claim row, or on a passage row of a claim, move to that claim; claims dropped there merge into it. */
  async handleDrop(target: Node | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const onto = target?.claim ? target : target?.parent?.claim ? target.parent : undefined;
    const item = dataTransfer.get(CLAIMS_MIME);
    if (!onto?.claim || !item || !this.dropActions) return;
    let payload: DragPayload;
    try {
      payload = JSON.parse(await item.asString()) as DragPayload;
    } catch {
      return; // not a drag of this view's
    }
    const corpus = this.indexer.corpus;
    const into = currentClaim(corpus, onto.claim);
    if (token.isCancellationRequested || !into) return;
    if (payload.passages?.length) {
      const passages = payload.passages.flatMap(({ doc, start }) => {
        const p = corpus.passageAt(doc, start);
        return p && p.start === start && corpus.claimOf(p)?.id !== into.id ? [p] : [];
      });
      if (passages.length) await this.dropActions.movePassages(passages, into);
    } else if (payload.claims?.length) {
      const byId = new Map(corpus.claims().map((c) => [c.id, c]));
      const from = payload.claims.flatMap((id) => byId.get(id) ?? []).filter((c) => c.id !== into.id);
      if (from.length) await this.dropActions.mergeClaims(from, into);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The claim as the corpus has it now, for a claim object a row or a command was given earlier: by id, else
 * (a machine claim the researcher has shaped since, which took a new id) the claim of its first passage.
 */
export function currentClaim(corpus: Indexer['corpus'], claim: Pick<Claim, 'id' | 'passages'>): Claim | undefined {
  return corpus.claims().find((c) => c.id === claim.id) ?? (claim.passages?.[0] && corpus.claimOf(claim.passages[0]));
}
