// Reads a .qdpx back the way an importer would, written from the REFI-QDA format and not from our
// writer (nothing of src/core/qdpx.ts but its types is used), so round trips test the file format.
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { QdaCode, QdaNote, QdaProject, QdaSelection, QdaSource } from '../../../src/core/qdpx.js';

export const QDA_NS = 'urn:QDA-XML:project:1.0';

/** An element with its namespace resolved, attributes and text decoded as a conforming parser would. */
export interface XmlNode {
  name: string;
  namespace: string | undefined;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Character data directly inside the element, concatenated. */
  text: string;
}

// fast-xml-parser's output with preserveOrder: [{ tag: [...children], ':@': { attr: value } } | { '#text': s }].
type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The five predefined entities and character references; anything else is not well-formed here. */
function decodeReferences(s: string): string {
  return s.replace(/&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));|&/g, (m, named: string, dec: string, hex: string) => {
    if (named) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[named]!;
    if (dec || hex) return String.fromCodePoint(parseInt(dec ?? hex, dec ? 10 : 16));
    throw new Error(`unescaped or unknown entity at "${m}"`);
  });
}

// XML 1.0 §2.11 and §3.3.3: line ends become LF, then literal tab/LF/CR in attributes become spaces;
// references are decoded after, so escaped ones survive.
const normaliseLineEnds = (s: string) => s.replace(/\r\n?/g, '\n');
const decodeText = (raw: string) => decodeReferences(normaliseLineEnds(raw));
const decodeAttribute = (raw: string) => decodeReferences(normaliseLineEnds(raw).replace(/[\t\n]/g, ' '));

function toNode(raw: RawNode, scope: Map<string, string>): XmlNode {
  const tag = Object.keys(raw).find((k) => k !== ':@')!;
  const attributes: Record<string, string> = {};
  const inner = new Map(scope);
  for (const [k, v] of Object.entries(raw[':@'] ?? {})) {
    const value = decodeAttribute(v);
    if (k === 'xmlns') inner.set('', value);
    else if (k.startsWith('xmlns:')) inner.set(k.slice(6), value);
    else attributes[k] = value;
  }
  const colon = tag.indexOf(':');
  const name = colon < 0 ? tag : tag.slice(colon + 1);
  const namespace = inner.get(colon < 0 ? '' : tag.slice(0, colon));
  const node: XmlNode = { name, namespace, attributes, children: [], text: '' };
  for (const child of raw[tag] as RawNode[]) {
    if ('#text' in child) node.text += decodeText(String(child['#text']));
    else node.children.push(toNode(child, inner));
  }
  return node;
}

/** Parses an XML document into its root element. Throws if the document does not start with a declaration. */
export function parseXml(xml: string): XmlNode {
  if (!/^<\?xml version="1\.0" encoding="utf-8"\?>/i.test(xml)) throw new Error('no XML declaration with UTF-8 encoding');
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
  });
  const roots = (parser.parse(xml) as RawNode[]).filter((n) => !('#text' in n));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return toNode(roots[0], new Map());
}

/** The entries of a .qdpx, by path. */
export function qdpxEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** The root element of the archive's project.qde. */
export function readQdeTree(bytes: Uint8Array): XmlNode {
  const qde = qdpxEntries(bytes)['project.qde'];
  if (!qde) throw new Error('no project.qde in the archive');
  return parseXml(new TextDecoder('utf-8', { fatal: true }).decode(qde));
}

// -------------------------------------------------------------------------------------------------

/** Child elements of the QDA namespace called `name`. */
function kids(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name && c.namespace === QDA_NS);
}

function only(node: XmlNode, name: string): XmlNode | undefined {
  const found = kids(node, name);
  if (found.length > 1) throw new Error(`<${node.name}> has ${found.length} <${name}>`);
  return found[0];
}

function required(node: XmlNode, attribute: string): string {
  const value = node.attributes[attribute];
  if (value === undefined) throw new Error(`<${node.name}> lacks ${attribute}`);
  return value;
}

/** UTF-16 offsets for character (code point) positions of `text`. */
function utf16Offsets(text: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return offsets;
}

function position(node: XmlNode, attribute: string, offsets: number[]): number {
  const raw = required(node, attribute);
  if (!/^[0-9]+$/.test(raw)) throw new Error(`${attribute}="${raw}" is not a position`);
  const offset = offsets[Number(raw)];
  if (offset === undefined) throw new Error(`${attribute}="${raw}" is past the end of the text`);
  return offset;
}

