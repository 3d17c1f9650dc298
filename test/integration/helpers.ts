// What the extension-host suites share: the seed file names, the extension's API, and waiting the way a
// person waits for the editor to catch up.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { CorroborateApi } from '../../src/extension/extension.js';

export const SEED = {
  upi: '000_812b520c8dabc6dc.txt',
  reuters: '001_c43a6b52a279afae.txt',
  joongang: '002_3b34a81edfdb20bc.txt',
  rfa: '003_6f9ea62709bac099.txt',
  mint: '004_c0e525c02778e124.txt',
};

export function uriOf(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uriOf(name));
  await waitFor('the source language', () => editor.document.languageId === 'corroborate-source' || vscode.window.activeTextEditor?.document.languageId === 'corroborate-source');
  return vscode.window.activeTextEditor!;
}

/** The extension's API once it is active and has read the five seeds. */
export async function activated(): Promise<CorroborateApi> {
  const extension = vscode.extensions.getExtension<CorroborateApi>('corroborate.corroborate');
  assert.ok(extension, 'extension not loaded');
  if (!extension.isActive) await open(SEED.upi); // activation is lazy: opening a text file starts it
  const api = await extension.activate();
  await api.indexer.whenReady();
  await waitFor('five sources', () => api.indexer.corpus.size >= 5);
  return api;
}
