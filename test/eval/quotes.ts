// Quotes and speakers: detection P/R/F1 by overlap (exact shown too) and speaker accuracy, ours against a
// quote-mark regex with a nearest-name-to-speech-verb speaker rule, on the ECB+ quote gold and the seeds.
//
// Speaker accuracy is over the gold quotes each system detected (overlap-matched). A speaker is right when
//   - the predicted mention overlaps the gold speakerMention (located as the word-bounded occurrence of that
//     string nearest to the quote, outside it), or
//   - the predicted resolved name equals the gold speaker after normalising case, diacritics, punctuation
//     and a leading determiner;
// and, when the gold speaker is null, only when no speaker is predicted. "Name only" drops the first rule.
import { Corpus } from '../../src/core/corpus.js';
import type { Span } from '../../src/core/types.js';
import { analysisOf } from './analyses.js';
import { ecbQuoteDocs, seedDocs, type GoldQuote } from './data.js';
import { quoteMarkSpans } from './peers/quoteMarks.js';
import { speechVerbSpeakers } from './peers/speechVerbSpeaker.js';
import { ErrorLog, f3, Out, ratioCell, prfCellsOf, type SummaryRow, type TaskResult } from './report.js';
import { add, countsOf, matchSpans, overlaps, prf, ratio, sameSpan, Tally, type Ratio } from './score.js';
import { PARTS, SPLIT_NOTE, topicPart } from './split.js';
import { gap, normaliseName, snippet, wordOccurrences } from './text.js';

interface PredictedQuote extends Span {
  speaker: { start: number; end: number; text: string; name: string } | null;
}
interface Doc {
  id: string;
  text: string;
  /** Groups the document also counts under besides `all`: its half, its mark style. */
  groups: string[];
  gold: GoldQuote[];
}
type Predict = (id: string, text: string) => PredictedQuote[];

/** Ours as the CLI reports it: the corpus's annotations, speaker names canonical. */
const ours: Predict = (id, text) => {
  const corpus = new Corpus();
  corpus.set(id, text, analysisOf(text));
  return corpus.annotations(id).flatMap((a) => (a.kind === 'quote' ? [{ start: a.start, end: a.end, speaker: a.speaker }] : []));
};

const peer: Predict = (_id, text) => {
  const spans = quoteMarkSpans(text);
  const speakers = speechVerbSpeakers(text, spans);
  return spans.map((s, i) => ({ ...s, speaker: speakers[i] }));
};

const STYLE_ECB = "*ecb ``…''";
const STYLE_PLUS = '*ecbplus "…"';

const SYSTEMS: { name: string; predict: Predict }[] = [
  { name: 'ours', predict: ours },
  { name: 'regex+verb', predict: peer },
];

/** The gold speakerMention as a span: its word-bounded occurrence nearest the quote, preferring ones outside it. */
function goldMention(text: string, q: GoldQuote): Span | null {
  if (!q.speakerMention) return null;
  const all = wordOccurrences(text, q.speakerMention);
  const outside = all.filter((s) => !overlaps(s, q));
  const pool = outside.length ? outside : all;
  return pool.reduce<Span | null>((best, s) => (!best || gap(s, q) < gap(best, q) ? s : best), null);
}

function speakerRight(text: string, g: GoldQuote, p: PredictedQuote, nameOnly: boolean): boolean {
  if (g.speaker === null) return p.speaker === null;
  if (!p.speaker) return false;
  if (normaliseName(p.speaker.name) === normaliseName(g.speaker)) return true;
  if (nameOnly) return false;
  const mention = goldMention(text, g);
  return mention !== null && overlaps(mention, p.speaker);
}

interface Scores {
  overlap: Tally;
  exact: Tally;
  /** Detection recall per cue. */
  cueRecall: Map<string, { hit: number; all: number }>;
  speaker: Map<string, { right: number; nameRight: number; all: number }>;
}

function bump<K>(m: Map<K, { right: number; nameRight: number; all: number }>, key: K, right: boolean, nameRight: boolean) {
  const c = m.get(key) ?? { right: 0, nameRight: 0, all: 0 };
  c.all++;
  if (right) c.right++;
  if (nameRight) c.nameRight++;
  m.set(key, c);
}

