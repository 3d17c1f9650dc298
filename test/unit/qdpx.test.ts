// REFI-QDA export (.qdpx): what QualCoder, ATLAS.ti, MAXQDA and NVivo import must come back as written,
// read by an independent reader (helpers/readQdpx.ts) and checked against the schema's element order.
import { strict as assert } from 'node:assert';
import { XMLValidator } from 'fast-xml-parser';
import { zipSync } from 'fflate';
import { projectXml, stableGuid, writeQdpx, type QdaCode, type QdaProject, type QdaSelection, type QdaSource } from '../../src/core/qdpx.js';
import { parseXml, qdpxEntries, QDA_NS, readQdeTree, readQdpx, type XmlNode } from './helpers/readQdpx.js';
import { seedCorpus } from './helpers/seeds.js';
import { projectOf } from '../../src/core/qdaProject.js';
import { emptyCuration } from '../../src/core/curation/model.js';
import * as edit from '../../src/core/curation/edit.js';
import type { AnnotationKind } from '../../src/core/types.js';

const CREATED = new Date('2024-11-14T09:30:00Z');
const USER = { guid: stableGuid('test', 'user'), name: 'A. Researcher' };

function project(parts: Partial<QdaProject>): QdaProject {
  return { name: 'Test', origin: 'Corroborate 0.1.0', user: USER, createdAt: CREATED, codes: [], sources: [], notes: [], ...parts };
}

