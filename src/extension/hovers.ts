// Hovers that look across documents. Every mention of another source is a command link that opens it at
// the passage; at the bottom, links that correct the hovered item. The markdown trusts only those commands.
import * as vscode from 'vscode';
import type { Indexer } from './indexer.js';
import { annotationAt, entityReport, numberReport, quoteReport, type WordDiff } from '../core/queries.js';
import type { EntityAnnotation, NumberAnnotation, QuoteAnnotation, Span } from '../core/types.js';
import { lineNumber, rangeOf, sourceLabel, sourcePlace } from './locations.js';
import { OPEN_PASSAGE } from './commands/openPassage.js';
import { CORRECTION_LINK_COMMANDS, correctionLinks } from './commands/corrections.js';
import { excerpt } from './excerpt.js';

const VERDICT_TEXT = { agree: '✓ agree', approximate: '≈ agree approximately', differ: '✗ differ' } as const;
const LABEL_NAMES = { PERSON: 'person', ORG: 'organisation', PLACE: 'place' } as const;
/** Rows a hover lists at most: past it, a hover is a wall; Find All References lists every one. */
const LISTED = 30;

function more(count: number, what: string): string[] {
  return count > LISTED ? [``, `… and ${count - LISTED} more ${what} (Find All References lists them all)`] : [];
}