function evaluate(docs: Doc[], predict: Predict, errors?: ErrorLog): Scores {
  const s: Scores = { overlap: new Tally(), exact: new Tally(), cueRecall: new Map(), speaker: new Map() };
  for (const doc of docs) {
    const predicted = predict(doc.id, doc.text);
    const keys = ['all', ...doc.groups];
    const m = matchSpans(doc.gold, predicted, 'overlap');
    const e = matchSpans(doc.gold, predicted, 'exact');
    for (const key of keys) {
      add(s.overlap.get(key), countsOf(m));
      add(s.exact.get(key), countsOf(e));
    }
    const found = new Set(m.pairs.map(([g]) => g));
    for (const g of doc.gold) {
      const cue = g.cue ?? 'all';
      const r = s.cueRecall.get(cue) ?? { hit: 0, all: 0 };
      r.all++;
      if (found.has(g)) r.hit++;
      s.cueRecall.set(cue, r);
    }
    for (const [g, p] of m.pairs) {
      const right = speakerRight(doc.text, g, p, false);
      const nameRight = speakerRight(doc.text, g, p, true);
      for (const key of [...keys, ...(g.cue ? [`cue:${g.cue}`] : [])]) bump(s.speaker, key, right, nameRight);
      if (errors && !right) {
        const what = p.speaker ? `"${p.speaker.name}" (mention "${p.speaker.text}")` : 'none';
        errors.add('wrong speaker', `${g.cue ?? 'quote'}, ${p.speaker ? 'wrong name' : g.speaker === null ? 'speaker where gold has none' : 'no speaker'}`, `${doc.id}: gold ${g.speaker ?? 'null'} (mention ${g.speakerMention ?? 'null'}), predicted ${what}: ${snippet(doc.text, g, 30)}`);
      }
      if (errors && !sameSpan(g, p)) {
        const side = g.start !== p.start && g.end !== p.end ? 'both ends' : g.start !== p.start ? 'start' : 'end';
        errors.add('boundary', `${side} differs${g.cue === 'multi-paragraph' ? ' (multi-paragraph)' : ''}`, `${doc.id}: gold ${snippet(doc.text, g, 0)} / ours ${snippet(doc.text, p, 0)}`);
      }
    }
    if (errors) {
      for (const g of m.missed) errors.add('missed', `${markOf(doc.text, g)} quote, cue ${g.cue ?? '–'}`, `${doc.id}: ${snippet(doc.text, g)}`);
      for (const p of m.spurious) {
        const words = doc.text.slice(p.start, p.end).split(/\s+/).length;
        errors.add('spurious', words <= 3 ? 'short (≤ 3 words: title, name or scare quote?)' : 'longer', `${doc.id}: ${snippet(doc.text, p)}`);
      }
    }
  }
  return s;
}

/** The style of a quote's opening mark, for grouping misses. */
const markOf = (text: string, q: Span): string => (text.startsWith('``', q.start) ? "``…''" : text[q.start] === '"' ? '"…"' : `${text[q.start]}…`);

const speakerRatio = (s: Scores, key: string, nameOnly = false): Ratio => {
  const c = s.speaker.get(key) ?? { right: 0, nameRight: 0, all: 0 };
  return ratio(nameOnly ? c.nameRight : c.right, c.all);
};

function report(out: Out, results: Map<string, Scores>, parts: string[]) {
  out.table(
    ['system', 'part', 'overlap P', 'R', 'F1', 'tp', 'fp', 'fn', 'exact F1', 'speaker acc', 'speaker acc, name only'],
    [...results].flatMap(([name, s]) =>
      parts.map((part) => [name, part, ...prfCellsOf(s.overlap.get(part)), f3(prf(s.exact.get(part)).f1), ratioCell(speakerRatio(s, part)), ratioCell(speakerRatio(s, part, true))]),
    ),
  );
}

