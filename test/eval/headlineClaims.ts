// Claims on STS-B headlines: do two headlines that say the same thing (gold score ≥ 4) end in one claim,
// and two that do not (score ≤ 2) stay apart? Pairs in between (mostly equivalent with important details
// differing) are left out of the score, as the task defines it: a researcher could file them either way.
// Ours: the two headlines as two documents of one Corpus, at its default settings; "same" when one claim
// holds passages of both. Peer: TF-IDF cosine with a threshold tuned on the data.
import { Corpus } from '../../src/core/corpus.js';
import { analysisOf } from './analyses.js';
import { headlinePairs } from './data.js';
import { atThreshold, bestThreshold, TfIdf } from './peers/tfidf.js';
import { f3, Out, prfCellsOf, type SummaryRow, type TaskResult } from './report.js';
import { prf, type Counts } from './score.js';
import { PARTS, positionPart, SPLIT_NOTE } from './split.js';
import { clip } from './text.js';

interface HeadlineResult {
  a: string;
  b: string;
  score: number;
  gold: boolean;
  ours: boolean;
  /** Diagnostic: the same with a full stop after each headline, which the page-furniture filter lets through. */
  oursStopped: boolean;
  /** Headlines of the pair that give no passage at all. */
  withoutPassage: number;
  similarity: number;
  part: 'dev' | 'test';
}

/** Scored pairs: clearly the same (≥ 4) or clearly different (≤ 2). */
const DIFFERENT_AT_MOST = 2;
const decided = (h: { score: number; gold: boolean }) => h.gold || h.score <= DIFFERENT_AT_MOST;

function sameClaim(a: string, b: string): { same: boolean; withoutPassage: number } {
  const corpus = new Corpus();
  const docs = [corpus.set('a', a, analysisOf(a)), corpus.set('b', b, analysisOf(b))];
  const same = corpus.claims().some((c) => new Set(c.passages.map((x) => x.doc)).size === 2);
  return { same, withoutPassage: docs.filter((d) => !d.passages.length).length };
}

function evaluateHeadlines(): HeadlineResult[] {
  const pairs = headlinePairs();
  const tfidf = new TfIdf(pairs.flatMap((p) => [p.a, p.b]));
  const stop = (t: string) => (/[.!?]$/.test(t.trim()) ? t : `${t.trim()}.`);
  return pairs.map((p, i) => {
    const plain = sameClaim(p.a, p.b);
    return {
      a: p.a,
      b: p.b,
      score: p.score,
      gold: p.same,
      ours: plain.same,
      oursStopped: sameClaim(stop(p.a), stop(p.b)).same,
      withoutPassage: plain.withoutPassage,
      similarity: tfidf.cosine(2 * i, 2 * i + 1),
      part: positionPart(i),
    };
  });
}

