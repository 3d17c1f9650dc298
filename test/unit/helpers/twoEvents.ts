// Articles about two events of one kind, from ECB+ topic 1 (CC BY 3.0, see test/fixtures/eval/README.md):
// two on Tara Reid entering rehab (`ecb`), two on Lindsay Lohan's move between rehab centres (`ecbplus`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './seeds.js';

export const REID = ['1_1ecb', '1_2ecb'];
export const LOHAN = ['1_1ecbplus', '1_2ecbplus'];

export function rehabArticles(): { id: string; text: string }[] {
  const line = readFileSync(join(FIXTURES, 'eval', 'ecbplus_topics1-35.jsonl'), 'utf8').split('\n', 1)[0];
  const topic = JSON.parse(line) as { topic: string; docs: { id: string; text: string }[] };
  return topic.docs.filter((d) => REID.includes(d.id) || LOHAN.includes(d.id)).map((d) => ({ id: d.id, text: d.text }));
}
