// The researcher's actions, each a pure function from one Curation to the next. The extension's commands,
// its drag and drop and the tests all call these, then hand the result to `Corpus.setCuration` and save it.
import type { Claim } from '../claims/claims.js';
import type { Passage } from '../claims/passages.js';
import type { Corpus } from '../corpus.js';
import type { AnnotationKind, EntityLabel, Span } from '../types.js';
import { entityKey } from '../entities/registry.js';
import { isAnchored, type AnchoredCorrection, type Correction, type Curation, type EntityRule, type Mark, type ShapedClaim } from './model.js';

/** Two marks of the same place (the anchors' words and where they were last seen). */
function samePlace(a: Mark, b: Mark): boolean {
  return a.source === b.source && a.anchor.exact === b.anchor.exact && a.anchor.start === b.anchor.start;
}

/** Whether a mark covers a passage (as the corpus resolves it now). */
function marksPassage(corpus: Corpus, mark: Mark, p: Pick<Passage, 'doc' | 'start' | 'end'>): boolean {
  if (mark.source !== p.doc) return false;
  const at = corpus.resolve(mark);
  return !!at && at.start < p.end && p.start < Math.max(at.end, at.start + 1);
}

// ---- Sources ----

/** Names a source; an empty name goes back to what the text says about itself. */
export function renameSource(c: Curation, source: string, label: string): Curation {
  const sources = { ...c.sources };
  if (label.trim()) sources[source] = { label: label.trim() };
  else delete sources[source];
  return { ...c, sources };
}

// ---- Corrections ----

/** Removes an annotation: undoes the researcher's own addition, else records that the machine's is wrong. */
export function removeAnnotation(c: Curation, corpus: Corpus, doc: string, a: Span & { kind: AnnotationKind }): Curation {
  const added = c.corrections.findIndex((x) => x.action === 'add' && x.kind === a.kind && marksPassage(corpus, x, { doc, ...a }) && sameSpan(corpus, x, a));
  if (added >= 0) return { ...c, corrections: c.corrections.filter((_, i) => i !== added) };
  // Corrections of the removed annotation (its speaker) go with it.
  const rest = c.corrections.filter((x) => !(x.action === 'speaker' && a.kind === 'quote' && x.source === doc && sameSpan(corpus, x, a)));
  return { ...c, corrections: [...rest, { action: 'remove', kind: a.kind, ...corpus.mark(doc, a.start, a.end) }] };
}

function sameSpan(corpus: Corpus, mark: Mark, span: Span): boolean {
  const at = corpus.resolve(mark);
  return !!at && at.start === span.start && at.end === span.end;
}

/** Adds an annotation the machine missed (replacing what overlapped it). */
export function addAnnotation(
  c: Curation,
  corpus: Corpus,
  doc: string,
  span: Span,
  what: { kind: 'quote'; speaker: string | null } | { kind: 'entity'; label: EntityLabel; name?: string } | { kind: 'number' },
): Curation {
  const correction: AnchoredCorrection = { action: 'add', ...what, ...corpus.mark(doc, span.start, span.end) } as AnchoredCorrection;
  return { ...c, corrections: [...c.corrections, correction] };
}

/** Says who a quote is by (null: nobody the text names). */
export function setSpeaker(c: Curation, corpus: Corpus, doc: string, quote: Span, speaker: string | null): Curation {
  const mark = corpus.mark(doc, quote.start, quote.end);
  // A quote the researcher added carries its speaker itself.
  const added = c.corrections.findIndex((x) => x.action === 'add' && x.kind === 'quote' && x.source === doc && sameSpan(corpus, x, quote));
  if (added >= 0) return { ...c, corrections: c.corrections.map((x, i) => (i === added ? { ...x, speaker } : x)) };
  const rest = c.corrections.filter((x) => !(x.action === 'speaker' && samePlace(x, mark)));
  return { ...c, corrections: [...rest, { action: 'speaker', speaker, ...mark }] };
}

const sameEntity = (name: string, label: EntityLabel, e: { name: string; label: EntityLabel }) => label === e.label && entityKey(name) === entityKey(e.name);

/** Every mention of an entity becomes of another type. */
export function retypeEntity(c: Curation, entity: { name: string; label: EntityLabel }, to: EntityLabel): Curation {
  // An entity retyped before is given with the type it has now; rules are written from the machine's type.
  const earlier = c.corrections.find((x) => x.action === 'retype' && sameEntity(x.entity, x.to, entity));
  const from = earlier?.action === 'retype' ? { name: earlier.entity, label: earlier.label } : entity;
  const rest = c.corrections.filter((x) => !(x.action === 'retype' && x.entity === from.name && x.label === from.label));
  return withRule(rest, c, to === from.label ? undefined : { action: 'retype', entity: from.name, label: from.label, to });
}

