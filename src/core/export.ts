// Claims written out for other tools and for reports: Markdown (disagreements first), JSON and CSV.
import type { Claim } from './claims/claims.js';

export type ExportFormat = 'markdown' | 'json' | 'csv';

/** How a document is named in exports (a path relative to the workspace, an outlet name). */
export type SourceNamer = (doc: string) => string;

const STATUS_ORDER: Record<Claim['status'], number> = { differ: 0, approximate: 1, agree: 2, single: 3 };
const STATUS_TEXT: Record<Claim['status'], string> = {
  differ: 'figures differ',
  approximate: 'figures agree approximately',
  agree: 'sources agree',
  single: 'one source only',
};

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportClaims(claims: Claim[], format: ExportFormat, name: SourceNamer = (d) => d): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          claims: claims.map((c) => ({
            id: c.id,
            label: c.label,
            kind: c.kind,
            status: c.status,
            sources: c.sources.map(name),
            passages: c.passages.map((p) => ({ doc: name(p.doc), line: p.line, start: p.start, end: p.end, text: p.text })),
          })),
        },
        null,
        2,
      )}\n`;
    case 'csv': {
      const rows = [['claim_id', 'claim', 'kind', 'status', 'sources', 'source', 'line', 'start', 'end', 'passage']];
      for (const c of claims) {
        for (const p of c.passages) rows.push([c.id, c.label, c.kind, c.status, String(c.sources.length), name(p.doc), String(p.line), String(p.start), String(p.end), p.text]);
      }
      return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
    }
    case 'markdown': {
      const sorted = [...claims].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.sources.length - a.sources.length);
      const sources = new Set(claims.flatMap((c) => c.sources));
      const out = [
        '# Claims across sources',
        '',
        `${claims.length} claims from ${sources.size} sources; ${claims.filter((c) => c.status === 'differ').length} where figures differ, ${claims.filter((c) => c.status === 'single').length} reported by one source only.`,
        '',
      ];
      for (const c of sorted) {
        out.push(`## ${c.label.replace(/\n/g, ' ')}`, '', `*${c.sources.length} source${c.sources.length > 1 ? 's' : ''} · ${STATUS_TEXT[c.status]} · ${c.kind}*`, '');
        for (const p of c.passages) out.push(`- **${name(p.doc)}:${p.line}** — ${p.text.replace(/\s+/g, ' ').trim()}`);
        out.push('');
      }
      return out.join('\n');
    }
  }
}
