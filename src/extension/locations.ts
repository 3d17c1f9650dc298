// Between the core's (document id, offset) and VS Code's (Uri, Position). Document ids are URI strings.
// Positions come from the open document when there is one, else from the corpus text, which is the
// same text the offsets were computed on.
import * as vscode from 'vscode';
import type { Corpus, CorpusDocument } from '../core/corpus.js';
import type { Span } from '../core/types.js';
import { lineOf, lineStarts } from '../core/claims/passages.js';

export function uriOf(id: string): vscode.Uri {
  return vscode.Uri.parse(id);
}

const startsCache = new WeakMap<CorpusDocument, number[]>();

function positionIn(doc: CorpusDocument, offset: number): vscode.Position {
  let starts = startsCache.get(doc);
  // The text is decoded on each read (core/textStore.ts): read only when its line starts are not known yet.
  if (!starts) startsCache.set(doc, (starts = lineStarts(doc.text)));
  const line = lineOf(starts, offset) - 1;
  return new vscode.Position(line, offset - starts[line]);
}

export function rangeOf(corpus: Corpus, id: string, span: Span): vscode.Range {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
  const doc = corpus.get(id);
  if (open && (!doc || open.getText() === doc.text)) return new vscode.Range(open.positionAt(span.start), open.positionAt(span.end));
  if (!doc) return new vscode.Range(0, 0, 0, 0);
  return new vscode.Range(positionIn(doc, span.start), positionIn(doc, span.end));
}

export function locationOf(corpus: Corpus, id: string, span: Span): vscode.Location {
  return new vscode.Location(uriOf(id), rangeOf(corpus, id, span));
}

/** A source's path in the workspace (with its folder's name in a multi-root workspace). */
export function sourcePath(id: string): string {
  return vscode.workspace.asRelativePath(uriOf(id), vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
}

let namingCorpus: Corpus | undefined;

/** Sources are named by this corpus from now on (set once, at activation). */
export function nameSourcesBy(corpus: Corpus): void {
  namingCorpus = corpus;
}

/**
 * How a source is named in views, hovers and exports: the name the researcher gave it, else what its text
 * says about itself (outlet, author, date), else its file name; its path for a source not in the corpus.
 */
export function sourceLabel(id: string): string {
  return namingCorpus?.has(id) ? namingCorpus.label(id) : sourcePath(id);
}

/**
 * A place in a source as tooltips and link titles give it: the source's name, then its file and line
 * (`UPI · Nov. 13 — news/000_812b.txt, line 12`), so the file is never more than a hover away.
 */
export function sourcePlace(id: string, line?: number): string {
  const [label, path] = [sourceLabel(id), sourcePath(id)];
  return `${label === path ? '' : `${label} — `}${path}${line === undefined ? '' : `, line ${line}`}`;
}

/** 1-based line of an offset, for `line 12` beside a source's name. */
export function lineNumber(corpus: Corpus, id: string, offset: number): number {
  return rangeOf(corpus, id, { start: offset, end: offset }).start.line + 1;
}