/** Mentions of `entity` become mentions of `into`: one entity, the other's name an alias. */
export function mergeEntities(c: Curation, entity: { name: string; label: EntityLabel }, into: { name: string; label: EntityLabel }): Curation {
  const rest = c.corrections.filter((x) => !((x.action === 'merge' || x.action === 'split') && x.entity === entity.name && x.label === entity.label));
  // Rules apply once per mention (a merge target is not merged again): names merged into `entity` before
  // now go straight to `into`, and one merged back into its own name is merged no more.
  const repointed = rest.flatMap((x): Correction[] => {
    if (x.action !== 'merge' || !sameEntity(x.into, x.intoLabel, entity)) return [x];
    return sameEntity(x.entity, x.label, into) ? [] : [{ ...x, into: into.name, intoLabel: into.label }];
  });
  return withRule(repointed, c, sameEntity(entity.name, entity.label, into) ? undefined : { action: 'merge', entity: entity.name, label: entity.label, into: into.name, intoLabel: into.label });
}

/**
 * Separates the names an entity goes by: undoes merges into it (`aliases` merged by the researcher), and
 * keeps apart a short form the machine joined to it (`Kim` taken for `Kim Jong Un`).
 */
export function splitEntity(c: Curation, entity: { name: string; label: EntityLabel }, alias: string): Curation {
  const merged = c.corrections.findIndex((x) => x.action === 'merge' && x.entity === alias && x.into === entity.name);
  if (merged >= 0) return { ...c, corrections: c.corrections.filter((_, i) => i !== merged) };
  return withRule(c.corrections, c, { action: 'split', entity: alias, label: entity.label });
}

function withRule(rest: Correction[], c: Curation, rule: EntityRule | undefined): Curation {
  return { ...c, corrections: rule ? [...rest, rule] : rest };
}

/** Undoes one correction (from a list of them, say). */
export function dropCorrection(c: Curation, correction: Correction): Curation {
  return { ...c, corrections: c.corrections.filter((x) => x !== correction) };
}

// ---- Claims ----

function nextClaimId(c: Curation): string {
  let n = c.claims.length + 1;
  while (c.claims.some((x) => x.id === `k${n}`)) n++;
  return `k${n}`;
}

function marksOfPassages(corpus: Corpus, passages: readonly Passage[]): Mark[] {
  return passages.map((p) => corpus.mark(p.doc, p.start, p.end));
}

/** The shaped claim for `claim`, made (pinning its passages as they are now) when it is the machine's. */
function pinned(c: Curation, corpus: Corpus, claim: Claim): { curation: Curation; shaped: ShapedClaim } {
  const existing = c.claims.find((x) => x.id === claim.id);
  if (existing) return { curation: c, shaped: existing };
  const shaped: ShapedClaim = { id: nextClaimId(c), title: claim.label, passages: marksOfPassages(corpus, claim.passages) };
  return { curation: { ...c, claims: [...c.claims, shaped] }, shaped };
}

function replaceClaim(c: Curation, id: string, change: (s: ShapedClaim) => ShapedClaim | undefined): Curation {
  const claims: ShapedClaim[] = [];
  for (const s of c.claims) {
    const next = s.id === id ? change(s) : s;
    if (next) claims.push(next);
  }
  return { ...c, claims };
}

export function renameClaim(c: Curation, corpus: Corpus, claim: Claim, title: string): Curation {
  const { curation, shaped } = pinned(c, corpus, claim);
  return replaceClaim(curation, shaped.id, (s) => ({ ...s, title: title.trim() || claim.label }));
}

/** A note on a claim; an empty note removes it. */
export function setClaimMemo(c: Curation, corpus: Corpus, claim: Claim, memo: string): Curation {
  const { curation, shaped } = pinned(c, corpus, claim);
  return replaceClaim(curation, shaped.id, ({ memo: _old, ...rest }) => (memo.trim() ? { ...rest, memo: memo.trim() } : rest));
}

/** A note on a passage; an empty note removes it. */
export function setPassageMemo(c: Curation, corpus: Corpus, passage: Passage, memo: string): Curation {
  const memos = c.memos.filter((m) => !marksPassage(corpus, m, passage));
  if (memo.trim()) memos.push({ ...corpus.mark(passage.doc, passage.start, passage.end), memo: memo.trim() });
  return { ...c, memos };
}

