// The claims exported as a report (Markdown), JSON and CSV, with the researcher's work: sources under their
// names and files, notes on claims and passages, claims the researcher shaped. Each export is read back.
import { strict as assert } from 'node:assert';
import { corpusExportOptions, exportClaims } from '../../src/core/export.js';
import { emptyCuration } from '../../src/core/curation/model.js';
import * as edit from '../../src/core/curation/edit.js';
import { seed, seedCorpus } from './helpers/seeds.js';

const [upi, reuters] = [seed('000'), seed('001')];
// A sixth source whose figure differs from the five seeds': the confirmation quote, with 12,000.
const DISSENT = 'zz_dissent.txt';
const CLAIM_MEMO = 'One briefing, five outlets:\nnot five confirmations.';
const PASSAGE_MEMO = 'Reworded from the wire | check *the* original.';

function curated() {
  const corpus = seedCorpus();
  corpus.set(DISSENT, '“I can confirm that over 12,000 DPRK soldiers have been sent to eastern Russia, and most of them have moved to the far western Kursk Oblast,” Patel said.\n');
  const confirmation = corpus.claims().find((c) => c.status === 'differ')!;
  const shared = corpus.claims().find((c) => c.status === 'agree' && c.passages.some((p) => p.text.includes('have trained the DPRK soldiers')))!;
  let c = edit.renameSource(emptyCuration(), upi, 'UPI wire');
  c = edit.setClaimMemo(c, corpus, shared, CLAIM_MEMO);
  c = edit.setPassageMemo(c, corpus, shared.passages.find((p) => p.doc === reuters)!, PASSAGE_MEMO);
  corpus.setCuration(c);
  return { corpus, confirmation, options: corpusExportOptions(corpus, { path: (id) => `news/${id}` }) };
}

