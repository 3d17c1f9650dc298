// The evaluation data in test/fixtures, read into typed records. Everything comes from the project itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityLabel, NumberLabel, Span } from '../../src/core/types.js';

// The bundle runs from out/test/eval/, three levels below the project root.
export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');

export const PATHS = {
  ecbplus: join(FIXTURES, 'eval', 'ecbplus_topics1-35.jsonl'),
  stsb: join(FIXTURES, 'eval', 'stsb_headlines_dev.jsonl'),
  recognizers: join(FIXTURES, 'eval', 'recognizers.jsonl'),
  seedsGold: join(FIXTURES, 'gold', 'seeds.gold.json'),
  seeds: join(FIXTURES, 'seeds'),
  ecbQuotes: join(FIXTURES, 'gold', 'quotes', 'ecbplus-quotes.gold.jsonl'),
};

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

// ECB+ ------------------------------------------------------------------------------------------------------

export type EcbEntityLabel = 'PER' | 'ORG' | 'LOC' | 'FAC';

export interface EcbEntity extends Span {
  text: string;
  label: EcbEntityLabel;
  evidence: 'capitalised' | 'repeated' | 'rare-word';
}

export interface EcbSentence extends Span {
  index: number;
  coref_annotated: boolean;
}

export interface EcbDoc {
  id: string;
  event_cluster: string;
  text: string;
  sentences: EcbSentence[];
  entities: EcbEntity[];
}

export interface EcbMention extends Span {
  doc: string;
  type: 'event' | 'participant' | 'location' | 'time';
  label: string;
  sentence: number;
  text: string;
}

export interface EcbTopic {
  topic: string;
  docs: EcbDoc[];
  mentions: EcbMention[];
  sentence_groups: { chain: string; sentences: { doc: string; sentence: number }[] }[];
}

let ecbCache: EcbTopic[] | null = null;
export function ecbTopics(): EcbTopic[] {
  ecbCache ??= jsonl<EcbTopic>(PATHS.ecbplus);
  return ecbCache;
}

// STS-B headlines --------------------------------------------------------------------------------------------

export interface HeadlinePair {
  id: string;
  a: string;
  b: string;
  score: number;
  same: boolean;
}

export function headlinePairs(): HeadlinePair[] {
  return jsonl<{ cluster: string; docs: { id: string; text: string }[]; pairs: { a: string; b: string; score: number; same_claim: boolean }[] }>(PATHS.stsb).flatMap(
    (r) =>
      r.pairs.map((p) => ({
        id: r.cluster,
        a: r.docs.find((d) => d.id === p.a)!.text,
        b: r.docs.find((d) => d.id === p.b)!.text,
        score: p.score,
        same: p.same_claim,
      })),
  );
}

// Recognizers-Text -------------------------------------------------------------------------------------------

export interface RecognizerSpan extends Span {
  label: string;
  text: string;
  value: Record<string, unknown> & { value?: string; unit?: string; values?: { timex?: string; type?: string; value?: string }[] };
}

export interface RecognizerCase {
  id: string;
  text: string;
  spans: RecognizerSpan[];
  meta: { spec: string; reference_datetime?: string; not_supported?: string };
}

export function recognizerCases(): RecognizerCase[] {
  return jsonl<RecognizerCase>(PATHS.recognizers);
}

// Seed gold --------------------------------------------------------------------------------------------------

export interface GoldQuote extends Span {
  text: string;
  speaker: string | null;
  speakerMention: string | null;
  /** Only in the ECB+ quote gold. */
  cue?: string;
}

export interface GoldEntity extends Span {
  text: string;
  label: EntityLabel;
  name: string;
}

export interface GoldNumber extends Span {
  text: string;
  label: NumberLabel;
  value: number | null;
  unit: string | null;
  approx: string | null;
}

export interface SeedDoc {
  id: string;
  text: string;
  quotes: GoldQuote[];
  entities: GoldEntity[];
  numbers: GoldNumber[];
}

export function seedDocs(): SeedDoc[] {
  const gold: Record<string, Omit<SeedDoc, 'id' | 'text'>> = JSON.parse(readFileSync(PATHS.seedsGold, 'utf8')).documents;
  const files = readdirSync(PATHS.seeds).filter((f) => f.endsWith('.txt')).sort();
  return files.filter((f) => gold[f]).map((f) => ({ id: f, text: readFileSync(join(PATHS.seeds, f), 'utf8'), ...gold[f] }));
}

// ECB+ quote gold --------------------------------------------------------------------------------------------

export interface QuoteGoldDoc {
  id: string;
  topic: string;
  text: string;
  quotes: GoldQuote[];
}

export function ecbQuoteDocs(): QuoteGoldDoc[] {
  return jsonl<QuoteGoldDoc>(PATHS.ecbQuotes);
}
