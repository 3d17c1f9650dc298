// The Claims view: passages from all sources grouped by the claim they make (or by speaker, entity or
// figure), with the number of sources and an agreement icon per claim, a badge counting disagreements,
// and the claim under the cursor revealed as the cursor moves.
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';
import type { Claim } from '../core/claims/claims.js';
import type { Passage } from '../core/claims/passages.js';
import { isQuantity, unitKey } from '../core/claims/agreement.js';
import { lineNumber, sourceLabel } from './locations.js';
import { OPEN_PASSAGE } from './commands/openPassage.js';
import { excerpt } from './excerpt.js';
import { entityReport } from '../core/queries.js';

export type Grouping = 'claim' | 'speaker' | 'entity' | 'number';
export const VIEW_ID = 'corroborate.claims';

/** A row of the tree. `passage` rows open their source; the others group rows below them. */
export interface Node {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: vscode.ThemeIcon;
  children?: Node[];
  parent?: Node;
  claim?: Claim;
  location?: { doc: string; start: number; end: number };
  contextValue: 'claim' | 'group' | 'passage';
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

export class ClaimsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private grouping: Grouping = 'claim';
  private roots: Node[] | undefined;
  private readonly claimNodes = new Map<string, Node>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly indexer: Indexer) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      indexer.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
    );
    this.refresh();
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
    this.changed.fire(undefined);
  }

  /** Top-level rows for the current grouping (built once per change). */
  rootNodes(): Node[] {
    if (!this.roots) {
      this.roots = this.grouping === 'claim' ? this.byClaim() : this.grouping === 'speaker' ? this.bySpeaker() : this.grouping === 'entity' ? this.byEntity() : this.byNumber();
      const link = (n: Node) => n.children?.forEach((c) => { c.parent = n; link(c); });
      this.roots.forEach(link);
    }
    return this.roots;
  }

  getChildren(node?: Node): Node[] {
    return node ? node.children ?? [] : this.rootNodes();
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
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
    const where = `${sourceLabel(p.doc)}:${lineNumber(this.indexer.corpus, p.doc, p.start)}`;
    return {
      id: `${parentId}/${p.doc}:${p.start}`,
      label: where,
      description: detail ?? excerpt(p.text),
      tooltip: p.text,
      icon: new vscode.ThemeIcon('quote'),
      location: { doc: p.doc, start: p.start, end: p.end },
      contextValue: 'passage',
    };
  }

  private claimNode(c: Claim): Node {
    const node: Node = {
      id: `claim/${c.id}`,
      label: c.label,
      description: `${c.sources.length} source${c.sources.length > 1 ? 's' : ''} · ${STATUS_TEXT[c.status]}`,
      tooltip: `${c.label}\n\n${c.sources.length} source(s): ${c.sources.map(sourceLabel).join(', ')}\n${STATUS_TEXT[c.status]}`,
      icon: STATUS_ICON[c.status],
      claim: c,
      contextValue: 'claim',
    };
    node.children = c.passages.map((p) => this.passageNode(node.id, p));
    this.claimNodes.set(c.id, node);
    return node;
  }

  private byClaim(): Node[] {
    const claims = this.indexer.corpus.claims();
    const shared = claims.filter((c) => c.status !== 'single').map((c) => this.claimNode(c));
    const single = claims.filter((c) => c.status === 'single');
    if (!single.length) return shared;
    const group: Node = {
      id: 'group/single',
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
      return { id, label: r.name, description: `${r.label.toLowerCase()} · ${r.docs.size} sources · ${mentions(r)} mentions`, icon: new vscode.ThemeIcon(icon[r.label]), children, contextValue: 'group' as const };
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

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
