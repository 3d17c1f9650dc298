// REFI-QDA Project Exchange (.qdpx): a zip of `project.qde` (XML, namespace urn:QDA-XML:project:1.0,
// schema Project.xsd 1.0/1.5) and `Sources/<guid>.txt`. QualCoder, ATLAS.ti, MAXQDA and NVivo import it.
// The caller maps the corpus onto the format-neutral model below; this module only knows the format.
import { createHash } from 'node:crypto';
import { zipSync, type ZipOptions } from 'fflate';

export interface QdaProject {
  name: string;
  /** The exporting software, e.g. `Corroborate 0.1.0`. */
  origin: string;
  user: { guid?: string; name: string };
  /** Used for every creationDateTime (and the zip entries' times), so exports are reproducible. */
  createdAt: Date;
  /** A tree: e.g. kinds (Quote / Entity / Figure / Claims) with claims as children. */
  codes: QdaCode[];
  sources: QdaSource[];
  /** Memos: about the project when they have no targets, else about their targets. */
  notes: QdaNote[];
}

export interface QdaCode {
  guid: string;
  name: string;
  /** `#RRGGBB`. */
  color?: string;
  description?: string;
  children?: QdaCode[];
}

export interface QdaSource {
  guid: string;
  name: string;
  text: string;
  description?: string;
  selections: QdaSelection[];
}

export interface QdaSelection {
  guid: string;
  name: string;
  /** UTF-16 offsets into the source's text, end exclusive. */
  start: number;
  end: number;
  /** Guids of the codes applied to the segment. */
  codes: string[];
  /** Memo on this segment. */
  note?: string;
}

export interface QdaNote {
  guid: string;
  name: string;
  text: string;
  /** Guids of the codes, sources and selections the note is about. */
  targets?: string[];
}

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

// ---------------------------------------------------------------------------------------------------
// Guids

// GUIDType in Project.xsd: 8-4-4-4-12 hex digits, either case (a braced form is allowed too; not used).
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Namespace of Corroborate's name-based guids: fixed, since changing it changes every exported guid.
const GUID_NAMESPACE = Buffer.from('6f1c2a4e9b3d4c7a8e5f0a1b2c3d4e5f', 'hex');

/**
 * A deterministic UUID v5 (SHA-1, RFC 4122) of `parts`, uppercase: the same project exported twice
 * gets the same guids, so the two files diff cleanly. Parts are JSON-encoded so ('a','b') ≠ ('ab').
 */
export function stableGuid(...parts: string[]): string {
  const hash = createHash('sha1').update(GUID_NAMESPACE).update(JSON.stringify(parts), 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Uppercase is the one spelling we write, so references given in either case still match. */
function canonicalGuid(guid: string, what: string): string {
  if (!GUID.test(guid)) throw new Error(`QDPX export: ${what} has an invalid guid "${guid}"`);
  return guid.toUpperCase();
}

// ---------------------------------------------------------------------------------------------------
// XML text

// XML 1.0 forbids C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF: they are dropped (they are
// invisible formatting debris, e.g. form feeds from PDF extraction). A lone surrogate cannot be encoded
// in UTF-8; it becomes U+FFFD, as the UTF-8 encoder does to the source files.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlChars(s: string): string {
  return s.replace(XML_FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');
}

// A parser turns CR LF into LF everywhere, and tab, LF and CR into spaces in attributes: character
// references keep them as written.
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;' };

function escapeText(s: string): string {
  return xmlChars(s).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]);
}

