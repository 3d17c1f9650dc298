// The vocabulary shared by the core, the CLI and the extension.
// Offsets are JavaScript string indices (UTF-16 code units) into the document's text; `end` is exclusive.

export interface Span {
  start: number;
  end: number;
}

export type EntityLabel = 'PERSON' | 'ORG' | 'PLACE';

export type NumberLabel =
  | 'count'
  | 'date'
  | 'time'
  | 'percent'
  | 'money'
  | 'measure'
  | 'ordinal'
  | 'year'
  | 'range';

/** The person or body a quote is attributed to: the mention in the text and the name it resolves to. */
export interface Speaker extends Span {
  /** The mention as written (`he`, `Patel`, `the ministry spokesperson Lin Jian`). */
  text: string;
  /** Canonical name of the resolved speaker (`Vedant Patel`); the mention itself when nothing resolves. */
  name: string;
}

export interface QuoteAnnotation extends Span {
  kind: 'quote';
  label: 'direct';
  /** The words inside the quote marks, marks excluded (paragraph breaks of multi-paragraph quotes kept). */
  text: string;
  speaker: Speaker | null;
}

export interface EntityAnnotation extends Span {
  kind: 'entity';
  label: EntityLabel;
  /** The mention as written, possessive stripped (`Russia` for `Russia’s`). */
  text: string;
  /** Canonical name; within a document from the annotator, across documents from the corpus. */
  name: string;
}

export interface NumberAnnotation extends Span {
  kind: 'number';
  label: NumberLabel;
  /** The span as written, qualifier included (`over 10,000`, `nearly 50,000 troops` → `nearly 50,000`). */
  text: string;
  /**
   * Normalised value: the amount for counts, measures and money (multipliers applied: `$1.2bn` → 1.2e9,
   * `tens of thousands` → 10000), the number before the sign for percents (`50` for 50%), the year for years,
   * for dates year * 10000 + month * 100 + day when the year is written (`Nov. 13, 2024` → 20241113), else
   * month * 100 + day (`June 19` → 619), day 00 for month-only dates (`in August` → 800); null for weekdays
   * and relative dates (`Tuesday`, `last week`); minutes after midnight for times (`5:35 a.m.` → 335); the
   * rank for ordinals; the lower bound for ranges. See `annotators/numbers.ts`.
   */
  value: number | null;
  /** What is counted or measured (`soldiers`, `square miles`, `USD`, `%`); null when nothing is said. */
  unit: string | null;
  /** The qualifier that makes the figure approximate or bounded (`over`, `nearly`, `some`), else null. */
  approx: string | null;
  /** Upper bound for ranges (`10 to 15` → value 10, upper 15). */
  upper?: number;
}

export type Annotation = QuoteAnnotation | EntityAnnotation | NumberAnnotation;
export type AnnotationKind = Annotation['kind'];

/** A sentence of the document as the parser split it; the unit passages of claims are drawn from. */
export interface Sentence extends Span {
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

/** Everything the annotators found in one text. */
export interface DocumentAnalysis {
  quotes: QuoteAnnotation[];
  entities: EntityAnnotation[];
  numbers: NumberAnnotation[];
  sentences: Sentence[];
  paragraphs: Span[];
}
