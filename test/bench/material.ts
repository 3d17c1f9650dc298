// The raw text the benchmark corpus is built from: the seed articles, the ECB+ articles (one story per real
// event) and prose-like sentences of the nlp-corpus package for filler. Read from files only, never through
// src/: the corpus must stay the same while the analyser changes, or runs could not be compared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rngFor, shuffled } from './random.js';

/** A claim-bearing unit of a real article: a sentence (ECB+) or a paragraph (seeds). */
export interface Unit {
  text: string;
  /** Where it stood in its article, 0 (lead) to 1 (end): generated articles keep that order. */
  position: number;
}

export interface StoryMaterial {
  /** `seeds`, or the ECB+ event cluster (`1_ecb`, `1_ecbplus`). */
  id: string;
  headlines: string[];
  /** Every distinct unit of the event's articles. */
  units: Unit[];
  /** People the event's articles name most: quotes are attributed to them. */
  speakers: string[];
  /** The place the event's articles name most, for datelines; null when they name none. */
  place: string | null;
}

export interface Material {
  stories: StoryMaterial[];
  /** Prose-like sentences of nlp-corpus, in a fixed shuffled order. */
  filler: string[];
}

/** The folder holding package.json and test/fixtures, whether run from test/ or from out/test/. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'test', 'fixtures', 'seeds'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`project root not found above ${from}`);
    dir = up;
  }
  return dir;
}

/** A child process script of the benchmark, as bundled (`node esbuild.mjs --tests`). */
export const benchScript = (name: string): string => join(projectRoot(), 'out', 'test', 'bench', `${name}.js`);

