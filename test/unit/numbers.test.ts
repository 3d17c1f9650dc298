import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../src/core/tokens.js';
import { findNumbers } from '../../src/core/annotators/numbers.js';
import type { NumberAnnotation } from '../../src/core/types.js';

const parser = unified().use(retextEnglish);

function numbers(text: string): NumberAnnotation[] {
  return findNumbers(tokenize(parser.parse(text) as Root, text));
}

type Expect = Partial<Pick<NumberAnnotation, 'label' | 'value' | 'unit' | 'approx' | 'upper'>>;

/** Asserts that `text` yields an annotation with span `span` and the expected fields. */
function expectNumber(text: string, span: string, expected: Expect): void {
  const found = numbers(text);
  const hit = found.find((a) => a.text === span);
  assert.ok(hit, `no annotation "${span}" in ${JSON.stringify(text)}; got ${JSON.stringify(found.map((a) => a.text))}`);
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual((hit as unknown as Record<string, unknown>)[key], value, `${key} of "${span}" in ${JSON.stringify(text)}`);
  }
}

function expectNone(text: string, span: string): void {
  const found = numbers(text);
  assert.ok(!found.some((a) => a.text.includes(span)), `unexpected "${span}" in ${JSON.stringify(found.map((a) => a.text))}`);
}

