// The benchmark corpus: article-like news documents generated deterministically from real coverage.
//
// Each ECB+ event (and the seeds' event) is a story with a pool of claim units taken from its real
// articles. A generated article belongs to one story and retells some of its claims, lightly varied as
// outlets vary wire copy, so claims recur across documents as they do in real coverage; quotes carry
// speakers; filler paragraphs of nlp-corpus prose bring it to a length drawn from a realistic spread.
// Document i depends only on the seed and i, so the first N documents of a larger corpus are the corpus
// of N documents.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadMaterial, type Material, type StoryMaterial, type Unit } from './material.js';
import { chance, int, logNormal, pick, rngFor, shuffled, weightedIndex, type Rng } from './random.js';
import { changeFigure, moveAttribution, swapReportingVerb, trimQuote } from './vary.js';

export const DEFAULT_SEED = 'corroborate-bench-1';

export interface GeneratedDocument {
  /** Relative path, `<outlet>/<story>-<n>.txt`: also the document's id in the corpus. */
  id: string;
  text: string;
  story: string;
}

interface Story extends StoryMaterial {
  slug: string;
  /** Month (0–11) and day the event was reported; articles run on that day or the next two. */
  month: number;
  day: number;
  /** Units rendered as a quote, with the speaker they are attributed to. */
  quotables: Map<Unit, string>;
  /** This story's share of the filler sentences: background that its articles repeat among themselves. */
  filler: string[];
}

const OUTLETS = [
  { folder: 'ap', agency: 'AP' },
  { folder: 'reuters', agency: 'Reuters' },
  { folder: 'upi', agency: 'UPI' },
  { folder: 'afp', agency: 'AFP' },
  { folder: 'web', agency: null },
  { folder: 'local', agency: null },
] as const;

const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const FALLBACK_PLACES = ['Washington', 'London', 'New York', 'Los Angeles', 'Chicago', 'Sydney'];
/** Share of articles far longer than the usual spread (features, live pages). */
const LONG_SHARE = 0.02;
/** How uneven coverage is: story k (by pool size) gets weight 1 / (k + 1)^SKEW. */
const SKEW = 0.5;