/** ECB+ is detokenised with LaTeX quotes (``…''): typographic marks, as news sites print them. */
export function normaliseQuotes(text: string): string {
  let out = text
    .replace(/``\s?/g, '“')
    .replace(/\s?''/g, '”')
    .replace(/ ' '(?=\s|$)/g, '”');
  // A quote that opens in one sentence and closes in another would swallow whatever is put between them.
  const opens = (out.match(/“/g) ?? []).length;
  const closes = (out.match(/”/g) ?? []).length;
  const straight = (out.match(/"/g) ?? []).length;
  if (opens !== closes || straight % 2) out = out.replace(/[“”"]/g, '');
  return out.replace(/\s+/g, ' ').trim();
}

// Lines that are page furniture, not prose.
const FURNITURE = /https?:|www\.|^published\b|^updated|^home\b| > |\[[A-Z ]+\]|©|^print\b|^\(\d/i;

function isProse(line: string): boolean {
  return line.length >= 40 && /[.!?”"’)]$/.test(line) && !FURNITURE.test(line);
}

/** A line without final punctuation that opens an article, or is in title case near the top: a headline. */
function isHeadline(line: string, index: number): boolean {
  if (line.length < 20 || line.length > 140 || /[.!?]$/.test(line) || FURNITURE.test(line)) return false;
  const words = line.split(/\s+/);
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return words.length >= 4 && (index === 0 || capitalised >= words.length * 0.5);
}

function unitsOf(articles: string[][]): { units: Unit[]; headlines: string[] } {
  const units: Unit[] = [];
  const headlines: string[] = [];
  const seen = new Set<string>();
  for (const lines of articles) {
    lines.forEach((raw, i) => {
      const line = normaliseQuotes(raw);
      if (i < 3 && isHeadline(line, i)) {
        if (!headlines.includes(line)) headlines.push(line);
        return;
      }
      if (!isProse(line)) return;
      const key = line.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      units.push({ text: line, position: i / Math.max(1, lines.length - 1) });
    });
  }
  return { units, headlines };
}

// The seed articles name no entities in a file: their speakers are written here.
const SEED_SPEAKERS = ['Vedant Patel', 'Antony Blinken', 'Volodymyr Zelenskyy'];

function seedStory(root: string): StoryMaterial {
  const dir = join(root, 'test', 'fixtures', 'seeds');
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
  // The generator writes its own datelines.
  const stripped = articles.map((lines) => lines.map((l) => l.replace(/^[A-Z][A-Z .]+,[^—–]{0,30}?\s[—–]\s+/, '')));
  const { units, headlines } = unitsOf(stripped);
  return { id: 'seeds', headlines, units, speakers: SEED_SPEAKERS, place: 'Seoul' };
}

interface EcbEntity {
  label: string;
  text: string;
}
interface EcbDoc {
  id: string;
  event_cluster: string;
  text: string;
  entities: EcbEntity[];
}

/** The names of one label most often mentioned, most frequent first. */
function mostNamed(docs: EcbDoc[], label: string, filter: (name: string) => boolean): string[] {
  const counts = new Map<string, number>();
  for (const d of docs) for (const e of d.entities) if (e.label === label && filter(e.text)) counts.set(e.text, (counts.get(e.text) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

function ecbStories(root: string): StoryMaterial[] {
  const lines = readFileSync(join(root, 'test', 'fixtures', 'eval', 'ecbplus_topics1-35.jsonl'), 'utf8').split('\n').filter(Boolean);
  const byEvent = new Map<string, EcbDoc[]>();
  for (const line of lines) {
    for (const doc of (JSON.parse(line) as { docs: EcbDoc[] }).docs) {
      const list = byEvent.get(doc.event_cluster) ?? [];
      list.push(doc);
      byEvent.set(doc.event_cluster, list);
    }
  }
  const stories: StoryMaterial[] = [];
  for (const [id, docs] of byEvent) {
    const { units, headlines } = unitsOf(docs.map((d) => d.text.split('\n').map((l) => l.trim()).filter(Boolean)));
    // Two-word names make plausible speakers; a bare surname reads oddly in `…,” Reid said.` only sometimes.
    const people = mostNamed(docs, 'PER', (n) => /^\p{Lu}\S+ \p{Lu}\S+$/u.test(n));
    const places = mostNamed(docs, 'LOC', (n) => /^\p{Lu}[\p{L} .]+$/u.test(n) && n.length <= 20);
    stories.push({ id, headlines, units, speakers: people.slice(0, 4), place: places[0] ?? null });
  }
  return stories.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const PROSE_CHARS = /^[A-Za-z0-9 ,.;:'’()%$&-]+$/;
// Third-person prose only, none of the package's lyrics, chat or slurs.
const NOT_NEWS = /http|www\.|\s{2,}|\.\.|\b(I|me|my|you|your|we|our|us|lol|omg|fuck\w*|shit\w*|bitch\w*|ass|asshole|damn|sex\w*|porn\w*|rape\w*|penis|vagina|tits|boobs?|weed|cocaine|lsd|mdma|drugs?|trip)\b/i;

/** Sentences of nlp-corpus that read like prose (it also holds lyrics, chat and tables). */
function fillerSentences(root: string): string[] {
  const dir = join(root, 'node_modules', 'nlp-corpus', 'builds');
  const out = new Set<string>();
  for (let i = 0; i <= 99; i++) {
    const file = join(dir, `doc-${i}.json`);
    if (!existsSync(file)) continue;
    for (const s of JSON.parse(readFileSync(file, 'utf8')) as string[]) {
      if (s.length < 50 || s.length > 320 || !/^[A-Z][a-z'’]/.test(s) || !/[a-z0-9)]\.$/.test(s)) continue;
      if (!PROSE_CHARS.test(s) || NOT_NEWS.test(s)) continue;
      out.add(s);
    }
  }
  if (!out.size) throw new Error(`no nlp-corpus sentences under ${dir}`);
  return shuffled(rngFor('filler-order'), [...out].sort());
}

export function loadMaterial(root = projectRoot()): Material {
  return { stories: [seedStory(root), ...ecbStories(root)], filler: fillerSentences(root) };
}
