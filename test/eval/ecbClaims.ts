// Claims and stories on ECB+: does the Corpus put sentences from different articles that report the same
// event together? Pairwise F1 of cross-document sentence pairs, as the eval README's "same-event sentence
// grouping across articles", for stories (sources reporting one event) and for claims (sentences stating the
// same thing); and the README's same-event article grouping for stories. Ours runs at the Corpus's default
// settings; the peer is TF-IDF cosine with a threshold tuned on the data.
import { Corpus } from '../../src/core/corpus.js';
import type { Span } from '../../src/core/types.js';
import { analysisOf } from './analyses.js';
import { ecbTopics, type EcbTopic } from './data.js';
import { atThreshold, bestThreshold, TfIdf, type ScoredPair } from './peers/tfidf.js';
import { ErrorLog, f3, Out, prfCellsOf, type SummaryRow, type TaskResult } from './report.js';
import { prf, Tally, type Counts } from './score.js';
import { PARTS, SPLIT_NOTE, topicPart } from './split.js';
import { clip } from './text.js';

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const sentenceKey = (doc: string, index: number) => `${doc}#${index}`;

/** The sentence a passage overlaps most (the README's mapping when splitters differ). */
function sentenceOf(sentences: (Span & { index: number })[], passage: Span): number | null {
  let best: number | null = null;
  let bestLength = 0;
  for (const s of sentences) {
    const length = Math.min(s.end, passage.end) - Math.max(s.start, passage.start);
    if (length > bestLength) {
      best = s.index;
      bestLength = length;
    }
  }
  return best;
}

interface TopicResult {
  topic: EcbTopic;
  gold: Set<string>;
  predicted: Set<string>;
  /** Every cross-document pair of annotated sentences with its TF-IDF cosine. */
  candidates: (ScoredPair & { key: string })[];
  sentenceText: Map<string, string>;
  eventOf: Map<string, string>;
  /** Our claims over annotated sentences, for listing the ones that make false pairs. */
  claims: { label: string; sentences: string[] }[];
  /** Annotated sentences, and those no passage of ours maps to (dropped as page furniture, say). */
  annotated: number;
  uncovered: number;
  /** Pairs of annotated sentences whose sources are in one story of ours. */
  storyPredicted: Set<string>;
  /** Article pairs: same story of ours against the same gold event. */
  articlePairs: Counts;
}

function evaluateTopic(topic: EcbTopic): TopicResult {
  const annotated = new Set<string>();
  const sentenceText = new Map<string, string>();
  const eventOf = new Map<string, string>();
  const all: { key: string; doc: string; text: string }[] = [];
  for (const d of topic.docs) {
    eventOf.set(d.id, d.event_cluster);
    for (const s of d.sentences) {
      const key = sentenceKey(d.id, s.index);
      const text = d.text.slice(s.start, s.end);
      sentenceText.set(key, text);
      all.push({ key, doc: d.id, text });
      if (s.coref_annotated) annotated.add(key);
    }
  }
  const docOf = (key: string) => key.slice(0, key.lastIndexOf('#'));

  const gold = new Set<string>();
  for (const group of topic.sentence_groups) {
    const keys = [...new Set(group.sentences.map((s) => sentenceKey(s.doc, s.sentence)))].filter((k) => annotated.has(k));
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (docOf(keys[i]) !== docOf(keys[j])) gold.add(pairKey(keys[i], keys[j]));
  }

  // Ours: one corpus per topic, as the CLI would build from the topic's articles.
  const corpus = new Corpus();
  for (const d of topic.docs) corpus.set(d.id, d.text, analysisOf(d.text));
  const sentencesOf = new Map(topic.docs.map((d) => [d.id, d.sentences]));
  const predicted = new Set<string>();
  const claims: TopicResult['claims'] = [];
  const covered = new Set<string>();
  for (const d of topic.docs) {
    for (const p of corpus.get(d.id)!.passages) {
      const index = sentenceOf(d.sentences, p);
      if (index !== null) covered.add(sentenceKey(d.id, index));
    }
  }
  for (const claim of corpus.claims()) {
    const keys = new Set<string>();
    for (const p of claim.passages) {
      const index = sentenceOf(sentencesOf.get(p.doc) ?? [], p);
      if (index !== null && annotated.has(sentenceKey(p.doc, index))) keys.add(sentenceKey(p.doc, index));
    }
    const list = [...keys];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (docOf(list[i]) !== docOf(list[j])) predicted.add(pairKey(list[i], list[j]));
    if (list.length > 1) claims.push({ label: claim.label, sentences: list });
  }

  // Peer: TF-IDF over all the topic's sentences; candidates are the pairs that are scored.
  const tfidf = new TfIdf(all.map((s) => s.text));
  const candidates: TopicResult['candidates'] = [];
  for (let i = 0; i < all.length; i++) {
    if (!annotated.has(all[i].key)) continue;
    for (let j = i + 1; j < all.length; j++) {
      if (!annotated.has(all[j].key) || all[i].doc === all[j].doc) continue;
      const key = pairKey(all[i].key, all[j].key);
      candidates.push({ key, similarity: tfidf.cosine(i, j), gold: gold.has(key) });
    }
  }
  const uncovered = [...annotated].filter((k) => !covered.has(k)).length;

  // Stories: two sentences report the same event when their sources are in one story.
  const storyOf = new Map<string, string>();
  for (const story of corpus.stories()) for (const source of story.sources) storyOf.set(source, story.id);
  const storyPredicted = new Set<string>();
  const keys = [...annotated];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const [a, b] = [docOf(keys[i]), docOf(keys[j])];
      if (a !== b && storyOf.get(a) === storyOf.get(b)) storyPredicted.add(pairKey(keys[i], keys[j]));
    }
  }
  const articlePairs = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < topic.docs.length; i++) {
    for (let j = i + 1; j < topic.docs.length; j++) {
      const [a, b] = [topic.docs[i], topic.docs[j]];
      const same = a.event_cluster === b.event_cluster;
      if (storyOf.get(a.id) === storyOf.get(b.id)) same ? articlePairs.tp++ : articlePairs.fp++;
      else if (same) articlePairs.fn++;
    }
  }
  return { topic, gold, predicted, candidates, sentenceText, eventOf, claims, annotated: annotated.size, uncovered, storyPredicted, articlePairs };
}

