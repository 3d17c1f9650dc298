// text → NLCST → annotations: the unified processor every caller (CLI, extension, tests) goes through.
import { unified, type Plugin } from 'unified';
import retextEnglish from 'retext-english';
import { VFile } from 'vfile';
import type { Root } from 'nlcst';
import { tokenize, type TokenizedDocument } from './tokens.js';
import { tokenizeText } from './parse.js';
import type { DocumentAnalysis, EntityAnnotation, NumberAnnotation, QuoteAnnotation } from './types.js';
import retextEntities from './annotators/entities.js';
import retextNumbers from './annotators/numbers.js';
import retextQuotes from './annotators/quotes.js';

declare module 'vfile' {
  interface DataMap {
    tokenized: TokenizedDocument;
    entities: EntityAnnotation[];
    numbers: NumberAnnotation[];
    quotes: QuoteAnnotation[];
  }
}

/**
 * First plugin of the chain: flattens the tree once into the token view the annotators share, unless the
 * token view is already there (`analyze` parses long texts in pieces, see parse.ts).
 */
export const retextTokens: Plugin<[], Root> = function () {
  return (tree, file) => {
    file.data.tokenized ??= tokenize(tree, String(file.value));
  };
};

// Order matters: numbers and entities first, so quotes can look for speakers among the entities.
const processor = unified()
  .use(retextEnglish)
  .use(retextTokens)
  .use(retextNumbers)
  .use(retextEntities)
  .use(retextQuotes)
  .freeze();

/** The tree the chain runs on when the token view was built beforehand: the annotators read only that. */
const EMPTY: Root = { type: 'RootNode', children: [] };

export function analyze(text: string): DocumentAnalysis {
  const file = new VFile(text);
  file.data.tokenized = tokenizeText(text);
  processor.runSync(EMPTY, file);
  const { sentences, paragraphs } = file.data.tokenized!;
  return {
    quotes: file.data.quotes ?? [],
    entities: file.data.entities ?? [],
    numbers: file.data.numbers ?? [],
    sentences: sentences.map(({ start, end, paragraph }) => ({ start, end, paragraph })),
    paragraphs,
  };
}