describe('numbers annotator', () => {
  describe('counts and qualifiers', () => {
    it('reads thousands separators and keeps the counted noun out of the span', () => {
      expectNumber('I can confirm that over 10,000 DPRK soldiers have been sent.', 'over 10,000',
        { label: 'count', value: 10000, unit: 'soldiers', approx: 'over' });
    });
    it('skips modifiers before the counted noun', () => {
      expectNumber('They amassed some 50,000 ground forces to retake it.', 'some 50,000',
        { label: 'count', value: 50000, unit: 'forces', approx: 'some' });
    });
    it('keeps proper-noun units capitalised', () => {
      expectNumber('holding off nearly 50,000 troops, including 11,000 North Koreans, in Kursk.', '11,000',
        { label: 'count', value: 11000, unit: 'North Koreans', approx: null });
      expectNumber('holding off nearly 50,000 troops, including 11,000 North Koreans, in Kursk.', 'nearly 50,000',
        { value: 50000, unit: 'troops', approx: 'nearly' });
    });
    it('reads multi-word qualifiers', () => {
      expectNumber('They captured more than two dozen settlements there.', 'more than two dozen',
        { label: 'count', value: 24, unit: 'settlements', approx: 'more than' });
      expectNumber('At least 12 people died.', 'At least 12', { value: 12, unit: 'people', approx: 'at least' });
      expectNumber('as many as 300 civilians fled', 'as many as 300', { value: 300, approx: 'as many as' });
      expectNumber('An estimated 2,000 homes were hit.', 'An estimated 2,000', { value: 2000, unit: 'homes', approx: 'an estimated' });
      expectNumber('fewer than 40 doctors remain', 'fewer than 40', { value: 40, unit: 'doctors', approx: 'fewer than' });
      expectNumber('up to 8 missiles were fired', 'up to 8', { value: 8, unit: 'missiles', approx: 'up to' });
    });
    it('reads vague amounts', () => {
      expectNumber('ships had loaded tens of thousands of North Korean troops', 'tens of thousands',
        { label: 'count', value: 10000, unit: 'troops', approx: 'tens of' });
      expectNumber('Pyongyang sent thousands of troops to Russia.', 'thousands',
        { label: 'count', value: 1000, unit: 'troops', approx: 'thousands of' });
      expectNumber('There are a couple of items on the list.', 'a couple',
        { label: 'count', value: 2, unit: 'items', approx: 'a couple of' });
      expectNumber('hundreds of thousands of people', 'hundreds of thousands', { value: 100000, approx: 'hundreds of' });
      expectNumber('several hundred protesters gathered', 'several hundred', { value: 100, unit: 'protesters', approx: 'several' });
    });
    it('reads number words', () => {
      expectNumber('the two countries agreed', 'two', { label: 'count', value: 2, unit: 'countries' });
      expectNumber('three hundred and twenty-five people', 'three hundred and twenty-five', { value: 325, unit: 'people' });
      expectNumber('a hundred thousand refugees', 'a hundred thousand', { value: 100000, unit: 'refugees' });
      expectNumber('Two-thirds of voters agreed.', 'Two-thirds', { value: 2 / 3 });
    });
    it('reads multipliers', () => {
      expectNumber('a population of 2.5 million people', '2.5 million', { label: 'count', value: 2.5e6, unit: 'people' });
    });
    it('treats `one` as a pronoun in `one of` and `no one`', () => {
      expectNone('China, one of North Korea’s few allies, and one of them.', 'one');
      expectNone('No one knows.', 'one');
      expectNumber('Only one soldier survived.', 'Only one', { value: 1, unit: 'soldier', approx: 'only' });
    });
    it('does not report numbers inside names, codes and counters', () => {
      for (const [text, bit] of [
        ['North Korea’s new Hwasong-19 intercontinental ballistic missile', '19'],
        ['an F-16 and a Boeing 737 landed', '737'],
        ['the COVID-19 pandemic', '19'],
        ['leaders of the G7 met', '7'],
        ['under Article 5 of the treaty', '5'],
        ['Standards Board Policy (0/250자)', '0'],
        ['Call +82 2-555-1234 now', '555'],
      ]) expectNone(text, bit);
      assert.equal(numbers('North Korea’s new Hwasong-19 missile, an F-16, a Boeing 737').length, 0);
    });
  });

  describe('money, percent, measures', () => {
    it('reads currencies and multipliers', () => {
      expectNumber('The aid totals $5 million.', '$5 million', { label: 'money', value: 5e6, unit: 'USD', approx: null });
      expectNumber('It cost $1.2bn last year.', '$1.2bn', { label: 'money', value: 1.2e9, unit: 'USD' });
      expectNumber('a fine of €20 million', '€20 million', { label: 'money', value: 2e7, unit: 'EUR' });
      expectNumber('worth £3.5m', '£3.5m', { label: 'money', value: 3.5e6, unit: 'GBP' });
      expectNumber('a budget of 1.2 trillion won', '1.2 trillion won', { label: 'money', value: 1.2e12, unit: 'KRW' });
      expectNumber('about 40 billion yuan', 'about 40 billion yuan', { label: 'money', value: 4e10, unit: 'CNY', approx: 'about' });
      expectNumber('paid 5 million dollars', '5 million dollars', { label: 'money', value: 5e6, unit: 'USD' });
      expectNumber('raised US$3 billion', 'US$3 billion', { label: 'money', value: 3e9, unit: 'USD' });
    });
    it('reads percentages', () => {
      expectNumber('Prices rose 12% in May.', '12%', { label: 'percent', value: 12, unit: '%' });
      expectNumber('Turnout was 12 percent.', '12 percent', { label: 'percent', value: 12, unit: '%' });
      expectNumber('almost 50 per cent of them', 'almost 50 per cent', { label: 'percent', value: 50, unit: '%', approx: 'almost' });
    });
    it('reads measures, with the unit words in the span', () => {
      expectNumber('forces have occupied hundreds of square miles since', 'hundreds of square miles',
        { label: 'measure', value: 100, unit: 'square miles', approx: 'hundreds of' });
      expectNumber('an escalation of the almost three-year conflict', 'almost three-year',
        { label: 'measure', value: 3, unit: 'year', approx: 'almost' });
      expectNumber('troops had spent the past two weeks moving', 'two weeks', { label: 'measure', value: 2, unit: 'weeks' });
      expectNumber('a range of 15,000 km', '15,000 km', { label: 'measure', value: 15000, unit: 'km' });
      expectNumber('The remarks came about a week after', 'about a week', { label: 'measure', value: 1, unit: 'week', approx: 'about' });
      expectNumber('a 9-year-old boy', '9-year-old', { label: 'measure', value: 9, unit: 'year-old' });
      expectNumber('It was 20°C outside.', '20°C', { label: 'measure', value: 20, unit: '°c' });
    });
  });

  describe('ranges', () => {
    it('reads ranges with to, between…and and hyphens', () => {
      expectNumber('10 to 15 people were hurt', '10 to 15', { label: 'range', value: 10, upper: 15, unit: 'people' });
      expectNumber('between 10 and 15 drones', 'between 10 and 15', { label: 'range', value: 10, upper: 15, unit: 'drones' });
      expectNumber('a 10-15 minute walk', '10-15 minute', { label: 'range', value: 10, upper: 15, unit: 'minute' });
      expectNumber('worth $10 to $15 million', '$10 to $15 million', { label: 'range', value: 1e7, upper: 1.5e7, unit: 'USD' });
    });
    it('does not read scores as ranges', () => {
      assert.ok(!numbers('They won 3-1 on Sunday.').some((a) => a.label === 'range'));
    });
  });

  describe('ordinals, years, dates and times', () => {
    it('reads ordinals', () => {
      expectNumber('for the first time on Tuesday', 'first', { label: 'ordinal', value: 1 });
      expectNumber('in the 21st century', '21st', { label: 'ordinal', value: 21 });
      expectNumber('its twenty-first summit', 'twenty-first', { label: 'ordinal', value: 21 });
    });
    it('reads years, but not counts of four digits', () => {
      expectNumber('The war ended in 1950.', '1950', { label: 'year', value: 1950 });
      expectNumber('Since 2014, it has grown.', '2014', { label: 'year', value: 2014 });
      expectNumber('They sent 1500 soldiers.', '1500', { label: 'count', value: 1500, unit: 'soldiers' });
    });
    it('reads dates', () => {
      expectNumber('SEOUL, Nov. 13 (UPI) — North Korean soldiers', 'Nov. 13', { label: 'date', value: 1113 });
      expectNumber('signed a treaty on June 19 in Pyongyang', 'June 19', { label: 'date', value: 619 });
      expectNumber('launched an incursion on Aug. 6 and', 'Aug. 6', { label: 'date', value: 806 });
      expectNumber('Updated on Nov. 13, 2024 at 5:35 a.m. ET', 'Nov. 13, 2024', { label: 'date', value: 20241113 });
      expectNumber('Updated13 Nov 2024, 06:58 AM IST', '13 Nov 2024', { label: 'date', value: 20241113 });
      expectNumber('First Published:13 Nov 2024, 06:58 AM IST', '13 Nov 2024', { label: 'date', value: 20241113 });
      expectNumber('The file is dated 2024-11-13.', '2024-11-13', { label: 'date', value: 20241113 });
      expectNumber('a surprise incursion in August', 'August', { label: 'date', value: 800 });
      expectNumber('the State Department confirmed Tuesday.', 'Tuesday', { label: 'date', value: null });
      // Relative expressions state no date a source could get wrong.
      assert.deepEqual(numbers('At a meeting last week, Russia declined. Today I can confirm it.').map((n) => n.text), []);
    });
    it('keeps `may` the verb out of dates', () => {
      expectNone('Moscow may be sharing technology.', 'may');
      expectNumber('It happened on May 9, 2024.', 'May 9, 2024', { label: 'date', value: 20240509 });
    });
    it('reads times with am/pm and time zones', () => {
      expectNumber('Updated on Nov. 13, 2024 at 5:35 a.m. ET', '5:35 a.m. ET', { label: 'time', value: 335 });
      expectNumber('Updated13 Nov 2024, 06:58 AM IST', '06:58 AM IST', { label: 'time', value: 418 });
      expectNumber('The vote closes at 8 p.m. local time.', '8 p.m.', { label: 'time', value: 1200 });
      assert.ok(!numbers('at 5:35 a.m. ET').some((a) => a.label === 'count'));
    });
  });

  describe('output invariants', () => {
    // runs from out/test/unit (bundled) or test/unit (sources)
    const dir = [join(__dirname, '../../../test/fixtures/seeds'), join(__dirname, '../fixtures/seeds'),
      join(process.cwd(), 'test/fixtures/seeds')].find((d) => existsSync(d))!;
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    it('has exact text slices, sorted, non-overlapping spans on the seeds', () => {
      assert.ok(files.length > 0);
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8');
        const found = numbers(text);
        let prevEnd = 0;
        for (const a of found) {
          assert.equal(a.kind, 'number');
          assert.equal(text.slice(a.start, a.end), a.text);
          assert.ok(a.start >= prevEnd, `overlap at ${a.text}`);
          assert.ok(a.end > a.start);
          prevEnd = a.end;
        }
      }
    });
    it('finds the headline figure in every seed that carries it', () => {
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8');
        if (!text.includes('over 10,000')) continue;
        assert.ok(numbers(text).some((a) => a.text === 'over 10,000' && a.value === 10000 && a.unit === 'soldiers'));
      }
    });
  });
});
