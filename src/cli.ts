// corroborate: the core from a terminal. JSON out; see README for the contract.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Corpus } from './core/corpus.js';
import { DEFAULT_MAX_CHARS, listSources, readSource, withinLimit } from './core/sources.js';
import type { Annotation } from './core/types.js';
import type { Claim } from './core/claims/claims.js';
import { mapSources, validateCuration } from './core/curation/model.js';

const USAGE = `Usage: corroborate <annotate|claims|stories> [--jsonl] [--max-chars N] [--project FILE] [PATH ...]

  annotate   quotes (with speakers), entities and numbers of each document
  claims     passages grouped across documents by the claim they make
  stories    documents grouped by the event they report, each story with its claims

PATHs are files or folders (folders: **/*.txt). With --jsonl, documents are read from stdin as
lines {"id","text"} instead. A document longer than --max-chars characters (default ${DEFAULT_MAX_CHARS}) is
analysed up to that point, cut at a line break, with a note on stderr. Output is JSON on stdout;
problems are reported on stderr.

The researcher's corrections, claims and notes saved by the extension (corroborate.json) are applied:
the file given with --project, else corroborate.json in the folder when one folder is given.`;

function warn(input: string, message: string): void {
  process.stderr.write(`corroborate: ${input}: ${message}\n`);
}

interface Input {
  id: string;
  text: string;
  /** The file read, for matching the project file's paths. */
  path?: string;
}

function readJsonl(maxChars: number): Input[] {
  let raw: string;
  try {
    raw = readFileSync(0, 'utf8');
  } catch {
    return [];
  }
  const inputs: Input[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const obj = JSON.parse(line);
      if (typeof obj?.text !== 'string') throw new Error('missing "text" string');
      const id = obj.id === undefined ? String(i + 1) : String(obj.id);
      const { text, note } = withinLimit({ ok: true, text: obj.text as string }, maxChars);
      if (note) warn(`stdin line ${i + 1}`, note);
      inputs.push({ id, text });
    } catch (e) {
      warn(`stdin line ${i + 1}`, `invalid JSON line (${(e as Error).message}); skipped`);
    }
  });
  return inputs;
}

function readPaths(paths: string[], maxChars: number): Input[] {
  const inputs: Input[] = [];
  for (const arg of paths) {
    for (const file of listSources(arg, (p, reason) => warn(p, reason))) {
      const decoded = readSource(file.path, maxChars);
      if (!decoded.ok) {
        warn(file.path, `${decoded.reason}; skipped`);
        continue;
      }
      if (decoded.note) warn(file.path, decoded.note);
      inputs.push({ id: file.id, text: decoded.text, path: resolve(file.path) });
    }
  }
  return inputs;
}

/** The annotation as the CLI contract states it, plus the span's text. */
function serialise(a: Annotation, text: string): object {
  const span = { kind: a.kind, start: a.start, end: a.end, text: text.slice(a.start, a.end) };
  switch (a.kind) {
    case 'quote':
      return { ...span, label: a.label, speaker: a.speaker && { start: a.speaker.start, end: a.speaker.end, text: a.speaker.text, name: a.speaker.name } };
    case 'entity':
      return { ...span, label: a.label, name: a.name };
    case 'number':
      return { ...span, label: a.label, value: a.value, unit: a.unit, approx: a.approx, ...(a.upper !== undefined ? { upper: a.upper } : {}) };
  }
}

function serialiseClaim(c: Claim): object {
  return {
    id: c.id,
    label: c.label,
    kind: c.kind,
    status: c.status,
    passages: c.passages.map((p) => ({ doc: p.doc, start: p.start, end: p.end, text: p.text })),
    ...(c.shaped ? { shaped: true } : {}),
    ...(c.memo ? { memo: c.memo } : {}),
  };
}

/** The project file to apply: the one given, else corroborate.json in the one folder given. */
function projectFileOf(given: string | undefined, paths: string[]): string | undefined {
  if (given) return given;
  if (paths.length !== 1) return undefined;
  const candidate = join(paths[0], 'corroborate.json');
  return existsSync(paths[0]) && statSync(paths[0]).isDirectory() && existsSync(candidate) ? candidate : undefined;
}

