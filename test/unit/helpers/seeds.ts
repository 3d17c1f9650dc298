// The sample corpus, loaded once for the tests that need it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../../src/core/corpus.js';

export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');
export const SEEDS = join(FIXTURES, 'seeds');

export function seedTexts(): { id: string; text: string }[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, text: readFileSync(join(SEEDS, f), 'utf8') }));
}

export function seedCorpus(): Corpus {
  const corpus = new Corpus();
  for (const { id, text } of seedTexts()) corpus.set(id, text);
  return corpus;
}

/** The seed a short id (`000` … `004`) stands for. */
export function seed(prefix: string): string {
  return readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
}
