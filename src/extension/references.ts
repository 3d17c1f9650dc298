// Go to Definition and Find All References on a quote, entity or number: the same item in every source,
// shown in VS Code's peek view.
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';
import { annotationAt, sameItem } from '../core/queries.js';
import { locationOf } from './locations.js';

export class SameItemProvider implements vscode.DefinitionProvider, vscode.ReferenceProvider {
  constructor(private readonly indexer: Indexer) {}

  private locations(document: vscode.TextDocument, position: vscode.Position, includeSelf: boolean): vscode.Location[] | undefined {
    const id = document.uri.toString();
    if (!this.indexer.analysisOf(document)) return undefined;
    const a = annotationAt(this.indexer.corpus, id, document.offsetAt(position));
    if (!a) return undefined;
    const offset = document.offsetAt(position);
    return sameItem(this.indexer.corpus, id, a)
      .filter((l) => includeSelf || l.doc !== id || offset < l.start || offset > l.end)
      .map((l) => locationOf(this.indexer.corpus, l.doc, l));
  }

  /** The item in the other sources (the peek view opens on them). */
  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    return this.locations(document, position, false);
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    return this.locations(document, position, context.includeDeclaration);
  }
}
