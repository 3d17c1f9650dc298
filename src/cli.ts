// corroborate: the core from a terminal. JSON out; see README for the contract.
import { readFileSync } from 'node:fs';
import { Corpus } from './core/corpus.js';
import { DEFAULT_MAX_CHARS, listSources, readSource, withinLimit } from './core/sources.js';
import type { Annotation } from './core/types.js';
import type { Claim } from './core/claims/claims.js';

const USAGE = `Usage: corroborate <annotate|claims> [--jsonl] [--max-chars N] [PATH ...]

  annotate   quotes (with speakers), entities and numbers of each document
  claims     passages grouped across documents by the claim they make

PATHs are files or folders (folders: **/*.txt). With --jsonl, documents are read from stdin as
lines {"id","text"} instead. A document longer than --max-chars characters (default ${DEFAULT_MAX_CHARS}) is
analysed up to that point, cut at a line break, with a note on stderr. Output is JSON on stdout;
problems are reported on stderr.`;

function warn(input: string, message: string): void {
  process.stderr.write(`corroborate: ${input}: ${message}\n`);
}

interface Input {
  id: string;
  text: string;
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
      inputs.push({ id: file.id, text: decoded.text });
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
  };
}

function main(argv: string[]): number {
  const command = argv[0];
  const jsonl = argv.includes('--jsonl');
  const limitAt = argv.indexOf('--max-chars');
  const maxChars = limitAt > 0 ? Number(argv[limitAt + 1]) : DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    warn('--max-chars', 'expects a positive whole number of characters');
    return 2;
  }
  const paths = argv.slice(1).filter((a, i) => a !== '--jsonl' && i + 1 !== limitAt && i !== limitAt);
  if (command === '--help' || command === '-h' || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command !== 'annotate' && command !== 'claims') {
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

  if (command === 'annotate') {
    const rows = inputs.map((input, i) => ({ id: input.id, annotations: corpus.annotations(keys[i]).map((a) => serialise(a, input.text)) }));
    if (jsonl) for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    else process.stdout.write(`${JSON.stringify({ documents: rows }, null, 2)}\n`);
  } else {
    const out = { claims: corpus.claims().map(serialiseClaim) };
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