/** Applies a project file to the corpus: its paths are relative to its folder; documents are keyed by `keys`. */
function applyProject(corpus: Corpus, file: string, inputs: Input[], keys: string[]): boolean {
  let curation;
  try {
    curation = validateCuration(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    warn(file, `not applied: ${(e as Error).message}`);
    return false;
  }
  const keyOfPath = new Map(inputs.map((input, i) => [input.path ?? input.id, keys[i]]));
  const folder = dirname(resolve(file));
  corpus.setCuration(mapSources(curation, (source) => keyOfPath.get(resolve(folder, source)) ?? keyOfPath.get(source) ?? source));
  for (const o of corpus.orphans()) warn(file, `${o.owner} in ${o.mark.source}: ${o.reason === 'source gone' ? 'the source is not among the inputs' : 'its text is no longer in the source'} ("${o.mark.anchor.exact.slice(0, 60)}")`);
  return true;
}

function main(argv: string[]): number {
  const command = argv[0];
  const jsonl = argv.includes('--jsonl');
  const limitAt = argv.indexOf('--max-chars');
  const projectAt = argv.indexOf('--project');
  const projectArg = projectAt > 0 ? argv[projectAt + 1] : undefined;
  if (projectAt > 0 && !projectArg) {
    warn('--project', 'expects the path of a project file (corroborate.json)');
    return 2;
  }
  const maxChars = limitAt > 0 ? Number(argv[limitAt + 1]) : DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    warn('--max-chars', 'expects a positive whole number of characters');
    return 2;
  }
  const optionArgs = new Set([limitAt, limitAt + 1, projectAt, projectAt + 1].filter((i) => i > 0));
  const paths = argv.slice(1).filter((a, i) => a !== '--jsonl' && !optionArgs.has(i + 1));
  if (command === '--help' || command === '-h' || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command !== 'annotate' && command !== 'claims' && command !== 'stories') {
    warn(command, 'unknown command');
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const unknown = paths.find((p) => p.startsWith('--'));
  if (unknown) {
    warn(unknown, 'unknown option');
    return 2;
  }
  if (!jsonl && !paths.length) {
    warn(command, 'no PATH given (or use --jsonl to read stdin)');
    return 2;
  }
  const inputs = jsonl ? readJsonl(maxChars) : readPaths(paths, maxChars);
  if (!inputs.length) {
    warn(jsonl ? 'stdin' : paths.join(' '), 'nothing could be read');
    return 1;
  }
  const corpus = new Corpus();
  // Documents with the same id would overwrite each other in the corpus; keep each under a unique key.
  const seen = new Set<string>();
  const keys = inputs.map((input, i) => (seen.has(input.id) ? `${input.id}#${i + 1}` : (seen.add(input.id), input.id)));
  inputs.forEach((input, i) => corpus.set(keys[i], input.text));
  const project = projectFileOf(projectArg, jsonl ? [] : paths);
  if (project && !applyProject(corpus, project, inputs, keys)) return 1;

  if (command === 'annotate') {
    const rows = inputs.map((input, i) => ({ id: input.id, annotations: corpus.annotations(keys[i]).map((a) => serialise(a, input.text)) }));
    if (jsonl) for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    else process.stdout.write(`${JSON.stringify({ documents: rows }, null, 2)}\n`);
  } else {
    const out =
      command === 'claims'
        ? { claims: corpus.claims().map(serialiseClaim) }
        : { stories: corpus.stories().map((s) => ({ id: s.id, label: s.label, sources: s.sources, claims: s.claims.map(serialiseClaim) })) };
    process.stdout.write(jsonl ? `${JSON.stringify(out)}\n` : `${JSON.stringify(out, null, 2)}\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Never a stack trace: a one-line message, and the details only when asked for.
  warn('error', (e as Error).message ?? String(e));
  if (process.env.CORROBORATE_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
}
