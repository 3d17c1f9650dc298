// A flat view of retext's NLCST that every annotator shares: sentences as lists of tokens with offsets.
// NLCST splits `10,000` into word, punctuation, word and `Hwasong-19's` into several text nodes inside one
// word; annotators reason over these tokens rather than over the tree, so each walks the tree once.
import type { Root, Paragraph, Sentence as NlcstSentence, Node as NlcstNode } from 'nlcst';
import type { Span } from './types.js';

export type TokenType = 'word' | 'punct' | 'space' | 'symbol';

export interface Token extends Span {
  type: TokenType;
  text: string;
}

export interface TokenizedSentence extends Span {
  index: number;
  paragraph: number;
  tokens: Token[];
}

export interface TokenizedDocument {
  text: string;
  paragraphs: Span[];
  sentences: TokenizedSentence[];
}

const TOKEN_TYPES: Record<string, TokenType> = {
  WordNode: 'word',
  PunctuationNode: 'punct',
  WhiteSpaceNode: 'space',
  SymbolNode: 'symbol',
  SourceNode: 'symbol',
};

function spanOf(node: NlcstNode): Span {
  return { start: node.position!.start.offset!, end: node.position!.end.offset! };
}

/**
 * True when the text is hard-wrapped prose (most lines of similar width, breaking mid-sentence), where a
 * single line break is not a boundary. Plain-text news is usually one paragraph per line instead, with
 * headlines, captions and list items on lines of their own that carry no final punctuation.
 */
export function isHardWrapped(text: string): boolean {
  let lines = 0;
  let wrapped = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && lines < 400; i = text.indexOf('\n', start)) {
    const line = text.slice(start, i).trimEnd();
    start = i + 1;
    if (!line) continue;
    lines++;
    if (line.length >= 40 && line.length <= 100 && !/[.!?:"”’)\]]$/.test(line)) wrapped++;
  }
  return lines >= 4 && wrapped / lines > 0.5;
}

/** Flattens the tree; sentences and paragraphs also end at line breaks (blank lines when hard-wrapped). */
export function tokenize(tree: Root, text: string): TokenizedDocument {
  const boundary = isHardWrapped(text) ? /\n[^\S\n]*\n/ : /\n/;
  const paragraphs: Span[] = [];
  const sentences: TokenizedSentence[] = [];
  let current: Token[] = [];
  let breakBefore = true;

  const flush = () => {
    while (current.length && current[current.length - 1].type === 'space') current.pop();
    if (!current.length) return;
    const start = current[0].start;
    const end = current[current.length - 1].end;
    if (breakBefore || !paragraphs.length) paragraphs.push({ start, end });
    else paragraphs[paragraphs.length - 1].end = end;
    sentences.push({ start, end, index: sentences.length, paragraph: paragraphs.length - 1, tokens: current });
    current = [];
    breakBefore = false;
  };
  const onSpace = (token: Token) => {
    if (boundary.test(token.text)) {
      flush();
      breakBefore = true;
    }
  };

  for (const child of tree.children) {
    if (child.type !== 'ParagraphNode') {
      if (child.type === 'WhiteSpaceNode') onSpace({ ...spanOf(child), type: 'space', text: '' + (child as { value: string }).value });
      continue;
    }
    for (const s of (child as Paragraph).children) {
      if (s.type !== 'SentenceNode') {
        if (s.type === 'WhiteSpaceNode') onSpace({ ...spanOf(s), type: 'space', text: (s as { value: string }).value });
        continue;
      }
      for (const t of (s as NlcstSentence).children) {
        const { start, end } = spanOf(t);
        const token: Token = { type: TOKEN_TYPES[t.type] ?? 'symbol', start, end, text: text.slice(start, end) };
        if (token.type === 'space') {
          onSpace(token);
          if (!current.length) continue;
        }
        current.push(token);
      }
      flush();
    }
    // Paragraph nodes end where retext saw a paragraph break.
    breakBefore = true;
  }
  flush();
  return { text, paragraphs, sentences };
}
