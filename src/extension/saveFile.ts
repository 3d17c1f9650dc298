// Every file Corroborate writes for the user goes through here: atomically on the extension host's own
// disk (the usual case, local or remote), through VS Code's file system for other schemes.
import * as vscode from 'vscode';
import { writeFileAtomic } from '../core/atomicWrite.js';

export async function saveFile(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme === 'file' || uri.scheme === 'vscode-remote') await writeFileAtomic(uri.fsPath, text);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