function oursCounts(results: TopicResult[], predicted: (r: TopicResult) => Set<string> = (r) => r.predicted): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const r of results) {
    const mine = predicted(r);
    for (const k of mine) r.gold.has(k) ? c.tp++ : c.fp++;
    for (const k of r.gold) if (!mine.has(k)) c.fn++;
  }
  return c;
}

function articleCounts(results: TopicResult[]): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const r of results) {
    c.tp += r.articlePairs.tp;
    c.fp += r.articlePairs.fp;
    c.fn += r.articlePairs.fn;
  }
  return c;
}

/** Error classes of our pairs, and listings of the claims that make false pairs and the misses that look easiest. */
function ecbErrors(results: TopicResult[]): { totals: string; lines: string[] } {
  const errors = new ErrorLog();
  const docOf = (key: string) => key.slice(0, key.lastIndexOf('#'));
  const falseClaims: { count: number; line: string }[] = [];
  for (const r of results) {
    const sameEvent = (k: string) => {
      const [a, b] = k.split('|');
      return r.eventOf.get(docOf(a)) === r.eventOf.get(docOf(b));
    };
    for (const claim of r.claims) {
      let wrong = 0;
      let otherEvent = 0;
      for (let i = 0; i < claim.sentences.length; i++) {
        for (let j = i + 1; j < claim.sentences.length; j++) {
          const k = pairKey(claim.sentences[i], claim.sentences[j]);
          if (docOf(claim.sentences[i]) === docOf(claim.sentences[j]) || r.gold.has(k)) continue;
          wrong++;
          if (!sameEvent(k)) otherEvent++;
        }
      }
      if (wrong) falseClaims.push({ count: wrong, line: `topic ${r.topic.topic}: claim "${clip(claim.label, 70)}": ${claim.sentences.length} sentences, ${wrong} false pairs (${otherEvent} across the topic's two events)` });
    }
    for (const k of r.predicted) if (!r.gold.has(k)) errors.add(sameEvent(k) ? 'false pair, same event' : "false pair, the topic's other event", 'x', '');
    for (const k of r.gold) if (!r.predicted.has(k)) errors.add('missed pair', 'x', '');
  }
  const worst = falseClaims.sort((a, b) => b.count - a.count).slice(0, 5);
  const missed = results
    .flatMap((r) => r.candidates.filter((c) => c.gold && !r.predicted.has(c.key)).map((c) => ({ r, c })))
    .sort((a, b) => b.c.similarity - a.c.similarity)
    .slice(0, 5);
  const lines = [
    '  Claims making the most false pairs:',
    ...worst.map((w) => `    ${w.line}`),
    '  Missed gold pairs with the highest TF-IDF cosine (the most word-alike pairs we left apart):',
    ...missed.map(({ r, c }) => {
      const [a, b] = c.key.split('|');
      return `    cos ${c.similarity.toFixed(2)} ${a}: "${clip(r.sentenceText.get(a)!, 60)}"\n             ${b}: "${clip(r.sentenceText.get(b)!, 60)}"`;
    }),
  ];
  return { totals: errors.classTotals(), lines };
}