function slugOf(material: StoryMaterial): string {
  const id = material.id === 'seeds' ? 'seeds' : `e${material.id.replace(/_ecb$/, 'a').replace(/_ecbplus$/, 'b').padStart(3, '0')}`;
  const words = (material.headlines[0] ?? material.units[0]?.text ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return [id, ...words.filter((w) => w.length > 2).slice(0, 4)].join('-');
}

function buildStories(material: Material, seed: string): { stories: Story[]; cumulative: number[] } {
  const usable = material.stories.filter((s) => s.units.length >= 5);
  const fillerShare = Math.floor(material.filler.length / usable.length);
  const stories = usable.map((m, k): Story => {
    const rng = rngFor(seed, 'story', m.id);
    const quotables = new Map<Unit, string>();
    if (m.speakers.length) {
      for (const u of m.units) {
        // Statements that are not already reported speech read naturally as someone's words.
        const plain = !/[“”"]|\b(said|says|told|according to)\b/.test(u.text) && u.text.length >= 60 && u.text.length <= 260 && u.text.endsWith('.');
        if (plain && chance(rng, 0.2)) quotables.set(u, pick(rng, m.speakers));
      }
    }
    return {
      ...m,
      slug: slugOf(m),
      month: int(rng, 0, 11),
      day: int(rng, 1, 26),
      quotables,
      filler: material.filler.slice(k * fillerShare, (k + 1) * fillerShare),
    };
  });
  // Bigger events have more articles: the most material gets the most coverage.
  const byPool = [...stories].sort((a, b) => b.units.length - a.units.length || (a.id < b.id ? -1 : 1));
  const weight = new Map(byPool.map((s, rank) => [s, 1 / (rank + 1) ** SKEW]));
  let total = 0;
  const cumulative = stories.map((s) => (total += weight.get(s)!));
  return { stories, cumulative };
}

function dateline(rng: Rng, story: Story, agency: string | null): string {
  const place = (story.place ?? pick(rng, FALLBACK_PLACES)).toUpperCase();
  const day = story.day + int(rng, 0, 2);
  const dash = pick(rng, ['—', '--', '–']);
  if (agency) return `${place}, ${MONTHS[story.month]} ${day} (${agency}) ${dash} `;
  return chance(rng, 0.5) ? `${place} ${dash} ` : '';
}

const surname = (name: string) => name.split(' ').pop()!;

/** A unit as this article tells it. */
function retell(rng: Rng, story: Story, unit: Unit, quoted: Set<string>): string {
  let text = unit.text;
  if (chance(rng, 0.12)) text = changeFigure(rng, text);
  const speaker = story.quotables.get(unit);
  if (speaker && chance(rng, 0.8)) {
    let words = text.replace(/\.$/, '');
    if (chance(rng, 0.25)) words = trimQuote(rng, words);
    // The full name the first time a speaker is quoted, the surname after.
    const who = quoted.has(speaker) ? surname(speaker) : speaker;
    quoted.add(speaker);
    const verb = pick(rng, ['said', 'said', 'told reporters', 'added']);
    return chance(rng, 0.7) ? `“${words},” ${who} ${verb}.` : `${who} ${verb}: “${words}.”`;
  }
  if (chance(rng, 0.3)) text = swapReportingVerb(rng, text);
  if (chance(rng, 0.25)) text = moveAttribution(text);
  return text;
}

export class CorpusGenerator {
  private readonly stories: Story[];
  private readonly cumulative: number[];

  constructor(material: Material = loadMaterial(), private readonly seed = DEFAULT_SEED) {
    ({ stories: this.stories, cumulative: this.cumulative } = buildStories(material, seed));
  }

  get storyCount(): number {
    return this.stories.length;
  }

  /** Document `index` of the corpus; `length` and `story` force its target length and story. */
  document(index: number, options: { length?: number; story?: string } = {}): GeneratedDocument {
    const rng = rngFor(this.seed, 'doc', index);
    const story = (options.story && this.stories.find((s) => s.id === options.story)) || this.stories[weightedIndex(rng, this.cumulative)];
    const outlet = pick(rng, OUTLETS);
    const target = options.length ?? (chance(rng, LONG_SHARE) ? int(rng, 12_000, 40_000) : Math.round(Math.min(12_000, Math.max(1_000, logNormal(rng, 3_800, 0.55)))));
    const headline = story.headlines.length && chance(rng, 0.85) ? pick(rng, story.headlines) : null;

    // The story's claims: a lead from the top of some real article, then others in reading order.
    const leads = story.units.filter((u) => u.position <= 0.15);
    const lead = leads.length ? pick(rng, leads) : story.units[0];
    const budget = target * (0.45 + 0.3 * rng.next());
    const rest = shuffled(rng, story.units.filter((u) => u !== lead));
    const chosen: Unit[] = [];
    let used = lead.text.length;
    for (const u of rest) {
      if (used >= budget) break;
      chosen.push(u);
      used += u.text.length + 2;
    }
    chosen.sort((a, b) => a.position - b.position);

    const quoted = new Set<string>();
    const paragraphs: string[] = [dateline(rng, story, outlet.agency) + retell(rng, story, lead, quoted)];
    for (let i = 0; i < chosen.length; i++) {
      const first = retell(rng, story, chosen[i], quoted);
      // Two short statements sometimes share a paragraph; quotes stand alone.
      if (i + 1 < chosen.length && !first.includes('“') && chance(rng, 0.3)) {
        const second = retell(rng, story, chosen[i + 1], quoted);
        if (!second.includes('“')) {
          paragraphs.push(`${first} ${second}`);
          i++;
          continue;
        }
      }
      paragraphs.push(first);
    }

    // Background paragraphs anywhere after the lead, until the target length.
    let length = paragraphs.reduce((n, p) => n + p.length + 2, headline ? headline.length + 2 : 0);
    const filler = shuffled(rng, story.filler);
    let next = 0;
    while (length < target && next < filler.length) {
      const count = Math.min(int(rng, 2, 4), filler.length - next);
      const paragraph = filler.slice(next, next + count).join(' ');
      next += count;
      paragraphs.splice(int(rng, 1, paragraphs.length), 0, paragraph);
      length += paragraph.length + 2;
    }

    // Most sites separate paragraphs with a blank line; copies from some lose it.
    const separator = chance(rng, 0.8) ? '\n\n' : '\n';
    const body = paragraphs.join(separator);
    const text = `${headline ? `${headline}${separator}` : ''}${body}\n`;
    const id = `${outlet.folder}/${story.slug}-${String(index).padStart(5, '0')}.txt`;
    return { id, text, story: story.id };
  }

  documents(count: number, from = 0): GeneratedDocument[] {
    return Array.from({ length: count }, (_, i) => this.document(from + i));
  }

  /** The ~10 KB document edited in the re-analysis benchmark: a story rich in quotes and figures. */
  editableDocument(): GeneratedDocument {
    const doc = this.document(1_000_000, { length: 10_000, story: 'seeds' });
    return { ...doc, id: doc.id.replace(/-\d+\.txt$/, '-edited.txt') };
  }

  /** Documents per story, for describing the corpus. */
  static storySizes(docs: GeneratedDocument[]): number[] {
    const counts = new Map<string, number>();
    for (const d of docs) counts.set(d.story, (counts.get(d.story) ?? 0) + 1);
    return [...counts.values()].sort((a, b) => a - b);
  }
}

/** The first `count` documents of the corpus for `seed`. */
export function generateCorpus(count: number, seed = DEFAULT_SEED): GeneratedDocument[] {
  return new CorpusGenerator(loadMaterial(), seed).documents(count);
}

/**
 * Writes the first `count` generated documents as .txt files under `dir`, one sub-folder per outlet
 * (`ap/`, `reuters/`, … ), as a researcher's collection would be laid out.
 */
export async function writeCorpusFolder(dir: string, count: number, seed = DEFAULT_SEED): Promise<void> {
  const generator = new CorpusGenerator(loadMaterial(), seed);
  const folders = new Set<string>();
  const BATCH = 256;
  for (let from = 0; from < count; from += BATCH) {
    const docs = generator.documents(Math.min(BATCH, count - from), from);
    for (const d of docs) {
      const folder = dirname(join(dir, d.id));
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
    }
    await Promise.all(docs.map((d) => writeFile(join(dir, d.id), d.text, 'utf8')));
  }
}