/** `from`'s passages join `into`, which keeps its name. */
export function mergeClaims(c: Curation, corpus: Corpus, into: Claim, from: Claim): Curation {
  if (into.id === from.id) return c;
  const target = pinned(c, corpus, into);
  const source = target.curation.claims.find((x) => x.id === from.id);
  const moved = source ? source.passages : marksOfPassages(corpus, from.passages);
  const memo = [target.shaped.memo, source?.memo].filter(Boolean).join('\n\n');
  let next = replaceClaim(target.curation, target.shaped.id, (s) => ({ ...s, passages: [...s.passages, ...moved], ...(memo ? { memo } : {}) }));
  if (source) next = replaceClaim(next, source.id, () => undefined);
  return next;
}

/**
 * Moves passages to another claim. The claims they leave are pinned as they are first, so that the rest
 * of a machine claim stays together instead of following the moved passage.
 */
export function movePassages(c: Curation, corpus: Corpus, passages: readonly Passage[], to: Claim): Curation {
  let next = c;
  for (const from of new Set(passages.map((p) => corpus.claimOf(p)).filter((x): x is Claim => !!x && x.id !== to.id))) {
    const rest = from.passages.filter((p) => !passages.some((q) => q.doc === p.doc && q.start === p.start));
    if (rest.length) next = pinned(next, corpus, { ...from, passages: rest }).curation;
  }
  const target = pinned(next, corpus, to);
  next = unpin(target.curation, corpus, passages);
  return replaceClaim(next, target.shaped.id, (s) => ({ ...s, passages: [...s.passages, ...marksOfPassages(corpus, passages)] }));
}

/** A new claim of the passages a selection covers, taken out of the claims they were in. */
export function claimFromPassages(c: Curation, corpus: Corpus, passages: readonly Passage[], title?: string): { curation: Curation; id: string } {
  let next = c;
  for (const from of new Set(passages.map((p) => corpus.claimOf(p)).filter((x): x is Claim => !!x))) {
    const rest = from.passages.filter((p) => !passages.some((q) => q.doc === p.doc && q.start === p.start));
    if (rest.length) next = pinned(next, corpus, { ...from, passages: rest }).curation;
  }
  next = unpin(next, corpus, passages);
  // After the claims left behind are pinned: they take ids too, and two claims must never share one.
  const id = nextClaimId(next);
  const shaped: ShapedClaim = { id, passages: marksOfPassages(corpus, passages) };
  if (title?.trim()) shaped.title = title.trim();
  return { curation: { ...next, claims: [...next.claims, shaped] }, id };
}

/** Gives a claim back to the machine: its name, note and pinned passages are forgotten. */
export function resetClaim(c: Curation, claim: Claim): Curation {
  return replaceClaim(c, claim.id, () => undefined);
}

/** Takes passages out of every shaped claim that pins them; a claim left with none is gone. */
function unpin(c: Curation, corpus: Corpus, passages: readonly Passage[]): Curation {
  return {
    ...c,
    claims: withPassages(c.claims.map((s) => ({ ...s, passages: s.passages.filter((m) => !passages.some((p) => marksPassage(corpus, m, p))) }))),
  };
}

/** Shaped claims that still pin a passage (found or orphaned): one with none would never be shown again. */
function withPassages(claims: ShapedClaim[]): ShapedClaim[] {
  return claims.filter((s) => s.passages.length);
}

/** Forgets an orphaned mark (after the researcher has seen it listed). */
export function forgetMark(c: Curation, mark: Mark): Curation {
  return {
    ...c,
    corrections: c.corrections.filter((x) => !(isAnchored(x) && x === mark)),
    claims: withPassages(c.claims.map((s) => ({ ...s, passages: s.passages.filter((m) => m !== mark) }))),
    memos: c.memos.filter((m) => m !== mark),
  };
}

/**
 * The marks of one source anchored again where the corpus finds them now: after the source was edited, a
 * mark found by its context or by approximate matching records the text as it is now, so that the next
 * edit starts from there. Marks whose text is gone are kept as they are (listed as orphans). Returns `c`
 * itself when nothing moved.
 */
export function reanchor(c: Curation, corpus: Corpus, source: string): Curation {
  let moved = false;
  const again = <T extends Mark>(m: T): T => {
    if (m.source !== source) return m;
    const at = corpus.resolve(m);
    if (!at) return m;
    const { anchor } = corpus.mark(source, at.start, at.end);
    const old = m.anchor;
    if (anchor.exact === old.exact && anchor.prefix === old.prefix && anchor.suffix === old.suffix && anchor.start === old.start && anchor.end === old.end) return m;
    moved = true;
    return { ...m, anchor };
  };
  const next: Curation = {
    ...c,
    corrections: c.corrections.map((x) => (isAnchored(x) ? again(x) : x)),
    claims: c.claims.map((s) => ({ ...s, passages: s.passages.map(again) })),
    memos: c.memos.map(again),
  };
  return moved ? next : c;
}
