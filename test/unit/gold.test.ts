// The annotators against the hand-made gold for the five seed articles. The floors are what the
// annotators must keep; the figures themselves are printed so a change that moves them shows.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/pipeline.js';
import { entityKey } from '../../src/core/entities/registry.js';
import type { EntityLabel, NumberLabel } from '../../src/core/types.js';
import { match, score, type Score } from './helpers/score.js';

interface GoldDocument {
  quotes: { start: number; end: number; text: string; speaker: string | null; speakerMention: string | null }[];
  entities: { start: number; end: number; text: string; label: EntityLabel; name: string }[];
  numbers: { start: number; end: number; text: string; label: NumberLabel; value: number | null; unit: string | null; approx: string | null }[];
}

const root = join(__dirname, '..', '..', '..', 'test', 'fixtures');
const gold: Record<string, GoldDocument> = JSON.parse(readFileSync(join(root, 'gold', 'seeds.gold.json'), 'utf8')).documents;
const analyses = Object.keys(gold).map((file) => ({ file, gold: gold[file], found: analyze(readFileSync(join(root, 'seeds', file), 'utf8')) }));

/** Sums a per-document match over the five documents. */
function total(matchDocument: (d: (typeof analyses)[number]) => { score: Score }): Score {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const d of analyses) {
    const { tp, fp, fn } = matchDocument(d).score;
    sum.tp += tp;
    sum.fp += fp;
    sum.fn += fn;
  }
  return score(sum.tp, sum.fp, sum.fn);
}

function report(name: string, s: Score): void {
  // eslint-disable-next-line no-console
  console.log(`      ${name}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
}

describe('annotators against the seed gold', () => {
  it('quotes: overlap precision and recall ≥ 0.95', () => {
    const s = total((d) => match(d.gold.quotes, d.found.quotes, 'overlap'));
    report('quotes (overlap)', s);
    assert.ok(s.precision >= 0.95 && s.recall >= 0.95, JSON.stringify(s));
  });

  it('quotes: the speaker is right for ≥ 90% of the quotes found', () => {
    let right = 0;
    let all = 0;
    const wrong: string[] = [];
    for (const d of analyses) {
      for (const [g, p] of match(d.gold.quotes, d.found.quotes, 'overlap').pairs) {
        all++;
        const ok = g.speaker === null ? p.speaker === null : p.speaker !== null && entityKey(p.speaker.name) === entityKey(g.speaker);
        if (ok) right++;
        else wrong.push(`${d.file}: ${g.text.slice(0, 40)} → ${p.speaker?.name ?? null} (gold ${g.speaker})`);
      }
    }
    // eslint-disable-next-line no-console
    console.log(`      speakers: ${right}/${all}${wrong.length ? `\n        ${wrong.join('\n        ')}` : ''}`);
    assert.ok(right / all >= 0.9, wrong.join('\n'));
  });

  it('entities: exact span and label F1 ≥ 0.85, overlap F1 ≥ 0.9', () => {
    const exact = total((d) => match(d.gold.entities, d.found.entities, 'exact', (g, p) => g.label === p.label));
    const overlap = total((d) => match(d.gold.entities, d.found.entities, 'overlap', (g, p) => g.label === p.label));
    report('entities (exact)', exact);
    report('entities (overlap)', overlap);
    assert.ok(exact.f1 >= 0.85, JSON.stringify(exact));
    assert.ok(overlap.f1 >= 0.9, JSON.stringify(overlap));
  });

  it('numbers: span F1 ≥ 0.85 (overlap), value right for ≥ 90% of matched figures', () => {
    const s = total((d) => match(d.gold.numbers, d.found.numbers, 'overlap'));
    report('numbers (overlap)', s);
    let right = 0;
    let all = 0;
    for (const d of analyses) {
      for (const [g, p] of match(d.gold.numbers, d.found.numbers, 'overlap').pairs) {
        all++;
        if (g.value === p.value) right++;
      }
    }
    // eslint-disable-next-line no-console
    console.log(`      number values: ${right}/${all}`);
    assert.ok(s.f1 >= 0.85, JSON.stringify(s));
    assert.ok(right / all >= 0.9, `${right}/${all}`);
  });
});