/** The five seeds as a project: kind codes, claim codes under a group, annotations and claim passages as selections. */
function seedProject(): QdaProject {
  const corpus = seedCorpus();
  const kinds: Record<AnnotationKind, QdaCode> = {
    quote: { guid: stableGuid('kind', 'quote'), name: 'Quote', color: '#D7BA7D', description: 'Direct quotes' },
    entity: { guid: stableGuid('kind', 'entity'), name: 'Entity', color: '#4FC1FF' },
    number: { guid: stableGuid('kind', 'number'), name: 'Figure', color: '#b5cea8', description: 'Counts, amounts, dates' },
  };
  const claims = corpus.claims().filter((c) => c.sources.length >= 2);
  const claimCodes = claims.map((c): QdaCode => ({ guid: stableGuid('claim', c.id), name: c.label, description: `${c.status}, ${c.sources.length} sources` }));
  const claimGroup: QdaCode = { guid: stableGuid('kind', 'claims'), name: 'Claims', color: '#808080', children: claimCodes };

  const sources = corpus.documents().map((doc): QdaSource => {
    const bySpan = new Map<string, QdaSelection>();
    const code = (start: number, end: number, codeGuid: string) => {
      const key = `${start}:${end}`;
      let s = bySpan.get(key);
      if (!s) bySpan.set(key, (s = { guid: stableGuid('selection', doc.id, key), name: doc.text.slice(start, end).slice(0, 40), start, end, codes: [] }));
      if (!s.codes.includes(codeGuid)) s.codes.push(codeGuid);
    };
    for (const a of corpus.annotations(doc.id)) code(a.start, a.end, kinds[a.kind].guid);
    claims.forEach((claim, i) => {
      for (const p of claim.passages.filter((x) => x.doc === doc.id)) {
        code(p.start, p.end, claimCodes[i].guid);
        // A passage of a quote or figure claim is coded with the kind too: several codes on one segment.
        if (claim.kind !== 'statement') code(p.start, p.end, claim.kind === 'quote' ? kinds.quote.guid : kinds.number.guid);
      }
    });
    const selections = [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    return { guid: stableGuid('source', doc.id), name: doc.id, text: doc.text, description: `Seed article ${doc.id}`, selections };
  });

  const memoed = sources[0].selections.find((s) => s.codes.length > 1)!;
  memoed.note = 'Checked against the State Department transcript.';
  return project({
    name: 'North Korean troops in Kursk',
    codes: [kinds.quote, kinds.entity, kinds.number, claimGroup],
    sources,
    notes: [
      { guid: stableGuid('note', 'project'), name: 'Reading plan', text: 'Compare troop figures across outlets.\nThen the quotes.' },
      { guid: stableGuid('note', 'claim'), name: 'About the first claim', text: 'All five sources carry it.', targets: [claimCodes[0].guid] },
      { guid: stableGuid('note', 'several'), name: 'Source and segment', text: 'Wire copy.', targets: [sources[1].guid, sources[1].selections[0].guid] },
    ],
  });
}

/** Note targets come back in document order; compare them as sets. */
function sortedTargets(p: QdaProject): QdaProject {
  return { ...p, notes: p.notes.map((n) => (n.targets ? { ...n, targets: [...n.targets].sort() } : n)) };
}

// ---------------------------------------------------------------------------------------------------
// Project.xsd, as far as the export uses it: each element's child sequence (xs:sequence, so order
// matters) with occurrence bounds, its attributes, and which of them are required.

const MANY = Infinity;
type Slot = [name: string, min: number, max: number];
interface ElementRule {
  sequence: Slot[];
  attributes: string[];
  required: string[];
  textOnly?: boolean;
}
const TEXT_SOURCE: ElementRule = {
  sequence: [['Description', 0, 1], ['PlainTextContent', 0, 1], ['PlainTextSelection', 0, MANY], ['Coding', 0, MANY], ['NoteRef', 0, MANY], ['VariableValue', 0, MANY]],
  attributes: ['guid', 'name', 'richTextPath', 'plainTextPath', 'creatingUser', 'creationDateTime', 'modifyingUser', 'modifiedDateTime'],
  required: ['guid'],
};
const SCHEMA: Record<string, ElementRule> = {
  Project: {
    sequence: [['Users', 0, 1], ['CodeBook', 0, 1], ['Variables', 0, 1], ['Cases', 0, 1], ['Sources', 0, 1], ['Notes', 0, 1], ['Links', 0, 1], ['Sets', 0, 1], ['Graphs', 0, 1], ['Description', 0, 1], ['NoteRef', 0, MANY]],
    attributes: ['name', 'origin', 'creatingUserGUID', 'creationDateTime', 'modifyingUserGUID', 'modifiedDateTime', 'basePath'],
    required: ['name'],
  },
  Users: { sequence: [['User', 1, MANY]], attributes: [], required: [] },
  User: { sequence: [], attributes: ['guid', 'name', 'id'], required: ['guid'] },
  CodeBook: { sequence: [['Codes', 1, 1]], attributes: [], required: [] },
  Codes: { sequence: [['Code', 1, MANY]], attributes: [], required: [] },
  Code: { sequence: [['Description', 0, 1], ['NoteRef', 0, MANY], ['Code', 0, MANY]], attributes: ['guid', 'name', 'isCodable', 'color'], required: ['guid', 'name', 'isCodable'] },
  Sources: { sequence: [['TextSource', 1, MANY]], attributes: [], required: [] },
  TextSource: TEXT_SOURCE,
  PlainTextSelection: {
    sequence: [['Description', 0, 1], ['Coding', 0, MANY], ['NoteRef', 0, MANY]],
    attributes: ['guid', 'name', 'startPosition', 'endPosition', 'creatingUser', 'creationDateTime', 'modifyingUser', 'modifiedDateTime'],
    required: ['guid', 'startPosition', 'endPosition'],
  },
  Coding: { sequence: [['CodeRef', 1, 1]], attributes: ['guid', 'creatingUser', 'creationDateTime'], required: ['guid'] },
  CodeRef: { sequence: [], attributes: ['targetGUID'], required: ['targetGUID'] },
  NoteRef: { sequence: [], attributes: ['targetGUID'], required: ['targetGUID'] },
  Notes: { sequence: [['Note', 1, MANY]], attributes: [], required: [] },
  Note: TEXT_SOURCE,
  Description: { sequence: [], attributes: [], required: [], textOnly: true },
  PlainTextContent: { sequence: [], attributes: [], required: [], textOnly: true },
};
const GUID_TYPE = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const ATTRIBUTE_TYPES: Record<string, RegExp> = {
  guid: GUID_TYPE,
  targetGUID: GUID_TYPE,
  creatingUser: GUID_TYPE,
  creatingUserGUID: GUID_TYPE,
  creationDateTime: /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
  startPosition: /^\d+$/,
  endPosition: /^\d+$/,
  isCodable: /^(true|false|1|0)$/,
  color: /^#[0-9a-fA-F]{6}$/,
};

/** Every way `node` and its descendants break the rules above. */
function schemaViolations(node: XmlNode, path = node.name): string[] {
  const problems: string[] = [];
  const rule = SCHEMA[node.name];
  if (node.namespace !== QDA_NS) problems.push(`${path}: namespace ${node.namespace}`);
  if (!rule) return [...problems, `${path}: element not in the schema subset`];
  for (const a of Object.keys(node.attributes)) {
    if (!rule.attributes.includes(a)) problems.push(`${path}: unknown attribute ${a}`);
    else if (ATTRIBUTE_TYPES[a] && !ATTRIBUTE_TYPES[a].test(node.attributes[a])) problems.push(`${path}: ${a}="${node.attributes[a]}" has the wrong type`);
  }
  for (const a of rule.required) if (!(a in node.attributes)) problems.push(`${path}: lacks required ${a}`);
  if (!rule.textOnly && node.text.trim()) problems.push(`${path}: text in element-only content`);
  // Walk the children along the sequence: each slot takes a run of its element, between min and max.
  let slot = 0;
  let run = 0;
  for (const child of node.children) {
    while (slot < rule.sequence.length && rule.sequence[slot][0] !== child.name) {
      if (run < rule.sequence[slot][1]) problems.push(`${path}: needs ${rule.sequence[slot][1]} ${rule.sequence[slot][0]} before ${child.name}`);
      slot++;
      run = 0;
    }
    if (slot === rule.sequence.length) {
      problems.push(`${path}: ${child.name} out of order or not allowed (children: ${node.children.map((c) => c.name).join(', ')})`);
      break;
    }
    if (++run > rule.sequence[slot][2]) problems.push(`${path}: too many ${child.name}`);
    problems.push(...schemaViolations(child, `${path}/${child.name}`));
  }
  for (let s = slot + (run ? 1 : 0); s < rule.sequence.length; s++) if (rule.sequence[s][1] > 0) problems.push(`${path}: lacks ${rule.sequence[s][0]}`);
  return problems;
}

function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

// ---------------------------------------------------------------------------------------------------

describe('REFI-QDA export (.qdpx)', function () {
  this.timeout(20_000);
  let seeds: QdaProject;
  let bytes: Uint8Array;
  before(() => {
    seeds = seedProject();
    bytes = writeQdpx(seeds);
  });

  it('the seed project is the kind the test means: 5 sources, a code tree, segments with several codes', () => {
    assert.equal(seeds.sources.length, 5);
    assert.ok(seeds.codes[3].children!.length >= 3, 'claims under the Claims group');
    const selections = seeds.sources.flatMap((s) => s.selections);
    assert.ok(selections.length > 100);
    assert.ok(selections.filter((s) => s.codes.length > 1).length >= 5);
  });

  it('reads back as written: sources, code tree, selections, memos and notes', () => {
    assert.deepStrictEqual(sortedTargets(readQdpx(bytes)), sortedTargets(seeds));
  });

  it('keeps source texts byte for byte, and every segment on the same words', () => {
    const back = readQdpx(bytes);
    const entries = qdpxEntries(bytes);
    for (const [i, source] of seeds.sources.entries()) {
      assert.deepStrictEqual(Buffer.from(entries[`Sources/${source.guid}.txt`]), Buffer.from(source.text, 'utf8'));
      assert.equal(back.sources[i].name, source.name);
      for (const [j, s] of source.selections.entries()) {
        const r = back.sources[i].selections[j];
        assert.equal(back.sources[i].text.slice(r.start, r.end), source.text.slice(s.start, s.end));
      }
    }
  });

  it('keeps the code tree with names, colours and descriptions', () => {
    const back = readQdpx(bytes);
    const shape = (codes: QdaCode[]): unknown => codes.map((c) => [c.name, c.color, c.description, shape(c.children ?? [])]);
    assert.deepStrictEqual(shape(back.codes), shape(seeds.codes));
    assert.equal(back.codes[3].children!.length, seeds.codes[3].children!.length);
  });

  it('attaches notes to their targets with NoteRef, the segment memo as its Description', () => {
    const root = readQdeTree(bytes);
    const refs = descendants(root).filter((n) => n.name === 'NoteRef');
    const owners = (note: string) => descendants(root).filter((n) => n.children.some((c) => c.name === 'NoteRef' && c.attributes.targetGUID === note)).map((n) => n.name);
    assert.deepEqual(owners(stableGuid('note', 'claim')), ['Code']);
    assert.deepEqual(owners(stableGuid('note', 'several')), ['TextSource', 'PlainTextSelection']);
    assert.equal(refs.length, 3, 'the project note is referenced by nothing');
    const memo = descendants(root).find((n) => n.name === 'PlainTextSelection' && n.children.some((c) => c.name === 'Description'))!;
    assert.equal(memo.children.find((c) => c.name === 'Description')!.text, 'Checked against the State Department transcript.');
  });

  it('follows the element order, occurrences and attribute types of Project.xsd', () => {
    const root = readQdeTree(bytes);
    assert.deepStrictEqual(schemaViolations(root), []);
    const codes = new Set(descendants(root).filter((n) => n.name === 'Code').map((n) => n.attributes.guid));
    const notes = new Set(descendants(root).filter((n) => n.name === 'Note').map((n) => n.attributes.guid));
    for (const ref of descendants(root).filter((n) => n.name === 'CodeRef')) assert.ok(codes.has(ref.attributes.targetGUID));
    for (const ref of descendants(root).filter((n) => n.name === 'NoteRef')) assert.ok(notes.has(ref.attributes.targetGUID));
    const all = descendants(root).flatMap((n) => (n.attributes.guid ? [n.attributes.guid] : []));
    assert.equal(new Set(all).size, all.length, 'guids are unique');
  });

  it('the corpus with the researcher\'s names and notes: a valid project that reads back as written', () => {
    const corpus = seedCorpus();
    const [shared, single] = [corpus.claims().find((c) => c.sources.length > 2)!, corpus.claims().find((c) => c.sources.length === 1)!];
    let c = edit.renameSource(emptyCuration(), corpus.documents()[2].id, 'JoongAng <Daily> & "Yonhap"');
    c = edit.setClaimMemo(c, corpus, shared, 'Same briefing & same words.\n\tIndented line.');
    c = edit.setPassageMemo(c, corpus, shared.passages[0], 'First to report <it>.');
    c = edit.setPassageMemo(c, corpus, single.passages[0], 'Single.');
    corpus.setCuration(c);
    const written = projectOf(corpus, { name: 'Notes', origin: 'test', user: 'A. Researcher', createdAt: CREATED, sourcePath: (id) => id });
    const out = writeQdpx(written);
    const root = readQdeTree(out);
    assert.deepStrictEqual(schemaViolations(root), []);
    assert.deepStrictEqual(sortedTargets({ ...readQdpx(out), user: written.user }), sortedTargets(written));
    assert.equal(readQdpx(out).sources[2].name, 'JoongAng <Daily> & "Yonhap"');
    // Each note is referenced from its target: claim notes from a Code, passage notes from a PlainTextSelection.
    const owners = (note: string) => descendants(root).filter((n) => n.children.some((x) => x.name === 'NoteRef' && x.attributes.targetGUID === note)).map((n) => n.name);
    assert.deepEqual(written.notes.map((n) => owners(n.guid)), [['Code'], ['PlainTextSelection'], ['PlainTextSelection']]);
  });

  it('the reader refuses references to notes and codes that are not in the project', () => {
    const code = { guid: stableGuid('c'), name: 'C' };
    const note = { guid: stableGuid('n'), name: 'n', text: 't', targets: [code.guid] };
    const xml = projectXml(project({ codes: [code], notes: [note] }));
    const zip = (qde: string) => zipSync({ 'project.qde': new TextEncoder().encode(qde) });
    assert.equal(readQdpx(zip(xml)).notes[0].targets![0], code.guid);
    assert.throws(() => readQdpx(zip(xml.replace(/<Note guid="[^"]+"/, `<Note guid="${stableGuid('other')}"`))), /NoteRef to unknown note/);
  });

  it('the schema check catches a child out of order and a missing attribute', () => {
    const bad = parseXml(
      `<?xml version="1.0" encoding="utf-8"?><Project xmlns="${QDA_NS}" name="x"><Sources><TextSource guid="${USER.guid}"/></Sources><Users><User/></Users></Project>`,
    );
    const problems = schemaViolations(bad).join('\n');
    assert.match(problems, /Users out of order/);
    const missing = parseXml(`<?xml version="1.0" encoding="utf-8"?><Project xmlns="${QDA_NS}"><Users><User/></Users></Project>`);
    assert.match(schemaViolations(missing).join('\n'), /lacks required name[\s\S]*lacks required guid/);
  });

  it('holds project.qde and one Sources/<guid>.txt per source, nothing else', () => {
    const names = Object.keys(qdpxEntries(bytes)).sort();
    assert.deepEqual(names, ['project.qde', ...seeds.sources.map((s) => `Sources/${s.guid}.txt`)].sort());
    const root = readQdeTree(bytes);
    for (const ts of descendants(root).filter((n) => n.name === 'TextSource')) assert.equal(ts.attributes.plainTextPath, `internal://${ts.attributes.guid}.txt`);
  });

  it('declares XML 1.0 in UTF-8 and the REFI-QDA namespace on Project', () => {
    const xml = new TextDecoder().decode(qdpxEntries(bytes)['project.qde']);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" '));
    assert.equal(XMLValidator.validate(xml), true);
    const root = readQdeTree(bytes);
    assert.equal(root.namespace, 'urn:QDA-XML:project:1.0');
    assert.equal(root.attributes.creationDateTime, '2024-11-14T09:30:00Z');
    assert.equal(root.attributes.creatingUserGUID, USER.guid);
  });

  it('writes the same bytes for the same project, whatever the time zone', () => {
    assert.deepStrictEqual(Buffer.from(writeQdpx(seedProject())), Buffer.from(bytes));
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        assert.deepStrictEqual(Buffer.from(writeQdpx(seeds)), Buffer.from(bytes), tz);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // The first local file header's DOS time and date (offsets 10 and 12) are the UTC creation time.
    const header = Buffer.from(bytes);
    const time = header.readUInt16LE(10);
    const date = header.readUInt16LE(12);
    assert.deepEqual(
      [(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63],
      [2024, 11, 14, 9, 30],
    );
  });

  it('counts positions in characters: an emoji or a CJK character before a segment does not shift it', () => {
    const text = 'Kyiv 🇺🇦 基辅: “𠀋 troops 😀 crossed”, officials said. Then 12,000 more.';
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const code = { guid: stableGuid('c'), name: 'Figure' };
    const selections: QdaSelection[] = [
      { guid: stableGuid('s', '1'), name: 'flag', ...at('🇺🇦'), codes: [code.guid] },
      { guid: stableGuid('s', '2'), name: 'cjk', ...at('基辅'), codes: [code.guid] },
      { guid: stableGuid('s', '3'), name: 'quote', ...at('𠀋 troops 😀 crossed'), codes: [code.guid] },
      { guid: stableGuid('s', '4'), name: 'figure', ...at('12,000'), codes: [code.guid] },
      { guid: stableGuid('s', '5'), name: 'empty at end', start: text.length, end: text.length, codes: [code.guid] },
    ];
    const p = project({ codes: [code], sources: [{ guid: stableGuid('src'), name: 'emoji.txt', text, selections }] });
    const out = writeQdpx(p);
    const xmlSelections = descendants(readQdeTree(out)).filter((n) => n.name === 'PlainTextSelection');
    for (const [i, s] of selections.entries()) {
      // What Python's str indices (QualCoder) give for the same words.
      assert.equal(Number(xmlSelections[i].attributes.startPosition), [...text.slice(0, s.start)].length, s.name);
      assert.equal(Number(xmlSelections[i].attributes.endPosition), [...text.slice(0, s.end)].length, s.name);
    }
    assert.notEqual(xmlSelections[3].attributes.startPosition, String(selections[3].start), 'the test text does shift UTF-16 offsets');
    const back = readQdpx(out).sources[0];
    assert.equal(back.text, text);
    for (const [i, s] of selections.entries()) assert.equal(back.text.slice(back.selections[i].start, back.selections[i].end), text.slice(s.start, s.end));
  });

  it('escapes markup characters and drops the control characters XML 1.0 forbids, in every name and text', () => {
    const nasty = `A <b> & "c" 'd' ]]> \u0007bell\u0000`;
    const kept = `A <b> & "c" 'd' ]]> bell`;
    const multiline = 'line one\r\nline two\n\tindented\rcr';
    const code: QdaCode = { guid: stableGuid('c', 'nasty'), name: nasty, description: multiline };
    const text = `Text with ${nasty} inside.\r\n`;
    const p: QdaProject = {
      ...project({}),
      name: nasty,
      origin: nasty,
      user: { guid: USER.guid, name: nasty },
      codes: [code],
      sources: [{ guid: stableGuid('s', 'nasty'), name: nasty, text, description: nasty, selections: [{ guid: stableGuid('sel', 'nasty'), name: `${nasty}\n2`, start: 10, end: 10 + nasty.length, codes: [code.guid], note: nasty }] }],
      notes: [{ guid: stableGuid('n', 'nasty'), name: multiline, text: `${nasty}\n${multiline}`, targets: [code.guid] }],
    };
    const xml = projectXml(p);
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml), 'no forbidden control characters');
    assert.ok(!xml.includes('\r'), 'CR written as a character reference, or a parser would turn CR LF into LF');
    assert.ok(xml.includes('<Note guid="' + stableGuid('n', 'nasty') + '" name="line one&#13;&#10;line two&#10;&#9;indented&#13;cr"'), 'attribute whitespace kept');
    assert.ok(xml.includes('name="A &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; ]]&gt; bell"'));

    const back = readQdpx(writeQdpx(p));
    assert.equal(back.name, kept);
    assert.equal(back.origin, kept);
    assert.equal(back.user.name, kept);
    assert.equal(back.codes[0].name, kept);
    assert.equal(back.codes[0].description, multiline);
    assert.equal(back.sources[0].name, kept);
    assert.equal(back.sources[0].description, kept);
    assert.equal(back.sources[0].text, text, 'the source file is the text itself, control characters and CR LF included');
    assert.equal(back.sources[0].selections[0].name, `${kept}\n2`);
    assert.equal(back.sources[0].selections[0].note, kept);
    assert.equal(back.notes[0].name, multiline);
    assert.equal(back.notes[0].text, `${kept}\n${multiline}`);
    assert.equal(back.sources[0].text.slice(back.sources[0].selections[0].start, back.sources[0].selections[0].end), nasty);
  });

  it('writes names in any script, and a lone surrogate as U+FFFD', () => {
    const p = project({ name: 'Корея 北朝鮮 كوريا 🇰🇵', codes: [{ guid: stableGuid('c'), name: 'broken \uD800 half' }] });
    const back = readQdpx(writeQdpx(p));
    assert.equal(back.name, 'Корея 北朝鮮 كوريا 🇰🇵');
    assert.equal(back.codes[0].name, 'broken \uFFFD half');
  });

  it('leaves out empty CodeBook, Sources and Notes, which the schema requires to have children', () => {
    const root = readQdeTree(writeQdpx(project({})));
    assert.deepEqual(root.children.map((c) => c.name), ['Users']);
    assert.deepStrictEqual(schemaViolations(root), []);
  });

  it('writes guids uppercase, references included, and derives the user guid when none is given', () => {
    const lower = stableGuid('c').toLowerCase();
    const p = project({
      user: { name: 'Someone' },
      codes: [{ guid: lower, name: 'C' }],
      sources: [{ guid: stableGuid('s'), name: 's', text: 'abc', selections: [{ guid: stableGuid('x'), name: 'x', start: 0, end: 1, codes: [lower.toUpperCase()] }] }],
    });
    const back = readQdpx(writeQdpx(p));
    assert.equal(back.codes[0].guid, lower.toUpperCase());
    assert.deepEqual(back.sources[0].selections[0].codes, [lower.toUpperCase()]);
    assert.equal(back.user.guid, readQdpx(writeQdpx(p)).user.guid);
    assert.match(back.user.guid!, GUID_TYPE);
  });

  it('refuses a project an importer would misread', () => {
    const code = { guid: stableGuid('c'), name: 'C' };
    const withSelection = (s: Partial<QdaSelection>, text = 'a😀b') =>
      project({ codes: [code], sources: [{ guid: stableGuid('s'), name: 's', text, selections: [{ guid: stableGuid('x'), name: 'x', start: 0, end: 1, codes: [code.guid], ...s }] }] });
    assert.throws(() => writeQdpx(withSelection({ end: 99 })), /outside the text/);
    assert.throws(() => writeQdpx(withSelection({ start: 2, end: 3 })), /splits a surrogate pair/);
    assert.throws(() => writeQdpx(withSelection({ codes: [stableGuid('unknown')] })), /unknown code/);
    assert.throws(() => writeQdpx(withSelection({ guid: code.guid })), /used by both/);
    assert.throws(() => writeQdpx(project({ codes: [{ ...code, color: 'red' }] })), /#RRGGBB/);
    assert.throws(() => writeQdpx(project({ codes: [{ ...code, guid: 'not-a-guid' }] })), /invalid guid/);
    assert.throws(() => writeQdpx(project({ notes: [{ guid: stableGuid('n'), name: 'n', text: '', targets: [stableGuid('nowhere')] }] })), /unknown/);
  });

  it('stableGuid: RFC 4122 version 5 shape, deterministic, and parts never run together', () => {
    const g = stableGuid('claim', 'abc');
    assert.match(g, /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    assert.equal(stableGuid('claim', 'abc'), g);
    assert.notEqual(stableGuid('claima', 'bc'), g);
    assert.notEqual(stableGuid('claim', 'abc', ''), g);
  });
});