/** Escapes text for markdown, so quotes from the sources cannot inject links or formatting. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\s+/g, ' ');
}

export function openLink(indexer: Indexer, id: string, span: Span, label?: string): string {
  const args = encodeURIComponent(JSON.stringify([id, span.start, span.end]));
  const line = lineNumber(indexer.corpus, id, span.start);
  // `, line 12` rather than `:12`, which after a name ending in a date reads as a time; the title names the file.
  const text = label ?? `${sourceLabel(id)}, line ${line}`;
  return `[${md(text)}](command:${OPEN_PASSAGE}?${args} "Open ${md(sourcePlace(id, line)).replace(/"/g, '\\"')}")`;
}

/** The words around a span, within its passage, cut at word boundaries (`… amassed some 50,000 ground forces …`). */
function around(text: string, span: Span, within: Span, reach = 40): string {
  let start = Math.max(within.start, span.start - reach);
  let end = Math.min(within.end, span.end + reach);
  while (start > within.start && /\S/.test(text[start - 1])) start--;
  while (end < within.end && /\S/.test(text[end])) end++;
  const words = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > within.start ? '…' : ''}${words}${end < within.end ? '…' : ''}`;
}

function renderDiff(diff: WordDiff): string {
  return diff.map((d) => (d.op === 'same' ? md(d.text) : d.op === 'added' ? `**${md(d.text)}**` : `~~${md(d.text)}~~`)).join(' ');
}

export class CrossSourceHovers implements vscode.HoverProvider {
  constructor(private readonly indexer: Indexer) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const id = document.uri.toString();
    if (!this.indexer.analysisOf(document)) return undefined;
    const a = annotationAt(this.indexer.corpus, id, document.offsetAt(position));
    if (!a) return undefined;
    const body = a.kind === 'number' ? this.number(id, a) : a.kind === 'quote' ? this.quote(id, a) : this.entity(a);
    // The researcher's corrections of the hovered item come last, below the notes.
    const markdown = new vscode.MarkdownString(`${body}${this.notes(id, a.start)}\n\n---\n\n${correctionLinks(this.indexer.corpus, id, a)}`);
    markdown.isTrusted = { enabledCommands: [OPEN_PASSAGE, ...CORRECTION_LINK_COMMANDS] };
    markdown.supportThemeIcons = true;
    return new vscode.Hover(markdown, rangeOf(this.indexer.corpus, id, a));
  }

  private number(id: string, figure: NumberAnnotation): string {
    const report = numberReport(this.indexer.corpus, id, figure);
    const facts = [figure.label, figure.unit && `unit: ${md(figure.unit)}`, figure.approx && `qualifier: ${md(figure.approx)}`, figure.value !== null && `value: ${figure.value.toLocaleString('en-US')}`].filter(Boolean);
    const lines = [`**Figure** \`${figure.text}\` · ${facts.join(' · ')}`, ''];
    if (!report.matches.length) {
      lines.push('No other source states this figure.');
      return lines.join('\n');
    }
    lines.push(`**Across sources: ${VERDICT_TEXT[report.verdict]}** (${report.matches.length} other source${report.matches.length > 1 ? 's' : ''})`, '');
    lines.push('| Source | Wording | Qualifier | Verdict |', '| --- | --- | --- | --- |');
    const corpus = this.indexer.corpus;
    // A common value (`two`, `first`) is in hundreds of sources: those stating this claim's figure come first.
    const shown = [...report.matches].sort((a, b) => Number(b.inClaim) - Number(a.inClaim)).slice(0, LISTED);
    for (const m of shown) {
      const text = corpus.get(m.doc)!.text;
      const wording = m.passage ? around(text, m, m.passage) : m.figure.text;
      lines.push(`| ${openLink(this.indexer, m.doc, m)} | ${md(wording)} | ${md(m.figure.approx ?? '—')} | ${VERDICT_TEXT[m.verdict]} |`);
    }
    lines.push(...more(report.matches.length, 'sources'));
    return lines.join('\n');
  }

  private quote(id: string, quote: QuoteAnnotation): string {
    const report = quoteReport(this.indexer.corpus, id, quote);
    const speaker = quote.speaker;
    const lines = [
      speaker ? `**Quote** — ${md(speaker.name)}${speaker.text !== speaker.name ? ` (from “${md(speaker.text)}”)` : ''}` : '**Quote** — speaker not identified',
      '',
    ];
    if (report.matches.length) {
      lines.push(`**Carried by ${report.matches.length} other source${report.matches.length > 1 ? 's' : ''}:**`, '');
      for (const m of report.matches.slice(0, LISTED)) {
        lines.push(`- ${openLink(this.indexer, m.doc, m)}: ${m.identical ? 'same wording' : `wording differs: ${renderDiff(m.diff)}`}`);
      }
      lines.push(...more(report.matches.length, 'sources'));
    } else lines.push('No other source quotes these words.');
    if (report.paraphrases.length) {
      lines.push('', '**Paraphrased instead by:**', '');
      for (const p of report.paraphrases.slice(0, LISTED)) lines.push(`- ${openLink(this.indexer, p.doc, p)}: ${md(excerpt(p.text, 120))}`);
      lines.push(...more(report.paraphrases.length, 'passages'));
    }
    return lines.join('\n');
  }

  private entity(entity: EntityAnnotation): string {
    const report = entityReport(this.indexer.corpus, entity);
    const { record } = report;
    const sources = [...record.docs.keys()];
    const lines = [`**${md(record.name)}** · ${LABEL_NAMES[record.label]}`, ''];
    const aliases = record.aliases.filter((a) => a !== record.name);
    if (aliases.length) lines.push(`Also written: ${aliases.map((a) => `\`${a}\``).join(', ')}`, '');
    lines.push(`Mentioned in **${sources.length}** source${sources.length === 1 ? '' : 's'}, **${report.mentions.length}** time${report.mentions.length === 1 ? '' : 's'}:`, '');
    for (const doc of sources.slice(0, LISTED)) {
      const first = report.mentions.find((m) => m.doc === doc);
      if (first) lines.push(`- ${openLink(this.indexer, doc, first)} (${record.docs.get(doc)}×)`);
    }
    lines.push(...more(sources.length, 'sources'));
    return lines.join('\n');
  }

  /** The researcher's notes on the claim and the passage the hovered words are in, below the rest. */
  private notes(id: string, offset: number): string {
    const corpus = this.indexer.corpus;
    const at = corpus.claimAt(id, offset);
    const passageMemo = at && corpus.memoOf(at.passage);
    const lines: string[] = [];
    if (at?.claim.memo) lines.push(`$(note) **Note on the claim** “${md(excerpt(at.claim.label, 80))}”: ${md(at.claim.memo)}`);
    if (passageMemo) lines.push(`$(note) **Note on this passage:** ${md(passageMemo)}`);
    return lines.length ? `\n\n---\n\n${lines.join('\n\n')}` : '';
  }
}