export function runQuotes(): TaskResult {
  const out = new Out();
  const summary: SummaryRow[] = [];
  const figures: Record<string, unknown> = {};
  out.h1('QUOTES AND SPEAKERS — ours vs quote-mark regex + nearest-name-to-speech-verb rule');
  out.line(
    'Detection: one-to-one matching, by overlap (exact span shown too; spans include the quote marks).',
    'Speaker accuracy: over the gold quotes the system detected. Right = predicted mention overlaps the gold speakerMention',
    'or the resolved name equals the gold speaker (case/diacritics/punctuation/leading determiner ignored); gold null = no',
    'speaker predicted. "Name only": the resolved name must match.',
    'Peer detection: ``…\'\' (to the first \'\'), “…” (to the first ”), "…" (to the next "), across line breaks.',
    'Peer speaker: nearest capitalised name run to the speech verb (said/says/say/told/tells/according to/added/adds/asked/',
    'wrote) nearest the quote, in the quote\'s sentence(s) and the next, outside quotes.',
  );

  // ECB+ `*ecb` articles write quotes ``…'', `*ecbplus` ones "…" (or “…”): reported apart, as they fail apart.
  const style = (id: string) => (id.endsWith('ecbplus') ? STYLE_PLUS : STYLE_ECB);
  const ecb: Doc[] = ecbQuoteDocs().map((d) => ({ id: d.id, text: d.text, groups: [topicPart(d.topic), style(d.id)], gold: d.quotes }));
  const ecbErrors = new ErrorLog();
  const ecbResults = new Map(SYSTEMS.map((s) => [s.name, evaluate(ecb, s.predict, s.name === 'ours' ? ecbErrors : undefined)]));
  out.h2(`ECB+ quote gold (gold/quotes/ecbplus-quotes.gold.jsonl): ${ecb.length} articles, ${ecb.reduce((n, d) => n + d.gold.length, 0)} quotes; ${SPLIT_NOTE.topic}`);
  report(out, ecbResults, ['all', ...PARTS, STYLE_ECB, STYLE_PLUS]);
  out.line('', 'Per cue type (detection recall; speaker accuracy over the detected ones):');
  const cues = [...ecbResults.get('ours')!.cueRecall.keys()].sort();
  out.table(
    ['cue', 'gold', ...SYSTEMS.flatMap((s) => [`${s.name} recall`, `${s.name} speaker`])],
    cues.map((cue) => [
      cue,
      ecbResults.get('ours')!.cueRecall.get(cue)!.all,
      ...SYSTEMS.flatMap((s) => {
        const r = ecbResults.get(s.name)!.cueRecall.get(cue)!;
        return [f3(r.hit / r.all), ratioCell(speakerRatio(ecbResults.get(s.name)!, `cue:${cue}`))];
      }),
    ]),
  );
  out.line('', `Worst errors, ours (classes: ${ecbErrors.classTotals()}):`, ...ecbErrors.worst(10));

  const seeds: Doc[] = seedDocs().map((d) => ({ id: d.id, text: d.text, groups: [], gold: d.quotes }));
  const seedErrors = new ErrorLog();
  const seedResults = new Map(SYSTEMS.map((s) => [s.name, evaluate(seeds, s.predict, s.name === 'ours' ? seedErrors : undefined)]));
  out.h2(`Seeds gold: ${seeds.length} articles, ${seeds.reduce((n, d) => n + d.gold.length, 0)} quotes (no cue types). Seen data (unit-test floors).`);
  report(out, seedResults, ['all']);
  out.line('', `Worst errors, ours (classes: ${seedErrors.classTotals() || 'none'}):`, ...seedErrors.worst(6));

  for (const [set, results, parts] of [['ECB+', ecbResults, ['all', 'test']], ['seeds', seedResults, ['all']]] as const) {
    for (const part of parts) {
      const label = `${set}${part === 'all' ? '' : ` (${part} half)`}`;
      summary.push({ task: 'quotes', figure: `${label}: detection F1 (overlap)`, ours: prf(results.get('ours')!.overlap.get(part)).f1, peer: prf(results.get('regex+verb')!.overlap.get(part)).f1, target: 0.98 });
      summary.push({ task: 'quotes', figure: `${label}: speaker accuracy`, ours: speakerRatio(results.get('ours')!, part).value, peer: speakerRatio(results.get('regex+verb')!, part).value, target: 0.92 });
    }
  }
  for (const [set, results] of [['ecbplus', ecbResults], ['seeds', seedResults]] as const) {
    figures[set] = Object.fromEntries(
      [...results].map(([name, s]) => [
        name,
        {
          detection: Object.fromEntries(s.overlap.keys().map((k) => [k, { overlap: prf(s.overlap.get(k)), exact: prf(s.exact.get(k)) }])),
          speaker: Object.fromEntries([...s.speaker.keys()].map((k) => [k, { accuracy: speakerRatio(s, k), nameOnly: speakerRatio(s, k, true) }])),
          cueRecall: Object.fromEntries([...s.cueRecall].map(([k, r]) => [k, ratio(r.hit, r.all)])),
        },
      ]),
    );
  }
  return { out, summary, figures };
}