export function runEcbClaims(): TaskResult {
  const out = new Out();
  out.h1('CLAIMS, ECB+ — ours (Corpus at its default settings) vs TF-IDF cosine with a tuned threshold');
  out.line('Peer: lower-cased words minus function words, raw tf × smoothed idf, cosine; "same" = cosine ≥ threshold, tuned over 0.00…1.00.');
  const results = ecbTopics().map(evaluateTopic);
  const byPart = (part: string) => results.filter((r) => part === 'all' || topicPart(r.topic.topic) === part);
  const goldPairs = results.reduce((n, r) => n + r.gold.size, 0);
  out.h2(
    `ECB+ same-event sentence pairs (ecbplus_topics1-35.jsonl): ${results.length} topics, ${results.reduce((n, r) => n + r.topic.docs.length, 0)} articles, ${goldPairs} gold pairs.`,
  );
  out.line(
    'One Corpus per topic (both of its events). A pair = two sentences from different articles in one claim (claims), or whose articles',
    'are in one story (stories: the sources reporting one event, with their claims); each passage maps to',
    `the gold sentence it overlaps most; only pairs of coref_annotated sentences count (README). ${SPLIT_NOTE.topic}; the peer's`,
    'threshold is tuned on all topics, and separately on dev and applied to test.',
  );
  const tuned = bestThreshold(byPart('all').flatMap((r) => r.candidates));
  const tunedDev = bestThreshold(byPart('dev').flatMap((r) => r.candidates));
  const tally = new Tally();
  const storyTally = new Tally();
  const rows: (string | number)[][] = [];
  for (const part of ['all', ...PARTS]) {
    const c = oursCounts(byPart(part));
    Object.assign(tally.get(part), c);
    const p = prf(c);
    rows.push([`ours, claims (default)`, part, f3(p.precision), f3(p.recall), f3(p.f1), c.tp, c.fp, c.fn]);
  }
  for (const part of ['all', ...PARTS]) {
    const c = oursCounts(byPart(part), (r) => r.storyPredicted);
    Object.assign(storyTally.get(part), c);
    rows.push([`ours, stories (default)`, part, ...prfCellsOf(c)]);
  }
  rows.push([`tf-idf, best on all (t=${tuned.threshold.toFixed(2)})`, 'all', ...prfCellsOf(tuned)]);
  // Linking every cross-document pair, for scale: the annotated sentences of a topic mostly report its two events.
  rows.push(['every cross-document pair (trivial)', 'all', ...prfCellsOf(atThreshold(byPart('all').flatMap((r) => r.candidates.map((c) => ({ ...c, similarity: 1 }))), 0))]);
  for (const part of PARTS) rows.push([`tf-idf, tuned on dev (t=${tunedDev.threshold.toFixed(2)})`, part, ...prfCellsOf(atThreshold(byPart(part).flatMap((r) => r.candidates), tunedDev.threshold))]);
  out.table(['system', 'part', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], rows);
  out.line('', 'Same-event article grouping (README): article pairs in one story of ours against the same event_cluster.');
  out.table(['system', 'part', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], ['all', ...PARTS].map((part) => ['ours, stories', part, ...prfCellsOf(articleCounts(byPart(part)))]));
  const annotatedCount = results.reduce((n, r) => n + r.annotated, 0);
  const uncoveredCount = results.reduce((n, r) => n + r.uncovered, 0);
  out.line(`${uncoveredCount} of ${annotatedCount} annotated sentences get no passage of ours (short lines that read as no headline are dropped as page furniture).`);
  const errors = ecbErrors(results);
  out.line('', `Errors, ours (pairs: ${errors.totals}):`, ...errors.lines);

  const summary: SummaryRow[] = [
    // The task's measure, "the same event reported by different sources", is what stories group; claims
    // group sentences stating the same thing, a finer grouping, reported beside it.
    { task: 'claims', figure: `ECB+: same-event sentence-pair F1, stories (peer t=${tuned.threshold.toFixed(2)} tuned on all)`, ours: prf(storyTally.get('all')).f1, peer: tuned.f1, target: 0.5 },
    { task: 'claims', figure: 'ECB+ (test half): same-event sentence-pair F1, stories (peer tuned on dev)', ours: prf(storyTally.get('test')).f1, peer: atThreshold(byPart('test').flatMap((r) => r.candidates), tunedDev.threshold).f1, target: 0.5 },
    { task: 'claims', figure: 'ECB+: sentence-pair F1, claims (same statement)', ours: prf(tally.get('all')).f1, peer: null, target: null },
    { task: 'claims', figure: 'ECB+: same-event article-pair F1, stories', ours: prf(articleCounts(byPart('all'))).f1, peer: null, target: null },
  ];
  const figures = {
    goldPairs,
    annotatedSentences: annotatedCount,
    annotatedWithoutPassage: uncoveredCount,
    ours: Object.fromEntries(tally.keys().map((k) => [k, prf(tally.get(k))])),
    oursStories: Object.fromEntries(storyTally.keys().map((k) => [k, prf(storyTally.get(k))])),
    oursStoryArticlePairs: Object.fromEntries(['all', ...PARTS].map((k) => [k, prf(articleCounts(byPart(k)))])),
    peer: { tunedOnAll: tuned, tunedOnDev: tunedDev, test: atThreshold(byPart('test').flatMap((r) => r.candidates), tunedDev.threshold) },
  };
  return { out, summary, figures };
}
