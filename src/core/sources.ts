// Reading sources from disk: decoding bytes into text the way an editor would, cutting very long sources
// at a limit, and finding the text files of a folder. Shared by the CLI and the extension's indexer.
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open as openAsync, stat as statAsync } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** A source's text, with a note when it was read with a caveat (encoding guessed, cut at the limit). */
export type SourceText = { ok: true; text: string; note?: string };
/** Text read from a source, or why not; `gone` when the file vanished before it could be read. */
export type Decoded = SourceText | { ok: false; reason: string; gone?: boolean };

/** Sources longer than this many characters are analysed up to it (the setting's default and the CLI's). */
export const DEFAULT_MAX_CHARS = 1_000_000;

/**
 * Decodes a file's bytes. UTF-8 (a BOM is dropped, as editors do, so offsets match the editor's), UTF-16
 * with a BOM, and otherwise Windows-1252 with a note. Files with NUL bytes are binary and are refused.
 * `partial` says the bytes are only the file's beginning: a character cut at the end is dropped, not
 * taken as a sign of another encoding.
 */
export function decodeSource(bytes: Uint8Array, partial = false): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2), { stream: partial }) };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8; read as Windows-1252' };
  }
}

/**
 * Cuts a text to at most `max` UTF-16 code units, at the last line break (else space) in the last tenth so
 * that no sentence is cut in half, and never inside a surrogate pair. Offsets in the cut text are the
 * same as in the whole one.
 */
export function limitText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const floor = Math.floor(max * 0.9);
  let end = text.lastIndexOf('\n', max - 1) + 1;
  if (end <= floor) end = text.lastIndexOf(' ', max - 1) + 1;
  if (end <= floor) end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate whose pair lies past the cut
  return { text: text.slice(0, end), cut: true };
}

/**
 * Applies the character limit to a source's text (from disk, stdin or an editor); a cut is noted after any
 * note the text already has.
 */
export function withinLimit(decoded: SourceText, maxChars: number): SourceText;
export function withinLimit(decoded: Decoded, maxChars: number): Decoded;
export function withinLimit(decoded: Decoded, maxChars: number): Decoded {
  if (!decoded.ok) return decoded;
  const { text, cut } = limitText(decoded.text, maxChars);
  if (!cut) return decoded;
  const note = `analysed up to character ${text.length.toLocaleString('en-US')} (the size limit is ${maxChars.toLocaleString('en-US')} characters); the rest was skipped`;
  return { ...decoded, text, note: decoded.note ? `${decoded.note}; ${note}` : note };
}

/** Decodes a read into a buffer one byte longer than wanted: that byte, if read, says there is more. */
function decodeRead(buffer: Uint8Array, length: number, maxChars: number): Decoded {
  const partial = length === buffer.length;
  return withinLimit(decodeSource(buffer.subarray(0, partial ? length - 1 : length), partial), maxChars);
}

/** Enough bytes for `maxChars` characters in any supported encoding (UTF-8 needs at most 3 per UTF-16 unit). */
const bytesFor = (maxChars: number) => maxChars * 3 + 4;

/** Opening a named pipe or a device named like a source would wait forever: only regular files are read. */
function regularFileSize(stats: Stats): number {
  if (stats.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
  if (!stats.isFile()) throw Object.assign(new Error('not a regular file (a pipe, socket or device)'), { code: 'ENOTREG' });
  return stats.size;
}

function failure(e: unknown): Decoded {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'file vanished before it could be read'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'a folder, not a file'
    : String((e as Error).message);
  return code === 'ENOENT' ? { ok: false, reason, gone: true } : { ok: false, reason };
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
      else if (s.isFile() && name.toLowerCase().endsWith('.txt')) out.push({ id: relative(root, full).split(sep).join('/'), path: full });
    }
  };
  walk(root);
  return out;
}

/**
 * Reads a source file, at most as much of it as `maxChars` characters need: a 50 MB file is not read whole
 * to analyse its first megabyte.
 */
export function readSource(path: string, maxChars = DEFAULT_MAX_CHARS): Decoded {
  let fd: number | undefined;
  try {
    const size = regularFileSize(statSync(path));
    fd = openSync(path, 'r');
    const buffer = new Uint8Array(Math.min(size, bytesFor(maxChars)) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    return decodeRead(buffer, length, maxChars);
  } catch (e) {
    return failure(e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `readSource` without blocking the thread (the extension's). */
export async function readSourceAsync(path: string, maxChars = DEFAULT_MAX_CHARS): Promise<Decoded> {
  let handle;
  try {
    const size = regularFileSize(await statAsync(path));
    handle = await openAsync(path, 'r');
    const buffer = new Uint8Array(Math.min(size, bytesFor(maxChars)) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = (await handle.read(buffer, length, buffer.length - length, null)).bytesRead) > 0; ) length += n;
    return decodeRead(buffer, length, maxChars);
  } catch (e) {
    return failure(e);
  } finally {
    await handle?.close();
  }
}
