// Reading sources from disk: decoding bytes into text the way an editor would, and finding the text files
// of a folder. Shared by the CLI and the extension's indexer.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

/**
 * Decodes a file's bytes. UTF-8 (a BOM is dropped, as editors do, so offsets match the editor's), UTF-16
 * with a BOM, and otherwise Windows-1252 with a note. Files with NUL bytes are binary and are refused.
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)) };
  }
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8; read as Windows-1252' };
  }
}

export interface SourceFile {
  /** Path relative to the argument it was found under (the file name when the argument is a file). */
  id: string;
  path: string;
}

/** The `.txt` files under a path (recursively for folders, following symlinks once). */
export function listSources(path: string, onError: (path: string, reason: string) => void): SourceFile[] {
  const root = resolve(path);
  let stats;
  try {
    stats = statSync(root);
  } catch (e) {
    onError(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String((e as Error).message));
    return [];
  }
  if (!stats.isDirectory()) return [{ id: path, path: root }];
  const out: SourceFile[] = [];
  const visited = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // symlink loop
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      onError(dir, (e as Error).message);
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(dir, name);
      let s;
      try {
        s = statSync(full);
      } catch {
        continue; // vanished or a dangling link
      }
      if (s.isDirectory()) walk(full);
      else if (name.toLowerCase().endsWith('.txt')) out.push({ id: relative(root, full).split(sep).join('/'), path: full });
    }
  };
  walk(root);
  return out;
}

export function readSource(path: string): Decoded {
  try {
    return decodeSource(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file vanished before it could be read' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    return { ok: false, reason };
  }
}
