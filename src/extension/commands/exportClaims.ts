// Export the claims to a file the user chooses: Markdown, JSON or CSV, or the whole corpus with its claims
// and annotations as a REFI-QDA project for the qualitative-analysis tools. Sources go by their names
// (the researcher's or the automatic ones) with their paths in the workspace, and notes go with them.
import * as vscode from 'vscode';
import type { Indexer } from '../indexer.js';
import { corpusExportOptions, exportClaims, type ExportFormat } from '../../core/export.js';
import { sourceLabel, sourcePath } from '../locations.js';
import { saveFile } from '../saveFile.js';
import { projectOf } from '../../core/qdaProject.js';
import { writeQdpx } from '../../core/qdpx.js';

type Format = ExportFormat | 'qdpx';

const FORMATS: { format: Format; label: string; extension: string }[] = [
  { format: 'markdown', label: 'Markdown report', extension: 'md' },
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'csv', label: 'CSV (one row per passage)', extension: 'csv' },
  { format: 'qdpx', label: 'REFI-QDA project (QualCoder, ATLAS.ti, MAXQDA, NVivo)', extension: 'qdpx' },
];

/** The sources, claims, annotations and the researcher's notes as a REFI-QDA project. */
function qdpx(indexer: Indexer): Uint8Array {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const extension = vscode.extensions.getExtension('corroborate.corroborate');
  return writeQdpx(
    projectOf(indexer.corpus, {
      name: folder?.name ?? 'Corroborate',
      origin: `Corroborate ${extension?.packageJSON.version ?? ''}`.trim(),
      user: process.env.USER ?? process.env.USERNAME ?? 'Corroborate user',
      createdAt: new Date(),
      sourceName: sourceLabel,
      sourcePath,
    }),
  );
}

export async function exportClaimsCommand(indexer: Indexer, format?: Format, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  await indexer.whenReady();
  const chosen = format ? FORMATS.find((f) => f.format === format) : await vscode.window.showQuickPick(FORMATS, { title: 'Export claims as' });
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: 'Export claims',
    defaultUri: folder && vscode.Uri.joinPath(folder, `claims.${chosen.extension}`),
    filters: { [chosen.label]: [chosen.extension] },
  }));
  if (!uri) return undefined;
  try {
    await saveFile(uri, chosen.format === 'qdpx' ? qdpx(indexer) : exportClaims(indexer.corpus.claims(), chosen.format, corpusExportOptions(indexer.corpus, { name: sourceLabel, path: sourcePath })));
  } catch (e) {
    void vscode.window.showErrorMessage(`Corroborate: could not export to ${vscode.workspace.asRelativePath(uri)}: ${(e as Error).message}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`Corroborate: exported ${indexer.corpus.claims().length} claims to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