export function runHeadlineClaims(): TaskResult {
  const out = new Out();
  out.h1('CLAIMS, STS-B HEADLINES — ours (Corpus at its default settings) vs TF-IDF cosine with a tuned threshold');
  const every = evaluateHeadlines();
  const headlines = every.filter(decided);
  const scored = (part: string) => headlines.filter((h) => part === 'all' || h.part === part);
  out.line(
    `STS-B headlines, dev split (stsb_headlines_dev.jsonl): ${every.length} pairs; scored: ${headlines.length}, ${headlines.filter((h) => h.gold).length} same (score ≥ 4) and`,
    `${headlines.filter((h) => !h.gold).length} different (score ≤ ${DIFFERENT_AT_MOST}); the ${every.length - headlines.length} pairs scored between are left out.`,
  );
  out.line(
    `Ours: both headlines in one Corpus; "same" when one claim holds passages of both. ${SPLIT_NOTE.position}.`,
    'Peer: TF-IDF (idf over all 500 headlines) as for ECB+; threshold tuned on all pairs, and on dev then applied to test.',
  );
  out.line(
    `${headlines.reduce((n, h) => n + h.withoutPassage, 0)} of ${headlines.length * 2} headlines give no passage: a short unpunctuated line that reads as no headline (no verb,`,
    'a menu or a timestamp) is dropped as page furniture, so such a pair can never be "same". The diagnostic row ends each headline with a full stop.',
  );
  const stsRows: (string | number)[][] = [];
  const stsOurs = new Map<string, Counts>();
  const decide = (pick: (h: HeadlineResult) => boolean, part: string): Counts => {
    const c = { tp: 0, fp: 0, fn: 0 };
    for (const h of scored(part)) {
      if (pick(h) && h.gold) c.tp++;
      else if (pick(h)) c.fp++;
      else if (h.gold) c.fn++;
    }
    return c;
  };
  for (const part of ['all', ...PARTS]) {
    const c = decide((h) => h.ours, part);
    stsOurs.set(part, c);
    stsRows.push(['ours (default)', part, ...prfCellsOf(c)]);
  }
  const stopped = decide((h) => h.oursStopped, 'all');
  stsRows.push(['ours, headlines given a full stop (diagnostic)', 'all', ...prfCellsOf(stopped)]);
  const asPairs = (part: string) => scored(part).map((h) => ({ similarity: h.similarity, gold: h.gold }));
  const stsTuned = bestThreshold(asPairs('all'));
  const stsTunedDev = bestThreshold(asPairs('dev'));
  stsRows.push([`tf-idf, best on all (t=${stsTuned.threshold.toFixed(2)})`, 'all', ...prfCellsOf(stsTuned)]);
  for (const part of PARTS) stsRows.push([`tf-idf, tuned on dev (t=${stsTunedDev.threshold.toFixed(2)})`, part, ...prfCellsOf(atThreshold(asPairs(part), stsTunedDev.threshold))]);
  out.table(['system', 'part', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], stsRows);
  // Accuracy too, as figures elsewhere may be accuracies: answering "different" always scores 0.8 here.
  const accuracy = (c: Counts) => (headlines.length - c.fp - c.fn) / headlines.length;
  out.line(
    `Accuracy (scored pairs): ours ${f3(accuracy(stsOurs.get('all')!))}, diagnostic ${f3(accuracy(stopped))}, tf-idf at t=${stsTuned.threshold.toFixed(2)} ${f3(accuracy(stsTuned))}, always "different" ${f3(headlines.filter((h) => !h.gold).length / headlines.length)}.`,
  );
  const missed = headlines.filter((h) => h.gold && !h.ours).sort((a, b) => b.score - a.score).slice(0, 5);
  const wrong = headlines.filter((h) => !h.gold && h.ours).sort((a, b) => a.score - b.score).slice(0, 5);
  out.line('', `Worst errors, ours (missed ${headlines.filter((h) => h.gold && !h.ours).length}, false ${headlines.filter((h) => !h.gold && h.ours).length}):`);
  for (const h of missed) out.line(`  missed, ${h.part}, gold ${h.score.toFixed(1)}: "${clip(h.a, 55)}" / "${clip(h.b, 55)}"`);
  for (const h of wrong) out.line(`  false,  ${h.part}, gold ${h.score.toFixed(1)}: "${clip(h.a, 55)}" / "${clip(h.b, 55)}"`);

  const summary: SummaryRow[] = [
    { task: 'claims', figure: `STS-B: same-claim F1 (peer t=${stsTuned.threshold.toFixed(2)} tuned on all)`, ours: prf(stsOurs.get('all')!).f1, peer: stsTuned.f1, target: 0.9 },
    { task: 'claims', figure: 'STS-B (test half): same-claim F1 (peer tuned on dev)', ours: prf(stsOurs.get('test')!).f1, peer: atThreshold(asPairs('test'), stsTunedDev.threshold).f1, target: 0.9 },
  ];
  const figures = {
    ours: Object.fromEntries([...stsOurs].map(([k, c]) => [k, prf(c)])),
    oursWithFullStops: prf(stopped),
    headlinesWithoutPassage: headlines.reduce((n, h) => n + h.withoutPassage, 0),
    peer: { tunedOnAll: stsTuned, tunedOnDev: stsTunedDev, test: atThreshold(asPairs('test'), stsTunedDev.threshold) },
  };
  return { out, summary, figures };
}
