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

  describe('units of measure', () => {
    it('reads small and kitchen units, and temperatures in the singular', () => {
      expectNumber('Add ½ teaspoon of salt.', '½ teaspoon', { label: 'measure', value: 0.5, unit: 'teaspoon' });
      expectNumber('a dose of 120 μg daily', '120 μg', { label: 'measure', value: 120, unit: 'μg' });
      expectNumber('a 10 nanometer chip', '10 nanometer', { label: 'measure', value: 10, unit: 'nanometer' });
      expectNumber('It was 5 degree fahrenheit outside.', '5 degree fahrenheit', { label: 'measure', value: 5, unit: 'degree fahrenheit' });
    });
    it('keeps both units of a rate', () => {
      expectNumber('The car does 30 miles per gallon.', '30 miles per gallon', { label: 'measure', value: 30, unit: 'miles per gallon' });
      expectNumber('He paid 5 dollars per hour.', '5 dollars', { label: 'money', value: 5, unit: 'USD' });
    });
  });

  describe('currency names and signs after the amount', () => {
    it('reads currency names of several words as money with their ISO code', () => {
      expectNumber('The deal was worth 420 million Finnish markka.', '420 million Finnish markka', { label: 'money', value: 420e6, unit: 'FIM' });
      expectNumber('It cost 10 Hong Kong dollars.', '10 Hong Kong dollars', { label: 'money', value: 10, unit: 'HKD' });
      expectNumber('She sent 500 Mexican pesos home.', '500 Mexican pesos', { label: 'money', value: 500, unit: 'MXN' });
      expectNumber('Fares rose to 10 Turkish liras.', '10 Turkish liras', { label: 'money', value: 10, unit: 'TRY' });
      expectNumber('He held 5 bitcoins.', '5 bitcoins', { label: 'money', value: 5, unit: 'BTC' });
    });
    it('leaves a name shared by several currencies without its adjective as a count', () => {
      expectNumber('She sent 500 pesos home.', '500', { label: 'count', unit: 'pesos' });
    });
    it('reads a sign after the amount, unless a figure follows it', () => {
      expectNumber('A ticket is 10 € here.', '10 €', { label: 'money', value: 10, unit: 'EUR' });
      expectNumber('He found 5 $10 bills.', '$10', { label: 'money', value: 10, unit: 'USD' });
      expectNumber('The price is cad$ 15.', 'cad$ 15', { label: 'money', value: 15, unit: 'CAD' });
    });
    it('adds unnamed cents at the end of a clause', () => {
      expectNumber('It only cost thirteen dollars forty five.', 'thirteen dollars forty five', { label: 'money', value: 13.45, unit: 'USD' });
      expectNumber('It costs 15 dollars 50.', '15 dollars 50', { label: 'money', value: 15.5, unit: 'USD' });
      expectNumber('He paid 5 dollars 30 times.', '5 dollars', { label: 'money', value: 5, unit: 'USD' });
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
      expectNumber('Since 2014, it has grown.', 'Since 2014', { label: 'year', value: 2014 });
      expectNumber('They sent 1500 soldiers.', '1500', { label: 'count', value: 1500, unit: 'soldiers' });
    });
    it('reads dates', () => {
      expectNumber('SEOUL, Nov. 13 (UPI) — North Korean soldiers', 'Nov. 13', { label: 'date', value: 1113 });
      expectNumber('signed a treaty on June 19 in Pyongyang', 'June 19', { label: 'date', value: 619 });
      expectNumber('launched an incursion on Aug. 6 and', 'Aug. 6', { label: 'date', value: 806 });
      expectNumber('Updated on Nov. 13, 2024.', 'Nov. 13, 2024', { label: 'date', value: 20241113 });
      expectNumber('Updated13 Nov 2024, 06:58 AM IST', '13 Nov 2024', { label: 'date', value: 20241113 });
      expectNumber('First Published:13 Nov 2024, 06:58 AM IST', '13 Nov 2024', { label: 'date', value: 20241113 });
      expectNumber('The file is dated 2024-11-13.', '2024-11-13', { label: 'date', value: 20241113 });
      expectNumber('a surprise incursion in August', 'August', { label: 'date', value: 800 });
      expectNumber('the State Department confirmed Tuesday.', 'Tuesday', { label: 'date', value: null });
    });
    it('keeps `may` the verb out of dates', () => {
      expectNone('Moscow may be sharing technology.', 'may');
      expectNumber('It happened on May 9, 2024.', 'May 9, 2024', { label: 'date', value: 20240509 });
    });
    it('reads times with am/pm and time zones', () => {
      expectNumber('The briefing began at 5:35 a.m. ET on the border.', '5:35 a.m. ET', { label: 'time', value: 335, unit: 'ET' });
      expectNumber('Updated13 Nov 2024, 06:58 AM IST', '06:58 AM IST', { label: 'time', value: 418 });
      expectNumber('The vote closes at 8 p.m. local time.', '8 p.m.', { label: 'time', value: 1200 });
      assert.ok(!numbers('at 5:35 a.m. ET').some((a) => a.label === 'count'));
    });
  });

  describe('dates with times, ranges of dates and times', () => {
    it('reads a day and its time as one date', () => {
      expectNumber('Updated on Nov. 13, 2024 at 5:35 a.m. ET', 'Nov. 13, 2024 at 5:35 a.m. ET', { label: 'date', value: 20241113 });
      expectNumber('The vote is set for Thursday 1 pm local time.', 'Thursday 1 pm', { label: 'date', value: null });
      expectNumber('The ceasefire took effect at 8 a.m. on Nov. 5, officials said.', '8 a.m. on Nov. 5', { label: 'date', value: 1105 });
      expectNumber('Talks resume tomorrow morning at 9, the ministry said.', 'tomorrow morning at 9', { label: 'date', value: null });
      // a dateline's comma keeps them apart
      expectNumber('Updated13 Nov 2024, 06:58 AM IST', '06:58 AM IST', { label: 'time', value: 418 });
    });
    it('reads time ranges as the time they start', () => {
      expectNumber('Polls are open from 7 a.m. to 8 p.m. on Sunday.', 'from 7 a.m. to 8 p.m. on Sunday', { label: 'date', value: null });
      expectNumber('Polls are open from 7 a.m. to 8 p.m. across the country.', 'from 7 a.m. to 8 p.m.', { label: 'time', value: 420 });
      expectNumber('The shelling lasted from 5 to 6pm, residents said.', 'from 5 to 6pm', { label: 'time', value: 1020 });
      expectNumber('A curfew applies between 2 and 3 pm in the old town.', 'between 2 and 3 pm', { label: 'time', value: 840 });
      expectNumber('Explosions were heard between 7 and 9 last night.', 'between 7 and 9 last night', { label: 'date', value: null });
    });
    it('reads ranges of dates and years', () => {
      expectNumber('The offensive ran from March to May, the report says.', 'from March to May', { label: 'date', value: 300 });
      expectNumber('Output fell between 2014 and 2018, the agency said.', 'between 2014 and 2018', { label: 'year', value: 2014 });
      expectNumber('The festival runs from 9 to 12 June in Seoul.', 'from 9 to 12 June', { label: 'date', value: 609 });
      expectNumber('Leaders meet November 19-20 in Rio.', 'November 19-20', { label: 'date', value: 1119 });
      // a range of counts stays a count range
      expectNumber('between 1990 and 2000 troops were deployed', 'between 1990 and 2000', { label: 'range', unit: 'troops' });
    });
    it('reads relative and recurring dates, with no value', () => {
      for (const [text, span] of [
        ['The talks resume next Monday in Geneva.', 'next Monday'],
        ['At a meeting last week, Russia declined.', 'last week'],
        ['Protests are planned this weekend.', 'this weekend'],
        ['Officials will meet tomorrow morning.', 'tomorrow morning'],
        ['The council meets every Tuesday.', 'every Tuesday'],
        ['Prices rose earlier this month.', 'earlier this month'],
        ['Fighting intensified over the weekend.', 'the weekend'],
        ['Two drones were shot down last night.', 'last night'],
        ['The bodies were found two weeks before Christmas.', 'two weeks before Christmas'],
        ['Markets are closed on Christmas Day.', 'Christmas Day'],
        ['Convoys arrive three times a week.', 'three times a week'],
      ]) expectNumber(text, span, { label: 'date', value: null });
    });
    it('keeps the month or year a part of a period lies in', () => {
      expectNumber('I\'ll be out the last week of July.', 'the last week of July', { label: 'date', value: 700 });
      expectNumber('Troops arrived in mid-November.', 'mid-November', { label: 'date', value: 1100 });
      expectNumber('The plant opens in early 2020.', 'early 2020', { label: 'year', value: 2020 });
      expectNumber('Exports fell in the first six months of 2024.', 'the first six months of 2024', { label: 'year', value: 2024 });
      expectNumber('The deal should close by the end of 2025.', 'end of 2025', { label: 'year', value: 2025 });
    });
    it('takes in the open bound of a date or time, keeping its label and value', () => {
      expectNumber('Prices have doubled since August.', 'since August', { label: 'date', value: 800 });
      expectNumber('Nobody was hired after 2010 or before 2000.', 'after 2010', { label: 'year', value: 2010 });
      expectNumber('Nobody was hired after 2010 or before 2000.', 'before 2000', { label: 'year', value: 2000 });
      expectNumber('Bids are due no later than Friday, officials said.', 'no later than Friday', { label: 'date', value: null });
      expectNumber('The new rules apply to cars built in 2012 or later.', '2012 or later', { label: 'year', value: 2012 });
      expectNumber('Strikes are planned starting on January 7th.', 'starting on January 7th', { label: 'date', value: 107 });
      expectNumber('between 2015 and 2018 or later than 2020', 'later than 2020', { label: 'year', value: 2020 });
    });
    it('reads a month of a year in figures, not a season of two years', () => {
      expectNumber('Sales in 2015-3 were up.', '2015-3', { label: 'date', value: 20150300 });
      expectNumber('The card expires 12-2015.', '12-2015', { label: 'date', value: 20151200 });
      expectNumber('It opened in 3/2015.', '3/2015', { label: 'date', value: 20150300 });
      expectNone('He scored in the 2011-12 season.', '2011-12');
    });
    it('reads years said in words after a month, a day or a year preposition', () => {
      expectNumber('They arrived 13 Sept nineteen seventy two.', '13 Sept nineteen seventy two', { label: 'date', value: 19720913 });
      expectNumber('I will be out August two thousand and fifteen.', 'August two thousand and fifteen', { label: 'date', value: 20150800 });
      expectNumber('They left in nineteen ninety six.', 'nineteen ninety six', { label: 'year', value: 1996 });
      expectNumber('Aid rose in two thousand homes.', 'two thousand', { label: 'count', value: 2000, unit: 'homes' });
      expectNumber('In March twenty people came.', 'twenty', { label: 'count', value: 20, unit: 'people' });
    });
    it('keeps a day with a bounded time as one date', () => {
      expectNumber('They met Tuesday after 1pm.', 'Tuesday after 1pm', { label: 'date', value: null });
      expectNumber('He will be back tomorrow before 5pm.', 'tomorrow before 5pm', { label: 'date', value: null });
      expectNumber('The talks end on Monday, March 3 by noon.', 'Monday, March 3 by noon', { label: 'date', value: 303 });
    });
    it('reads a weekday abbreviation after a relative week', () => {
      expectNumber('Schedule a meeting next week Mon or Tue.', 'next week Mon', { label: 'date', value: null });
    });
    it('reads offsets from now as relative dates, and leaves bare durations measures', () => {
      expectNumber('He left 2 days ago.', '2 days ago', { label: 'date', value: null });
      expectNumber('Three weeks later, the talks resumed.', 'Three weeks later', { label: 'date', value: null });
      expectNumber('A year earlier, prices fell.', 'A year earlier', { label: 'date', value: null });
      expectNumber('The strike starts 30 minutes from now.', '30 minutes from now', { label: 'time', value: null });
      expectNumber('An hour later he was gone.', 'An hour later', { label: 'time', value: null });
      expectNumber('It lasted for 3 days.', '3 days', { label: 'measure', value: 3, unit: 'days' });
      expectNumber('It is the first time in two years.', 'two years', { label: 'measure', value: 2, unit: 'years' });
    });
    it('takes in the `the` a date needs (an ordinal, `the next day`), not one it may go without', () => {
      expectNumber('We will meet on the 18th of May.', 'the 18th of May', { label: 'date', value: 518 });
      expectNumber('She left the next day.', 'the next day', { label: 'date', value: null });
      expectNumber('Sales will rise in the next quarter.', 'next quarter', { label: 'date', value: null });
      expectNumber('It was the 2024 election.', '2024', { label: 'year', value: 2024 });
      expectNumber('before the June 19 summit', 'June 19', { label: 'date', value: 619 });
    });
    it('reads `May` and `March` after a preposition, and a day after a relative month', () => {
      expectNumber('The law takes effect in May, the ministry said.', 'May', { label: 'date', value: 500 });
      expectNumber('He was last seen this August 2nd near the border.', 'this August 2nd', { label: 'date', value: 802 });
      expectNumber('The blast happened late Friday night in the capital.', 'late Friday night', { label: 'date', value: null });
      expectNone('Theresa May said they may march.', 'May');
      expectNone('It was a May-December romance.', 'May');
    });
    it('reads a month with a day in words, and decades', () => {
      expectNumber('The accord was signed on March eighteenth in Paris.', 'March eighteenth', { label: 'date', value: 318 });
      expectNumber('She was born on May twenty nine, her family said.', 'May twenty nine', { label: 'date', value: 529 });
      expectNumber('Prices peaked in the 1990s.', '1990s', { label: 'year', value: 1990 });
      expectNumber('Who were us presidents in the 1990 s.', '1990 s', { label: 'year', value: 1990 });
    });
    it('does not read relative words, names and verbs as dates', () => {
      expectNone('Today, Russia is more isolated than ever.', 'Today');
      expectNone('She may return, and they sat down on Wednesday.', 'may');
      expectNone('They sat down.', 'sat');
      expectNone('the weekly magazine reported', 'weekly');
      expectNone('They put up a Christmas tree.', 'Christmas');
      expectNone('He met Johnson on Monday at 10 Downing Street.', 'Monday at 10');
      expectNumber('In March twenty people were killed.', 'twenty', { label: 'count', unit: 'people' });
      expectNumber('On Monday 21 people died.', '21', { label: 'count', unit: 'people' });
      expectNumber('Costs rise today at 3 p.m. sharp.', 'today at 3 p.m.', { label: 'date', value: null });
    });
  });

  describe('fractions, bounds and other amounts', () => {
    it('reads any whole number in words over a plural denominator as one fraction', () => {
      expectNumber('The error was a hundred trillionths of the total.', 'a hundred trillionths', { label: 'count', value: 1e-10 });
      expectNumber('It is twenty fifths exactly.', 'twenty fifths', { label: 'count', value: 4 });
      expectNumber('one hundred and thirty fifths', 'one hundred and thirty fifths', { value: 26 });
      expectNumber('It moved two hundredths of a point.', 'two hundredths', { value: 0.02 });
      expectNumber('The answer is one twenty-fifth.', 'one twenty-fifth', { value: 0.04 });
      expectNumber('It took two seconds.', 'two seconds', { label: 'measure', value: 2, unit: 'seconds' });
      expectNumber('the one twenty-fifth anniversary', 'twenty-fifth', { label: 'ordinal', value: 25 });
    });
    it('reads a fraction after a scale as a fraction of the scale, unless `of` follows', () => {
      expectNumber('There are one million and a half possibilities.', 'one million and a half', { label: 'count', value: 1.5e6 });
      expectNumber('3 million and a quarter people voted.', '3 million and a quarter', { value: 3.25e6, unit: 'people' });
      expectNumber('2 million and a third of them fled.', '2 million', { value: 2e6 });
    });
    it('reads half a dozen as six', () => {
      expectNumber('Half a dozen soldiers were hurt.', 'Half a dozen', { label: 'count', value: 6, unit: 'soldiers' });
    });
    it('joins number words split by a spaced hyphen', () => {
      expectNumber('They counted fifty - two boats.', 'fifty - two', { label: 'count', value: 52, unit: 'boats' });
      expectNumber('twenty - thirty people', 'twenty - thirty', { label: 'range', value: 20, upper: 30 });
    });
    it('keeps an open bound after the figure in the span, the counted noun after it', () => {
      expectNumber('Five hundred or more people came.', 'Five hundred or more', { label: 'count', value: 500, unit: 'people', approx: 'or more' });
      expectNumber('Shares fell 5% or more on Monday.', '5% or more', { label: 'percent', value: 5, unit: '%', approx: 'or more' });
      expectNumber('It runs 10 km or more a day.', '10 km or more', { label: 'measure', value: 10, unit: 'km', approx: 'or more' });
      expectNumber('Men aged 18 and over were called up.', '18 and over', { label: 'count', value: 18, approx: 'and over' });
    });
    it('reads inclusive bounds as qualifiers, alone and in pairs', () => {
      expectNumber('Scores less than or equal to 30 fail.', 'less than or equal to 30', { value: 30, approx: 'less than or equal to' });
      expectNumber('greater than 30 and less than or equal to 40 points', 'greater than 30 and less than or equal to 40',
        { label: 'range', value: 30, upper: 40, approx: null });
    });
    it('reads fractions in words and signs', () => {
      expectNumber('The war has lasted two and a half years.', 'two and a half years', { label: 'measure', value: 2.5, unit: 'years' });
      expectNumber('Half a million people fled.', 'Half a million', { label: 'count', value: 5e5, unit: 'people' });
      expectNumber('He won a third of the vote.', 'a third', { label: 'count', value: 1 / 3 });
      expectNumber('The tunnel is 2 1/2 miles long.', '2 1/2 miles', { label: 'measure', value: 2.5, unit: 'miles' });
      expectNumber('The tunnel is 1½ miles long.', '1½ miles', { label: 'measure', value: 1.5, unit: 'miles' });
      expectNumber('one hundred and three and two thirds', 'one hundred and three and two thirds', { value: 103 + 2 / 3 });
      expectNumber('a third party candidate', 'third', { label: 'ordinal', value: 3 });
    });
    it('reads shares and spoken decimals', () => {
      expectNumber('One in five adults in the region smoke.', 'One in five', { label: 'count', value: 0.2, unit: 'adults' });
      expectNumber('Nearly 3 in 10 Americans disagree.', 'Nearly 3 in 10', { value: 0.3, unit: 'Americans', approx: 'nearly' });
      expectNumber('The quake killed 3 in 10 days.', '10 days', { label: 'measure', value: 10 });
      expectNumber('The fund holds three point five million dollars.', 'three point five million dollars', { label: 'money', value: 3.5e6 });
      expectNumber('At one point two people left the room.', 'two', { label: 'count', value: 2, unit: 'people' });
    });
    it('reads two bounds as a range', () => {
      expectNumber('Men aged over 18 and under 60 may not leave.', 'over 18 and under 60', { label: 'range', value: 18, upper: 60, approx: null });
      // bounds that leave nothing between them are two figures
      assert.ok(!numbers('more than 40 and less than 10').some((a) => a.label === 'range'));
    });
    it('reads negative number words and Indian scales', () => {
      expectNumber('Temperatures fell to minus five overnight.', 'minus five', { label: 'count', value: -5 });
      expectNumber('The project cost 5 crore rupees.', '5 crore rupees', { label: 'money', value: 5e7, unit: 'INR' });
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