function escapeAttribute(s: string): string {
  return xmlChars(s).replace(/[&<>\r"'\t\n]/g, (c) => ATTRIBUTE_ESCAPES[c]);
}

/** An element; children are written in the order given, which the builders below take from Project.xsd. */
interface XmlElement {
  name: string;
  attributes: [string, string | undefined][];
  children?: XmlElement[];
  text?: string;
}

function element(name: string, attributes: XmlElement['attributes'], children: XmlElement[] = []): XmlElement {
  return { name, attributes, children };
}

function textElement(name: string, text: string): XmlElement {
  return { name, attributes: [], text };
}

function render(node: XmlElement, indent: string, out: string[]): void {
  const attributes = node.attributes
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  if (node.text !== undefined) out.push(`${indent}<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`);
  else if (!node.children?.length) out.push(`${indent}<${node.name}${attributes}/>`);
  else {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of node.children) render(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Positions

/**
 * Code point offsets for the UTF-16 offsets of `text`. The standard counts characters, and QualCoder
 * (Python str indices) counts code points, while our offsets count UTF-16 units: an emoji is two of
 * those but one character, so every segment after it would land one character late. Throws on an
 * offset that falls inside a surrogate pair: no character position corresponds to it.
 */
function codePointOffsets(text: string): (offset: number) => number {
  const isHigh = (i: number) => (text.charCodeAt(i) & 0xfc00) === 0xd800;
  const isLow = (i: number) => (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  const before = new Uint32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    before[i] = count;
    // A lone surrogate counts as one character, as the U+FFFD it becomes in the UTF-8 file.
    if (!(isLow(i) && i > 0 && isHigh(i - 1))) count++;
  }
  before[text.length] = count;
  return (offset) => {
    if (offset > 0 && isLow(offset) && isHigh(offset - 1)) throw new Error(`QDPX export: offset ${offset} splits a surrogate pair`);
    return before[offset];
  };
}

// ---------------------------------------------------------------------------------------------------
// Checks: a file an importer rejects halfway (or silently misreads) is worse than no file.

const COLOR = /^#[0-9a-fA-F]{6}$/;

function* allCodes(codes: QdaCode[]): Generator<QdaCode> {
  for (const code of codes) {
    yield code;
    if (code.children) yield* allCodes(code.children);
  }
}

/** Throws on duplicate or malformed guids, dangling references, segments outside their text, bad colours. */
function checkProject(project: QdaProject): void {
  if (Number.isNaN(project.createdAt.getTime())) throw new Error('QDPX export: createdAt is not a valid date');
  const seen = new Map<string, string>();
  const claim = (guid: string, what: string) => {
    const key = canonicalGuid(guid, what);
    if (seen.has(key)) throw new Error(`QDPX export: guid ${guid} is used by both ${seen.get(key)} and ${what}`);
    seen.set(key, what);
  };
  if (project.user.guid !== undefined) claim(project.user.guid, `user "${project.user.name}"`);
  const codes = new Set<string>();
  for (const code of allCodes(project.codes)) {
    claim(code.guid, `code "${code.name}"`);
    codes.add(code.guid.toUpperCase());
    if (code.color !== undefined && !COLOR.test(code.color)) throw new Error(`QDPX export: code "${code.name}" has colour "${code.color}", not #RRGGBB`);
  }
  const targets = new Set(codes);
  for (const source of project.sources) {
    claim(source.guid, `source "${source.name}"`);
    targets.add(source.guid.toUpperCase());
    for (const s of source.selections) {
      const what = `selection "${s.name}" of "${source.name}"`;
      claim(s.guid, what);
      targets.add(s.guid.toUpperCase());
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= source.text.length)) {
        throw new Error(`QDPX export: ${what} spans ${s.start}–${s.end}, outside the text (length ${source.text.length})`);
      }
      for (const code of s.codes) if (!codes.has(code.toUpperCase())) throw new Error(`QDPX export: ${what} refers to unknown code ${code}`);
    }
  }
  for (const note of project.notes) {
    claim(note.guid, `note "${note.name}"`);
    for (const t of note.targets ?? []) if (!targets.has(t.toUpperCase())) throw new Error(`QDPX export: note "${note.name}" is about unknown ${t}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// project.qde

/** xs:dateTime in UTC, whole seconds: fractions are legal, but some importers parse only the short form. */
function xsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Notes about codes, sources and selections are listed in Notes like any note and referenced from the
// target by a NoteRef child: that is the schema's own attachment (CodeType, TextSourceType and
// SelectionType all have NoteRef*), and ATLAS.ti and MAXQDA map it to a memo linked to the object.
// Links/Link is meant for relations between objects (code → code), so it is not used. A segment's own
// memo goes in the selection's Description instead: QualCoder reads that as the coded segment's memo
// (it imports Notes as journal entries and would lose the link), and ATLAS.ti as the quotation comment.
function noteRefsByTarget(notes: QdaNote[]): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  for (const note of notes) {
    for (const target of new Set((note.targets ?? []).map((t) => t.toUpperCase()))) {
      const list = refs.get(target) ?? [];
      list.push(note.guid.toUpperCase());
      refs.set(target, list);
    }
  }
  return refs;
}

function buildProject(project: QdaProject): XmlElement {
  const userGuid = (project.user.guid ?? stableGuid('user', project.user.name)).toUpperCase();
  const created = xsdDateTime(project.createdAt);
  const noteRefs = noteRefsByTarget(project.notes);
  const stamp = (): XmlElement['attributes'] => [['creatingUser', userGuid], ['creationDateTime', created]];
  const description = (text: string | undefined) => (text ? [textElement('Description', text)] : []);
  const refsTo = (guid: string) => (noteRefs.get(guid.toUpperCase()) ?? []).map((n) => element('NoteRef', [['targetGUID', n]]));

  // CodeType: Description?, NoteRef*, Code*.
  const code = (c: QdaCode): XmlElement =>
    element(
      'Code',
      [['guid', c.guid.toUpperCase()], ['name', c.name], ['isCodable', 'true'], ['color', c.color]],
      [...description(c.description), ...refsTo(c.guid), ...(c.children ?? []).map(code)],
    );

  // SelectionType: Description?, Coding*, NoteRef*; CodingType: CodeRef.
  const selection = (s: QdaSelection, toCodePoints: (offset: number) => number): XmlElement => {
    const guid = s.guid.toUpperCase();
    const codings = [...new Set(s.codes.map((c) => c.toUpperCase()))].map((codeGuid) =>
      element('Coding', [['guid', stableGuid('coding', guid, codeGuid)], ...stamp()], [element('CodeRef', [['targetGUID', codeGuid]])]),
    );
    return element(
      'PlainTextSelection',
      [['guid', guid], ['name', s.name || undefined], ['startPosition', String(toCodePoints(s.start))], ['endPosition', String(toCodePoints(s.end))], ...stamp()],
      [...description(s.note), ...codings, ...refsTo(guid)],
    );
  };

  // TextSourceType: Description?, PlainTextContent?, PlainTextSelection*, Coding*, then NoteRef* and
  // VariableValue* (their relative order does not matter here: no variables are written).
  // The text goes in its own file, not in PlainTextContent: importers read plainTextPath.
  const source = (src: QdaSource): XmlElement => {
    const guid = src.guid.toUpperCase();
    const toCodePoints = codePointOffsets(src.text);
    return element(
      'TextSource',
      [['guid', guid], ['name', src.name], ['plainTextPath', `internal://${guid}.txt`], ...stamp()],
      [...description(src.description), ...src.selections.map((s) => selection(s, toCodePoints)), ...refsTo(guid)],
    );
  };

  // Notes are TextSourceType too; their text is inline.
  const note = (n: QdaNote): XmlElement =>
    element('Note', [['guid', n.guid.toUpperCase()], ['name', n.name], ...stamp()], [textElement('PlainTextContent', n.text)]);

  // ProjectType: Users?, CodeBook?, Variables?, Cases?, Sources?, Notes?, Links?, Sets?, Graphs?, …
  // Codes, Sources and Notes need at least one child each, so empty ones are left out.
  const children: XmlElement[] = [element('Users', [], [element('User', [['guid', userGuid], ['name', project.user.name]])])];
  if (project.codes.length) children.push(element('CodeBook', [], [element('Codes', [], project.codes.map(code))]));
  if (project.sources.length) children.push(element('Sources', [], project.sources.map(source)));
  if (project.notes.length) children.push(element('Notes', [], project.notes.map(note)));
  return element(
    'Project',
    [['xmlns', QDA_NAMESPACE], ['name', project.name], ['origin', project.origin], ['creatingUserGUID', userGuid], ['creationDateTime', created]],
    children,
  );
}

/** The `project.qde` document of `project`. */
export function projectXml(project: QdaProject): string {
  checkProject(project);
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  render(buildProject(project), '', lines);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// The archive

/**
 * A Date whose local fields are `date`'s UTC fields: zip entry times are local wall-clock times, and
 * fflate reads them in the machine's time zone; this keeps the bytes the same in every zone. Zip
 * dates run from 1980 to 2099 (as fflate accepts), so the year is clamped.
 */
function zipTime(date: Date): Date {
  const year = Math.min(2099, Math.max(1980, date.getUTCFullYear()));
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/** The `.qdpx` bytes: `project.qde` first, then each source's text as `Sources/<guid>.txt`, UTF-8 without BOM. */
export function writeQdpx(project: QdaProject): Uint8Array {
  const utf8 = new TextEncoder();
  const options: ZipOptions = { level: 6, mtime: zipTime(project.createdAt) };
  const files: Record<string, [Uint8Array, ZipOptions]> = { 'project.qde': [utf8.encode(projectXml(project)), options] };
  for (const source of project.sources) files[`Sources/${source.guid.toUpperCase()}.txt`] = [utf8.encode(source.text), options];
  return zipSync(files);
}
