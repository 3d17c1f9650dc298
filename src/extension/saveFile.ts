// Every file Corroborate writes for the user goes through here: atomically on the extension host's own
// disk (the usual case, local or remote), through VS Code's file system for other schemes.
import * as vscode from 'vscode';
import { writeFileAtomic } from '../core/atomicWrite.js';

export async function saveFile(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  if (uri.scheme === 'file' || uri.scheme === 'vscode-remote') await writeFileAtomic(uri.fsPath, content);
  else await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}
