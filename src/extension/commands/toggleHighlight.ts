// Switch highlight kinds on and off; the settings hold the state, so it persists and syncs.
import * as vscode from 'vscode';
import { HIGHLIGHT_SETTING, readSettings, SECTION } from '../config.js';
import { KIND_KEYS, KIND_NAMES, type AnnotationKindKey } from '../kinds.js';

export async function toggleHighlight(kind?: AnnotationKindKey): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = readSettings().highlight;
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  if (kind) {
    await config.update(HIGHLIGHT_SETTING[kind], !current[kind], target);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    KIND_KEYS.map((k) => ({ label: KIND_NAMES[k], picked: current[k], key: k })),
    { canPickMany: true, title: 'Highlight in sources' },
  );
  if (!picked) return;
  const on = new Set(picked.map((p) => p.key));
  for (const k of KIND_KEYS) if (on.has(k) !== current[k]) await config.update(HIGHLIGHT_SETTING[k], on.has(k), target);
}
