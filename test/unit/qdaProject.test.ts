// The corpus exported as a REFI-QDA project and read back as a QDA tool would: every source whole, the
// claims as codes on their passages in each source, speakers, entities and figures as codes on the spans.
import { strict as assert } from 'node:assert';
import { projectOf } from '../../src/core/qdaProject.js';
import { writeQdpx, type QdaCode } from '../../src/core/qdpx.js';
import { readQdpx } from './helpers/readQdpx.js';
import { seedCorpus } from './helpers/seeds.js';

const corpus = seedCorpus();
const options = { name: 'North Korean troops in Kursk', origin: 'Corroborate test', user: 'A. Researcher', createdAt: new Date('2026-11-21T09:00:00Z'), sourceName: (id: string) => id };

function find(codes: QdaCode[], name: string): QdaCode | undefined {
  for (const c of codes) {
    if (c.name === name) return c;
    const inner = find(c.children ?? [], name);
    if (inner) return inner;
  }
  return undefined;
}

describe('the corpus as a REFI-QDA project', () => {
  const project = readQdpx(writeQdpx(projectOf(corpus, options)));

  it('carries every source whole', () => {
    assert.deepEqual(project.sources.map((s) => s.name), corpus.documents().map((d) => d.id));
    for (const s of project.sources) assert.equal(s.text, corpus.get(s.name)!.text);
  });

  it('codes each claim reported by two sources or more on its passage in every source', () => {
    const shared = corpus.claims().filter((c) => c.sources.length > 1);
    const claims = find(project.codes, 'Claims')!;
    assert.equal(claims.children!.length, new Set(shared.map((c) => c.label)).size);
    const claim = shared.find((c) => c.passages.some((p) => p.text.includes('have begun combat operations against Ukrainian forces')))!;
    const code = find(project.codes, claim.label)!;
    const coded = project.sources.filter((s) => s.selections.some((sel) => sel.codes.includes(code.guid)));
    assert.deepEqual(coded.map((s) => s.name).sort(), [...claim.sources].sort());
    for (const s of project.sources) {
      for (const sel of s.selections.filter((x) => x.codes.includes(code.guid))) {
        assert.ok(claim.passages.some((p) => p.doc === s.name && p.start === sel.start && p.end === sel.end));
      }
    }
  });

  it('codes quotes by speaker, entities by kind and name, figures by kind, on their exact spans', () => {
    assert.ok(find(project.codes, 'Quotes')!.children!.length > 3);
    assert.ok(find(find(project.codes, 'Entities')!.children!, 'Places')!.children!.some((c) => c.name === 'North Korea'));
    assert.ok(find(project.codes, 'Figures')!.children!.some((c) => c.name === 'count'));
    const names = new Map<string, string>();
    const walk = (codes: QdaCode[]) => codes.forEach((c) => (names.set(c.guid, c.name), walk(c.children ?? [])));
    walk(project.codes);
    // Every annotation is a segment on its exact span, coded with its speaker, entity name or kind of figure.
    for (const s of project.sources) {
      for (const a of corpus.annotations(s.name)) {
        const expected = a.kind === 'quote' ? (a.speaker?.name ?? 'Unattributed') : a.kind === 'entity' ? a.name : a.label;
        const coded = s.selections.some((sel) => sel.start === a.start && sel.end === a.end && sel.codes.some((g) => names.get(g) === expected));
        assert.ok(coded, `${s.name}: ${a.kind} ${JSON.stringify(s.text.slice(a.start, a.end))} coded as ${expected}`);
      }
    }
  });
});