/** RFC 4180 fields, quotes doubled, line breaks inside quotes kept. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('export with the researcher\'s work', () => {
  const { corpus, confirmation, options } = curated();
  const claims = corpus.claims();

  it('the setting: one claim whose figures differ, one with a note, one passage with a note, a renamed source', () => {
    assert.equal(claims.filter((c) => c.status === 'differ').length, 1);
    assert.equal(claims.filter((c) => c.memo).length, 1);
    assert.equal(corpus.label(upi), 'UPI wire');
  });

  describe('Markdown report', () => {
    const md = exportClaims(claims, 'markdown', options);
    const heading = (title: string) => md.indexOf(`\n## ${title}`);

    it('starts with a table of the sources: name, file, outlet, date, author', () => {
      assert.ok(heading('Sources') < md.indexOf('\n### '), 'the sources before any claim');
      assert.match(md, /\| Source \| File \| Outlet \| Date \| Author \|/);
      assert.ok(md.includes(`| UPI wire | news/${upi} | UPI | Nov. 13 | — |`), 'the researcher\'s name, with what the text says');
      assert.ok(md.includes(`| Yonhap | news/${seed('002')} | Yonhap | — | — |`));
      assert.equal((md.match(/^\| .* \| news\/.* \|$/gm) ?? []).length, 6, 'every source once');
    });

    it('lists disagreements first, with each source\'s figures, then claims several sources carry, then single-source ones', () => {
      const [differ, several, single] = ['Where the sources’ figures differ (1)', 'Carried by several sources', 'Reported by one source only'].map(heading);
      assert.ok(differ > 0 && differ < several && several < single, `${differ} ${several} ${single}`);
      const section = md.slice(differ, several);
      assert.ok(section.includes(`### ${confirmation.label.replace(/\s+/g, ' ')}`));
      assert.match(section, /\| UPI wire \| over 10,000 \|/);
      assert.ok(section.includes(`| ${corpus.label(DISSENT)} | over 12,000 |`));
      for (const c of claims.filter((x) => x.status === 'single')) assert.ok(md.lastIndexOf(`### ${c.label.replace(/\s+/g, ' ').replace(/[[\]*]/g, '\\$&')}`) > single, c.label);
    });

    it('names passages by source and line, and gives the notes as blockquotes', () => {
      assert.match(md, /^- \*\*UPI wire\*\*, line \d+ — /m);
      assert.ok(md.includes('*5 sources · sources agree · statement · shaped by the researcher*\n\n> One briefing, five outlets:\n> not five confirmations.\n'), 'the claim note under the claim');
      // The passage note belongs to its list item; its Markdown is the researcher's, kept as written.
      assert.match(md, new RegExp(`^- \\*\\*${corpus.label(reuters)}\\*\\*, line \\d+ — .*\\n  > Reworded from the wire \\| check \\*the\\* original\\.$`, 'm'));
    });

    it('escapes what the sources say, so their text is never read as markup', () => {
      const odd = exportClaims([{ ...confirmation, label: 'A *bold* [link](x) | pipe' }], 'markdown', { name: () => 'Name | with <b>' });
      assert.ok(odd.includes('### A \\*bold\\* \\[link\\](x) \\| pipe'));
      assert.ok(odd.includes('| Name \\| with \\<b\\> |'));
    });
  });

  it('JSON: sources with names, paths and what they say of themselves; claims with notes; passages with names, paths and notes', () => {
    const back = JSON.parse(exportClaims(claims, 'json', options));
    assert.deepEqual(back.sources[0], { name: 'UPI wire', path: `news/${upi}`, outlet: 'UPI', date: 'Nov. 13', author: null });
    assert.equal(back.sources.length, 6);
    const noted = back.claims.find((c: { memo: string | null }) => c.memo)!;
    assert.equal(noted.memo, CLAIM_MEMO);
    assert.equal(noted.shaped, true);
    assert.deepEqual(noted.sources[0], { name: 'UPI wire', path: `news/${upi}` });
    const passage = noted.passages.find((p: { path: string }) => p.path === `news/${reuters}`);
    assert.equal(passage.memo, PASSAGE_MEMO);
    assert.equal(passage.source, corpus.label(reuters));
    assert.equal(passage.text, corpus.get(reuters)!.text.slice(passage.start, passage.end));
    assert.ok(back.claims.filter((c: { shaped: boolean }) => !c.shaped).every((c: { memo: null }) => c.memo === null));
  });

  it('CSV: one row per passage with the source\'s name and path, the claim\'s and the passage\'s notes', () => {
    const [header, ...rows] = parseCsv(exportClaims(claims, 'csv', options));
    assert.deepEqual(header, ['claim_id', 'claim', 'kind', 'status', 'shaped', 'claim_memo', 'sources', 'source', 'path', 'line', 'start', 'end', 'passage', 'passage_memo']);
    assert.equal(rows.length, claims.reduce((n, c) => n + c.passages.length, 0));
    const col = (name: string) => header.indexOf(name);
    const noted = rows.filter((r) => r[col('claim_memo')] === CLAIM_MEMO);
    assert.equal(noted.length, 5, 'the note on every row of its claim, line break kept');
    assert.ok(noted.every((r) => r[col('shaped')] === 'yes'));
    const reworded = rows.filter((r) => r[col('passage_memo')] === PASSAGE_MEMO);
    assert.deepEqual(reworded.map((r) => [r[col('source')], r[col('path')]]), [[corpus.label(reuters), `news/${reuters}`]]);
    assert.ok(rows.some((r) => r[col('source')] === 'UPI wire' && r[col('path')] === `news/${upi}`));
  });

  it('CSV: text a spreadsheet would run as a formula is written as text', () => {
    const claim = { ...claims[0], label: '=HYPERLINK("http://example.com","click")', memo: '+1 see -2', passages: claims[0].passages.slice(0, 1) };
    const [header, row] = parseCsv(exportClaims([claim], 'csv', options));
    assert.equal(row[header.indexOf('claim')], `'=HYPERLINK("http://example.com","click")`);
    assert.equal(row[header.indexOf('claim_memo')], "'+1 see -2");
    assert.equal(row[header.indexOf('start')], String(claim.passages[0].start), 'numbers as they are');
  });

  it('without options: documents by id, the claims\' sources only, no notes', () => {
    const plain = JSON.parse(exportClaims(claims, 'json'));
    assert.deepEqual(plain.sources[0], { name: upi, path: upi, outlet: null, date: null, author: null });
    assert.ok(plain.claims.flatMap((c: { passages: { memo: null }[] }) => c.passages).every((p: { memo: null }) => p.memo === null));
  });
});
