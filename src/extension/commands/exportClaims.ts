// Export the claims to a file the user chooses, as Markdown, JSON or CSV.
import * as vscode from 'vscode';
import type { Indexer } from '../indexer.js';
import { exportClaims, type ExportFormat } from '../../core/export.js';
import { sourceLabel } from '../locations.js';
import { saveFile } from '../saveFile.js';

const FORMATS: { format: ExportFormat; label: string; extension: string }[] = [
  { format: 'markdown', label: 'Markdown report', extension: 'md' },
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'csv', label: 'CSV (one row per passage)', extension: 'csv' },
];

export async function exportClaimsCommand(indexer: Indexer, format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
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
  const text = exportClaims(indexer.corpus.claims(), chosen.format, sourceLabel);
  try {
    await saveFile(uri, text);
  } catch (e) {
    void vscode.window.showErrorMessage(`Corroborate: could not export to ${vscode.workspace.asRelativePath(uri)}: ${(e as Error).message}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`Corroborate: exported ${indexer.corpus.claims().length} claims to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
