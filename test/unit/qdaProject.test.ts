// The corpus exported as a REFI-QDA project and read back as a QDA tool would: every source whole, the
// claims as codes on their passages in each source, speakers, entities and figures as codes on the spans.
import { strict as assert } from 'node:assert';
import { projectOf } from '../../src/core/qdaProject.js';
import { writeQdpx, type QdaCode } from '../../src/core/qdpx.js';
import { readQdpx } from './helpers/readQdpx.js';
import { seed, seedCorpus } from './helpers/seeds.js';
import { emptyCuration } from '../../src/core/curation/model.js';
import * as edit from '../../src/core/curation/edit.js';

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

  it('names sources by their labels, with file, outlet and date in their description', () => {
    const named = seedCorpus();
    named.setCuration(edit.renameSource(emptyCuration(), seed('001'), 'Reuters wire'));
    const back = readQdpx(writeQdpx(projectOf(named, { ...options, sourceName: undefined, sourcePath: (id) => `sources/${id}` })));
    assert.deepEqual(back.sources.map((s) => s.name), named.documents().map((d) => named.label(d.id)));
    assert.equal(back.sources[0].name, 'UPI · Nov. 13');
    assert.equal(back.sources[1].name, 'Reuters wire');
    assert.equal(back.sources[0].description, `File: sources/${seed('000')}\nOutlet: UPI\nDate: Nov. 13`);
  });
});

describe('the researcher\'s notes in the REFI-QDA project', () => {
  const noted = seedCorpus();
  const shared = noted.claims().find((c) => c.sources.length > 1 && c.passages.some((p) => p.text.includes('have begun combat operations')))!;
  const single = noted.claims().find((c) => c.sources.length === 1)!;
  const onShared = shared.passages[1];
  let c = edit.setClaimMemo(emptyCuration(), noted, shared, 'Five outlets, one briefing: not five confirmations.');
  c = edit.setPassageMemo(c, noted, onShared, 'Wire copy, reworded.\nCheck the original.');
  c = edit.setPassageMemo(c, noted, single.passages[0], 'Only this outlet has it.');
  noted.setCuration(c);
  const written = projectOf(noted, options);
  const project = readQdpx(writeQdpx(written));
  const names = new Map<string, string>();
  const walk = (codes: QdaCode[]) => codes.forEach((x) => (names.set(x.guid, x.name), walk(x.children ?? [])));
  walk(project.codes);
  const segment = (guid: string) => project.sources.flatMap((s) => s.selections.map((sel) => ({ source: s.name, ...sel }))).find((sel) => sel.guid === guid)!;

  it('reads back as written, notes and their targets included', () => {
    assert.deepStrictEqual(project.notes, written.notes);
    assert.equal(project.notes.length, 3);
  });

  it('a claim\'s note is attached to the claim\'s code', () => {
    const note = project.notes.find((n) => n.text === 'Five outlets, one briefing: not five confirmations.')!;
    // The note made the claim the researcher's (shaped, under a new id), with the same passages and name.
    const now = noted.claims().find((x) => x.memo === note.text)!;
    assert.ok(now.shaped && now.label === shared.label);
    assert.deepEqual(note.targets!.map((t) => names.get(t)), [shared.label]);
    assert.match(find(project.codes, shared.label)!.description!, /sources; .*; shaped by the researcher$/);
    assert.match(note.name, /^Note on claim “/);
  });

  it('a passage\'s note is attached to the passage\'s coded segment, and is the segment\'s memo', () => {
    const note = project.notes.find((n) => n.text === 'Wire copy, reworded.\nCheck the original.')!;
    assert.equal(note.targets!.length, 1);
    const sel = segment(note.targets![0]);
    assert.deepEqual([sel.source, sel.start, sel.end], [onShared.doc, onShared.start, onShared.end]);
    assert.equal(sel.note, note.text);
    assert.ok(sel.codes.some((g) => names.get(g) === shared.label), 'the segment is the claim\'s');
    assert.equal(note.name, `Note on ${onShared.doc}, line ${onShared.line}`);
  });

  it('a claim only one source reports becomes a code when the researcher wrote a note on its passage', () => {
    const note = project.notes.find((n) => n.text === 'Only this outlet has it.')!;
    const sel = segment(note.targets![0]);
    assert.equal(sel.source, single.passages[0].doc);
    assert.equal(names.get(sel.codes[0]), single.label);
    assert.match(find(project.codes, single.label)!.description!, /^1 source; one source$/);
  });
});
