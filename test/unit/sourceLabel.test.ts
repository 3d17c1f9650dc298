import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSource, type SourceDescription } from '../../src/core/sourceLabel.js';
import { FIXTURES, seedTexts } from './helpers/seeds.js';

const BODY = 'North Korean troops have entered combat, officials said on Tuesday.\n\nMore of the story follows here.';

/** The description's parts that a researcher reads, for compact assertions. */
const parts = (d: SourceDescription) => ({ label: d.label, outlet: d.outlet, date: d.date, isoDate: d.isoDate, author: d.author, from: d.from });

/** Every span must point at text that shows the value it stands for. */
function assertSpans(text: string, d: SourceDescription): void {
  for (const span of d.spans) {
    const written = text.slice(span.start, span.end);
    assert.ok(written.length > 0, `empty ${span.field} span`);
    if (span.field === 'date') assert.equal(written, d.date);
    if (span.field === 'author') assert.ok(written.includes(d.author!.split(' and ')[0]), `${written} / ${d.author}`);
  }
}

function described(text: string, fileName = 'story.txt'): SourceDescription {
  const d = describeSource(text, fileName);
  assertSpans(text, d);
  return d;
}

describe('source descriptions', () => {
  describe('datelines', () => {
    it('reads the outlet and date of a wire dateline', () => {
      assert.deepEqual(parts(described(`SEOUL, Nov. 13 (UPI) -- ${BODY}`)), {
        label: 'UPI · Nov. 13',
        outlet: 'UPI',
        date: 'Nov. 13',
        isoDate: null,
        author: null,
        from: ['dateline'],
      });
    });

    it('reads datelines with and without a place or date', () => {
      assert.equal(described(`WASHINGTON (Reuters) - ${BODY}`).outlet, 'Reuters');
      assert.equal(described(`KYIV, Ukraine (AP) — ${BODY}`).outlet, 'Associated Press');
      assert.equal(described(`(CNN) — ${BODY}`).outlet, 'CNN');
      const yonhap = described(`Nov. 13 (Yonhap) -- ${BODY}`);
      assert.deepEqual([yonhap.outlet, yonhap.date], ['Yonhap', 'Nov. 13']);
    });

    it('takes no parenthesis with digits for an agency, nor a title for a place', () => {
      const zone = described(`26 September 2013, 10:00 (GMT+05:00)\n${BODY}`);
      assert.deepEqual([zone.outlet, zone.isoDate], [null, '2013-09-26']);
      assert.equal(described(`Officials in Seoul said (Yonhap) - troops had moved.\n${BODY}`).outlet, null);
    });

    it('takes the year from a copyright line or a later update, the nearest one', () => {
      assert.equal(described(`SEOUL, Nov. 13 (UPI) -- ${BODY}\n© 2024 United Press International, Inc. All Rights Reserved.`).isoDate, '2024-11-13');
      assert.equal(described(`SEOUL, Dec. 31 (Yonhap) -- ${BODY}\nUpdated Jan. 1, 2025`).isoDate, '2024-12-31');
    });
  });

  describe('credits, bylines and headers', () => {
    it('reads copyright lines and the reporters of a wire story', () => {
      assert.deepEqual(parts(described(`${BODY}\n\n© 2024 The Associated Press. All rights reserved.`)), {
        label: 'Associated Press',
        outlet: 'Associated Press',
        date: null,
        isoDate: null,
        author: null,
        from: ['credit'],
      });
      assert.equal(described(`${BODY}\nCopyright 2024 Reuters`).outlet, 'Reuters');
      const wire = described(`SEOUL (Reuters) - ${BODY}\n(Reporting by Jane Doe in Seoul and John Roe in Washington; Editing by Tom Hogue)`);
      assert.deepEqual([wire.label, wire.from], ['Reuters · Jane Doe and John Roe', ['dateline', 'credit']]);
    });

    it('reads bylines, with an outlet and a date after them', () => {
      assert.deepEqual(parts(described(`Troops enter combat\nBy Jane Doe\n${BODY}`)), {
        label: 'Jane Doe',
        outlet: null,
        date: null,
        isoDate: null,
        author: 'Jane Doe',
        from: ['byline'],
      });
      const cnn = described(`Troops enter combat\nBy Jane Doe and John Roe, CNN\nUpdated Nov. 14, 2024 5:02 p.m. ET\n${BODY}`);
      assert.equal(cnn.label, 'CNN · Jane Doe and John Roe · 2024-11-14');
      const ap = described(`By KIM SOO-YEON, Associated Press\n${BODY}`);
      assert.deepEqual([ap.author, ap.outlet], ['KIM SOO-YEON', 'Associated Press']);
      assert.equal(described(`By Jane Doe, Staff Writer\n${BODY}`).label, 'Jane Doe');
    });

    it('does not take prose for a byline', () => {
      assert.equal(described(`By Saturday, at least 6,000 Web sites had been infected.\n${BODY}`).author, null);
    });

    it('reads publication and update lines, preferring publication', () => {
      assert.equal(described(`Published: 13 November 2024\n${BODY}`).isoDate, '2024-11-13');
      assert.equal(described(`Updated Nov. 14, 2024 5:02 p.m. ET\n${BODY}`).date, 'Nov. 14, 2024');
      assert.equal(described(`Posted on November 13, 2024 at 9:00 am\n${BODY}`).isoDate, '2024-11-13');
      assert.equal(described(`Updated Nov. 14, 2024 | Published Nov. 13, 2024\n${BODY}`).date, 'Nov. 13, 2024');
      assert.equal(described(`Updated 5:02 p.m. ET\n${BODY}`).date, null);
    });

    it('settles the order of a numeric date by the time zone, else leaves the ISO date out', () => {
      assert.equal(described(`8:13 AM PDT 8 / 2 / 2013\n${BODY}`).isoDate, '2013-08-02');
      assert.equal(described(`Last updated 13:26 09 / 08 / 2013 BST\n${BODY}`).isoDate, '2013-08-09');
      const unsure = described(`05 / 02 / 2013\n${BODY}`);
      assert.deepEqual([unsure.date, unsure.isoDate], ['05 / 02 / 2013', null]);
    });

    it('reads the lines a collector writes above a saved article', () => {
      assert.deepEqual(parts(described(`Source: Yonhap News Agency\nAuthor: Kim Soo-yeon\nDate: 2024-11-13\n\n${BODY}`)), {
        label: 'Yonhap · Kim Soo-yeon · 2024-11-13',
        outlet: 'Yonhap',
        date: '2024-11-13',
        isoDate: '2024-11-13',
        author: 'Kim Soo-yeon',
        from: ['header'],
      });
      assert.equal(described(`Outlet: https://www.reuters.com/world/asia/story\n\n${BODY}`).outlet, 'Reuters');
    });
  });

  describe('source URLs', () => {
    it('names well-known sites and dates the article from its path', () => {
      assert.deepEqual(parts(described(`http://www.upi.com/Top_News/World-News/2024/11/13/North-Korea/1234/\n${BODY}`)), {
        label: 'UPI · 2024-11-13',
        outlet: 'UPI',
        date: '2024/11/13',
        isoDate: '2024-11-13',
        author: null,
        from: ['url'],
      });
      assert.equal(described(`http://edition.cnn.com/2013/08/02/showbiz/story.html\n${BODY}`).outlet, 'CNN');
      assert.equal(described(`http://sports.espn.go.com/nba/news/story?id=2066717\n${BODY}`).outlet, 'ESPN');
    });

    it('names other sites from their domain', () => {
      const name = (url: string) => described(`${url}\n${BODY}`).outlet;
      assert.equal(name('https://www.koreanewsdaily.net/article/5678'), 'Koreanewsdaily');
      assert.equal(name('http://ktla.com/2013/05/03/lohan/'), 'KTLA');
      assert.equal(name('http://www.odt.co.nz/news/national/273204/'), 'ODT');
      assert.equal(name('http://www.sun-sentinel.com/news/'), 'Sun-Sentinel');
      assert.equal(name('http://kennedyscommentary.blogspot.nl/2008/12/post.html'), 'Kennedyscommentary');
    });
  });

  describe('the sample sources', () => {
    const seeds = Object.fromEntries(seedTexts().map(({ id, text }) => [id.slice(0, 3), { id, text }]));
    const of = (prefix: string) => described(seeds[prefix].text, seeds[prefix].id);

    it('000: a UPI dateline without a year', () => {
      assert.deepEqual(parts(of('000')), { label: 'UPI · Nov. 13', outlet: 'UPI', date: 'Nov. 13', isoDate: null, author: null, from: ['dateline'] });
    });

    it('001: nothing about itself, so the file name', () => {
      assert.deepEqual(parts(of('001')), { label: '001_c43a6b52a279afae', outlet: null, date: null, isoDate: null, author: null, from: ['file'] });
    });

    it('002: a Yonhap story, credited on a line of its own at the end', () => {
      assert.deepEqual(parts(of('002')), { label: 'Yonhap', outlet: 'Yonhap', date: null, isoDate: null, author: null, from: ['credit'] });
    });

    it('003: an update line; the editor is not taken for the author', () => {
      assert.deepEqual(parts(of('003')), {
        label: '003_6f9ea62709bac099 · 2024-11-13',
        outlet: null,
        date: 'Nov. 13, 2024',
        isoDate: '2024-11-13',
        author: null,
        from: ['file', 'header'],
      });
    });

    it('004: the first-published line at the end wins over the update line at the top', () => {
      const d = of('004');
      assert.deepEqual([d.label, d.date], ['004_c0e525c02778e124 · 2024-11-13', '13 Nov 2024']);
      assert.ok(d.spans[0].start > seeds['004'].text.length - 100);
    });
  });

  describe('ECB+ articles', () => {
    const docs = new Map<string, string>();
    for (const line of readFileSync(join(FIXTURES, 'eval', 'ecbplus_topics1-35.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      for (const doc of JSON.parse(line).docs) docs.set(doc.id, doc.text);
    }
    const label = (id: string) => described(docs.get(id)!, `${id}.txt`).label;

    it('labels articles from their URL and date lines', () => {
      assert.equal(label('28_11ecbplus'), 'UPI · 2004-07-28'); // Published: July 28, 2004 at 1:24 PM
      assert.equal(label('2_8ecbplus'), 'Reuters · 2013-08-02'); // Fri Aug 2, 2013 6:50pm EDT
      assert.equal(label('1_11ecbplus'), 'New York Daily News · 2013-05-02'); // PUBLISHED: THURSDAY, MAY 2, 2013 … UPDATED: …
      assert.equal(label('2_9ecbplus'), 'The Guardian · 2013-08-02'); // only the URL: /2013/aug/02/
      assert.equal(label('2_4ecbplus'), 'The Hollywood Reporter · 2013-08-02'); // 8:13 AM PDT 8 / 2 / 2013
      assert.equal(label('22_14ecbplus'), 'News4allz · 2010-09-11'); // 11 / 09 / 2010, the URL says September
      assert.equal(label('9_9ecbplus'), 'Commondreams · 2009-04-27'); // WASHINGTON - April 27 -, the year from the URL
    });

    it('prefers the agency named in the text to the site that ran the story', () => {
      assert.equal(label('27_11ecbplus'), 'Reuters · 2013-09-18'); // Reuters Sep 18, 2013, 02. 16PM IST on a Times of India page
      assert.equal(label('34_9ecbplus'), 'CNA · 2009-07-13'); // Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)
      assert.equal(label('7_11ecb'), 'Sports Network'); // Mannheim, Germany (Sports Network) -
    });

    it('leaves out what the text does not settle', () => {
      assert.equal(label('29_6ecbplus'), 'Associated Press · Dec. 24'); // no year anywhere
      assert.equal(label('1_13ecbplus'), 'Ontheredcarpet · 05 / 02 / 2013'); // May 2 or February 5
      assert.equal(label('1_1ecb'), '1_1ecb'); // plain text, nothing about itself
    });

    it('describes all 772 articles quickly', () => {
      const started = performance.now();
      let dated = 0;
      for (const [id, text] of docs) if (described(text, id).isoDate) dated++;
      assert.ok(dated > 300, `${dated} dated`);
      assert.ok(performance.now() - started < 5000);
    });
  });

  describe('odd input', () => {
    it('falls back to the file name without extension or folder', () => {
      assert.equal(described('', '000_812b520c8dabc6dc.txt').label, '000_812b520c8dabc6dc');
      assert.equal(described(BODY, 'sources/kursk/ap.story.txt').label, 'ap.story');
      assert.equal(described(BODY, 'README').label, 'README');
    });

    it('never throws, and reads only the ends of a huge text', () => {
      const inputs = [
        '',
        '\n\n\n',
        '\u0000\u0001\u0002\ufffd\ud800 binary',
        'x'.repeat(2_000_000),
        'By '.repeat(100_000),
        '('.repeat(5000) + ')'.repeat(5000),
        `${'SEOUL, Nov. 13 (UPI) -- '.repeat(50)}\n`.repeat(200),
        `http://${'a.'.repeat(3000)}com/\n${BODY}`,
        `© ${'Reuters '.repeat(1000)}`,
        '2024-13-45 99 / 99 / 9999 Feb. 30, 2023 Nov. 0',
      ];
      for (const text of inputs) {
        const started = performance.now();
        const d = described(text, 'odd.txt');
        assert.ok(d.label, 'a label');
        assert.ok(performance.now() - started < 500, `slow on ${JSON.stringify(text.slice(0, 30))}`);
      }
      assert.equal(described('2024-13-45\nFeb. 30, 2023\n' + BODY).isoDate, null);
    });
  });
});