/** A .qdpx as a QdaProject; optional fields appear only when the file has them. */
export function readQdpx(bytes: Uint8Array): QdaProject {
  const entries = qdpxEntries(bytes);
  const root = readQdeTree(bytes);
  if (root.name !== 'Project' || root.namespace !== QDA_NS) throw new Error(`root is {${root.namespace}}${root.name}`);

  const users = new Map((only(root, 'Users') ? kids(only(root, 'Users')!, 'User') : []).map((u) => [required(u, 'guid'), u.attributes.name ?? '']));
  const userGuid = required(root, 'creatingUserGUID');
  const created = new Date(required(root, 'creationDateTime'));

  // NoteRefs anywhere point at notes; collect the target (the enclosing element) per note, in document order.
  const targetsOf = new Map<string, string[]>();
  const noteRefs = (owner: XmlNode) => {
    for (const ref of kids(owner, 'NoteRef')) {
      const note = required(ref, 'targetGUID');
      targetsOf.set(note, [...(targetsOf.get(note) ?? []), required(owner, 'guid')]);
    }
  };

  const code = (node: XmlNode): QdaCode => {
    noteRefs(node);
    const c: QdaCode = { guid: required(node, 'guid'), name: required(node, 'name') };
    if (node.attributes.color !== undefined) c.color = node.attributes.color;
    const description = only(node, 'Description');
    if (description) c.description = description.text;
    const children = kids(node, 'Code').map(code);
    if (children.length) c.children = children;
    return c;
  };
  const codebook = only(root, 'CodeBook');
  const codes = codebook ? kids(only(codebook, 'Codes')!, 'Code').map(code) : [];

  const source = (node: XmlNode): QdaSource => {
    noteRefs(node);
    const path = required(node, 'plainTextPath');
    const internal = /^internal:\/\/(.+)$/.exec(path);
    if (!internal) throw new Error(`plainTextPath "${path}" is not internal://`);
    const file = entries[`Sources/${internal[1]}`];
    if (!file) throw new Error(`no Sources/${internal[1]} in the archive`);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file);
    const offsets = utf16Offsets(text);
    const selections = kids(node, 'PlainTextSelection').map((sel): QdaSelection => {
      noteRefs(sel);
      const s: QdaSelection = {
        guid: required(sel, 'guid'),
        name: sel.attributes.name ?? '',
        start: position(sel, 'startPosition', offsets),
        end: position(sel, 'endPosition', offsets),
        codes: kids(sel, 'Coding').map((coding) => required(only(coding, 'CodeRef')!, 'targetGUID')),
      };
      const memo = only(sel, 'Description');
      if (memo) s.note = memo.text;
      return s;
    });
    const s: QdaSource = { guid: required(node, 'guid'), name: node.attributes.name ?? '', text, selections };
    const description = only(node, 'Description');
    if (description) s.description = description.text;
    return s;
  };
  const sourcesNode = only(root, 'Sources');
  const sources = sourcesNode ? kids(sourcesNode, 'TextSource').map(source) : [];

  // A Note is a TextSource: its text inline (PlainTextContent) or in the archive (plainTextPath), as any
  // importer may write it. It is about whatever elements hold a NoteRef to it: none for a project memo.
  const noteText = (node: XmlNode): string => {
    const inline = only(node, 'PlainTextContent');
    if (inline) return inline.text;
    const path = node.attributes.plainTextPath;
    if (path === undefined) return '';
    const internal = /^internal:\/\/(.+)$/.exec(path);
    const file = internal && entries[`Sources/${internal[1]}`];
    if (!file) throw new Error(`note text "${path}" is not in the archive`);
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file);
  };
  const notesNode = only(root, 'Notes');
  const notes = (notesNode ? kids(notesNode, 'Note') : []).map((node): QdaNote => {
    const guid = required(node, 'guid');
    const n: QdaNote = { guid, name: node.attributes.name ?? '', text: noteText(node) };
    const targets = targetsOf.get(guid);
    if (targets) n.targets = targets;
    return n;
  });

  // References an importer would fail to resolve.
  const codeGuids = new Set<string>();
  const walk = (list: QdaCode[]) => list.forEach((c) => (codeGuids.add(c.guid), walk(c.children ?? [])));
  walk(codes);
  for (const s of sources) for (const sel of s.selections) for (const c of sel.codes) if (!codeGuids.has(c)) throw new Error(`CodeRef to unknown code ${c}`);
  const noteGuids = new Set(notes.map((n) => n.guid));
  for (const note of targetsOf.keys()) if (!noteGuids.has(note)) throw new Error(`NoteRef to unknown note ${note}`);

  return {
    name: required(root, 'name'),
    origin: root.attributes.origin ?? '',
    user: { guid: userGuid, name: users.get(userGuid) ?? '' },
    createdAt: created,
    codes,
    sources,
    notes,
  };
}
